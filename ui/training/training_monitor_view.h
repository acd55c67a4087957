// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TrainingMonitorView: the live loss chart and the per-iteration chart with their
// controls — x quantity, log/linear y, smoothing slider, user-fixed axis limits — and the
// CSV export of the whole history. It keeps the run's TrainingHistory.
#include "ui/training/training_history.h"

#include <QElapsedTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QTimer;

namespace starlocus::ui {

class IterationChartView;
class LossChartView;

class TrainingMonitorView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingMonitorView(QWidget* parent = nullptr);

    const TrainingHistory& history() const { return history_; }
    void clear();
    // Adds the epoch to the history; the loss chart shows it at once, or, while epochs arrive
    // faster than one per 100 ms, with the next redraw (at most 100 ms later).
    void addEpoch(const core::EpochEvent& event);
    void addIteration(const core::IterationEvent& event);
    void restore(const core::TrainingHistory& history, int epochsPerIteration, double starsPerEpoch);

    LossChartView* lossChart() const { return lossChart_; }
    IterationChartView* iterationChart() const { return iterationChart_; }
    QSlider* smoothingSlider() const { return smoothing_; }
    QComboBox* xAxisChooser() const { return xAxis_; }
    QComboBox* yScaleChooser() const { return yScale_; }

    // Asks for a file and writes the history; a failure is reported through `exportFailed`.
    void chooseCsvFile();
    bool exportCsv(const QString& path, QString* error = nullptr);

signals:
    void exportFailed(const QString& message);
    void exported(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void applyLimits();
    void refreshCharts();
    void refreshLossChart();

    TrainingHistory history_;
    LossChartView* lossChart_;
    QTimer* lossRefresh_;            // the deferred redraw of a burst of epochs
    QElapsedTimer sinceLossRefresh_; // since the loss chart's last redraw
    IterationChartView* iterationChart_;
    QLabel* xAxisLabel_;
    QComboBox* xAxis_;
    QLabel* yScaleLabel_;
    QComboBox* yScale_;
    QLabel* smoothingLabel_;
    QSlider* smoothing_;
    QLabel* smoothingValue_;
    QCheckBox* fixLimits_;
    QLineEdit* xMin_;
    QLineEdit* xMax_;
    QLineEdit* yMin_;
    QLineEdit* yMax_;
    QPushButton* exportButton_;
};

} // namespace starlocus::ui
