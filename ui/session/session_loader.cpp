// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/session_loader.h"

#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "ui/session/model_file_read.h"
#include "ui/session/session.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <memory>
#include <new>

namespace starlocus::ui {
namespace {

struct ModelOutcome {
    std::shared_ptr<const core::StellarModel> model;
    ModelOrigin origin;
    QString error;
    bool needsNormalization = false;
};

struct CatalogOutcome {
    std::shared_ptr<const core::Catalog> catalog;
    std::shared_ptr<const CatalogSummary> summary;
    QString error;
};

// A failure that is not an InputError: the loaders turn every defect of a file into one, so
// this is a machine limit or a bug, said in words (never a library's bare exception text).
QString unexpectedFailure(const QString& path, const std::exception& e) {
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return SessionLoader::tr("%1: not enough memory to read this file").arg(path);
    return SessionLoader::tr("%1: internal error while reading the file (a bug: please report it): %2")
        .arg(path, QString::fromStdString(e.what()));
}

// Runs on the pool: everything that touches the file happens here.
ModelOutcome readModel(const QString& path, const QString& normalizationPath) {
    ModelOutcome outcome;
    try {
        ModelFileContents contents = readModelFile(path.toStdString(), normalizationPath.toStdString());
        outcome.model = std::make_shared<const core::StellarModel>(std::move(contents.model));
        outcome.origin.path = path;
        outcome.origin.normalizationFile = QString::fromStdString(contents.normalizationFile);
        outcome.origin.trainingRecord = std::move(contents.trainingRecord);
    } catch (const core::InputError& e) {
        outcome.error = QString::fromStdString(e.what());
        outcome.needsNormalization = e.field() == "normalization" && normalizationPath.isEmpty();
    } catch (const std::exception& e) {
        outcome.error = unexpectedFailure(path, e);
    } catch (...) {
        outcome.error = SessionLoader::tr("%1: unknown error while reading the file").arg(path);
    }
    return outcome;
}

CatalogOutcome readCatalog(const QString& path) {
    CatalogOutcome outcome;
    try {
        auto catalog = std::make_shared<const core::Catalog>(core::readGreen2020Catalog(path.toStdString()));
        outcome.summary = std::make_shared<const CatalogSummary>(summarizeCatalog(*catalog));
        outcome.catalog = std::move(catalog);
    } catch (const core::InputError& e) {
        outcome.error = QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        outcome.error = unexpectedFailure(path, e);
    } catch (...) {
        outcome.error = SessionLoader::tr("%1: unknown error while reading the file").arg(path);
    }
    return outcome;
}

struct FileOutcome {
    bool isModel = false;
    ModelOutcome model;
    CatalogOutcome catalog;
};

FileOutcome readFile(const QString& path) {
    FileOutcome outcome;
    outcome.isModel = hasModelLayout(path.toStdString());
    if (outcome.isModel)
        outcome.model = readModel(path, {});
    else
        outcome.catalog = readCatalog(path);
    return outcome;
}

} // namespace

SessionLoader::SessionLoader(Session* session, QObject* parent) : QObject(parent), session_(session) {
    pool_.setMaxThreadCount(1);
}

SessionLoader::~SessionLoader() {
    // The probes' children are killed (FileProbe's destructor); their requests go nowhere.
    for (FileProbe* probe : findChildren<FileProbe*>(Qt::FindDirectChildrenOnly))
        probe->disconnect(this);
    pool_.clear();
    pool_.waitForDone();
}

void SessionLoader::beginJob() {
    if (pending_++ == 0)
        emit busyChanged(true);
}

void SessionLoader::endJob() {
    if (--pending_ == 0)
        emit busyChanged(false);
}

bool SessionLoader::isProbing() const { return probing_ > 0; }

void SessionLoader::cancelProbes() {
    for (FileProbe* probe : findChildren<FileProbe*>(Qt::FindDirectChildrenOnly))
        probe->cancel();
}

void SessionLoader::probeThen(ProbeKind kind, const QString& path, const QString& normalizationPath,
                              std::function<void()> readInProcess,
                              std::function<void(const QString&, const ProbeResult&)> fail) {
    auto* probe = new FileProbe(this);
    if (probing_++ == 0)
        emit probingChanged(true);
    connect(probe, &FileProbe::finished, this,
            [this, probe, path, readInProcess = std::move(readInProcess), fail = std::move(fail)](const ProbeResult& result) {
                probe->deleteLater();
                if (--probing_ == 0)
                    emit probingChanged(false);
                switch (result.status) {
                case ProbeResult::Status::Readable:
                case ProbeResult::Status::NotRun:
                    readInProcess();
                    return;
                case ProbeResult::Status::Unreadable:
                    fail(result.message, result);
                    break;
                case ProbeResult::Status::Cancelled:
                    emit loadCancelled(path);
                    break;
                case ProbeResult::Status::Crashed:
                case ProbeResult::Status::TimedOut:
                    fail(FileProbe::failureText(path, result), result);
                    break;
                }
                endJob();
            });
    probe->start(kind, path, normalizationPath);
}

void SessionLoader::loadModel(const QString& path, const QString& normalizationPath) {
    beginJob();
    emit modelLoadStarted(path);
    probeThen(
        ProbeKind::Model, path, normalizationPath, [this, path, normalizationPath] { readModelInProcess(path, normalizationPath); },
        [this, path, normalizationPath](const QString& message, const ProbeResult& result) {
            emit modelLoadFailed(path, message,
                                 result.field == QLatin1String("normalization") && normalizationPath.isEmpty());
        });
}

void SessionLoader::readModelInProcess(const QString& path, const QString& normalizationPath) {
    auto* watcher = new QFutureWatcher<ModelOutcome>(this);
    connect(watcher, &QFutureWatcher<ModelOutcome>::finished, this, [this, watcher, path] {
        const ModelOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (outcome.model) {
            session_->setModel(outcome.model, outcome.origin);
            emit modelLoaded(path);
        } else {
            emit modelLoadFailed(path, outcome.error, outcome.needsNormalization);
        }
        endJob();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, readModel, path, normalizationPath));
}

void SessionLoader::loadCatalog(const QString& path) {
    beginJob();
    emit catalogLoadStarted(path);
    probeThen(
        ProbeKind::Catalog, path, {}, [this, path] { readCatalogInProcess(path); },
        [this, path](const QString& message, const ProbeResult&) { emit catalogLoadFailed(path, message); });
}

void SessionLoader::readCatalogInProcess(const QString& path) {
    auto* watcher = new QFutureWatcher<CatalogOutcome>(this);
    connect(watcher, &QFutureWatcher<CatalogOutcome>::finished, this, [this, watcher, path] {
        const CatalogOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (outcome.catalog) {
            session_->setCatalog(outcome.catalog, outcome.summary, path);
            emit catalogLoaded(path);
        } else {
            emit catalogLoadFailed(path, outcome.error);
        }
        endJob();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, readCatalog, path));
}

void SessionLoader::loadFile(const QString& path) {
    beginJob();
    emit fileLoadStarted(path);
    // The probe child says what it read the file as, so a failure goes to the right signal.
    probeThen(
        ProbeKind::AnyFile, path, {}, [this, path] { readFileInProcess(path); },
        [this, path](const QString& message, const ProbeResult& result) {
            if (result.readAs == QLatin1String("model"))
                emit modelLoadFailed(path, message, false);
            else
                emit catalogLoadFailed(path, message);
        });
}

void SessionLoader::readFileInProcess(const QString& path) {
    auto* watcher = new QFutureWatcher<FileOutcome>(this);
    connect(watcher, &QFutureWatcher<FileOutcome>::finished, this, [this, watcher, path] {
        const FileOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (outcome.isModel && outcome.model.model) {
            session_->setModel(outcome.model.model, outcome.model.origin);
            emit modelLoaded(path);
        } else if (outcome.isModel) {
            emit modelLoadFailed(path, outcome.model.error, outcome.model.needsNormalization);
        } else if (outcome.catalog.catalog) {
            session_->setCatalog(outcome.catalog.catalog, outcome.catalog.summary, path);
            emit catalogLoaded(path);
        } else {
            emit catalogLoadFailed(path, outcome.catalog.error);
        }
        endJob();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, readFile, path));
}

} // namespace starlocus::ui
