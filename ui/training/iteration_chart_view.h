// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IterationChartView: what each iteration's reddening update and χ²/dof cut left (§4):
// the test stars' ⟨χ²/dof⟩ among those with χ²/dof < 5 (left axis), the fraction of
// usable stars left out by the cut (right, %), and the learning rate of the next
// iteration (right, log axis). Qt Charts, one point per iteration.
#include "ui/training/training_history.h"

#include <QChartView>

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace starlocus::ui {

class IterationChartView : public QChartView {
    Q_OBJECT
public:
    explicit IterationChartView(const TrainingHistory* history, QWidget* parent = nullptr);

    void refresh();
    void retranslate();

    QLineSeries* chi2Series() const { return chi2_; }
    QLineSeries* leftOutSeries() const { return leftOut_; }
    QLineSeries* learningRateSeries() const { return learningRate_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    const TrainingHistory* history_;
    QLineSeries* chi2_;
    QLineSeries* leftOut_;
    QLineSeries* learningRate_;
    QValueAxis* iterationAxis_;
    QValueAxis* chi2Axis_;
    QValueAxis* leftOutAxis_;
    QLogValueAxis* learningRateAxis_;
};

} // namespace starlocus::ui
