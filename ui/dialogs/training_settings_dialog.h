// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TrainingSettingsDialog: every setting of core::TrainingConfig as a form, filled with
// the paper's defaults (§4: 20 iterations × 25 epochs, batch 32, lr 1e-3 × e^(−1/5) per
// iteration, λ_s 1e-4, λ_r 1e-2, hidden 32,32, χ²/dof cut 100 → 5, split 70/20/10).
// Each field is checked as it is typed; the first problem is shown naming the field, the
// field is marked and OK stays disabled until the whole configuration is valid (the
// core's own validate() decides the ranges and the cross-field rules).
#include "core/training/training_config.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace starlocus::ui {

class TrainingSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrainingSettingsDialog(QWidget* parent = nullptr);

    void setConfig(const core::TrainingConfig& config);
    // The configuration in the form; nullopt while a field is invalid.
    std::optional<core::TrainingConfig> config() const;
    // Empty when valid, else "<field label>: <reason>".
    QString validationMessage() const { return message_; }
    bool isValid() const { return message_.isEmpty(); }

public slots:
    void restoreDefaults();

private:
    // Parses and validates everything; marks the offending field and updates OK.
    void revalidate();
    std::optional<core::TrainingConfig> parse(QString* message, QWidget** culprit) const;
    QString labelOf(QWidget* field) const;

    QSpinBox* iterations_;
    QSpinBox* epochs_;
    QSpinBox* batch_;
    QLineEdit* learningRate_;
    QLineEdit* decay_;
    QLineEdit* l2Hidden_;
    QLineEdit* l1Extinction_;
    QLineEdit* hiddenLayers_;
    QLineEdit* thresholdStart_;
    QLineEdit* thresholdFinal_;
    QSpinBox* thresholdIterations_;
    QLineEdit* maxSigmaE_;
    QLineEdit* trainFraction_;
    QLineEdit* validationFraction_;
    QLineEdit* seed_;
    QSpinBox* threads_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    QString message_;
    QWidget* marked_ = nullptr;
    core::TrainingConfig hidden_; // Adam's β, ε: not in the form, kept as given
};

} // namespace starlocus::ui
