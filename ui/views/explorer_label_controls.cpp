// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/explorer_label_controls.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace starlocus::ui {

namespace {
// Decimals and the spin box's step per row: Teff to 1 K, log g and [Fe/H] to 0.01 dex,
// E to 0.001 (the precision of the labels in the published catalog, roughly).
constexpr std::array<int, 4> kDecimals{0, 2, 2, 3};
constexpr std::array<double, 4> kSteps{10.0, 0.05, 0.05, 0.01};
} // namespace

ExplorerLabelControls::ExplorerLabelControls(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("explorerLabelControls"));
    auto* grid = new QGridLayout(this);
    grid->setColumnStretch(1, 1);
    static constexpr std::array<const char*, 4> kNames{"explorerTeff", "explorerLogg", "explorerFeh", "explorerE"};
    for (int r = 0; r < 4; ++r) {
        RowWidgets& row = rows_[std::size_t(r)];
        row.label = new QLabel(this);
        row.slider = new QSlider(Qt::Horizontal, this);
        row.slider->setRange(0, kSliderSteps);
        row.slider->setObjectName(QString::fromLatin1(kNames[std::size_t(r)]) + QStringLiteral("Slider"));
        row.spin = new QDoubleSpinBox(this);
        row.spin->setObjectName(QString::fromLatin1(kNames[std::size_t(r)]) + QStringLiteral("SpinBox"));
        row.spin->setDecimals(kDecimals[std::size_t(r)]);
        row.spin->setSingleStep(kSteps[std::size_t(r)]);
        row.spin->setAlignment(Qt::AlignRight);
        row.spin->setMinimumWidth(90);
        row.label->setBuddy(row.spin);
        grid->addWidget(row.label, r, 0);
        grid->addWidget(row.slider, r, 1);
        grid->addWidget(row.spin, r, 2);
        const auto rowId = Row(r);
        connect(row.slider, &QSlider::valueChanged, this, [this, rowId](int position) {
            {
                const QSignalBlocker block(rows_[rowId].spin);
                rows_[rowId].spin->setValue(sliderValue(rowId, position));
            }
            emit inputChanged();
        });
        connect(row.spin, &QDoubleSpinBox::valueChanged, this, [this, rowId] {
            syncSlider(rowId);
            emit inputChanged();
        });
    }
    setRanges(defaultExplorerRanges());
    retranslate();
}

double ExplorerLabelControls::sliderValue(Row row, int position) const {
    const QDoubleSpinBox* spin = rows_[row].spin;
    return spin->minimum() + (spin->maximum() - spin->minimum()) * double(position) / kSliderSteps;
}

void ExplorerLabelControls::syncSlider(Row row) {
    const QDoubleSpinBox* spin = rows_[row].spin;
    const double span = spin->maximum() - spin->minimum();
    const int position = span > 0.0 ? int(std::lround((spin->value() - spin->minimum()) / span * kSliderSteps)) : 0;
    const QSignalBlocker block(rows_[row].slider);
    rows_[row].slider->setValue(position);
}

void ExplorerLabelControls::setRanges(const ExplorerRanges& ranges) {
    for (int r = 0; r < 4; ++r) {
        const QSignalBlocker block(rows_[std::size_t(r)].spin);
        const ExplorerRange& range = ranges.ranges[std::size_t(r)];
        rows_[std::size_t(r)].spin->setRange(range.min, range.max);
    }
    setInput(ranges.start);
}

ExplorerRange ExplorerLabelControls::range(Row row) const {
    return {rows_[row].spin->minimum(), rows_[row].spin->maximum()};
}

void ExplorerLabelControls::setInput(const ExplorerInput& input) {
    const std::array<double, 4> values{input.theta[0], input.theta[1], input.theta[2], input.reddening};
    for (int r = 0; r < 4; ++r) {
        {
            const QSignalBlocker block(rows_[std::size_t(r)].spin);
            rows_[std::size_t(r)].spin->setValue(values[std::size_t(r)]); // clamps
        }
        syncSlider(Row(r));
    }
    emit inputChanged();
}

ExplorerInput ExplorerLabelControls::input() const {
    ExplorerInput input;
    for (int k = 0; k < 3; ++k)
        input.theta[k] = rows_[std::size_t(k)].spin->value();
    input.reddening = rows_[Reddening].spin->value();
    return input;
}

void ExplorerLabelControls::retranslate() {
    rows_[Teff].label->setText(tr("T<sub>eff</sub>"));
    rows_[LogG].label->setText(tr("log g"));
    rows_[FeH].label->setText(tr("[Fe/H]"));
    rows_[Reddening].label->setText(tr("E"));
    rows_[Teff].spin->setSuffix(tr(" K"));
    rows_[LogG].spin->setSuffix(tr(" dex"));
    rows_[FeH].spin->setSuffix(tr(" dex"));
    // E is on the catalog's Ê scale, a reddening in magnitudes (A = E·R).
    rows_[Reddening].spin->setSuffix(tr(" mag"));
    rows_[Teff].slider->setToolTip(tr("Effective temperature"));
    rows_[LogG].slider->setToolTip(tr("Surface gravity, log of g in cm s⁻²"));
    rows_[FeH].slider->setToolTip(tr("Metallicity"));
    const QString reddening = tr("Reddening E, on the scale of the catalog's Ê (Bayestar19/SFD); the extinction is A = E·R");
    rows_[Reddening].slider->setToolTip(reddening);
    rows_[Reddening].spin->setToolTip(reddening);
}

void ExplorerLabelControls::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
