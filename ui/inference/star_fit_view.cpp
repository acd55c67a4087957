// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/star_fit_view.h"

#include "ui/inference/band_residual_plot.h"
#include "ui/inference/corner_plot.h"
#include "ui/inference/star_fit_cmd_plot.h"
#include "ui/inference/star_fit_input_panel.h"
#include "ui/inference/star_fit_job.h"
#include "ui/inference/star_fit_summary.h"
#include "ui/session/session.h"
#include "ui/views/display_text.h"
#include "ui/views/session_density.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace starlocus::ui {

namespace {

// A heading above a widget, in one container (for the splitters).
QWidget* headed(QLabel* heading, QWidget* content, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(heading);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

StarFitView::StarFitView(Session* session, QWidget* parent, SessionDensity* density)
    : QWidget(parent), session_(session), job_(new StarFitJob(this)),
      density_(density ? density : new SessionDensity(session, this)) {
    setObjectName(QStringLiteral("starFitView"));
    input_ = new StarFitInputPanel(this);
    summary_ = new QTextBrowser(this);
    summary_->setObjectName(QStringLiteral("starFitSummary"));
    summary_->setOpenLinks(false);
    gridText_ = new QLabel(this);
    gridText_->setObjectName(QStringLiteral("starFitGridText"));
    gridText_->setWordWrap(true);
    auto* inputBox = new QWidget(this);
    auto* inputLayout = new QVBoxLayout(inputBox);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(input_, 1);
    inputLayout->addWidget(gridText_);
    // A short window scrolls the inputs rather than squeezing them into each other.
    auto* inputScroll = new QScrollArea(this);
    inputScroll->setWidget(inputBox);
    inputScroll->setWidgetResizable(true);
    inputScroll->setFrameShape(QFrame::NoFrame);
    inputScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    left_ = new QSplitter(Qt::Vertical, this);
    left_->setChildrenCollapsible(false);
    left_->addWidget(inputScroll);
    left_->addWidget(summary_);
    fitLeftColumn();
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("starFitMessage"));
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0); // the grid's build reports no progress
    busy_->setMaximumWidth(240);
    auto* messagePage = new QWidget(this);
    auto* messageLayout = new QVBoxLayout(messagePage);
    messageLayout->addStretch();
    messageLayout->addWidget(message_);
    messageLayout->addWidget(busy_, 0, Qt::AlignHCenter);
    messageLayout->addStretch();

    corner_ = new CornerPlot(this);
    cmd_ = new StarFitCmdPlot(this);
    residuals_ = new BandResidualPlot(this);
    cornerHeading_ = sectionHeading(QString(), this);
    cmdHeading_ = sectionHeading(QString(), this);
    residualHeading_ = sectionHeading(QString(), this);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(headed(cmdHeading_, cmd_, bottom));
    bottom->addWidget(headed(residualHeading_, residuals_, bottom));
    auto* plots = new QSplitter(Qt::Vertical, this);
    plots->setObjectName(QStringLiteral("starFitPlots"));
    plots->setChildrenCollapsible(false);
    plots->addWidget(headed(cornerHeading_, corner_, plots));
    plots->addWidget(bottom);
    plots->setSizes({380, 300}); // the CMD needs height for its colour bar and legend

    stack_ = new QStackedWidget(this);
    stack_->addWidget(messagePage);
    stack_->addWidget(plots);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(left_);
    split->addWidget(stack_);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({340, 940});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(session_, &Session::modelChanged, this, &StarFitView::onModelChanged);
    connect(session_, &Session::catalogChanged, this, &StarFitView::onCatalogChanged);
    connect(density_, &SessionDensity::ready, this, &StarFitView::updateGrid);
    connect(input_, &StarFitInputPanel::requestChanged, this, &StarFitView::requestFit);
    connect(input_, &StarFitInputPanel::labelPriorChanged, this, &StarFitView::updateGrid);
    connect(input_, &StarFitInputPanel::sourceChanged, this, &StarFitView::fitLeftColumn);
    connect(job_, &StarFitJob::gridBuildStarted, this, [this] {
        gridError_.clear();
        showMessage(
            tr("Building the label grid: the model at every θ node of the prior's support (seconds)…"), true);
        updateGridText();
    });
    connect(job_, &StarFitJob::gridReady, this, [this](double seconds) {
        gridSeconds_ = seconds;
        updateGridText();
        if (!job_->hasStar()) // the job fits the star asked for last by itself
            requestFit();
        emit gridSettled();
    });
    connect(job_, &StarFitJob::gridFailed, this, [this](const QString& reason) {
        gridError_ = reason;
        showMessage(tr("No label grid: %1").arg(reason), false);
        updateGridText();
        emit gridSettled();
    });
    connect(job_, &StarFitJob::fitFinished, this, &StarFitView::showResult);
    connect(job_, &StarFitJob::locusReady, this,
            [this](std::shared_ptr<const std::vector<core::Vec13>> locus) {
                cmd_->setLocus(std::move(locus));
                cmd_->redraw();
            });
    retranslate();
    input_->setCatalog(session_->catalog());
    onModelChanged();
}

void StarFitView::fitLeftColumn() {
    // The typed page's table of 13 bands wants most of the column; a catalog star, the text.
    const int height = std::max(left_->height(), 600);
    const bool typed = input_->source() == StarFitInputPanel::Source::TypedPhotometry;
    const int inputs = typed ? height * 3 / 4 : height * 9 / 20;
    left_->setSizes({inputs, height - inputs});
}

void StarFitView::setGridSettings(const core::LabelGridSettings& settings) {
    gridSettings_ = settings;
}

void StarFitView::setLinkedStars(const std::vector<std::size_t>& catalogRows) {
    input_->setLinkedStars(catalogRows);
}

