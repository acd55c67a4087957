// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/catalog_fit_view.h"

#include "core/common/input_error.h"
#include "core/inference/fit_catalog.h"
#include "ui/inference/catalog_fit_colour_legend.h"
#include "ui/inference/catalog_fit_job.h"
#include "ui/inference/catalog_fit_panel.h"
#include "ui/inference/star_fit_input_panel.h"
#include "ui/inference/star_fit_job.h"
#include "ui/inference/star_fit_summary.h"
#include "ui/inference/star_fit_view.h"
#include "ui/session/file_probe.h"
#include "ui/session/session.h"
#include "ui/views/display_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <climits>
#include <exception>
#include <new>

namespace starlocus::ui {
namespace {

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

// A name of core's as text; "too_few_measurements" → "too few measurements" when `readable`.
QString spaced(std::string_view name, bool readable = true) {
    QString text = QString::fromUtf8(name.data(), qsizetype(name.size()));
    return readable ? text.replace(QLatin1Char('_'), QLatin1Char(' ')) : text;
}

} // namespace

CatalogFitView::CatalogFitView(Session* session, StarFitView* gridSource, QWidget* parent)
    : QWidget(parent), session_(session), gridSource_(gridSource), job_(new CatalogFitJob(this)) {
    setObjectName(QStringLiteral("catalogFitView"));
    fit_ = new QPushButton(this);
    fit_->setObjectName(QStringLiteral("catalogFitAll"));
    cancel_ = new QPushButton(this);
    cancel_->setObjectName(QStringLiteral("catalogFitCancel"));
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("catalogFitProgress"));
    progress_->setMinimumWidth(220);
    progress_->setMaximumWidth(320);
    open_ = new QPushButton(this);
    open_->setObjectName(QStringLiteral("catalogFitOpen"));
    save_ = new QPushButton(this);
    save_->setObjectName(QStringLiteral("catalogFitSave"));
    colouringLabel_ = new QLabel(this);
    colouring_ = new QComboBox(this);
    colouring_->setObjectName(QStringLiteral("catalogFitColouring"));
    for (CatalogFitColouring c : {CatalogFitColouring::None, CatalogFitColouring::LowDensityFraction,
                                  CatalogFitColouring::ReducedChi2, CatalogFitColouring::ParallaxUsed})
        colouring_->addItem(colouringName(c), int(c));
    colouringLabel_->setBuddy(colouring_);
    // Whether a star far from the 1:1 line is one the model extrapolates to: the first
    // question about an outlier.
    colouring_->setCurrentIndex(colouring_->findData(int(CatalogFitColouring::LowDensityFraction)));
    errorBars_ = new QCheckBox(this);
    errorBars_->setObjectName(QStringLiteral("catalogFitErrorBars"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(fit_);
    controls->addWidget(cancel_);
    controls->addWidget(progress_);
    controls->addSpacing(16);
    controls->addWidget(open_);
    controls->addWidget(save_);
    controls->addStretch();
    controls->addWidget(colouringLabel_);
    controls->addWidget(colouring_);
    controls->addSpacing(8);
    controls->addWidget(errorBars_);

    source_ = new QLabel(this);
    source_->setObjectName(QStringLiteral("catalogFitSource"));
    source_->setWordWrap(true);
    source_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("catalogFitSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLabel_ = new QLabel(this);
    messageLabel_->setObjectName(QStringLiteral("catalogFitMessage"));
    messageLabel_->setWordWrap(true);
    messageLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = messageLabel_->font();
    bold.setBold(true);
    messageLabel_->setFont(bold);

    placeholder_ = new QLabel(this);
    placeholder_->setWordWrap(true);
    placeholder_->setAlignment(Qt::AlignCenter);
    auto* plots = new QWidget(this);
    auto* grid = new QGridLayout(plots);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    for (CatalogFitQuantity q : kCatalogFitQuantities) {
        auto* panel = new CatalogFitPanel(q, plots);
        panels_[std::size_t(q)] = panel;
        grid->addWidget(panel, int(q) / 2, int(q) % 2);
        connect(panel, &CatalogFitPanel::starClicked, this, &CatalogFitView::chooseStar);
    }
    legend_ = new CatalogFitColourLegend(plots);
    grid->addWidget(legend_, 2, 0, 1, 2);
    stack_ = new QStackedWidget(this);
    stack_->addWidget(placeholder_);
    stack_->addWidget(plots);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(controls);
    layout->addWidget(source_);
    layout->addWidget(summary_);
    layout->addWidget(messageLabel_);
    layout->addWidget(stack_, 1);

    connect(gridSource_, &StarFitView::gridSettled, this, &CatalogFitView::takeGrid);
    connect(fit_, &QPushButton::clicked, this, &CatalogFitView::fitAllStars);
    connect(cancel_, &QPushButton::clicked, this, &CatalogFitView::cancelFit);
    connect(open_, &QPushButton::clicked, this, &CatalogFitView::chooseFileToOpen);
    connect(save_, &QPushButton::clicked, this, &CatalogFitView::chooseFileToSave);
    connect(colouring_, &QComboBox::currentIndexChanged, this, &CatalogFitView::applyColouring);
    connect(errorBars_, &QCheckBox::toggled, this, [this](bool shown) {
        for (CatalogFitPanel* p : panels_)
            p->setErrorBarsShown(shown);
    });
    connect(job_, &CatalogFitJob::progressed, this, [this](std::size_t done, std::size_t total) {
        progress_->setRange(0, int(std::min<std::size_t>(total, INT_MAX)));
        progress_->setValue(int(std::min(done, total)));
    });
    connect(job_, &CatalogFitJob::finished, this, &CatalogFitView::onFitFinished);
    connect(&fileWatcher_, &QFutureWatcher<FileOutcome>::finished, this, &CatalogFitView::onFileRead);
    connect(session_, &Session::modelChanged, this, &CatalogFitView::onModelChanged);
    connect(session_, &Session::catalogChanged, this, &CatalogFitView::onCatalogChanged);
    retranslate();
}

CatalogFitColouring CatalogFitView::colouring() const {
    return CatalogFitColouring(colouring_->currentData().toInt());
}

bool CatalogFitView::isBusy() const {
    return waitingForGrid_ || job_->isRunning() || readingFile_;
}

QString CatalogFitView::message() const { return message_; }
QString CatalogFitView::summaryText() const { return summary_->text(); }
QString CatalogFitView::sourceText() const { return source_->text(); }
bool CatalogFitView::showsPanels() const { return stack_->currentIndex() == 1; }

void CatalogFitView::setMessage(const QString& text) {
    message_ = text;
    messageLabel_->setText(text);
    messageLabel_->setVisible(!text.isEmpty());
}

void CatalogFitView::fitAllStars() {
    if (isBusy())
        return;
    if (!session_->model() || !session_->catalog()) {
        setMessage(tr("Fitting needs a model and a catalog: open both (File menu), or train a model."));
        return;
    }
    setMessage({});
    gridSource_->prepareGrid();
    if (const auto grid = gridSource_->currentGrid()) {
        startFit(grid);
        return;
    }
    waitingForGrid_ = true; // takeGrid() goes on when the Fit a Star tab's grid settles
    if (!gridSource_->isPreparingGrid()) { // nothing is building: the grid settled before (and failed)
        takeGrid();
        return;
    }
    updateControls();
    updateTexts();
}

void CatalogFitView::takeGrid() {
    if (!waitingForGrid_)
        return;
    if (const auto grid = gridSource_->currentGrid()) {
        waitingForGrid_ = false;
        startFit(grid);
        return;
    }
    // A grid that settled while the Fit a Star tab still has work to do (a build for the old
    // settings ending while the model's training density is read) is not the one wanted:
    // wait for the next settling.
    if (gridSource_->isPreparingGrid())
        return;
    waitingForGrid_ = false;
    setMessage(tr("No label grid, so no fit: %1").arg(gridSource_->gridError()));
    updateControls();
    updateTexts();
}

void CatalogFitView::startFit(std::shared_ptr<const core::LabelGrid> grid) {
    fitModel_ = session_->model();
    cancelledBySession_ = false;
    job_->start(std::move(grid), gridSource_->input()->posteriorSettings(), session_->catalog());
    updateControls();
    updateTexts();
}

void CatalogFitView::cancelFit() {
    if (waitingForGrid_) {
        waitingForGrid_ = false;
        setMessage(tr("Cancelled before the fit started."));
    }
    job_->cancel();
    updateControls();
}

void CatalogFitView::onFitFinished(const CatalogFitRun& run) {
    updateControls();
    // A run of another model or catalog (they changed while it ran) is not the session's.
    const bool current = run.catalog == session_->catalog() && fitModel_ == session_->model() && fitModel_;
    if (run.cancelled && cancelledBySession_) {
        // onModelChanged / onCatalogChanged said why.
    } else if (run.cancelled) {
        setMessage(tr("Fit cancelled after %1 of %2 stars: no result kept.")
                       .arg(countText(job_->done()), countText(job_->total())));
    } else if (!run.error.isEmpty()) {
        setMessage(tr("The fit failed: %1").arg(run.error));
    } else if (!current) {
        setMessage(tr("The model or catalog changed while the fit ran: its result was dropped."));
    } else {
        auto result = std::make_shared<CatalogFitResult>();
        result->origin = CatalogFitResult::Origin::GuiRun;
        result->posteriors = std::move(*run.posteriors); // the job is done with it
        result->model = fitModel_;
        result->grid = run.grid;
        result->catalog = run.catalog;
        result->seconds = run.seconds;
        core::PosteriorFileMetadata& m = result->metadata;
        // What `starlocus-cli fit-stars` writes (app/cli/fit_stars_command.cpp).
        m.grid = run.grid->settings;
        m.settings = run.settings;
        m.modelFile = session_->modelOrigin().path.isEmpty() ? session_->model()->provenance().sourceFile
                                                            : session_->modelOrigin().path.toStdString();
        m.catalogFile = session_->catalogPath().isEmpty() ? run.catalog->sourceFile
                                                          : session_->catalogPath().toStdString();
        m.densitySource = run.grid->densitySource;
        m.starlocusVersion = STARLOCUS_VERSION;
        setMessage({});
        setResult(std::move(result));
        return;
    }
    updateTexts();
    emit resultShown();
}

void CatalogFitView::openPosteriorFile(const QString& path) {
    if (readingFile_)
        return;
    readingFile_ = true;
    updateControls();
    // A file from elsewhere is read first by the probe child (issue 14): one that crashes
    // libhdf5 then costs the child, not the session and a training run in progress.
    auto* probe = new FileProbe(this);
    connect(probe, &FileProbe::finished, this, [this, probe, path](const ProbeResult& result) {
        probe->deleteLater();
        if (const QString failure = FileProbe::failureText(path, result); !failure.isEmpty()) {
            readingFile_ = false;
            updateControls();
            setMessage(tr("Posteriors not opened: %1").arg(failure));
            updateTexts();
            return;
        }
        readPosteriorFileInProcess(path);
    });
    probe->start(ProbeKind::Posteriors, path);
}

void CatalogFitView::readPosteriorFileInProcess(const QString& path) {
    fileWatcher_.setFuture(QtConcurrent::run([path] {
        FileOutcome outcome;
        outcome.path = path;
        try {
            outcome.file = std::make_shared<core::PosteriorFile>(core::readPosteriorFile(path.toStdString()));
        } catch (const core::InputError& e) {
            outcome.error = QString::fromUtf8(e.what());
        } catch (const std::bad_alloc&) {
            outcome.error = CatalogFitView::tr("%1: not enough memory to read it").arg(path);
        } catch (const std::exception& e) {
            // Not an InputError: a bug of ours, named as such with the file.
            outcome.error = CatalogFitView::tr("%1: could not be read (%2)").arg(path, QString::fromUtf8(e.what()));
        }
        return outcome;
    }));
}

void CatalogFitView::onFileRead() {
    readingFile_ = false;
    const FileOutcome outcome = fileWatcher_.result();
    updateControls();
    const QString name = QFileInfo(outcome.path).fileName();
    if (!outcome.file) {
        setMessage(tr("Posteriors not opened: %1").arg(outcome.error));
        updateTexts();
        return;
    }
    const auto catalog = session_->catalog();
    const std::size_t rows = outcome.file->posteriors.size();
    const QString fileCatalog = fromStd(outcome.file->metadata.catalogFile);
    if (!catalog) {
        setMessage(tr("%1 not opened: its rows are matched to the session's catalog by index, and no catalog is "
                      "open (the file's catalog: %2).")
                       .arg(outcome.path, fileCatalog.isEmpty() ? tr("not named") : fileCatalog));
        updateTexts();
        return;
    }
    if (rows != catalog->size()) {
        setMessage(tr("%1 refused: it has %2 rows but the session's catalog has %3 stars. Its rows are matched to "
                      "the catalog's stars by index, so it was fitted on another catalog (the file's catalog: %4).")
                       .arg(outcome.path, countText(rows), countText(catalog->size()),
                            fileCatalog.isEmpty() ? tr("not named") : fileCatalog));
        updateTexts();
        return;
    }
    auto result = std::make_shared<CatalogFitResult>();
    result->origin = CatalogFitResult::Origin::File;
    result->filePath = outcome.path;
    result->metadata = outcome.file->metadata;
    result->posteriors = std::move(outcome.file->posteriors);
    result->notes = outcome.file->notes;
    result->catalog = catalog;
    QStringList notes;
    for (const std::string& note : result->notes)
        notes << fromStd(note);
    setMessage(notes.isEmpty() ? QString() : tr("%1: %2").arg(name, notes.join(QStringLiteral("; "))));
    setResult(std::move(result));
}

bool CatalogFitView::savePosteriorFile(const QString& path) {
    if (!result_ || result_->origin != CatalogFitResult::Origin::GuiRun) {
        setMessage(tr("Nothing to save: fit all stars here first (a result read from a file is already on disk)."));
        return false;
    }
    try {
        core::writePosteriorFile(path.toStdString(), result_->posteriors, result_->metadata);
    } catch (const core::InputError& e) {
        setMessage(tr("Posteriors not saved: %1").arg(QString::fromUtf8(e.what())));
        return false;
    } catch (const std::exception& e) {
        setMessage(tr("Posteriors not saved to %1 (%2)").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
    setMessage(tr("Posteriors of %n star(s) saved to %1.", nullptr, int(result_->posteriors.size())).arg(path));
    return true;
}

void CatalogFitView::chooseFileToOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Posteriors"), QString(),
                                                      tr("fit-stars posteriors (*.h5 *.hdf5);;All files (*)"));
    if (!path.isEmpty())
        openPosteriorFile(path);
}

void CatalogFitView::chooseFileToSave() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Posteriors"), QStringLiteral("posteriors.h5"),
                                                      tr("fit-stars posteriors (*.h5 *.hdf5)"));
    if (!path.isEmpty())
        savePosteriorFile(path);
}

void CatalogFitView::onModelChanged() {
    cancelledBySession_ = job_->isRunning();
    job_->cancel(); // its result would belong to the previous model
    waitingForGrid_ = false;
    if (result_ && result_->origin == CatalogFitResult::Origin::GuiRun) {
        setMessage(tr("The model changed: the catalog fit of the previous model was dropped. Fit all stars again "
                      "for this one."));
        setResult(nullptr);
    }
    if (cancelledBySession_)
        setMessage(tr("The model changed: the running fit was stopped (its result would belong to the previous "
                      "model)."));
    updateControls();
    updateTexts();
}

void CatalogFitView::onCatalogChanged() {
    cancelledBySession_ = job_->isRunning();
    job_->cancel();
    waitingForGrid_ = false;
    chosenRow_.reset();
    if (cancelledBySession_)
        setMessage(tr("The catalog changed: the running fit was stopped."));
    if (!result_) {
        updateControls();
        updateTexts();
        return;
    }
    const auto catalog = session_->catalog();
    if (result_->origin == CatalogFitResult::Origin::GuiRun) {
        setMessage(tr("The catalog changed: the catalog fit of the previous catalog was dropped."));
        setResult(nullptr);
    } else if (!catalog || catalog->size() != result_->posteriors.size()) {
        setMessage(tr("The catalog changed and no longer has as many stars as %1 has rows: its result was dropped.")
                       .arg(result_->filePath));
        setResult(nullptr);
    } else {
        // The same number of rows: matched to the new catalog's stars by index, as on opening.
        auto kept = std::make_shared<CatalogFitResult>(*result_);
        kept->catalog = catalog;
        setMessage(tr("The catalog changed; %1 has as many rows as it has stars, so it is kept and matched to the "
                      "new catalog by index.")
                       .arg(QFileInfo(result_->filePath).fileName()));
        setResult(std::move(kept));
    }
}

void CatalogFitView::setResult(std::shared_ptr<const CatalogFitResult> result) {
    result_ = std::move(result);
    chosenRow_.reset();
    drawResult();
    updateControls();
    updateTexts();
    emit resultShown();
}

void CatalogFitView::drawResult() {
    if (!result_ || !result_->catalog) {
        for (CatalogFitPanel* p : panels_)
            p->clearComparison();
        stack_->setCurrentIndex(0);
        return;
    }
    const core::Catalog& catalog = *result_->catalog;
    const CatalogFitColourScale scale = colourScaleOf(colouring());
    const std::vector<double> values = colouringValues(colouring(), result_->posteriors);
    const bool reddeningFit = comparesWithReddeningFit(catalog);
    for (CatalogFitQuantity q : kCatalogFitQuantities) {
        CatalogFitPanel* p = panels_[std::size_t(q)];
        p->setComparison(compareWithCatalog(catalog, result_->posteriors, q), reddeningFit, scale, values);
        p->setErrorBarsShown(errorBars_->isChecked());
    }
    legend_->setScale(scale, panels_[0]->colorMap());
    stack_->setCurrentIndex(1);
}

void CatalogFitView::applyColouring() {
    const CatalogFitColourScale scale = colourScaleOf(colouring());
    legend_->setScale(scale, panels_[0]->colorMap());
    if (!result_)
        return;
    const std::vector<double> values = colouringValues(colouring(), result_->posteriors);
    for (CatalogFitPanel* p : panels_)
        p->setColouring(scale, values);
}

void CatalogFitView::chooseStar(std::size_t row) {
    chosenRow_ = row;
    for (CatalogFitPanel* p : panels_)
        p->setChosenRow(row);
    gridSource_->setLinkedStars({row});
    setMessage(tr("Catalog star %1 chosen: the Fit a Star tab shows its posterior.").arg(countText(row)));
    emit starChosen(row);
}

void CatalogFitView::updateControls() {
    const bool running = job_->isRunning() || waitingForGrid_;
    fit_->setEnabled(!running && !readingFile_ && session_->model() && session_->catalog());
    cancel_->setEnabled(running);
    open_->setEnabled(!running && !readingFile_);
    save_->setEnabled(!running && result_ && result_->origin == CatalogFitResult::Origin::GuiRun);
    progress_->setVisible(running);
    if (waitingForGrid_)
        progress_->setRange(0, 0); // the grid's build reports no progress
}

void CatalogFitView::updateTexts() {
    // Where the result came from, with what.
    if (!result_) {
        source_->clear();
        summary_->clear();
        if (waitingForGrid_)
            placeholder_->setText(tr("Building the label grid (shared with the Fit a Star tab)…"));
        else if (job_->isRunning())
            placeholder_->setText(tr("Fitting %n star(s) in the background…", nullptr, int(job_->total())));
        else if (!session_->model() || !session_->catalog())
            placeholder_->setText(
                tr("Open a model and a catalog, then fit all of the catalog's stars here (Fit all stars) or open the "
                   "posteriors `starlocus-cli fit-stars` wrote for this catalog (Open posteriors…)."));
        else
            placeholder_->setText(
                tr("No catalog-wide fit yet: Fit all stars (with the grid and priors of the Fit a Star tab), or "
                   "open the posteriors `starlocus-cli fit-stars` wrote for this catalog."));
        stack_->setCurrentIndex(0);
        return;
    }
    const core::PosteriorFileMetadata& m = result_->metadata;
    const QString priors = tr("θ prior %1, distance prior %2, E prior %3")
                               .arg(StarFitSummary::labelPriorText(m.grid.prior),
                                    spaced(core::distancePriorName(m.settings.distance)),
                                    spaced(core::reddeningPriorName(m.settings.reddening)));
    const QString density = m.densitySource.empty() ? tr("no training density") : tr("density %1").arg(fromStd(m.densitySource));
    if (result_->origin == CatalogFitResult::Origin::GuiRun)
        source_->setText(tr("Fitted here in %1 s: model %2, %3, %4 (the Fit a Star tab's grid and priors).")
                             .arg(numberText(result_->seconds, 1),
                                  m.modelFile.empty() ? tr("trained here") : QFileInfo(fromStd(m.modelFile)).fileName(),
                                  priors, density));
    else
        source_->setText(tr("From %1 (catalog: %2; model: %3; %4; %5), rows matched to the session's catalog by index.")
                             .arg(wrappablePath(result_->filePath),
                                  m.catalogFile.empty() ? tr("not named") : fromStd(m.catalogFile),
                                  m.modelFile.empty() ? tr("not named") : QFileInfo(fromStd(m.modelFile)).fileName(),
                                  priors, density));
    // Stars per status and the flags among the fitted (core::summarize).
    const core::FitCatalogSummary s = core::summarize(result_->posteriors);
    QStringList statuses;
    for (int code = 1; code <= int(core::kLastPosteriorStatus); ++code)
        if (const std::size_t n = s.perStatus[std::size_t(code)])
            // The names fit-stars writes (its JSON, the file's posterior_status_codes).
            statuses << tr("%1 %2").arg(countText(n), spaced(core::posteriorStatusName(core::PosteriorStatus(code)),
                                                             false));
    const std::size_t fitted = s.perStatus[std::size_t(core::PosteriorStatus::Fitted)];
    QString text = tr("%1 of %2 stars fitted").arg(countText(fitted), countText(result_->posteriors.size()));
    if (!statuses.isEmpty())
        text += tr(" (not fitted: %1)").arg(statuses.join(QStringLiteral(", ")));
    text += tr(". Flagged among the fitted: %1 poor fit, %2 outside training, %3 parallax ignored, %4 at grid edge.")
                .arg(countText(s.poorFit), countText(s.outsideTraining), countText(s.parallaxIgnored),
                     countText(s.atGridEdge));
    summary_->setText(text);
}

void CatalogFitView::retranslate() {
    fit_->setText(tr("Fit all stars"));
    fit_->setToolTip(tr("Fit every star of the session's catalog from its photometry and parallax (Eq. 19) in the "
                        "background, with the label grid and the priors chosen in the Fit a Star tab."));
    cancel_->setText(tr("Cancel"));
    open_->setText(tr("Open posteriors…"));
    open_->setToolTip(tr("Read the file `starlocus-cli fit-stars` wrote for the session's catalog (one row per star, "
                         "in catalog order)."));
    save_->setText(tr("Save posteriors…"));
    save_->setToolTip(tr("Write the fit made here in the layout of `starlocus-cli fit-stars` (HDF5)."));
    colouringLabel_->setText(tr("&Colour by:"));
    for (int i = 0; i < colouring_->count(); ++i)
        colouring_->setItemText(i, colouringName(CatalogFitColouring(colouring_->itemData(i).toInt())));
    errorBars_->setText(tr("16–84 % error bars"));
    progress_->setFormat(tr("%v of %m stars"));
    updateControls();
    updateTexts();
    legend_->setScale(colourScaleOf(colouring()), panels_[0]->colorMap());
}

void CatalogFitView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
