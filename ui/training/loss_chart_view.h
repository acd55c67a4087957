// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// LossChartView: training and validation loss (Eq. 15) per epoch on Qt Charts, each as
// the raw full-resolution curve drawn faintly and its exponential moving average on top;
// the end of every iteration marked by a vertical dashed line. The y axis is a true
// QLogValueAxis (or linear); x is the epoch, training stars processed or wall time.
// Automatic limits enclose every point: nothing is hidden as an "outlier".
#include "ui/training/training_history.h"

#include <QChartView>
#include <optional>
#include <utility>
#include <vector>

class QAbstractAxis;
class QLineSeries;
class QValueAxis;

namespace starlocus::ui {

class LossChartView : public QChartView {
    Q_OBJECT
public:
    explicit LossChartView(const TrainingHistory* history, QWidget* parent = nullptr);

    void setLogarithmic(bool logarithmic);
    bool isLogarithmic() const { return logarithmic_; }
    void setAxisX(LossAxisX axis);
    LossAxisX axisX() const { return axisX_; }
    // EMA weight in [0, 1): 0 draws the raw data only.
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }
    // Limits the user fixed (nullopt: automatic, enclosing every point).
    void setFixedLimitsX(std::optional<std::pair<double, double>> limits);
    void setFixedLimitsY(std::optional<std::pair<double, double>> limits);

    // Redraws from the history (after new epochs, or any setting above).
    void refresh();
    void retranslate();

    QLineSeries* trainRawSeries() const { return trainRaw_; }
    QLineSeries* trainSmoothedSeries() const { return trainSmooth_; }
    QLineSeries* validationRawSeries() const { return valRaw_; }
    QLineSeries* validationSmoothedSeries() const { return valSmooth_; }
    QAbstractAxis* lossAxis() const { return yAxis_; }
    QValueAxis* epochAxis() const { return xAxis_; }
    // Iteration boundaries drawn now.
    int boundaryCount() const { return visibleBoundaries_; }
    // Points that a log axis cannot show (loss ≤ 0); shown in the chart's title.
    int undrawablePointCount() const { return undrawable_; }
    // How often refresh() has redrawn the series (each redraw walks the whole history).
    int refreshCount() const { return refreshes_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildYAxis();
    QLineSeries* boundarySeries(int index);

    const TrainingHistory* history_;
    QLineSeries* trainRaw_;
    QLineSeries* trainSmooth_;
    QLineSeries* valRaw_;
    QLineSeries* valSmooth_;
    std::vector<QLineSeries*> boundaries_;
    QValueAxis* xAxis_;
    QAbstractAxis* yAxis_ = nullptr;
    bool logarithmic_ = true;
    LossAxisX axisX_ = LossAxisX::Epoch;
    double smoothing_ = 0.6;
    std::optional<std::pair<double, double>> fixedX_;
    std::optional<std::pair<double, double>> fixedY_;
    int visibleBoundaries_ = 0;
    int undrawable_ = 0;
    int refreshes_ = 0;
};

} // namespace starlocus::ui
