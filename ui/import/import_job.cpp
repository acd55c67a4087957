// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/import_job.h"

#include "core/common/input_error.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <new>

namespace starlocus::ui {

ImportJob::ImportJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<starlocus::ui::ImportOutcome>();
    connect(&watcher_, &QFutureWatcher<ImportOutcome>::finished, this, &ImportJob::onFinished);
    progressTimer_.setInterval(100);
    connect(&progressTimer_, &QTimer::timeout, this, [this] {
        if (shared_)
            emit progressed(shared_->rows.load(), total_, shared_->writing.load());
    });
}

ImportJob::~ImportJob() {
    watcher_.disconnect(this);
    if (shared_)
        shared_->stop.store(true);
    watcher_.waitForFinished();
}

QString ImportJob::reportPathFor(const QString& catalogPath) {
    const QFileInfo info(catalogPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("_report.json"));
}

bool ImportJob::start(std::vector<core::import::ImportSource> sources, const core::import::RuleSettings& settings,
                      const QString& catalogPath, qint64 totalRows) {
    if (running_)
        return false;
    shared_ = std::make_shared<Shared>();
    total_ = totalRows;
    running_ = true;
    emit progressed(0, total_, false);
    progressTimer_.start();
    watcher_.setFuture(QtConcurrent::run(&ImportJob::run, std::move(sources), settings, catalogPath, shared_));
    return true;
}

void ImportJob::cancel() {
    if (running_ && shared_)
        shared_->stop.store(true);
}

ImportOutcome ImportJob::run(std::vector<core::import::ImportSource> sources, core::import::RuleSettings settings,
                             QString catalogPath, std::shared_ptr<Shared> shared) {
    namespace imp = core::import;
    ImportOutcome outcome;
    outcome.catalogPath = catalogPath;
    outcome.reportPath = reportPathFor(catalogPath);
    try {
        imp::ImportResult result = imp::importTables(sources, settings, [&](std::size_t rows, std::size_t, std::size_t) {
            shared->rows.store(qint64(rows));
            return !shared->stop.load();
        });
        if (shared->stop.load()) // asked for after the last chunk: still nothing written
            throw imp::ImportCancelled();
        shared->writing.store(true);
        imp::writeImportedCatalog(catalogPath.toStdString(), result, outcome.reportPath.toStdString());
        outcome.rowsIn = result.report.rowsIn;
        outcome.starsOut = result.report.starsOut;
    } catch (const imp::ImportCancelled&) {
        outcome.cancelled = true;
    } catch (const core::InputError& e) {
        outcome.error = QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        outcome.error = tr("not enough memory for the imported catalog");
    } catch (const std::exception& e) {
        outcome.error = tr("internal error while importing (a bug: please report it): %1").arg(QString::fromStdString(e.what()));
    }
    return outcome;
}

void ImportJob::onFinished() {
    progressTimer_.stop();
    running_ = false;
    const ImportOutcome outcome = watcher_.result();
    emit finished(outcome);
}

} // namespace starlocus::ui
