// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/explorer_prediction.h"

#include "core/model/color_transform.h"

#include <algorithm>
#include <cmath>

namespace starlocus::ui {

ExplorerPrediction predictStar(const core::StellarModel& model, const ExplorerInput& input) {
    const core::ModelEvaluation evaluation = model.evaluate(input.theta, false);
    ExplorerPrediction prediction;
    prediction.colorsVsG = evaluation.colorPrediction(input.reddening); // B·(M + E·R)
    prediction.absoluteMagnitudes = core::fromColorSpace(prediction.colorsVsG);
    prediction.extinction = evaluation.extinction;
    return prediction;
}

CmdPoint cmdPoint(const core::Vec13& m, const CmdBands& bands) {
    return {m[Eigen::Index(bands.blue)] - m[Eigen::Index(bands.red)], m[Eigen::Index(bands.magnitude)]};
}

CmdTrack labelTrack(const core::StellarModel& model, const ExplorerInput& input, const CmdBands& bands, int label,
                    double from, double to, std::size_t steps) {
    CmdTrack track;
    steps = std::max<std::size_t>(steps, 2);
    track.parameter.reserve(steps);
    track.color.reserve(steps);
    track.magnitude.reserve(steps);
    ExplorerInput at = input;
    for (std::size_t i = 0; i < steps; ++i) {
        at.theta[label] = from + (to - from) * double(i) / double(steps - 1);
        const CmdPoint p = cmdPoint(predictStar(model, at).absoluteMagnitudes, bands);
        track.parameter.push_back(at.theta[label]);
        track.color.push_back(p.color);
        track.magnitude.push_back(p.magnitude);
    }
    return track;
}

std::vector<core::Vec13> predictCatalogMagnitudes(const core::StellarModel& model, const core::Catalog& catalog,
                                                  std::size_t maxStars) {
    const std::size_t n = catalog.size();
    const std::size_t stride = maxStars > 0 && n > maxStars ? (n + maxStars - 1) / maxStars : 1;
    std::vector<core::Vec13> out;
    out.reserve(n / stride + 1);
    for (std::size_t i = 0; i < n; i += stride) {
        const auto& t = catalog.theta[i];
        if (!std::isfinite(t[0]) || !std::isfinite(t[1]) || !std::isfinite(t[2]))
            continue;
        out.push_back(model.absoluteMagnitudes(Eigen::Vector3d(t[0], t[1], t[2])));
    }
    return out;
}

} // namespace starlocus::ui
