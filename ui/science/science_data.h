#pragma once
// ScienceData: one model + catalog prepared for the science views — the chosen stars
// (test split of our own run, or all stars) and the products every view shares
// (core/diagnostics/science_stars.h), with the files they came from for "copy as command".
// Immutable once made; views hold it by shared_ptr.
#include "core/diagnostics/science_stars.h"
#include "core/model/stellar_model.h"

#include <QString>
#include <memory>

namespace starlocus::ui {

struct ScienceData {
    std::shared_ptr<const core::StellarModel> model;
    core::ScienceProducts products;
    QString modelPath;
    QString normalizationPath;
    QString catalogPath;

    std::size_t size() const { return products.stars.size(); }
    const core::Catalog& stars() const { return products.stars; }
};

// Reads the model file's training record (if it is our format and has one) and computes the
// shared products. Seconds for 10⁵ stars: call it off the GUI thread. Throws core::InputError.
std::shared_ptr<const ScienceData> makeScienceData(std::shared_ptr<const core::StellarModel> model,
                                                   const core::Catalog& catalog, const QString& modelPath = {},
                                                   const QString& normalizationPath = {},
                                                   const QString& catalogPath = {});

} // namespace starlocus::ui
