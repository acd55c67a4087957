// SPDX-License-Identifier: GPL-3.0-or-later
// The settings table (core/training/training_config_fields.h) drives the checkpoint JSON, the
// CLI options, the settings dialog and the validation. For every row of the table — so a new
// setting is covered as soon as it has a row — a value other than the default goes through
// the JSON, the command line (argv → config) and the dialog's widget and comes back the
// same; values just outside the row's range are refused, by the CLI naming the option. The
// JSON text is compared with the text the code before the table wrote (checkpoints of
// then and now read and write the same bytes).
#include "app/cli/cli_arguments.h"
#include "app/cli/training_options.h"
#include "core/common/input_error.h"
#include "core/io/training_checkpoint.h"
#include "core/training/training_config_fields.h"
#include "ui/dialogs/training_settings_dialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>

#include <cmath>
#include <limits>
#include <sstream>
#include <variant>

using namespace starlocus;
using core::ConfigField;
using core::TrainingConfig;

namespace {

// Written by trainingConfigToJson before the table existed (commit 44ebbf7), read from the
// "config" attribute of checkpoints of `starlocus-cli train --mock 3000 --iterations 3
// --epochs 3 --threads 2` and of a run with most settings changed.
constexpr const char* kOldDefaultJson =
    R"({"adam_beta1":0.9,"adam_beta2":0.999,"adam_epsilon":1e-07,"batch":32,"epochs":3,)"
    R"("first_iteration_max_sigma_e":0.2,"hidden_layers":[32,32],"initialization":"physical","iterations":3,)"
    R"("l1_extinction":0.01,"l2_hidden":0.0001,"learning_rate":0.001,"learning_rate_decay":0.8187307530779818,)"
    R"("seed":1,"threads":2,"threshold_final":5.0,"threshold_iterations":15,"threshold_start":100.0,)"
    R"("train_fraction":0.7,"validation_fraction":0.2})";
constexpr const char* kOldChangedJson =
    R"({"adam_beta1":0.9,"adam_beta2":0.999,"adam_epsilon":1e-07,"batch":64,"epochs":1,)"
    R"("first_iteration_max_sigma_e":0.2,"hidden_layers":[16,8],"initialization":"keras","iterations":1,)"
    R"("l1_extinction":0.02,"l2_hidden":0.001,"learning_rate":0.002,"learning_rate_decay":0.5,"seed":7,)"
    R"("threads":1,"threshold_final":5.0,"threshold_iterations":15,"threshold_start":100.0,)"
    R"("train_fraction":0.6,"validation_fraction":0.3})";

// The old text as written today: the settings added since (each with the value that reads an
// old checkpoint as it ran) slot in among the sorted keys. --shuffle-block (#17): 0, the free
// shuffle every earlier run used.
std::string writtenToday(const char* oldText) {
    std::string text = oldText;
    const std::size_t seed = text.find("\"seed\":");
    const std::size_t after = text.find(',', seed) + 1;
    text.insert(after, "\"shuffle_block\":0,");
    return text;
}

// Every setting as text: two configurations are the same when these are.
std::string allText(const TrainingConfig& c) {
    std::string text;
    for (const ConfigField& f : core::trainingConfigFields())
        text += std::string(f.jsonKey) + "=" + core::fieldText(f, c) + " ";
    return text;
}

// The defaults with this one setting changed to a valid value of its own kind.
TrainingConfig withOtherValue(const ConfigField& field) {
    TrainingConfig c;
    std::visit(
        [&](auto member) {
            auto& v = c.*member;
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int>)
                v = v + 1 <= int(field.max) ? v + 1 : v - 1;
            else if constexpr (std::is_same_v<T, double>)
                v = 0.5 * v; // every default is > 0 and halving stays within each range
            else if constexpr (std::is_same_v<T, std::uint64_t>)
                v = 18446744073709551557ull; // the largest 64-bit prime: no digit may be lost
            else if constexpr (std::is_same_v<T, std::vector<int>>)
                v = {7, 5, 3};
            else
                v = v == core::Initialization::Physical ? core::Initialization::Keras : core::Initialization::Physical;
        },
        field.member);
    return c;
}

