// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/session.h"

namespace starlocus::ui {

Session::Session(QObject* parent) : QObject(parent) {}

void Session::setModel(std::shared_ptr<const core::StellarModel> model, ModelOrigin origin) {
    model_ = std::move(model);
    modelOrigin_ = model_ ? std::move(origin) : ModelOrigin{};
    emit modelChanged();
}

void Session::setModelFile(const QString& path) {
    if (!model_ || modelOrigin_.path == path)
        return;
    modelOrigin_.path = path;
    modelOrigin_.normalizationFile.clear(); // our model file carries its normalisation
    emit modelFileChanged(path);
}

void Session::setCatalog(std::shared_ptr<const core::Catalog> catalog,
                         std::shared_ptr<const CatalogSummary> summary, const QString& path) {
    if (catalog && !summary)
        summary = std::make_shared<const CatalogSummary>(summarizeCatalog(*catalog));
    catalog_ = std::move(catalog);
    catalogSummary_ = catalog_ ? std::move(summary) : nullptr;
    catalogPath_ = catalog_ ? path : QString();
    emit catalogChanged();
}

} // namespace starlocus::ui
