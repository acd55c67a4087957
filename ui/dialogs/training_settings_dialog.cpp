// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/training_settings_dialog.h"

#include "core/common/input_error.h"

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

namespace starlocus::ui {
namespace {

QSpinBox* spinBox(const char* name, int lo, int hi, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(lo, hi);
    box->setGroupSeparatorShown(false);
    return box;
}

QLineEdit* lineEdit(const char* name, QWidget* parent) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    return edit;
}

// Shortest text that reads back as the same double, in the user's locale.
QString numberText(double value) { return QLocale().toString(value, 'g', QLocale::FloatingPointShortest); }

// The user's locale first, then C ("1e-3" typed in a German session).
std::optional<double> parseNumber(const QString& text) {
    bool ok = false;
    const double v = QLocale().toDouble(text.trimmed(), &ok);
    if (ok && std::isfinite(v))
        return v;
    const double c = QLocale::c().toDouble(text.trimmed(), &ok);
    if (ok && std::isfinite(c))
        return c;
    return std::nullopt;
}

} // namespace

TrainingSettingsDialog::TrainingSettingsDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("trainingSettingsDialog"));
    setWindowTitle(tr("Training Settings"));

    iterations_ = spinBox("iterationsField", 1, 1000, this);
    epochs_ = spinBox("epochsField", 1, 10000, this);
    batch_ = spinBox("batchField", 1, 1 << 20, this);
    learningRate_ = lineEdit("learningRateField", this);
    decay_ = lineEdit("learningRateDecayField", this);
    l2Hidden_ = lineEdit("l2HiddenField", this);
    l1Extinction_ = lineEdit("l1ExtinctionField", this);
    hiddenLayers_ = lineEdit("hiddenLayersField", this);
    thresholdStart_ = lineEdit("thresholdStartField", this);
    thresholdFinal_ = lineEdit("thresholdFinalField", this);
    thresholdIterations_ = spinBox("thresholdIterationsField", 2, 1000, this);
    maxSigmaE_ = lineEdit("maxSigmaEField", this);
    trainFraction_ = lineEdit("trainFractionField", this);
    validationFraction_ = lineEdit("validationFractionField", this);
    seed_ = lineEdit("seedField", this);
    threads_ = spinBox("threadsField", 0, 256, this);
    threads_->setSpecialValueText(tr("all cores"));

    auto* schedule = new QGroupBox(tr("Schedule (§4)"), this);
    auto* scheduleForm = new QFormLayout(schedule);
    scheduleForm->addRow(tr("&Iterations:"), iterations_);
    scheduleForm->addRow(tr("&Epochs per iteration:"), epochs_);
    scheduleForm->addRow(tr("&Batch size [stars]:"), batch_);
    scheduleForm->addRow(tr("&Learning rate:"), learningRate_);
    scheduleForm->addRow(tr("Learning-rate &decay per iteration:"), decay_);

    auto* loss = new QGroupBox(tr("Loss and network (Eq. 15)"), this);
    auto* lossForm = new QFormLayout(loss);
    lossForm->addRow(tr("λ_s, L2 on the hidden &kernels:"), l2Hidden_);
    lossForm->addRow(tr("λ_r, L1 on the &R kernel:"), l1Extinction_);
    lossForm->addRow(tr("&Hidden layers (sizes):"), hiddenLayers_);
    hiddenLayers_->setToolTip(tr("Comma-separated widths, e.g. 32, 32"));

    auto* cut = new QGroupBox(tr("Outlier cut (§4)"), this);
    auto* cutForm = new QFormLayout(cut);
    cutForm->addRow(tr("χ²/dof threshold at the &start:"), thresholdStart_);
    cutForm->addRow(tr("χ²/dof threshold at the e&nd:"), thresholdFinal_);
    cutForm->addRow(tr("Iterations until the end &threshold:"), thresholdIterations_);
    cutForm->addRow(tr("Iteration 1: largest σ_E [mag]:"), maxSigmaE_);

    auto* split = new QGroupBox(tr("Split and randomness"), this);
    auto* splitForm = new QFormLayout(split);
    splitForm->addRow(tr("T&raining fraction:"), trainFraction_);
    splitForm->addRow(tr("&Validation fraction:"), validationFraction_);
    splitForm->addRow(tr("&Seed:"), seed_);
    splitForm->addRow(tr("T&hreads:"), threads_);
    split->setToolTip(tr("The rest of the stars after training and validation is the test set"));

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

    for (QSpinBox* box : {iterations_, epochs_, batch_, thresholdIterations_, threads_})
        connect(box, &QSpinBox::valueChanged, this, &TrainingSettingsDialog::revalidate);
    for (QLineEdit* edit : {learningRate_, decay_, l2Hidden_, l1Extinction_, hiddenLayers_, thresholdStart_,
                            thresholdFinal_, maxSigmaE_, trainFraction_, validationFraction_, seed_})
        connect(edit, &QLineEdit::textChanged, this, &TrainingSettingsDialog::revalidate);
    restoreDefaults();
}

