#include "ui/session/session.h"

namespace starlocus::ui {

Session::Session(QObject* parent) : QObject(parent) {}

void Session::setModel(std::shared_ptr<const core::StellarModel> model, const QString& normalizationFile) {
    model_ = std::move(model);
    modelNormalizationFile_ = model_ ? normalizationFile : QString();
    emit modelChanged();
}

void Session::setCatalog(std::shared_ptr<const core::Catalog> catalog,
                         std::shared_ptr<const CatalogSummary> summary) {
    if (catalog && !summary)
        summary = std::make_shared<const CatalogSummary>(summarizeCatalog(*catalog));
    catalog_ = std::move(catalog);
    catalogSummary_ = catalog_ ? std::move(summary) : nullptr;
    emit catalogChanged();
}

} // namespace starlocus::ui
