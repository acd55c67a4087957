#pragma once
// Session: what is open right now (a stellar model, a catalog). Views attach to its
// signals; the loader replaces its contents only with fully loaded, immutable objects.
#include "core/catalog/catalog.h"
#include "core/model/stellar_model.h"
#include "ui/session/catalog_summary.h"

#include <QObject>
#include <QString>
#include <memory>

namespace starlocus::ui {

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);

    std::shared_ptr<const core::StellarModel> model() const { return model_; }
    // The normalisation JSON the model's θ_med/θ_std came from (empty for our own model
    // files, which carry it inside).
    QString modelNormalizationFile() const { return modelNormalizationFile_; }

    std::shared_ptr<const core::Catalog> catalog() const { return catalog_; }
    std::shared_ptr<const CatalogSummary> catalogSummary() const { return catalogSummary_; }

    void setModel(std::shared_ptr<const core::StellarModel> model, const QString& normalizationFile = {});
    // A null summary is computed here (cheap for small catalogs; the loader passes one
    // computed in the background).
    void setCatalog(std::shared_ptr<const core::Catalog> catalog,
                    std::shared_ptr<const CatalogSummary> summary = {});

signals:
    void modelChanged();
    void catalogChanged();

private:
    std::shared_ptr<const core::StellarModel> model_;
    QString modelNormalizationFile_;
    std::shared_ptr<const core::Catalog> catalog_;
    std::shared_ptr<const CatalogSummary> catalogSummary_;
};

} // namespace starlocus::ui
