// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/training_monitor_view.h"

#include "ui/training/iteration_chart_view.h"
#include "ui/training/loss_chart_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleValidator>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QAbstractAxis>

namespace starlocus::ui {
namespace {

QLineEdit* limitEdit(const char* name, QWidget* parent) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setValidator(new QDoubleValidator(edit));
    edit->setMaximumWidth(90);
    edit->setEnabled(false);
    return edit;
}

std::optional<std::pair<double, double>> limitsFrom(const QLineEdit* lo, const QLineEdit* hi) {
    bool okLo = false, okHi = false;
    const double a = QLocale().toDouble(lo->text(), &okLo);
    const double b = QLocale().toDouble(hi->text(), &okHi);
    if (!okLo || !okHi || !(a < b))
        return std::nullopt;
    return std::make_pair(a, b);
}

// The loss chart redraws every point of the run (the smoothing sees the whole history), so
// one redraw per epoch grows with the run: a small catalog's epochs of a millisecond then
// arrive faster than the redraws, the window falls ever further behind and Stop or closing
// waits for the backlog. At most one redraw per interval, ten a second, keeps it live.
constexpr qint64 kLossRefreshIntervalMs = 100;

} // namespace

TrainingMonitorView::TrainingMonitorView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("trainingMonitor"));
    lossChart_ = new LossChartView(&history_, this);
    iterationChart_ = new IterationChartView(&history_, this);
    lossRefresh_ = new QTimer(this);
    lossRefresh_->setSingleShot(true);
    connect(lossRefresh_, &QTimer::timeout, this, &TrainingMonitorView::refreshLossChart);

    xAxisLabel_ = new QLabel(this);
    xAxis_ = new QComboBox(this);
    xAxis_->setObjectName(QStringLiteral("lossXAxis"));
    xAxis_->addItems({QString(), QString(), QString()}); // texts in retranslate()
    xAxisLabel_->setBuddy(xAxis_);
    yScaleLabel_ = new QLabel(this);
    yScale_ = new QComboBox(this);
    yScale_->setObjectName(QStringLiteral("lossYScale"));
    yScale_->addItems({QString(), QString()});
    yScaleLabel_->setBuddy(yScale_);
    smoothingLabel_ = new QLabel(this);
    smoothing_ = new QSlider(Qt::Horizontal, this);
    smoothing_->setObjectName(QStringLiteral("lossSmoothing"));
    smoothing_->setRange(0, 99); // EMA weight in hundredths
    smoothing_->setValue(int(lossChart_->smoothing() * 100.0 + 0.5));
    smoothing_->setMaximumWidth(160);
    smoothingLabel_->setBuddy(smoothing_);
    smoothingValue_ = new QLabel(this);
    smoothingValue_->setMinimumWidth(32);
    fixLimits_ = new QCheckBox(this);
    fixLimits_->setObjectName(QStringLiteral("fixLossLimits"));
    xMin_ = limitEdit("lossXMin", this);
    xMax_ = limitEdit("lossXMax", this);
    yMin_ = limitEdit("lossYMin", this);
    yMax_ = limitEdit("lossYMax", this);
    exportButton_ = new QPushButton(this);
    exportButton_->setObjectName(QStringLiteral("exportHistoryButton"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(xAxisLabel_);
    controls->addWidget(xAxis_);
    controls->addSpacing(8);
    controls->addWidget(yScaleLabel_);
    controls->addWidget(yScale_);
    controls->addSpacing(8);
    controls->addWidget(smoothingLabel_);
    controls->addWidget(smoothing_);
    controls->addWidget(smoothingValue_);
    controls->addStretch();
    auto* limits = new QHBoxLayout;
    limits->addWidget(fixLimits_);
    limits->addWidget(new QLabel(QStringLiteral("x"), this));
    limits->addWidget(xMin_);
    limits->addWidget(new QLabel(QStringLiteral("–"), this));
    limits->addWidget(xMax_);
    limits->addSpacing(8);
    limits->addWidget(new QLabel(QStringLiteral("y"), this));
    limits->addWidget(yMin_);
    limits->addWidget(new QLabel(QStringLiteral("–"), this));
    limits->addWidget(yMax_);
    limits->addStretch();
    limits->addWidget(exportButton_);

    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->setObjectName(QStringLiteral("monitorSplitter"));
    charts->addWidget(lossChart_);
    charts->addWidget(iterationChart_);
    charts->setStretchFactor(0, 1);
    charts->setStretchFactor(1, 1);
    iterationChart_->setMinimumHeight(170);
    lossChart_->setMinimumHeight(200);
    charts->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(limits);
    layout->addWidget(charts, 1);

    connect(xAxis_, &QComboBox::currentIndexChanged, this, [this](int index) {
        lossChart_->setAxisX(static_cast<LossAxisX>(std::max(0, index)));
        if (fixLimits_->isChecked()) { // other units: start again from what is shown
            fixLimits_->setChecked(false);
        }
    });
    connect(yScale_, &QComboBox::currentIndexChanged, this,
            [this](int index) { lossChart_->setLogarithmic(index == 0); });
    connect(smoothing_, &QSlider::valueChanged, this, [this](int value) {
        smoothingValue_->setText(QLocale().toString(value / 100.0, 'f', 2));
        lossChart_->setSmoothing(value / 100.0);
    });
    connect(fixLimits_, &QCheckBox::toggled, this, [this](bool fixed) {
        if (fixed) { // start from the current view, which the user then edits
            auto* x = lossChart_->epochAxis();
            QAbstractAxis* y = lossChart_->lossAxis();
            const QLocale locale;
            xMin_->setText(locale.toString(x->min(), 'g', 6));
            xMax_->setText(locale.toString(x->max(), 'g', 6));
            yMin_->setText(locale.toString(y->property("min").toDouble(), 'g', 6));
            yMax_->setText(locale.toString(y->property("max").toDouble(), 'g', 6));
        }
        for (QLineEdit* e : {xMin_, xMax_, yMin_, yMax_})
            e->setEnabled(fixed);
        applyLimits();
    });
    for (QLineEdit* e : {xMin_, xMax_, yMin_, yMax_})
        connect(e, &QLineEdit::editingFinished, this, &TrainingMonitorView::applyLimits);
    connect(exportButton_, &QPushButton::clicked, this, &TrainingMonitorView::chooseCsvFile);
    retranslate();
    smoothingValue_->setText(QLocale().toString(smoothing_->value() / 100.0, 'f', 2));
}

void TrainingMonitorView::applyLimits() {
    if (!fixLimits_->isChecked()) {
        lossChart_->setFixedLimitsX(std::nullopt);
        lossChart_->setFixedLimitsY(std::nullopt);
        return;
    }
    lossChart_->setFixedLimitsX(limitsFrom(xMin_, xMax_));
    lossChart_->setFixedLimitsY(limitsFrom(yMin_, yMax_));
}

void TrainingMonitorView::clear() {
    history_.clear();
    refreshCharts();
}

void TrainingMonitorView::addEpoch(const core::EpochEvent& event) {
    history_.addEpoch(event);
    if (lossRefresh_->isActive())
        return; // the pending redraw will show this epoch too
    const qint64 since = sinceLossRefresh_.isValid() ? sinceLossRefresh_.elapsed() : kLossRefreshIntervalMs;
    if (since >= kLossRefreshIntervalMs)
        refreshLossChart();
    else
        lossRefresh_->start(int(kLossRefreshIntervalMs - since));
}

void TrainingMonitorView::refreshLossChart() {
    lossRefresh_->stop();
    lossChart_->refresh();
    sinceLossRefresh_.start();
}

void TrainingMonitorView::addIteration(const core::IterationEvent& event) {
    history_.addIteration(event);
    refreshCharts();
}

void TrainingMonitorView::restore(const core::TrainingHistory& history, int epochsPerIteration, double starsPerEpoch) {
    history_.restore(history, epochsPerIteration, starsPerEpoch);
    refreshCharts();
}

void TrainingMonitorView::refreshCharts() {
    refreshLossChart();
    iterationChart_->refresh();
}

void TrainingMonitorView::chooseCsvFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Training History"),
                                                      QDir::home().filePath(QStringLiteral("training_history.csv")),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        emit exportFailed(error);
}

bool TrainingMonitorView::exportCsv(const QString& path, QString* error) {
    QString why;
    if (!history_.exportCsv(path, &why)) {
        if (error)
            *error = tr("Could not write the training history: %1").arg(why);
        return false;
    }
    emit exported(path);
    return true;
}

void TrainingMonitorView::retranslate() {
    xAxisLabel_->setText(tr("&x:"));
    xAxis_->setItemText(0, tr("epoch"));
    xAxis_->setItemText(1, tr("stars processed"));
    xAxis_->setItemText(2, tr("wall time"));
    yScaleLabel_->setText(tr("&y:"));
    yScale_->setItemText(0, tr("logarithmic"));
    yScale_->setItemText(1, tr("linear"));
    smoothingLabel_->setText(tr("&Smoothing:"));
    smoothing_->setToolTip(tr("Exponential moving average over every epoch; the raw curve stays drawn faintly"));
    fixLimits_->setText(tr("&Fix limits"));
    fixLimits_->setToolTip(tr("Keep the axis ranges typed here instead of fitting every point"));
    exportButton_->setText(tr("Export &CSV…"));
    exportButton_->setToolTip(tr("Save every epoch and iteration of this run as CSV"));
}

void TrainingMonitorView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace starlocus::ui
