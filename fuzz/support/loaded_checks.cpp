// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/support/loaded_checks.h"

#include "fuzz/support/expected_failure.h"

#include "core/training/network_parameters.h"

#include <cmath>
#include <string>

namespace starlocus::fuzz {
namespace {

template <typename Range> bool allFinite(const Range& values) {
    for (const auto v : values)
        if (!std::isfinite(double(v)))
            return false;
    return true;
}

void require(const char* target, bool ok, const std::string& what) {
    if (!ok)
        reportFinding(target, "loaded without error but " + what);
}

void checkLayer(const char* target, const core::DenseLayer& layer) {
    require(target, layer.inputs > 0 && layer.outputs > 0, "layer '" + layer.name + "' has a non-positive size");
    require(target, layer.kernel.size() == std::size_t(layer.inputs) * std::size_t(layer.outputs),
            "layer '" + layer.name + "' kernel size differs from inputs × outputs");
    require(target, layer.bias.size() == std::size_t(layer.outputs),
            "layer '" + layer.name + "' bias size differs from outputs");
    require(target, allFinite(layer.kernel) && allFinite(layer.bias),
            "layer '" + layer.name + "' has NaN or Inf weights");
}

} // namespace

void checkNormalization(const char* target, const core::LabelNormalization& n) {
    require(target, allFinite(n.median), "a normalisation median is not finite");
    for (double s : n.stddev)
        require(target, std::isfinite(s) && s > 0.0 && std::isfinite(1.0 / s),
                "a normalisation σ cannot divide the labels (σ = " + std::to_string(s) + ")");
}

void checkModel(const char* target, const core::StellarModel& model) {
    checkNormalization(target, model.normalization());
    for (const auto& layer : model.hiddenLayers())
        checkLayer(target, layer);
    checkLayer(target, model.colorOutputLayer());
    checkLayer(target, model.extinctionLayer());
    const auto& m = model.normalization().median;
    const auto eval = model.evaluate(Eigen::Vector3d(m[0], m[1], m[2]), true);
    require(target, eval.colorMagnitudes.allFinite() && eval.extinction.allFinite(),
            "its prediction at the median labels is not finite");
}

void checkCheckpoint(const char* target, const core::TrainingCheckpoint& cp) {
    checkNormalization(target, cp.normalization);
    require(target, std::isfinite(cp.learningRateScale) && cp.learningRateScale > 0.0 && cp.learningRateScale <= 1.0,
            "learning_rate_scale " + std::to_string(cp.learningRateScale) + " is outside (0, 1]");
    require(target, allFinite(cp.parameters) && allFinite(cp.adam.m) && allFinite(cp.adam.v),
            "parameters or Adam moments are not finite");
    require(target, cp.adam.m.size() == cp.parameters.size() && cp.adam.v.size() == cp.parameters.size(),
            "Adam moments and parameters differ in size");
    const core::NetworkLayout layout(cp.config.hiddenLayers);
    require(target, cp.parameters.size() == layout.size,
            std::to_string(cp.parameters.size()) + " parameters do not fit the layout of hidden_layers (" +
                std::to_string(layout.size) + ")");
    const std::size_t n = cp.state.size();
    require(target,
            cp.state.usable.size() == n && cp.state.inUse.size() == n && cp.state.reddening.size() == n &&
                cp.state.reddeningVar.size() == n && cp.state.chi2Dof.size() == n,
            "per-star arrays differ in length");
    // What Trainer::run does first when resuming.
    checkModel(target, core::modelFromParameters(layout, cp.parameters, cp.normalization,
                                                 core::Activation::Sigmoid, {}));
}

void checkDensityGrid(const char* target, const core::DensityGrid& grid) {
    std::size_t cells = core::kDensityChannelCount;
    for (const auto& axis : grid.axes) {
        require(target, !axis.empty() && allFinite(axis), "a grid axis is empty or not finite");
        for (std::size_t k = 1; k < axis.size(); ++k)
            require(target, axis[k] > axis[k - 1], "a grid axis is not strictly increasing");
        cells *= axis.size();
    }
    require(target, grid.values.size() == cells, "the value count differs from 13 × the axis lengths");
    require(target, allFinite(grid.values), "a density value is not finite");
    // A look-up at an inner point, as the explorer does.
    const Eigen::Vector3d mid(grid.axes[0][grid.axes[0].size() / 2], grid.axes[1][grid.axes[1].size() / 2],
                              grid.axes[2][grid.axes[2].size() / 2]);
    const auto all = grid.atAll(mid);
    require(target, allFinite(all), "a density look-up inside the grid is not finite");
}

} // namespace starlocus::fuzz
