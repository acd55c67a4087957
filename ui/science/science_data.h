// SPDX-License-Identifier: GPL-3.0-or-later
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

// What the views are made from: a model, a catalog, the record of the model's training run
// when it is known (its split picks the test stars), and the files for "copy as command".
struct ScienceInput {
    std::shared_ptr<const core::StellarModel> model;
    std::shared_ptr<const core::Catalog> catalog;
    std::shared_ptr<const core::TrainingCheckpoint> trainingRecord;
    QString modelPath;
    QString normalizationPath;
    QString catalogPath;
};

// Computes the shared products; reads no file. Seconds for 10⁵ stars: call it off the GUI
// thread. Throws core::InputError.
std::shared_ptr<const ScienceData> makeScienceData(const ScienceInput& input);

// As above, with the training record read from the model file (if it is our format and
// has one).
std::shared_ptr<const ScienceData> makeScienceData(std::shared_ptr<const core::StellarModel> model,
                                                   const core::Catalog& catalog, const QString& modelPath = {},
                                                   const QString& normalizationPath = {},
                                                   const QString& catalogPath = {});

} // namespace starlocus::ui
