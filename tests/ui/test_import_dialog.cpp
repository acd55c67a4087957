// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Import Table… (issue 15, item 6): a survey table written by Astropy is loaded in the
// background, its columns mapped by the presets, the §3 rules counted live on it, and the
// import writes a catalog the main window opens. The counts are checked against the defects
// the table was written with (tests/ui/import_test_tables.h), never against the code's own
// output; a damaged table, and one that crashes CFITSIO, end as a message in the dialog.
#include "core/import/import_rules.h"
#include "tests/support/astropy_tables.h"
#include "tests/ui/import_test_tables.h"
#include "ui/import/field_mapping_model.h"
#include "ui/import/import_dialog.h"
#include "ui/import/mapping_panel.h"
#include "ui/import/rule_count_job.h"
#include "ui/import/rule_counts.h"
#include "ui/import/rule_panel.h"
#include "ui/import/rule_settings_model.h"
#include "ui/import/table_file_types.h"
#include "ui/import/table_list_panel.h"
#include "ui/import/table_preview_model.h"
#include "ui/main_window.h"
#include "ui/session/file_probe.h"
#include "ui/session/session.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTest>
#include <QUrl>
#include <cmath>

using starlocus::ui::FieldMappingModel;
using starlocus::ui::FieldStatus;
using starlocus::ui::ImportDialog;
using starlocus::ui::RuleSettingsModel;
namespace imp = starlocus::core::import;
namespace test = starlocus::test;
namespace ui = starlocus::ui;

namespace {

constexpr int kLoadMs = 60000;

std::size_t rule(const char* name) { return *imp::ruleIndex(name); }

// The small table's rows and what its defects remove (import_test_tables.h).
constexpr std::size_t kRows = 20, kStarsOut = 18;
constexpr int kBigRows = 70000;

// The expression a field is mapped to, or "(not mapped)".
std::string sourceOf(const imp::ColumnMapping& m, const char* field) {
    const auto it = m.fields.find(field);
    return it == m.fields.end() ? std::string("(not mapped)") : it->second.expression;
}

bool waitIdle(const ImportDialog& dialog) {
    return QTest::qWaitFor([&] { return !dialog.isLoading() && !dialog.isCounting() && !dialog.isImporting(); },
                           kLoadMs);
}

ui::ProbeCommand guiProbe() { return {QStringLiteral(STARLOCUS_GUI_EXE), {}}; }

} // namespace

class TestImportDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void loadsPreviewsAndMapsByPresets();
    void countsEachRuleOnTheTable();
    void stacksSeveralTables();
    void mappingStatusSaysWhatIsWrong();
    void mappingSpecRoundTrip();
    void everyRemovedStarHasOneRule();
    void cancelledImportWritesNothing();
    void importOpensTheCatalogInTheMainWindow();
    void damagedTablesEndAsAMessage();
    void tableDroppedOnTheWindowOpensTheDialog();
    void tableFileNames();

private:
    QString small_; // the small table (ECSV)
    QTemporaryDir dir_;
};