void StarFitView::prepareGrid() {
    refresh();
}

std::shared_ptr<const core::LabelGrid> StarFitView::currentGrid() const {
    if (stale_ || density_->isPending() || !session_->model() || job_->isBuildingGrid() ||
        job_->gridInput().model != session_->model())
        return nullptr;
    return job_->grid();
}

QString StarFitView::message() const {
    return message_->text();
}

bool StarFitView::showsPlots() const {
    return stack_->currentIndex() == 1;
}

bool StarFitView::isBusy() const {
    return (isVisible() && stale_) || density_->isPending() || job_->isBusy();
}

bool StarFitView::isPreparingGrid() const {
    return density_->isPending() || job_->isBuildingGrid();
}

void StarFitView::onModelChanged() {
    stale_ = true;
    result_.reset();
    if (!session_->model())
        showMessage(
            tr("No model yet: open one (File ▸ Open Model) or train one (Training ▸ Train), then fit stars "
               "with it here."),
            false);
    if (isVisible())
        refresh();
}

void StarFitView::onCatalogChanged() {
    stale_ = true;
    input_->setCatalog(session_->catalog());
    job_->forgetStar();
    if (isVisible())
        refresh();
}

void StarFitView::refresh() {
    if (!stale_)
        return;
    stale_ = false;
    const auto model = session_->model();
    cmd_->setModel(model);
    job_->setLocusInput(model, session_->catalog());
    if (!model) {
        job_->setGridInput({});
        updateGridText();
        return;
    }
    density_->update();
    if (density_->isPending()) {
        showMessage(tr("Reading the model's training density…"), true);
        return;
    }
    updateGrid();
}

void StarFitView::updateGrid() {
    const auto model = session_->model();
    if (!model || density_->isPending())
        return;
    StarFitGridInput grid;
    grid.model = model;
    grid.density = density_->density();
    grid.prior = input_->labelPrior();
    grid.settings = gridSettings_;
    job_->setGridInput(std::move(grid));
    updateGridText();
    if (job_->grid() && !job_->isBuildingGrid()) { // the grid built before is the one wanted
        if (!job_->hasStar())
            requestFit();
        emit gridSettled();
    }
}

void StarFitView::requestFit() {
    if (!session_->model())
        return;
    const std::optional<StarFitRequest> request = input_->request();
    if (!request)
        return;
    sinceRequest_.start();
    job_->requestFit(*request);
}

void StarFitView::showResult(std::shared_ptr<const StarFitResult> result) {
    QElapsedTimer drawing;
    drawing.start();
    result_ = std::move(result);
    drawResult();
    lastDrawMs_ = double(drawing.nsecsElapsed()) * 1e-6;
    lastLatencyMs_ = double(sinceRequest_.nsecsElapsed()) * 1e-6;
    updateGridText();
    emit resultShown();
}

void StarFitView::drawResult() {
    const StarFitResult& r = *result_;
    const QString star = r.request.catalogIndex >= 0
                             ? tr("Catalog star %1").arg(countText(std::size_t(r.request.catalogIndex)))
                             : tr("Typed photometry");
    summary_->setHtml(QStringLiteral("<p><b>%1</b></p>").arg(star.toHtmlEscaped()) + StarFitSummary::html(r));
    if (r.posterior.fitted()) {
        corner_->setResult(r);
        cmd_->setResult(result_);
        residuals_->setResiduals(r.posterior.residualAtMap);
        stack_->setCurrentIndex(1);
        corner_->redraw();
        cmd_->redraw();
        residuals_->replot(QCustomPlot::rpImmediateRefresh);
    } else {
        corner_->clearResult();
        cmd_->clearResult();
        residuals_->clearResiduals();
        showMessage(tr("%1 — %2").arg(star, StarFitSummary::statusText(r.posterior.status)), false);
    }
}

void StarFitView::showMessage(const QString& text, bool busy) {
    message_->setText(text);
    busy_->setVisible(busy);
    stack_->setCurrentIndex(0);
}

void StarFitView::updateGridText() {
    const auto grid = job_->grid();
    QStringList parts;
    if (!session_->model()) {
        gridText_->clear();
        return;
    }
    if (grid) {
        parts << tr("Label grid: %1 nodes, θ prior %2, built in %3 s.")
                     .arg(countText(grid->size()), StarFitSummary::labelPriorText(grid->settings.prior),
                          numberText(gridSeconds_, gridSeconds_ < 1.0 ? 2 : 1));
    } else if (job_->isBuildingGrid()) {
        parts << tr("Building the label grid…");
    }
    if (!density_->isPending()) {
        if (density_->density())
            parts << density_->note() + QLatin1Char('.');
        else
            parts << tr("No training density for this model (%1): the θ prior is flat over the whole grid "
                        "(box) and "
                        "the fraction at low density is unknown.")
                         .arg(density_->note());
    }
    if (result_)
        parts << tr("Last fit %1 ms, drawn %2 ms after the request (drawing %3 ms).")
                     .arg(numberText(result_->fitMs, 1), numberText(lastLatencyMs_, 0),
                          numberText(lastDrawMs_, 0));
    gridText_->setText(parts.join(QLatin1Char(' ')));
}

void StarFitView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh(); // the grid costs seconds and memory: built only once the tab is looked at
}

void StarFitView::retranslate() {
    cornerHeading_->setText(tr("Posterior from photometry and parallax (Eq. 19)"));
    cmdHeading_->setText(tr("On the model's colour–magnitude diagram"));
    residualHeading_->setText(tr("Residuals per band at the MAP point"));
    summary_->setPlaceholderText(tr("The numbers of the fit appear here."));
    updateGridText();
    if (result_)
        drawResult();
}

void StarFitView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
