// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/figure_export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace starlocus::ui {

namespace {
constexpr LengthUnit kUnits[3] = {LengthUnit::Millimetre, LengthUnit::Centimetre, LengthUnit::Inch};
}

FigureExportRequest FigureExportChoice::request(const QString& path) const {
    FigureExportRequest r;
    r.path = path;
    r.format = format;
    // Vector formats: the pixel size only fixes the physical size (pixels / DPI).
    r.dpi = dpi;
    r.pixelSize = pixelSizeFor(sizeMm, dpi);
    r.fontPointSize = fontPoints;
    return r;
}

FigureExportDialog::FigureExportDialog(QSizeF defaultSizeMm, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export Figure"));
    aspect_ = defaultSizeMm.height() / defaultSizeMm.width();
    preset_ = new QComboBox(this);
    preset_->addItem(tr("Custom size"), QString());
    for (const FigurePreset& p : figurePresets())
        preset_->addItem(QCoreApplication::translate("FigurePreset", p.name), QString::fromLatin1(p.id));
    width_ = new QDoubleSpinBox(this);
    height_ = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* box : {width_, height_}) {
        box->setRange(10.0, 1000.0);
        box->setDecimals(1);
    }
    width_->setValue(defaultSizeMm.width());
    height_->setValue(defaultSizeMm.height());
    unit_ = new QComboBox(this);
    unit_->addItems({tr("mm"), tr("cm"), tr("in")});
    font_ = new QDoubleSpinBox(this);
    font_->setRange(4.0, 24.0);
    font_->setValue(8.0);
    font_->setSuffix(tr(" pt"));
    dpi_ = new QSpinBox(this);
    dpi_->setRange(50, 1200);
    dpi_->setValue(300);
    dpi_->setSuffix(tr(" DPI"));
    format_ = new QComboBox(this);
    format_->addItem(tr("PDF (vector)"), int(FigureFormat::Pdf));
    format_->addItem(tr("SVG (vector)"), int(FigureFormat::Svg));
    format_->addItem(tr("PNG (image)"), int(FigureFormat::Png));
    csv_ = new QCheckBox(tr("Also write a CSV of what is drawn"), this);

    auto* form = new QFormLayout;
    form->addRow(tr("&Journal preset:"), preset_);
    form->addRow(tr("&Width:"), width_);
    form->addRow(tr("&Height:"), height_);
    form->addRow(tr("&Unit:"), unit_);
    form->addRow(tr("&Font size:"), font_);
    form->addRow(tr("PNG &resolution:"), dpi_);
    form->addRow(tr("F&ormat:"), format_);
    form->addRow(csv_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setLayout(form);
    connect(preset_, &QComboBox::currentIndexChanged, this, &FigureExportDialog::applyPreset);
    connect(unit_, &QComboBox::currentIndexChanged, this, &FigureExportDialog::unitChanged);
}

double FigureExportDialog::toMm(double value) const { return toMillimetres(value, kUnits[unit_->currentIndex()]); }

void FigureExportDialog::applyPreset() {
    const FigurePreset* p = figurePreset(preset_->currentData().toString());
    if (!p)
        return;
    const double perUnit = toMillimetres(1.0, kUnits[unit_->currentIndex()]);
    width_->setValue(p->widthMm / perUnit);
    height_->setValue(p->widthMm * aspect_ / perUnit);
}

void FigureExportDialog::unitChanged() {
    const double oldPerUnit = toMillimetres(1.0, kUnits[lastUnit_]);
    const double newPerUnit = toMillimetres(1.0, kUnits[unit_->currentIndex()]);
    width_->setValue(width_->value() * oldPerUnit / newPerUnit);
    height_->setValue(height_->value() * oldPerUnit / newPerUnit);
    lastUnit_ = unit_->currentIndex();
}

FigureExportChoice FigureExportDialog::choice() const {
    FigureExportChoice c;
    c.format = FigureFormat(format_->currentData().toInt());
    c.sizeMm = QSizeF(toMm(width_->value()), toMm(height_->value()));
    c.dpi = c.format == FigureFormat::Png ? double(dpi_->value()) : 300.0;
    c.fontPoints = font_->value();
    c.companionCsv = csv_->isChecked();
    return c;
}

} // namespace starlocus::ui