void TestImportDialog::initTestCase() {
    STARLOCUS_REQUIRE_ASTROPY();
    QVERIFY(dir_.isValid());
    small_ = dir_.filePath(QStringLiteral("lamost_x_gaia.ecsv"));
    const QString failure = test::writeImportTable(small_, int(kRows), QStringLiteral("small"));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestImportDialog::init() {
    ui::FileProbe::setDefaultCommand({}); // in process unless a test asks for the child
    ui::FileProbe::clearCache();
}

void TestImportDialog::loadsPreviewsAndMapsByPresets() {
    ImportDialog dialog;
    dialog.show();
    dialog.addTables({small_});
    QVERIFY(waitIdle(dialog));
    QCOMPARE(dialog.tableCount(), 1);
    // The preview: every row of this small table, units in the header's second line, the
    // masked value a null (empty, flagged).
    ui::TablePreviewModel* preview = dialog.previewModel();
    QCOMPARE(preview->rowCount(), int(kRows));
    int teff = -1, b19 = -1;
    for (int c = 0; c < preview->columnCount(); ++c) {
        const QString header = preview->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        if (header.startsWith(QLatin1String("teff\n")))
            teff = c;
        if (header.startsWith(QLatin1String("bayestar19_ebv\n")))
            b19 = c;
    }
    QVERIFY(teff >= 0 && b19 >= 0);
    QCOMPARE(preview->headerData(teff, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("teff\nK"));
    QCOMPARE(preview->data(preview->index(3, teff), Qt::DisplayRole).toString(), QStringLiteral("5030"));
    QVERIFY(preview->data(preview->index(2, b19), ui::TablePreviewModel::NullRole).toBool());
    QVERIFY(preview->data(preview->index(2, b19), Qt::DisplayRole).toString().isEmpty());
    QVERIFY(!preview->data(preview->index(3, b19), ui::TablePreviewModel::NullRole).toBool());
    // The mapping the archives' names imply.
    const imp::ColumnMapping& m = dialog.mapping()->mapping();
    QCOMPARE(m.survey, std::string("lamost"));
    QCOMPARE(sourceOf(m, "teff"), std::string("teff"));
    QCOMPARE(sourceOf(m, "sigma_teff"), std::string("teff_err"));
    QCOMPARE(sourceOf(m, "mag_G"), std::string("phot_g_mean_mag"));
    QCOMPARE(sourceOf(m, "mag_J"), std::string("j_m"));
    QCOMPARE(sourceOf(m, "lamost_qflag_chi2"), std::string("qflag_chi2"));
    QCOMPARE(sourceOf(m, "sfd_ebv"), std::string("sfd_ebv"));
    QVERIFY(sourceOf(m, "mag_W1").find("flux_w1") != std::string::npos);
    const QString presets = dialog.mapping()->presetsLabel()->text();
    for (const char* name : {"lamost_ddpayne", "gaia_dr2", "ps1", "2mass_psc", "unwise", "reddening_maps"})
        QVERIFY2(presets.contains(QLatin1String(name)), qPrintable(presets));
    // The mapping table: every required field mapped; the survey box is editable because
    // atm_source is not mapped.
    FieldMappingModel* model = dialog.mapping()->model();
    QVERIFY2(model->problems().isEmpty(), qPrintable(model->problems().join(QLatin1Char('\n'))));
    const int teffRow = model->rowOfField("teff");
    QVERIFY(teffRow > 0 && model->isHeading(0));
    QCOMPARE(model->data(model->index(teffRow, FieldMappingModel::SourceUnitColumn), Qt::DisplayRole).toString(),
             QStringLiteral("K"));
    QVERIFY(model->data(model->index(teffRow, FieldMappingModel::StatusColumn), Qt::DisplayRole)
                .toString()
                .startsWith(QStringLiteral("✓")));
    QVERIFY(dialog.mapping()->surveyBox()->isEnabled());
    QCOMPARE(dialog.suggestedCatalogPath(), dir_.filePath(QStringLiteral("lamost_x_gaia_catalog.h5")));
}

void TestImportDialog::countsEachRuleOnTheTable() {
    ImportDialog dialog;
    dialog.show();
    dialog.addTables({small_});
    QVERIFY(waitIdle(dialog));
    auto counts = dialog.counts();
    QVERIFY(counts);
    QCOMPARE(counts->rowsIn, kRows);
    QCOMPARE(counts->starsOut, kStarsOut);
    QCOMPARE(counts->tally.rules[rule("lamost_qflag_chi2")].stars, std::size_t(1));
    QCOMPARE(counts->tally.rules[rule("label_sigma_cut")].stars, std::size_t(1));
    QCOMPARE(counts->tally.rules[rule("ps1_flags")].bands[3], std::size_t(1));      // g (band order of the registry)
    QCOMPARE(counts->tally.rules[rule("tmass_quality")].bands[8], std::size_t(1));  // J
    QCOMPARE(counts->tally.rules[rule("lamost_singlestar")].total(), std::size_t(0));
    QCOMPARE(counts->tally.rules[rule("gaia_astrometric_chi2")].total(), std::size_t(0));
    // Table 1: every star out has G, BP, RP, r…y, H, Ks, W1, W2; one lost g, one lost J.
    QCOMPARE(counts->bandCoverage[0], kStarsOut);
    QCOMPARE(counts->bandCoverage[3], kStarsOut - 1);
    QCOMPARE(counts->bandCoverage[8], kStarsOut - 1);
    QCOMPARE(counts->bandCoverage[12], kStarsOut);
    QCOMPARE(counts->parallaxSnrAtLeast5, kStarsOut); // 2.0 ± 0.05 mas
    RuleSettingsModel* rules = dialog.rules()->model();
    QCOMPARE(rules->countText(rule("lamost_qflag_chi2")), QStringLiteral("1 star"));
    QCOMPARE(rules->countText(rule("tmass_quality")), QStringLiteral("1 band"));
    QVERIFY(dialog.rules()->summaryLabel()->text().contains(QStringLiteral("18")));
    if (const QString dir = qEnvironmentVariable("STARLOCUS_GRAB_DIR"); !dir.isEmpty())
        dialog.grab().save(dir + QStringLiteral("/import_dialog_small.png"));

    // A validity rule cannot be switched off; a cut can, and its star comes back.
    const QModelIndex validity = rules->ruleIndex(rule("invalid_label"), RuleSettingsModel::OnColumn);
    QVERIFY(!(rules->flags(validity) & Qt::ItemIsUserCheckable));
    QVERIFY(!rules->setData(validity, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(rules->setData(rules->ruleIndex(rule("lamost_qflag_chi2"), RuleSettingsModel::OnColumn), Qt::Unchecked,
                           Qt::CheckStateRole));
    QVERIFY(dialog.isCounting());
    QVERIFY(waitIdle(dialog));
    counts = dialog.counts();
    QCOMPARE(counts->tally.rules[rule("lamost_qflag_chi2")].stars, std::size_t(0));
    QCOMPARE(counts->starsOut, kStarsOut + 1);
    QCOMPARE(rules->countText(rule("lamost_qflag_chi2")), QStringLiteral("off"));
    // A parameter: σ_Teff up to 600 K lets the 500 K star through.
    const QModelIndex sigmaCut = rules->ruleIndex(rule("label_sigma_cut"));
    QModelIndex teffCut;
    for (int p = 0; p < rules->rowCount(sigmaCut); ++p)
        if (rules->index(p, RuleSettingsModel::RuleColumn, sigmaCut).data().toString() == QLatin1String("teff"))
            teffCut = rules->index(p, RuleSettingsModel::ValueColumn, sigmaCut);
    QVERIFY(teffCut.isValid());
    QCOMPARE(teffCut.data().toString(), QStringLiteral("200 K"));
    QCOMPARE(teffCut.data(Qt::EditRole).toString(), QStringLiteral("200"));
    QVERIFY(!rules->setData(teffCut, QStringLiteral("many"), Qt::EditRole)); // not a number: refused
    QVERIFY(rules->setData(teffCut, QStringLiteral("600"), Qt::EditRole));
    QVERIFY(waitIdle(dialog));
    counts = dialog.counts();
    QCOMPARE(counts->tally.rules[rule("label_sigma_cut")].stars, std::size_t(0));
    QCOMPARE(counts->starsOut, kRows);
}

// Two tables (§3.4 stacks one per survey): the same rows once as ECSV, once as CSV (which
// states no types or units); each gets its own mapping, the counts add up.
void TestImportDialog::stacksSeveralTables() {
    const QString csv = dir_.filePath(QStringLiteral("lamost_x_gaia_copy.csv"));
    const QString failure = test::writeImportTable(csv, int(kRows), QStringLiteral("small"));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ImportDialog dialog;
    dialog.addTables({small_, csv});
    QVERIFY(waitIdle(dialog));
    QCOMPARE(dialog.tableCount(), 2);
    const auto counts = dialog.counts();
    QVERIFY(counts);
    QCOMPARE(counts->tableRows, (std::vector<std::size_t>{kRows, kRows}));
    QCOMPARE(counts->tableStars, (std::vector<std::size_t>{kStarsOut, kStarsOut}));
    QCOMPARE(counts->tally.rules[rule("lamost_qflag_chi2")].stars, std::size_t(2));
    QCOMPARE(counts->tally.rules[rule("label_sigma_cut")].stars, std::size_t(2));
    // The second table's mapping, shown when it is selected: no units in a CSV file.
    dialog.tableList()->setCurrentTable(1);
    FieldMappingModel* model = dialog.mapping()->model();
    QCOMPARE(sourceOf(dialog.mapping()->mapping(), "teff"), std::string("teff"));
    QCOMPARE(model->status(*imp::fieldIndex("teff")).kind, FieldStatus::Kind::MappedWithNote);
    // Removing a table recounts the other.
    dialog.tableList()->findChild<QPushButton*>(QStringLiteral("removeTableButton"))->click();
    QVERIFY(waitIdle(dialog));
    QCOMPARE(dialog.tableCount(), 1);
    QCOMPARE(dialog.tablePaths(), QStringList{small_});
    QCOMPARE(dialog.counts()->rowsIn, kRows);
}

void TestImportDialog::mappingStatusSaysWhatIsWrong() {
    ImportDialog dialog;
    dialog.addTables({small_});
    QVERIFY(waitIdle(dialog));
    FieldMappingModel* model = dialog.mapping()->model();
    const int teffRow = model->rowOfField("teff");
    QVERIFY(model->setData(model->index(teffRow, FieldMappingModel::SourceColumn), QStringLiteral("tef"), Qt::EditRole));
    const FieldStatus& status = model->status(*imp::fieldIndex("teff"));
    QCOMPARE(status.kind, FieldStatus::Kind::Problem);
    QVERIFY2(status.text.contains(QStringLiteral("'tef'")) && status.text.contains(QStringLiteral("teff")),
             qPrintable(status.text)); // names the column and the near names
    // A unit that is not a temperature.
    QVERIFY(model->setData(model->index(teffRow, FieldMappingModel::SourceColumn), QStringLiteral("teff"), Qt::EditRole));
    QVERIFY(model->setData(model->index(teffRow, FieldMappingModel::SourceUnitColumn), QStringLiteral("mag"),
                           Qt::EditRole));
    QCOMPARE(model->status(*imp::fieldIndex("teff")).kind, FieldStatus::Kind::Problem);
    QVERIFY(model->status(*imp::fieldIndex("teff")).text.contains(QStringLiteral("unit 'mag'")));
    // A required field unmapped; the survey for atm_source emptied.
    model->setSource("teff", QStringLiteral("teff"));
    model->setSource("mag_G", QString());
    QCOMPARE(model->status(*imp::fieldIndex("mag_G")).kind, FieldStatus::Kind::RequiredMissing);
    // Import refuses to start, naming the table and the field; the count says why it cannot count.
    QVERIFY(!dialog.startImport(dir_.filePath(QStringLiteral("never.h5"))));
    QVERIFY(dialog.messageIsError());
    QVERIFY2(dialog.message().contains(QStringLiteral("lamost_x_gaia.ecsv")) && dialog.message().contains(QStringLiteral("mag_G")),
             qPrintable(dialog.message()));
    QVERIFY(waitIdle(dialog));
    QVERIFY(!dialog.counts());
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("never.h5"))));
    // Presets again: everything usable.
    dialog.mapping()->findChild<QPushButton*>(QStringLiteral("resetMappingButton"))->click();
    QVERIFY(model->problems().isEmpty());
    QVERIFY(waitIdle(dialog));
    QVERIFY(dialog.counts());
}

void TestImportDialog::mappingSpecRoundTrip() {
    ImportDialog dialog;
    dialog.addTables({small_});
    QVERIFY(waitIdle(dialog));
    ui::MappingPanel* panel = dialog.mapping();
    panel->model()->setSource("var_teff", QStringLiteral("(teff_err * 2)^2"), QStringLiteral("K2"));
    const QString spec = dir_.filePath(QStringLiteral("spec.json"));
    QString problem;
    QVERIFY2(panel->saveSpec(spec, &problem), qPrintable(problem));
    // What is on disk, read by Qt's JSON parser: the layout docs/IMPORT.md gives.
    QFile file(spec);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("survey")).toString(), QStringLiteral("lamost"));
    const QJsonObject varTeff = json.value(QStringLiteral("fields")).toObject().value(QStringLiteral("var_teff")).toObject();
    QCOMPARE(varTeff.value(QStringLiteral("expr")).toString(), QStringLiteral("(teff_err * 2)^2"));
    QCOMPARE(varTeff.value(QStringLiteral("unit")).toString(), QStringLiteral("K2"));
    // Back to the presets, then the spec again.
    panel->findChild<QPushButton*>(QStringLiteral("resetMappingButton"))->click();
    QCOMPARE(sourceOf(panel->mapping(), "var_teff"), std::string("(not mapped)"));
    QVERIFY2(panel->loadSpec(spec, &problem), qPrintable(problem));
    QCOMPARE(sourceOf(panel->mapping(), "var_teff"), std::string("(teff_err * 2)^2"));
    QCOMPARE(dialog.sources().front().mappingFile, spec.toStdString());
    // A spec that names no field: the reader's InputError, with the file.
    const QString bad = dir_.filePath(QStringLiteral("bad.json"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(R"({"fields": {"no_such_field": "teff"}})");
    badFile.close();
    QVERIFY(!panel->loadSpec(bad, &problem));
    QVERIFY2(problem.contains(QStringLiteral("bad.json")) && problem.contains(QStringLiteral("no_such_field")),
             qPrintable(problem));
}

// A table with defects drawn at random (import_test_tables.h, "random"): whatever the rules
// remove, each removed star is counted by exactly one rule, so the star counts add up to the
// rows in minus the stars out. The dialog's picture for docs/images/import-dialog.png.
void TestImportDialog::everyRemovedStarHasOneRule() {
    const QString table = dir_.filePath(QStringLiteral("lamost_dr5_x_gaia_dr2.fits"));
    const QString failure = test::writeImportTable(table, 3000, QStringLiteral("random"));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ImportDialog dialog;
    dialog.show();
    dialog.addTables({table});
    QVERIFY(waitIdle(dialog));
    const auto counts = dialog.counts();
    QVERIFY(counts);
    QCOMPARE(counts->rowsIn, std::size_t(3000));
    std::size_t removed = 0;
    for (std::size_t r = 0; r < imp::ruleTable().size(); ++r) {
        const auto kind = imp::ruleTable()[r].kind;
        if (kind == imp::RuleKind::StarCut || kind == imp::RuleKind::Validity)
            removed += counts->tally.rules[r].stars;
    }
    removed -= counts->tally.rules[rule("invalid_parallax")].stars; // drops the parallax, keeps the star
    QCOMPARE(removed, counts->rowsIn - counts->starsOut);
    QVERIFY(counts->starsOut > 2000 && counts->starsOut < 3000);
    for (const char* cut : {"lamost_qflag_chi2", "lamost_singlestar", "lamost_snr", "label_sigma_cut"})
        QVERIFY2(counts->tally.rules[rule(cut)].stars > 0, cut);
    for (const char* cut : {"ps1_flags", "tmass_quality", "unwise_fracflux", "unwise_rchi2"})
        QVERIFY2(counts->tally.rules[rule(cut)].total() > 0, cut);
    if (const QString dir = qEnvironmentVariable("STARLOCUS_GRAB_DIR"); !dir.isEmpty()) {
        // As a user would look at it: the LAMOST offsets open, the σ cut selected.
        auto* view = dialog.rules()->view();
        RuleSettingsModel* rules = dialog.rules()->model();
        view->expand(rules->ruleIndex(rule("label_offsets")));
        view->setCurrentIndex(rules->ruleIndex(rule("label_sigma_cut"), RuleSettingsModel::RuleColumn));
        dialog.grab().save(dir + QStringLiteral("/import-dialog.png"));
        dialog.tabs()->setCurrentIndex(1);
        dialog.grab().save(dir + QStringLiteral("/import-dialog-preview.png"));
    }
}

void TestImportDialog::cancelledImportWritesNothing() {
    // More rows than the import's first chunk (65,536): Cancel comes while that chunk is read.
    const QString big = dir_.filePath(QStringLiteral("big.fits"));
    const QString failure = test::writeImportTable(big, kBigRows, QStringLiteral("good"));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ImportDialog dialog;
    QElapsedTimer clock;
    clock.start();
    dialog.addTables({big});
    QVERIFY(QTest::qWaitFor([&] { return dialog.tableCount() == 1; }, kLoadMs));
    const qint64 loadedMs = clock.elapsed();
    QVERIFY(waitIdle(dialog));
    // What a user waits for (in process: the row count streams the table once, the live count once more).
    qInfo("%d rows, %d columns: loaded in %lld ms, counted %lld ms later (of which %d ms quiet time)", kBigRows,
          dialog.previewModel()->columnCount(), loadedMs, clock.elapsed() - loadedMs, ui::RuleCountJob::kQuietMs);
    QVERIFY(dialog.counts());
    QCOMPARE(dialog.counts()->starsOut, std::size_t(kBigRows));
    QTemporaryDir out;
    const QString catalog = out.filePath(QStringLiteral("big_catalog.h5"));
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    QVERIFY(dialog.startImport(catalog));
    QVERIFY(dialog.isImporting() && !dialog.cancelImportButton()->isHidden());
    dialog.cancelImportButton()->click();
    QVERIFY(finished.wait(kLoadMs));
    const auto outcome = finished.at(0).at(0).value<ui::ImportOutcome>();
    QVERIFY(outcome.cancelled);
    QVERIFY(dialog.message().contains(QStringLiteral("nothing was written")));
    QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestImportDialog::importOpensTheCatalogInTheMainWindow() {
    ui::MainWindow window;
    window.setWarningPresenter([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    QPointer<ImportDialog> dialog = window.openImportDialog({small_});
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(waitIdle(*dialog));
    QTemporaryDir out;
    const QString catalog = out.filePath(QStringLiteral("imported.h5"));
    QString suggested;
    dialog->setOutputChooser([&](const QString& s) {
        suggested = s;
        return catalog;
    });
    dialog->importButton()->click();
    QCOMPARE(suggested, dir_.filePath(QStringLiteral("lamost_x_gaia_catalog.h5")));
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->catalog() && window.session()->catalogPath() == catalog, kLoadMs);
    QCOMPARE(window.session()->catalog()->size(), kStarsOut);
    // The LAMOST zero point of §3.1 (−3.6 K) on the first star's 5000 K.
    QVERIFY(std::abs(window.session()->catalog()->theta[0][0] - (5000.0 - 3.6)) < 1e-3);
    QTRY_VERIFY(!dialog); // closed (and deleted) after the import
    // The report beside the catalog, as JSON.
    QFile report(out.filePath(QStringLiteral("imported_report.json")));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(report.readAll()).object();
    QVERIFY(!json.isEmpty());
    QVERIFY2(QString::fromUtf8(QJsonDocument(json).toJson()).contains(QStringLiteral("lamost_qflag_chi2")),
             "the report names the rules");
}

void TestImportDialog::damagedTablesEndAsAMessage() {
    // A FITS table cut in half (its data stop mid-row), read through the probe child.
    const QString whole = dir_.filePath(QStringLiteral("whole.fits"));
    QVERIFY(test::writeImportTable(whole, 500, QStringLiteral("good")).isEmpty());
    QFile source(whole);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    source.close();
    const QString truncated = dir_.filePath(QStringLiteral("truncated.fits"));
    QFile cut(truncated);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    // A damaged TTYPE card (an unquoted value filling the card): CFITSIO 4.2.0 overflows a
    // strcpy in ffgtbp and glibc aborts (docs/IMPORT.md "Files that crash a library").
    QByteArray crashing = bytes;
    const qsizetype card = crashing.indexOf("TTYPE5  = '");
    QVERIFY(card > 0);
    for (qsizetype k = card + 10; k < card + 80; ++k)
        crashing[k] = char(0xc6);
    const QString crashingPath = dir_.filePath(QStringLiteral("crashing.fits"));
    QFile crash(crashingPath);
    QVERIFY(crash.open(QIODevice::WriteOnly));
    crash.write(crashing);
    crash.close();

    ui::FileProbe::setDefaultCommand(guiProbe());
    ImportDialog dialog;
    QSignalSpy failed(&dialog, &ImportDialog::tableFailed);
    dialog.addTables({truncated, crashingPath});
    QVERIFY(waitIdle(dialog));
    QCOMPARE(dialog.tableCount(), 0);
    QCOMPARE(failed.count(), 2);
    const QString truncatedText = failed.at(0).at(1).toString();
    QVERIFY2(truncatedText.contains(truncated), qPrintable(truncatedText));
    const QString crashText = failed.at(1).at(1).toString();
    QVERIFY2(crashText.contains(crashingPath) &&
                 (crashText.contains(QStringLiteral("crashed")) || crashText.contains(QStringLiteral("TTYPE"))),
             qPrintable(crashText));
    qInfo("truncated: %s", qPrintable(truncatedText));
    qInfo("damaged TTYPE: %s", qPrintable(crashText));
    QVERIFY(dialog.messageIsError());
    // A good table after them loads as usual, through the child too.
    dialog.addTables({small_});
    QVERIFY(waitIdle(dialog));
    QCOMPARE(dialog.tableCount(), 1);
    QVERIFY(dialog.counts());
    QCOMPARE(dialog.counts()->starsOut, kStarsOut);
}

void TestImportDialog::tableDroppedOnTheWindowOpensTheDialog() {
    ui::MainWindow window;
    QCOMPARE(window.importTableAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QMenu* file = window.menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"));
    QVERIFY(file && file->actions().contains(window.importTableAction()));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(small_)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QPointer<ImportDialog> dialog = window.importDialog();
    QVERIFY(dialog);
    QVERIFY(waitIdle(*dialog));
    QCOMPARE(dialog->tablePaths(), QStringList{small_});
    // The same table dropped again is not loaded twice; the window's catalog is untouched.
    window.openImportDialog({small_});
    QVERIFY(waitIdle(*dialog));
    QCOMPARE(dialog->tableCount(), 1);
    QVERIFY(!window.session()->catalog());
}

void TestImportDialog::tableFileNames() {
    for (const char* name : {"a.fits", "a.FIT", "a.fits.gz", "a.csv", "a.csv.gz", "a.ecsv", "a.vot", "a.xml"})
        QVERIFY2(ui::isTableFileName(QString::fromLatin1(name)), name);
    for (const char* name : {"a.h5", "a.hdf5", "a.json", "a.gz"})
        QVERIFY2(!ui::isTableFileName(QString::fromLatin1(name)), name);
    QCOMPARE(ui::tableBaseName(QStringLiteral("/d/lamost_x_gaia.fits.gz")), QStringLiteral("lamost_x_gaia"));
}

QTEST_MAIN(TestImportDialog)
#include "test_import_dialog.moc"
