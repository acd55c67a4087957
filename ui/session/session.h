// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Session: what is open right now (a stellar model, a catalog). Views attach to its
// signals; the loader replaces its contents only with fully loaded, immutable objects.
#include "core/catalog/catalog.h"
#include "core/model/stellar_model.h"
#include "core/training/training_record.h"
#include "ui/session/catalog_summary.h"

#include <QObject>
#include <QString>
#include <memory>

namespace starlocus::ui {

// Where the open model came from. The science views need it: the record of the model's
// training run holds the per-star split (they show the test stars, as the paper does), and
// "copy as command" names the files.
struct ModelOrigin {
    QString path;              // the file it was read from; empty for a model trained here
    QString normalizationFile; // the JSON its θ_med/θ_std came from (Keras models only)
    std::shared_ptr<const core::TrainingCheckpoint> trainingRecord; // null when unknown
};

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);

    std::shared_ptr<const core::StellarModel> model() const { return model_; }
    const ModelOrigin& modelOrigin() const { return modelOrigin_; }
    // The normalisation JSON the model's θ_med/θ_std came from (empty for our own model
    // files, which carry it inside).
    QString modelNormalizationFile() const { return modelOrigin_.normalizationFile; }

    std::shared_ptr<const core::Catalog> catalog() const { return catalog_; }
    std::shared_ptr<const CatalogSummary> catalogSummary() const { return catalogSummary_; }
    // The file the catalog was read from; empty for the synthetic sky.
    QString catalogPath() const { return catalogPath_; }

    void setModel(std::shared_ptr<const core::StellarModel> model, ModelOrigin origin = {});
    // The open model now also lives in `path` (it was saved there): only the origin changes.
    void setModelFile(const QString& path);
    // A null summary is computed here (cheap for small catalogs; the loader passes one
    // computed in the background).
    void setCatalog(std::shared_ptr<const core::Catalog> catalog,
                    std::shared_ptr<const CatalogSummary> summary = {}, const QString& path = {});

signals:
    void modelChanged();
    void modelFileChanged(const QString& path);
    void catalogChanged();

private:
    std::shared_ptr<const core::StellarModel> model_;
    ModelOrigin modelOrigin_;
    std::shared_ptr<const core::Catalog> catalog_;
    std::shared_ptr<const CatalogSummary> catalogSummary_;
    QString catalogPath_;
};

} // namespace starlocus::ui
