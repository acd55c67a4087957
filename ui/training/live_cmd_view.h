// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// LiveCmdView: the test stars' observed Gaia CMD beside the one the model in training
// predicts (zero reddening), both on the shared PlotFrame with the same axes. Model
// snapshots arrive with every epoch; the predicted CMD is recomputed off the GUI thread
// at most kMaxRefreshPerSecond times a second (the newest snapshot wins).
#include "ui/training/cmd_points.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>
#include <memory>

class QLabel;

namespace starlocus::ui {

class PlotFrame;

class LiveCmdView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxRefreshPerSecond = 3;

    explicit LiveCmdView(QWidget* parent = nullptr);
    ~LiveCmdView() override;

    // The stars of a run: its test split of `catalog` (null: none).
    void setTestStars(std::shared_ptr<const core::Catalog> catalog, const core::TrainingConfig& config);
    // A model snapshot (null clears the predicted CMD); `caption` says which (e.g. the epoch).
    void setModel(std::shared_ptr<const core::StellarModel> model, const QString& caption);

    PlotFrame* observedFrame() const { return observed_; }
    PlotFrame* predictedFrame() const { return predicted_; }
    int refreshCount() const { return refreshes_; }
    std::size_t testStarCount() const { return stars_ ? stars_->theta.size() : 0; }

signals:
    // After the predicted CMD was redrawn from a snapshot.
    void predictionShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void startPrediction();
    void showObserved(const CmdPoints& points);
    void showPredicted(const CmdPoints& points);
    void applyRanges();
    void retranslate();

    PlotFrame* observed_;
    PlotFrame* predicted_;
    QLabel* observedTitle_;
    QLabel* predictedTitle_;
    std::shared_ptr<const TestStars> stars_;
    std::shared_ptr<const core::StellarModel> pending_;
    QString pendingCaption_;
    QString shownCaption_;
    QFutureWatcher<CmdPoints> observedJob_;
    QFutureWatcher<CmdPoints> predictedJob_;
    QTimer throttle_;
    QElapsedTimer sinceLastStart_;
    std::array<double, 4> observedBox_{};  // colour lo/hi, magnitude lo/hi
    std::array<double, 4> predictedBox_{};
    bool hasObserved_ = false;
    bool hasPredicted_ = false;
    int refreshes_ = 0;
};

} // namespace starlocus::ui
