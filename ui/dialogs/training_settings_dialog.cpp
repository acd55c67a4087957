// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/training_settings_dialog.h"

#include "core/common/input_error.h"
#include "ui/locale_number.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <variant>

namespace starlocus::ui {
namespace {

// Shortest text that reads back as the same double, in the user's locale.
QString numberText(double value) { return QLocale().toString(value, 'g', QLocale::FloatingPointShortest); }

QString fromView(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

// The table's English text in the dialog's language (its rows are marked for lupdate in
// the dialog's context).
QString translated(std::string_view text) {
    return QCoreApplication::translate(TrainingSettingsDialog::staticMetaObject.className(), std::string(text).c_str());
}

} // namespace

TrainingSettingsDialog::TrainingSettingsDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("trainingSettingsDialog"));
    setWindowTitle(tr("Training Settings"));

    auto* schedule = new QGroupBox(tr("Schedule (§4)"), this);
    auto* loss = new QGroupBox(tr("Loss and network (Eq. 15)"), this);
    auto* cut = new QGroupBox(tr("Outlier cut (§4)"), this);
    auto* split = new QGroupBox(tr("Split and randomness"), this);
    split->setToolTip(tr("The rest of the stars after training and validation is the test set"));
    const auto formOf = [&](core::SettingsGroup group) -> QFormLayout* {
        QGroupBox* box = group == core::SettingsGroup::Schedule ? schedule
                         : group == core::SettingsGroup::Loss   ? loss
                         : group == core::SettingsGroup::OutlierCut ? cut
                                                                    : split;
        if (!box->layout())
            new QFormLayout(box);
        return static_cast<QFormLayout*>(box->layout());
    };
    for (const core::ConfigField& field : core::trainingConfigFields()) {
        if (field.group == core::SettingsGroup::None)
            continue;
        QWidget* widget = nullptr;
        if (field.isInteger()) {
            auto* box = new QSpinBox(this);
            box->setRange(int(field.min), int(field.max));
            box->setGroupSeparatorShown(false);
            if (!field.zeroMeans.empty())
                box->setSpecialValueText(translated(field.zeroMeans));
            connect(box, &QSpinBox::valueChanged, this, &TrainingSettingsDialog::revalidate);
            widget = box;
        } else {
            auto* edit = new QLineEdit(this);
            connect(edit, &QLineEdit::textChanged, this, &TrainingSettingsDialog::revalidate);
            widget = edit;
        }
        widget->setObjectName(fromView(field.name) + QStringLiteral("Field"));
        if (!field.dialogToolTip.empty())
            widget->setToolTip(translated(field.dialogToolTip));
        formOf(field.group)->addRow(translated(field.label), widget);
        fields_.push_back({&field, widget});
    }

    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("settingsProblem"));
    problem_->setWordWrap(true);
    QPalette warning = problem_->palette();
    warning.setColor(QPalette::WindowText, QColor(200, 40, 40));
    problem_->setPalette(warning);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
                                    this);
    buttons_->button(QDialogButtonBox::RestoreDefaults)->setText(tr("Restore &Defaults"));
    buttons_->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("restoreDefaultsButton"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons_->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &TrainingSettingsDialog::restoreDefaults);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(schedule);
    left->addWidget(loss);
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(cut);
    right->addWidget(split);
    right->addStretch();
    columns->addLayout(left);
    columns->addLayout(right);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);

    restoreDefaults();
}

void TrainingSettingsDialog::restoreDefaults() { setConfig(core::TrainingConfig{}); }

void TrainingSettingsDialog::setConfig(const core::TrainingConfig& c) {
    // Settings the form does not show (Adam's β and ε, the start) travel through unchanged.
    hidden_ = c;
    for (const FieldWidget& f : fields_) {
        if (auto* box = qobject_cast<QSpinBox*>(f.widget)) {
            box->setValue(c.*std::get<int core::TrainingConfig::*>(f.field->member));
        } else if (f.field->isReal()) {
            static_cast<QLineEdit*>(f.widget)->setText(numberText(c.*std::get<double core::TrainingConfig::*>(f.field->member)));
        } else {
            // The core's text ("32,32", the seed's digits), with a space after each comma.
            static_cast<QLineEdit*>(f.widget)->setText(
                QString::fromStdString(core::fieldText(*f.field, c)).replace(QLatin1Char(','), QStringLiteral(", ")));
        }
        // A value longer than its field (e^(−1/5) = 0.8187307530779818 must stay exact, or OK
        // would change the run) shows its leading digits, not its last ones.
        if (auto* edit = qobject_cast<QLineEdit*>(f.widget))
            edit->setCursorPosition(0);
    }
    revalidate();
}

QWidget* TrainingSettingsDialog::fieldWidget(std::string_view jsonKey) const {
    for (const FieldWidget& f : fields_)
        if (f.field->jsonKey == jsonKey)
            return f.widget;
    return nullptr;
}

std::optional<core::TrainingConfig> TrainingSettingsDialog::config() const {
    QString message;
    QWidget* culprit = nullptr;
    return parse(&message, &culprit);
}

QString TrainingSettingsDialog::labelOf(QWidget* field) const {
    for (auto* form : findChildren<QFormLayout*>())
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
            return label->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')).trimmed();
    return field->objectName();
}

std::optional<core::TrainingConfig> TrainingSettingsDialog::parse(QString* message, QWidget** culprit) const {
    core::TrainingConfig c = hidden_;
    const auto fail = [&](QWidget* field, const QString& reason) {
        *culprit = field;
        *message = QStringLiteral("%1: %2").arg(labelOf(field), reason);
        return std::nullopt;
    };
    for (const FieldWidget& f : fields_) {
        if (auto* box = qobject_cast<QSpinBox*>(f.widget)) {
            c.*std::get<int core::TrainingConfig::*>(f.field->member) = box->value();
            continue;
        }
        const QString text = static_cast<QLineEdit*>(f.widget)->text();
        if (f.field->isReal()) {
            const auto v = parseLocaleNumber(text);
            if (!v)
                return fail(f.widget, tr("“%1” is not a number").arg(text));
            c.*std::get<double core::TrainingConfig::*>(f.field->member) = *v;
            continue;
        }
        try {
            core::setFieldFromText(*f.field, c, text.toStdString());
        } catch (const core::InputError&) {
            return fail(f.widget, f.field->isList() ? tr("“%1” is not a comma-separated list of layer sizes").arg(text)
                                                    : tr("“%1” is not a whole number ≥ 0").arg(text));
        }
    }
    try {
        c.validate();
    } catch (const core::InputError& e) {
        // The core names the setting by its key; point at the field that holds it.
        QWidget* field = fieldWidget(e.field());
        return fail(field ? field : fields_.front().widget, QString::fromStdString(e.reason()));
    }
    return c;
}

void TrainingSettingsDialog::revalidate() {
    QString message;
    QWidget* culprit = nullptr;
    const bool ok = parse(&message, &culprit).has_value();
    message_ = ok ? QString() : message;
    if (marked_)
        marked_->setStyleSheet(QString());
    marked_ = ok ? nullptr : culprit;
    if (marked_)
        marked_->setStyleSheet(QStringLiteral("border: 2px solid rgb(200, 40, 40);"));
    problem_->setText(message_);
    problem_->setVisible(!ok);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace starlocus::ui
