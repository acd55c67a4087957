// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TrainingSettingsDialog: the settings of core::TrainingConfig as a form, filled with
// the paper's defaults (§4: 20 iterations × 25 epochs, batch 32, lr 1e-3 × e^(−1/5) per
// iteration, λ_s 1e-4, λ_r 1e-2, hidden 32,32, χ²/dof cut 100 → 5, split 70/20/10).
// Each field is checked as it is typed; the first problem is shown naming the field, the
// field is marked and OK stays disabled until the whole configuration is valid (the
// core's own validate() decides the ranges and the cross-field rules). The fields, their
// labels and ranges come from the settings table (core/training/training_config_fields.h).
#include "core/training/training_config_fields.h"

#include <QDialog>
#include <optional>
#include <string_view>
#include <vector>

class QDialogButtonBox;
class QLabel;

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

    // The widget that edits the setting with this JSON key (training_config_fields.h);
    // nullptr for a setting the form does not show.
    QWidget* fieldWidget(std::string_view jsonKey) const;

private:
    // One widget per setting of the table shown in the form: a spin box for a whole number,
    // else a line edit.
    struct FieldWidget {
        const core::ConfigField* field;
        QWidget* widget;
    };

    // Parses and validates everything; marks the offending field and updates OK.
    void revalidate();
    std::optional<core::TrainingConfig> parse(QString* message, QWidget** culprit) const;
    QString labelOf(QWidget* field) const;

    std::vector<FieldWidget> fields_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    QString message_;
    QWidget* marked_ = nullptr;
    core::TrainingConfig hidden_; // the settings not in the form (Adam's β, ε, the start): kept as given
};

} // namespace starlocus::ui
