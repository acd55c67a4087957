// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FigureExportDialog: the export choices of one view — journal preset or a size in mm, cm
// or inches, font size, PNG resolution, format, and a companion CSV of what is drawn.
#include "ui/plot/figure_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace starlocus::ui {

struct FigureExportChoice {
    FigureFormat format = FigureFormat::Pdf;
    QSizeF sizeMm;
    double dpi = 300.0;
    double fontPoints = 8.0;
    bool companionCsv = false;
    FigureExportRequest request(const QString& path) const;
};

class FigureExportDialog : public QDialog {
    Q_OBJECT
public:
    FigureExportDialog(QSizeF defaultSizeMm, QWidget* parent = nullptr);
    FigureExportChoice choice() const;

private:
    double toMm(double value) const;
    void applyPreset();
    void unitChanged();

    QComboBox* preset_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QComboBox* unit_;
    QDoubleSpinBox* font_;
    QSpinBox* dpi_;
    QComboBox* format_;
    QCheckBox* csv_;
    int lastUnit_ = 0;
    double aspect_ = 0.75;
};

} // namespace starlocus::ui
