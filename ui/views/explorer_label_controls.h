// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ExplorerLabelControls: a slider and a spin box for each of Teff, log g, [Fe/H] and E.
// The spin box holds the value (at its displayed precision); the slider moves it over
// the range in 1,000 steps. Either one changes the other and emits inputChanged().
#include "ui/views/explorer_ranges.h"

#include <QWidget>
#include <array>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace starlocus::ui {

class ExplorerLabelControls : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSliderSteps = 1000;
    enum Row { Teff = 0, LogG = 1, FeH = 2, Reddening = 3 };

    explicit ExplorerLabelControls(QWidget* parent = nullptr);

    // New ranges; the values move to `ranges.start` (clamped) and inputChanged() is emitted.
    void setRanges(const ExplorerRanges& ranges);
    ExplorerRange range(Row row) const;
    // Moves all four values at once (clamped to the ranges); one inputChanged().
    void setInput(const ExplorerInput& input);
    ExplorerInput input() const;

    QSlider* slider(Row row) const { return rows_[row].slider; }
    QDoubleSpinBox* spinBox(Row row) const { return rows_[row].spin; }

    void retranslate();

signals:
    void inputChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct RowWidgets {
        QLabel* label = nullptr;
        QSlider* slider = nullptr;
        QDoubleSpinBox* spin = nullptr;
    };
    void syncSlider(Row row);
    double sliderValue(Row row, int position) const;

    std::array<RowWidgets, 4> rows_;
};

} // namespace starlocus::ui