void TrainingSettingsDialog::restoreDefaults() { setConfig(core::TrainingConfig{}); }

void TrainingSettingsDialog::setConfig(const core::TrainingConfig& c) {
    iterations_->setValue(c.iterations);
    epochs_->setValue(c.epochsPerIteration);
    batch_->setValue(c.batchSize);
    learningRate_->setText(numberText(c.learningRate));
    decay_->setText(numberText(c.learningRateDecay));
    l2Hidden_->setText(numberText(c.l2Hidden));
    l1Extinction_->setText(numberText(c.l1Extinction));
    QStringList widths;
    for (int w : c.hiddenLayers)
        widths << QString::number(w);
    hiddenLayers_->setText(widths.join(QStringLiteral(", ")));
    thresholdStart_->setText(numberText(c.thresholdStart));
    thresholdFinal_->setText(numberText(c.thresholdFinal));
    thresholdIterations_->setValue(c.thresholdDecayIterations);
    maxSigmaE_->setText(numberText(c.firstIterationMaxSigmaE));
    trainFraction_->setText(numberText(c.trainFraction));
    validationFraction_->setText(numberText(c.validationFraction));
    seed_->setText(QString::number(c.seed));
    threads_->setValue(c.threads);
    // Settings the form does not show (Adam's β and ε) travel through unchanged.
    hidden_ = c;
    revalidate();
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
    struct NumberField {
        QLineEdit* edit;
        double* target;
    };
    const NumberField numbers[] = {{learningRate_, &c.learningRate},     {decay_, &c.learningRateDecay},
                                   {l2Hidden_, &c.l2Hidden},             {l1Extinction_, &c.l1Extinction},
                                   {thresholdStart_, &c.thresholdStart}, {thresholdFinal_, &c.thresholdFinal},
                                   {maxSigmaE_, &c.firstIterationMaxSigmaE}, {trainFraction_, &c.trainFraction},
                                   {validationFraction_, &c.validationFraction}};
    for (const NumberField& f : numbers) {
        const auto v = parseNumber(f.edit->text());
        if (!v)
            return fail(f.edit, tr("“%1” is not a number").arg(f.edit->text()));
        *f.target = *v;
    }
    c.iterations = iterations_->value();
    c.epochsPerIteration = epochs_->value();
    c.batchSize = batch_->value();
    c.thresholdDecayIterations = thresholdIterations_->value();
    c.threads = threads_->value();
    bool seedOk = false;
    c.seed = seed_->text().trimmed().toULongLong(&seedOk);
    if (!seedOk)
        return fail(seed_, tr("“%1” is not a whole number ≥ 0").arg(seed_->text()));
    c.hiddenLayers.clear();
    for (const QString& part : hiddenLayers_->text().split(QLatin1Char(','))) {
        bool ok = false;
        const int width = part.trimmed().toInt(&ok);
        if (!ok)
            return fail(hiddenLayers_, tr("“%1” is not a comma-separated list of layer sizes").arg(hiddenLayers_->text()));
        c.hiddenLayers.push_back(width);
    }
    try {
        c.validate();
    } catch (const core::InputError& e) {
        // The core names the setting; point at the field that holds it.
        const std::string& f = e.field();
        QWidget* field = f == "learning_rate"                 ? learningRate_
                         : f == "learning_rate_decay"         ? decay_
                         : f == "l2_hidden"                   ? l2Hidden_
                         : f == "l1_extinction"               ? l1Extinction_
                         : f == "hidden_layers"               ? hiddenLayers_
                         : f == "threshold"                   ? thresholdFinal_
                         : f == "threshold_iterations"        ? thresholdIterations_
                         : f == "first_iteration_max_sigma_e" ? maxSigmaE_
                         : f == "split"                       ? trainFraction_
                         : f == "threads"                     ? threads_
                         : f == "iterations"                  ? iterations_
                         : f == "epochs"                      ? epochs_
                         : f == "batch"                       ? batch_
                                                              : static_cast<QWidget*>(learningRate_);
        return fail(field, QString::fromStdString(e.reason()));
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
