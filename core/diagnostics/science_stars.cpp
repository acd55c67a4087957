// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/science_stars.h"

#include "core/training/trainer.h"

#include <numeric>

namespace starlocus::core {

ScienceStars chooseScienceStars(const Catalog& catalog, const TrainingCheckpoint* record) {
    ScienceStars out;
    const std::size_t n = catalog.size();
    if (record) {
        if (record->state.split.size() != n)
            out.note = "the model's training run had " + std::to_string(record->state.split.size()) +
                       " stars, this catalog has " + std::to_string(n);
        else if (record->catalogHash != catalogContentHash(catalog))
            out.note = "the model was trained on another catalog";
        else {
            out.choice = ScienceStarChoice::TestSplit;
            for (std::size_t i = 0; i < n; ++i)
                if (record->state.split[i] == Split::Test)
                    out.catalogIndex.push_back(i);
            return out;
        }
    }
    out.catalogIndex.resize(n);
    std::iota(out.catalogIndex.begin(), out.catalogIndex.end(), std::size_t(0));
    return out;
}

namespace {

template <typename T>
std::vector<T> pick(const std::vector<T>& values, std::span<const std::size_t> indices) {
    std::vector<T> out;
    if (values.empty())
        return out;
    out.reserve(indices.size());
    for (std::size_t i : indices)
        out.push_back(values[i]);
    return out;
}

} // namespace

Catalog subsetCatalog(const Catalog& catalog, std::span<const std::size_t> indices) {
    Catalog out;
    out.sourceFile = catalog.sourceFile;
    out.theta = pick(catalog.theta, indices);
    out.thetaCov = pick(catalog.thetaCov, indices);
    out.mag = pick(catalog.mag, indices);
    out.magErr = pick(catalog.magErr, indices);
    out.reddening = pick(catalog.reddening, indices);
    out.reddeningErr = pick(catalog.reddeningErr, indices);
    out.parallaxMas = pick(catalog.parallaxMas, indices);
    out.parallaxErrMas = pick(catalog.parallaxErrMas, indices);
    out.atmSource = pick(catalog.atmSource, indices);
    out.rSource = pick(catalog.rSource, indices);
    if (catalog.reddeningFit)
        out.reddeningFit = pick(*catalog.reddeningFit, indices);
    if (catalog.reddeningFitVar)
        out.reddeningFitVar = pick(*catalog.reddeningFitVar, indices);
    out.labelMedian = catalog.labelMedian;
    out.labelStd = catalog.labelStd;
    return out;
}

ScienceProducts computeScienceProducts(const StellarModel& model, const Catalog& catalog,
                                       const TrainingCheckpoint* record) {
    ScienceProducts out;
    out.selection = chooseScienceStars(catalog, record);
    out.stars = subsetCatalog(catalog, out.selection.catalogIndex);
    out.predicted = predictDereddenedPhotometry(model, out.stars.theta);
    out.meanTheta = meanLabels(out.stars.theta);
    if (out.meanTheta.allFinite()) {
        out.deviation = extinctionDeviation(model, out.stars.theta, out.meanTheta);
        out.slopes = modelReddeningSlopes(model, out.stars.theta, out.meanTheta);
    }
    out.fit = refitCatalogReddening(model, out.stars);
    return out;
}

} // namespace starlocus::core