TrainingConfig fromCommandLine(const std::vector<std::string>& argv) {
    const cli::CliArguments args(argv, cli::trainingOptionNames(), {});
    return cli::trainingConfigFromArguments(args);
}

// Values just outside the field's range (of one entry, for a list), as the CLI would get them.
std::vector<double> justOutside(const ConfigField& f) {
    std::vector<double> out;
    const bool whole = f.isInteger() || f.isList();
    // Below a closed 0: the smallest normal number (the next double down is subnormal, which
    // text-to-number conversion reports as out of range).
    const double below = f.min == 0.0 ? -std::numeric_limits<double>::min() : std::nextafter(f.min, -HUGE_VAL);
    out.push_back(whole ? f.min - 1 : f.minExclusive ? f.min : below);
    if (std::isfinite(f.max))
        out.push_back(whole ? f.max + 1 : f.maxExclusive ? f.max : std::nextafter(f.max, HUGE_VAL));
    return out;
}

std::string shortest(double v) {
    TrainingConfig c;
    c.learningRate = v; // any real setting writes numbers the same way
    return core::fieldText(*core::configFieldByKey("learning_rate"), c);
}

} // namespace

class TestTrainingConfigFields : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void tableIsConsistent() {
        QVERIFY(core::trainingConfigFields().size() >= 20);
        for (const ConfigField& f : core::trainingConfigFields()) {
            QVERIFY2(core::configFieldByKey(f.jsonKey) == &f, f.jsonKey.data());
            QVERIFY2(core::configFieldByFlag(f.cliFlag) == &f, f.cliFlag.data());
            QVERIFY2(&core::configFieldOf(f.member) == &f, f.jsonKey.data());
            QVERIFY2(!f.label.empty() && !f.help.empty(), f.jsonKey.data());
            QVERIFY2(!core::fieldProblem(f, TrainingConfig{}), f.jsonKey.data()); // the defaults are valid
        }
    }

    // The text of checkpoints written before the table, read and written again.
    void checkpointJsonIsTheOldText() {
        TrainingConfig c;
        c.iterations = 3;
        c.epochsPerIteration = 3;
        c.threads = 2;
        c.shuffleBlockStars = core::kFullShuffle; // the default then; blocks of 8,192 since
        QCOMPARE(core::trainingConfigToJson(c), writtenToday(kOldDefaultJson));
        QCOMPARE(core::trainingConfigToJson(core::trainingConfigFromJson(kOldDefaultJson, "old.h5")),
                 writtenToday(kOldDefaultJson));
        const TrainingConfig changed = core::trainingConfigFromJson(kOldChangedJson, "old.h5");
        QCOMPARE(changed.batchSize, 64);
        QCOMPARE(changed.hiddenLayers, (std::vector<int>{16, 8}));
        QCOMPARE(changed.learningRate, 0.002);
        QCOMPARE(changed.seed, std::uint64_t(7));
        QCOMPARE(changed.initialization, core::Initialization::Keras);
        QCOMPARE(core::trainingConfigToJson(changed), writtenToday(kOldChangedJson));
        // Written before "initialization" existed: those runs started the Keras way.
        std::string noInit = kOldDefaultJson;
        noInit.erase(noInit.find(R"("initialization":"physical",)"), std::string(R"("initialization":"physical",)").size());
        QCOMPARE(core::trainingConfigFromJson(noInit, "old.h5").initialization, core::Initialization::Keras);
    }

    void everyFieldRoundTrips_data() {
        QTest::addColumn<int>("row");
        int row = 0;
        for (const ConfigField& f : core::trainingConfigFields())
            QTest::newRow(f.jsonKey.data()) << row++;
    }
    void everyFieldRoundTrips() {
        QFETCH(int, row);
        const ConfigField& f = core::trainingConfigFields()[std::size_t(row)];
        const TrainingConfig in = withOtherValue(f);
        QVERIFY(core::fieldText(f, in) != core::fieldText(f, TrainingConfig{}));
        in.validate();
        const std::string expected = allText(in);

        // Checkpoint JSON.
        QCOMPARE(allText(core::trainingConfigFromJson(core::trainingConfigToJson(in), "x.h5")), expected);

        // Command line: --flag value, and --flag=value.
        const std::string option = "--" + std::string(f.cliFlag);
        QCOMPARE(allText(fromCommandLine({option, core::fieldText(f, in)})), expected);
        QCOMPARE(allText(fromCommandLine({option + "=" + core::fieldText(f, in)})), expected);

        // The dialog: typed into the setting's widget, or (not in the form) passed through.
        ui::TrainingSettingsDialog d;
        QWidget* widget = d.fieldWidget(f.jsonKey);
        QCOMPARE(widget != nullptr, f.group != core::SettingsGroup::None);
        if (auto* box = qobject_cast<QSpinBox*>(widget)) {
            box->setValue(in.*std::get<int TrainingConfig::*>(f.member));
        } else if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
            edit->setText(QString::fromStdString(core::fieldText(f, in)));
        } else {
            QVERIFY(widget == nullptr);
            d.setConfig(in);
        }
        QVERIFY2(d.config().has_value(), qPrintable(d.validationMessage()));
        QCOMPARE(allText(*d.config()), expected);
    }

    void rangesRefuseJustOutside_data() {
        QTest::addColumn<int>("row");
        int row = 0;
        for (const ConfigField& f : core::trainingConfigFields()) {
            if (f.isInteger() || f.isReal() || f.isList())
                QTest::newRow(f.jsonKey.data()) << row;
            ++row;
        }
    }
    void rangesRefuseJustOutside() {
        QFETCH(int, row);
        const ConfigField& f = core::trainingConfigFields()[std::size_t(row)];
        const std::string option = "--" + std::string(f.cliFlag);
        std::vector<std::string> texts;
        for (double v : justOutside(f))
            texts.push_back(f.isList() ? "32," + shortest(v) : shortest(v));
        if (f.isList()) { // one entry too many
            std::string many = "2";
            for (int k = 0; k < f.maxCount; ++k)
                many += ",2";
            texts.push_back(many);
        }
        for (const std::string& text : texts) {
            // The core: InputError naming the setting by its key.
            TrainingConfig c;
            core::setFieldFromText(f, c, text);
            try {
                c.validate();
                QFAIL(qPrintable(QString::fromStdString(option + " " + text + " was accepted")));
            } catch (const core::InputError& e) {
                QCOMPARE(e.field(), std::string(f.jsonKey));
            }
            // The CLI: one message naming the option.
            try {
                fromCommandLine({option, text});
                QFAIL(qPrintable(QString::fromStdString(option + " " + text + " was accepted")));
            } catch (const cli::UsageError& e) {
                QVERIFY2(std::string(e.what()).rfind("option " + option + ": ", 0) == 0, e.what());
            }
            // The dialog: a line edit takes the text and names the field by its label; a
            // spin box cannot hold it.
            ui::TrainingSettingsDialog d;
            if (auto* edit = qobject_cast<QLineEdit*>(d.fieldWidget(f.jsonKey))) {
                edit->setText(QString::fromStdString(text));
                QVERIFY(!d.config().has_value());
                const QString label = QString::fromUtf8(f.label.data(), qsizetype(f.label.size()))
                                          .remove(QLatin1Char('&'))
                                          .remove(QLatin1Char(':'))
                                          .trimmed();
                QVERIFY2(d.validationMessage().startsWith(label), qPrintable(d.validationMessage()));
            }
        }
        // The bounds themselves, where they belong to the range, are accepted.
        for (double bound : {f.min, f.max}) {
            if (!std::isfinite(bound) || (bound == f.min && f.minExclusive) || (bound == f.max && f.maxExclusive))
                continue;
            std::vector<std::string> argv{option, shortest(bound)};
            if (f.jsonKey == "train_fraction") // with the default validation fraction the split would exceed 1
                argv.insert(argv.end(), {"--validation-fraction", "0"});
            try {
                fromCommandLine(argv);
            } catch (const cli::UsageError& e) {
                QFAIL(e.what());
            }
        }
    }

    void notAValueNamesTheOption() {
        for (const ConfigField& f : core::trainingConfigFields()) {
            if (f.isReal() || f.isInteger() || f.isSeed() || f.isList() || f.isChoice()) {
                const std::string option = "--" + std::string(f.cliFlag);
                try {
                    fromCommandLine({option, "fast"});
                    QFAIL(qPrintable(QString::fromStdString(option + " fast was accepted")));
                } catch (const cli::UsageError& e) {
                    QVERIFY2(std::string(e.what()).rfind("option " + option + ": 'fast'", 0) == 0, e.what());
                }
            }
        }
    }

    // The labels live in the table in English; the dialog shows them translated (the table
    // is marked for lupdate in the dialog's context, translations/starlocus_de.ts).
    void dialogShowsTheLabelsInGerman() {
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("starlocus"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&german);
        ui::TrainingSettingsDialog d;
        for (const ConfigField& f : core::trainingConfigFields()) {
            QWidget* widget = d.fieldWidget(f.jsonKey);
            if (!widget)
                continue;
            QLabel* label = nullptr;
            for (auto* form : d.findChildren<QFormLayout*>())
                if (!label)
                    label = qobject_cast<QLabel*>(form->labelForField(widget));
            QVERIFY2(label, f.jsonKey.data());
            const QString english = QString::fromUtf8(f.label.data(), qsizetype(f.label.size()));
            // Every label has its German entry ("T&hreads:" stays as it is in German).
            const QString translation = german.translate("starlocus::ui::TrainingSettingsDialog", english.toUtf8());
            QVERIFY2(!translation.isEmpty(), qPrintable(english));
            QCOMPARE(label->text(), translation);
        }
        QCOMPARE(qobject_cast<QLabel*>(d.findChild<QFormLayout*>()->labelForField(d.fieldWidget("iterations")))->text(),
                 QStringLiteral("&Iterationen:"));
        QCOMPARE(static_cast<QSpinBox*>(d.fieldWidget("threads"))->specialValueText(), QStringLiteral("alle Kerne"));
        QVERIFY(!d.fieldWidget("hidden_layers")->toolTip().startsWith(QStringLiteral("Comma-separated")));
        if (const QString dir = qEnvironmentVariable("STARLOCUS_GRAB_DIR"); !dir.isEmpty()) {
            d.adjustSize();
            d.grab().save(dir + QStringLiteral("/training_settings_de.png"));
        }
        QCoreApplication::removeTranslator(&german);
        if (const QString dir = qEnvironmentVariable("STARLOCUS_GRAB_DIR"); !dir.isEmpty()) {
            ui::TrainingSettingsDialog english;
            english.adjustSize();
            english.grab().save(dir + QStringLiteral("/training_settings.png"));
        }
    }

    void usageListsEverySetting() {
        std::ostringstream usage;
        cli::printTrainingOptions(usage);
        for (const ConfigField& f : core::trainingConfigFields()) {
            const std::string line = "  --" + std::string(f.cliFlag) + " ";
            QVERIFY2(usage.str().find(line) != std::string::npos, line.c_str());
            QVERIFY2(usage.str().find(std::string(f.help)) != std::string::npos, f.help.data());
        }
    }
};

QTEST_MAIN(TestTrainingConfigFields)
#include "test_training_config_fields.moc"
