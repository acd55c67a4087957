// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/synthetic_sky_job.h"

#include "core/mock/mock_sky.h"
#include "ui/session/session.h"

#include <QLocale>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

namespace starlocus::ui {
namespace {

void generate(QPromise<SyntheticSkyOutcome>& promise, std::size_t starCount, std::uint64_t seed) {
    SyntheticSkyOutcome outcome;
    promise.setProgressRange(0, 100);
    try {
        core::MockSkyConfig config;
        config.starCount = starCount;
        const core::MockSky sky(config, seed, [&promise](std::size_t done, std::size_t total) {
            promise.setProgressValue(total > 0 ? int(100 * done / total) : 0);
            return !promise.isCanceled();
        });
        auto catalog = std::make_shared<core::Catalog>(sky.catalog());
        // The same name as the CLI's mock, so that checkpoints name their catalog alike.
        catalog->sourceFile = "mock:" + std::to_string(starCount) + ":seed" + std::to_string(seed);
        outcome.catalog = std::move(catalog);
    } catch (const core::MockSkyCancelled&) {
        return; // no result: the watcher sees a cancelled future
    } catch (const std::exception& e) {
        outcome.error = QString::fromStdString(e.what());
    }
    promise.addResult(outcome);
}

} // namespace

SyntheticSkyJob::SyntheticSkyJob(Session* session, QObject* parent) : QObject(parent), session_(session) {
    connect(&watcher_, &QFutureWatcher<SyntheticSkyOutcome>::progressValueChanged, this, &SyntheticSkyJob::progressed);
    connect(&watcher_, &QFutureWatcher<SyntheticSkyOutcome>::finished, this, [this] {
        emit runningChanged(false);
        const QFuture<SyntheticSkyOutcome> future = watcher_.future();
        if (future.isCanceled() || future.resultCount() == 0)
            return;
        const SyntheticSkyOutcome outcome = future.result();
        if (!outcome.catalog) {
            emit failed(outcome.error);
            return;
        }
        session_->setCatalog(outcome.catalog);
        emit finished(starCount_);
    });
}

SyntheticSkyJob::~SyntheticSkyJob() {
    watcher_.disconnect(this);
    cancel();
    watcher_.waitForFinished();
}

void SyntheticSkyJob::start(std::size_t starCount, std::uint64_t seed) {
    cancel();
    watcher_.waitForFinished();
    starCount_ = starCount;
    emit started(starCount);
    emit runningChanged(true);
    watcher_.setFuture(QtConcurrent::run(generate, starCount, seed));
}

void SyntheticSkyJob::cancel() {
    if (watcher_.isRunning())
        watcher_.cancel();
}

QString SyntheticSkyJob::sourceName(std::size_t starCount, std::uint64_t seed) {
    return tr("synthetic sky: %1 stars, seed %2").arg(QLocale().toString(qulonglong(starCount))).arg(seed);
}

} // namespace starlocus::ui
