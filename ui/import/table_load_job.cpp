// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/table_load_job.h"

#include "core/common/input_error.h"
#include "ui/session/file_probe.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <exception>
#include <new>

namespace starlocus::ui {
namespace {

// The child streams every row: a table of gigabytes takes minutes on a slow disk, so its
// time limit grows with the file (1 s per 5 MB on top of the probe's usual minute).
int probeTimeLimitMs(const QString& path) {
    const qint64 extraMs = QFileInfo(path).size() / (5 * 1024 * 1024) * 1000;
    return int(std::min<qint64>(qint64(FileProbe::defaultTimeoutMs()) + extraMs, 3600 * 1000));
}

} // namespace

TableLoadJob::TableLoadJob(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &TableLoadJob::readFinished);
    progressTimer_.setInterval(100);
    connect(&progressTimer_, &QTimer::timeout, this, [this] {
        if (rows_)
            emit progressed(current_, rows_->load(), total_);
    });
}

TableLoadJob::~TableLoadJob() {
    watcher_.disconnect(this);
    if (stop_)
        stop_->store(true);
    watcher_.waitForFinished(); // one chunk of rows
    delete probe_;              // kills and reaps its child
}

void TableLoadJob::load(const QStringList& paths) {
    queue_ << paths;
    if (current_.isEmpty())
        startNext();
}

void TableLoadJob::cancel() {
    queue_.clear();
    if (probe_)
        probe_->cancel();
    if (stop_)
        stop_->store(true);
}

void TableLoadJob::startNext() {
    if (queue_.isEmpty()) {
        current_.clear();
        emit idle();
        return;
    }
    current_ = queue_.takeFirst();
    total_ = -1;
    stop_ = std::make_shared<std::atomic<bool>>(false);
    rows_ = std::make_shared<std::atomic<qint64>>(0);
    probe_ = new FileProbe(this);
    probe_->setTimeoutMs(probeTimeLimitMs(current_));
    connect(probe_, &FileProbe::finished, this, &TableLoadJob::probeFinished);
    emit started(current_, Stage::Probing);
    probe_->start(ProbeKind::Table, current_);
}

void TableLoadJob::probeFinished(const ProbeResult& result) {
    if (probe_)
        probe_->deleteLater();
    probe_ = nullptr;
    switch (result.status) {
    case ProbeResult::Status::Readable:
        startRead(result.rows < 0, result.rows);
        return;
    case ProbeResult::Status::NotRun:
        startRead(true, -1);
        return;
    case ProbeResult::Status::Cancelled:
        emit cancelled(current_);
        break;
    case ProbeResult::Status::Unreadable:
        emit failed(current_, result.message);
        break;
    case ProbeResult::Status::Crashed:
    case ProbeResult::Status::TimedOut:
        emit failed(current_, FileProbe::failureText(current_, result));
        break;
    }
    finishCurrent();
}

void TableLoadJob::startRead(bool countRows, qint64 knownRows) {
    if (stop_->load()) { // cancelled as the probe ended
        emit cancelled(current_);
        finishCurrent();
        return;
    }
    total_ = knownRows;
    emit started(current_, Stage::Reading);
    progressTimer_.start();
    watcher_.setFuture(QtConcurrent::run(&TableLoadJob::readInProcess, current_, countRows, knownRows, stop_, rows_));
}

TableLoadJob::Outcome TableLoadJob::readInProcess(const QString& path, bool countRows, qint64 knownRows,
                                                  std::shared_ptr<std::atomic<bool>> stop,
                                                  std::shared_ptr<std::atomic<qint64>> rows) {
    Outcome outcome;
    try {
        TablePreview preview = readTablePreview(path, countRows, [&](std::size_t read) {
            rows->store(qint64(read));
            return !stop->load();
        });
        if (knownRows >= 0)
            preview.rows = std::size_t(knownRows);
        outcome.preview = std::make_shared<const TablePreview>(std::move(preview));
    } catch (const TablePreviewCancelled&) {
        outcome.cancelled = true;
    } catch (const core::InputError& e) {
        outcome.error = QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        outcome.error = tr("%1: not enough memory to read this table").arg(path);
    } catch (const std::exception& e) {
        outcome.error =
            tr("%1: internal error while reading the table (a bug: please report it): %2").arg(path, QString::fromStdString(e.what()));
    }
    return outcome;
}

void TableLoadJob::readFinished() {
    progressTimer_.stop();
    const Outcome outcome = watcher_.result();
    if (outcome.preview)
        emit loaded(outcome.preview);
    else if (outcome.cancelled)
        emit cancelled(current_);
    else
        emit failed(current_, outcome.error);
    finishCurrent();
}

void TableLoadJob::finishCurrent() {
    // Not from inside the probe's or the watcher's signal: the next table starts a new one.
    QMetaObject::invokeMethod(this, &TableLoadJob::startNext, Qt::QueuedConnection);
}

} // namespace starlocus::ui
