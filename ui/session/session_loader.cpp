// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/session_loader.h"

#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "core/io/keras_model_import.h"
#include "core/io/model_file.h"
#include "core/io/normalization_json.h"
#include "ui/session/session.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <memory>

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

// Runs on the pool: everything that touches the file happens here.
ModelOutcome readModel(const QString& path, const QString& normalizationPath) {
    ModelOutcome outcome;
    const std::string file = path.toStdString();
    try {
        std::string norm = normalizationPath.toStdString();
        if (norm.empty() && core::isKerasModelFile(file))
            norm = core::findNormalizationBeside(file); // the one loadAnyModel would pick
        outcome.model = std::make_shared<const core::StellarModel>(core::loadAnyModel(file, norm));
        outcome.origin.path = path;
        outcome.origin.normalizationFile = QString::fromStdString(norm);
        // Read here, with the model, because HDF5 is read from one thread at a time; the
        // science views take the test split from it.
        if (!core::isKerasModelFile(file)) {
            try {
                if (auto record = core::loadTrainingRecord(file))
                    outcome.origin.trainingRecord = std::make_shared<const core::TrainingCheckpoint>(std::move(*record));
            } catch (const std::exception&) {
                // A damaged record leaves the model usable; the views then show all stars.
            }
        }
    } catch (const core::InputError& e) {
        outcome.error = QString::fromStdString(e.what());
        outcome.needsNormalization = e.field() == "normalization" && normalizationPath.isEmpty();
    } catch (const std::exception& e) {
        outcome.error = QString::fromStdString(e.what());
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
    } catch (const std::exception& e) {
        outcome.error = QString::fromStdString(e.what());
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

// A model has `layers` (ours) or Keras's layout; anything else is tried as a catalog.
bool looksLikeModel(const std::string& file) {
    try {
        if (core::isKerasModelFile(file))
            return true;
        const core::hdf5::Handle handle = core::hdf5::openReadOnly(file);
        return core::hdf5::exists(handle.get(), "layers");
    } catch (const std::exception&) {
        return false; // the catalog reader reports what is wrong with the file
    }
}

FileOutcome readFile(const QString& path) {
    FileOutcome outcome;
    outcome.isModel = looksLikeModel(path.toStdString());
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

void SessionLoader::loadModel(const QString& path, const QString& normalizationPath) {
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
    beginJob();
    emit modelLoadStarted(path);
    watcher->setFuture(QtConcurrent::run(&pool_, readModel, path, normalizationPath));
}

void SessionLoader::loadCatalog(const QString& path) {
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
    beginJob();
    emit catalogLoadStarted(path);
    watcher->setFuture(QtConcurrent::run(&pool_, readCatalog, path));
}

void SessionLoader::loadFile(const QString& path) {
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
    beginJob();
    emit fileLoadStarted(path);
    watcher->setFuture(QtConcurrent::run(&pool_, readFile, path));
}

} // namespace starlocus::ui
