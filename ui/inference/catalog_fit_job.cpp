// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/catalog_fit_job.h"

#include "core/inference/fit_catalog.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <exception>
#include <new>

namespace starlocus::ui {
namespace {

CatalogFitRun fitAll(CatalogFitRun run, std::shared_ptr<std::atomic<bool>> cancel,
                     std::shared_ptr<std::atomic<std::size_t>> done) {
    QElapsedTimer clock;
    clock.start();
    try {
        auto posteriors = std::make_shared<std::vector<core::StarPosterior>>(core::fitCatalog(
            *run.grid, run.settings, *run.catalog,
            [&](std::size_t fitted, std::size_t) {
                done->store(fitted);
                return !cancel->load();
            },
            CatalogFitJob::kProgressStars));
        if (cancel->load()) // asked for after the last report
            throw core::FitCancelled();
        run.posteriors = std::move(posteriors);
    } catch (const core::FitCancelled&) {
        run.cancelled = true;
    } catch (const std::bad_alloc&) {
        run.error = CatalogFitJob::tr("not enough memory for the posteriors of %n star(s)", nullptr,
                                      int(run.catalog->size()));
    } catch (const std::exception& e) {
        run.error = QString::fromStdString(e.what());
    }
    run.seconds = double(clock.nsecsElapsed()) * 1e-9;
    return run;
}

} // namespace

CatalogFitJob::CatalogFitJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<starlocus::ui::CatalogFitRun>();
    connect(&watcher_, &QFutureWatcher<CatalogFitRun>::finished, this, &CatalogFitJob::onFinished);
    progressTimer_.setInterval(100);
    connect(&progressTimer_, &QTimer::timeout, this, [this] { emit progressed(done(), total_); });
}

CatalogFitJob::~CatalogFitJob() {
    watcher_.disconnect(this);
    if (cancel_)
        cancel_->store(true);
    watcher_.waitForFinished(); // at most one block of stars: ~1 s
}

bool CatalogFitJob::start(std::shared_ptr<const core::LabelGrid> grid, const core::PosteriorSettings& settings,
                          std::shared_ptr<const core::Catalog> catalog) {
    if (running_ || !grid || !catalog)
        return false;
    CatalogFitRun run;
    run.grid = std::move(grid);
    run.settings = settings;
    run.catalog = std::move(catalog);
    total_ = run.catalog->size();
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    done_ = std::make_shared<std::atomic<std::size_t>>(0);
    running_ = true;
    emit progressed(0, total_);
    progressTimer_.start();
    watcher_.setFuture(QtConcurrent::run(fitAll, std::move(run), cancel_, done_));
    return true;
}

void CatalogFitJob::cancel() {
    if (running_ && cancel_)
        cancel_->store(true);
}

void CatalogFitJob::onFinished() {
    progressTimer_.stop();
    const CatalogFitRun run = watcher_.result();
    running_ = false;
    if (run.posteriors)
        emit progressed(total_, total_);
    emit finished(run);
}

} // namespace starlocus::ui
