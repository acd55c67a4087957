// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/rule_count_job.h"

#include "core/common/input_error.h"

#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <new>

namespace starlocus::ui {

RuleCountJob::RuleCountJob(QObject* parent) : QObject(parent) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(kQuietMs);
    connect(&debounce_, &QTimer::timeout, this, &RuleCountJob::startPending);
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &RuleCountJob::onFinished);
    progressTimer_.setInterval(100);
    connect(&progressTimer_, &QTimer::timeout, this, [this] {
        if (rows_)
            emit progressed(rows_->load());
    });
}

RuleCountJob::~RuleCountJob() {
    watcher_.disconnect(this);
    if (stop_)
        stop_->store(true);
    watcher_.waitForFinished(); // one chunk
}

void RuleCountJob::request(std::vector<core::import::ImportSource> sources,
                           const core::import::RuleSettings& settings) {
    pending_ = Request{std::move(sources), settings};
    if (running_ && stop_)
        stop_->store(true); // its counts are out of date already
    debounce_.start();
}

void RuleCountJob::cancel() {
    debounce_.stop();
    pending_.reset();
    if (running_ && stop_)
        stop_->store(true);
}

void RuleCountJob::startPending() {
    if (running_ || !pending_)
        return; // onFinished starts it
    Request request = std::move(*pending_);
    pending_.reset();
    stop_ = std::make_shared<std::atomic<bool>>(false);
    rows_ = std::make_shared<std::atomic<qint64>>(0);
    running_ = true;
    emit started();
    progressTimer_.start();
    watcher_.setFuture(QtConcurrent::run(&RuleCountJob::run, std::move(request), stop_, rows_));
}

RuleCountJob::Outcome RuleCountJob::run(Request request, std::shared_ptr<std::atomic<bool>> stop,
                                        std::shared_ptr<std::atomic<qint64>> rows) {
    Outcome outcome;
    try {
        outcome.counts = std::make_shared<const RuleCounts>(countRules(request.sources, request.settings, [&](std::size_t n) {
            rows->store(qint64(n));
            return !stop->load();
        }));
    } catch (const RuleCountsCancelled&) {
        outcome.cancelled = true;
    } catch (const core::InputError& e) {
        outcome.error = QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        outcome.error = tr("not enough memory to count the rules");
    } catch (const std::exception& e) {
        outcome.error = tr("internal error while counting the rules (a bug: please report it): %1")
                            .arg(QString::fromStdString(e.what()));
    }
    return outcome;
}

void RuleCountJob::onFinished() {
    progressTimer_.stop();
    running_ = false;
    const Outcome outcome = watcher_.result();
    if (pending_) { // asked again meanwhile: these counts are stale
        if (!debounce_.isActive())
            startPending();
        return;
    }
    if (outcome.cancelled)
        return;
    if (outcome.counts)
        emit finished(outcome.counts);
    else
        emit failed(outcome.error);
}

} // namespace starlocus::ui
