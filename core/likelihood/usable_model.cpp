// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/usable_model.h"

#include "core/common/input_error.h"

#include <cmath>

namespace starlocus::core {
namespace {

std::optional<ModelDefect> nonFinite(const WeightVector& values, const std::string& field) {
    std::size_t bad = 0;
    for (double v : values)
        bad += std::isfinite(v) ? 0 : 1;
    if (bad == 0)
        return std::nullopt;
    return ModelDefect{field, std::to_string(bad) + " of " + std::to_string(values.size()) +
                                  " values are NaN or infinite"};
}

std::optional<ModelDefect> layerDefect(const DenseLayer& layer, const std::string& name) {
    if (auto d = nonFinite(layer.kernel, name + " kernel"))
        return d;
    return nonFinite(layer.bias, name + " bias");
}

bool finite(const ModelEvaluation& e) {
    return e.colorMagnitudes.allFinite() && e.extinction.allFinite() && e.colorJacobianX.allFinite() &&
           e.extinctionJacobianX.allFinite();
}

} // namespace

std::optional<ModelDefect> findModelDefect(const StellarModel& model) {
    // The normalisation is checked by StellarModel itself (finite, σ > 0).
    for (std::size_t k = 0; k < model.hiddenLayers().size(); ++k)
        if (auto d = layerDefect(model.hiddenLayers()[k], "hidden layer " + std::to_string(k + 1)))
            return d;
    if (auto d = layerDefect(model.colorOutputLayer(), "colour output layer (B·M)"))
        return d;
    if (auto d = layerDefect(model.extinctionLayer(), "extinction layer (R)"))
        return d;
    // Finite weights can still overflow (R = exp(…)): probe the centre of the labels and one
    // σ either side on each axis, where every training star's neighbours are.
    if (!finite(model.evaluateNormalized(Eigen::Vector3d::Zero(), true)))
        return ModelDefect{"prediction at the median labels", "NaN or infinite"};
    for (int a = 0; a < 3; ++a)
        for (double side : {-1.0, 1.0}) {
            Eigen::Vector3d x = Eigen::Vector3d::Zero();
            x[a] = side;
            if (!finite(model.evaluateNormalized(x, true)))
                return ModelDefect{"prediction one sigma from the median labels", "NaN or infinite"};
        }
    return std::nullopt;
}

void requireUsableModel(const StellarModel& model, const std::string& file) {
    if (auto d = findModelDefect(model))
        throw InputError(file, d->field, d->reason + ": the model cannot predict any star");
}

} // namespace starlocus::core
