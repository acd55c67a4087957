// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/cmd_points.h"

#include "core/training/training_state.h"

#include <algorithm>
#include <cmath>

namespace starlocus::ui {
namespace {

constexpr std::size_t kG = 0, kBP = 1, kRP = 2; // band order of the Green2020 layout

double quantile(std::vector<double> values, double q) {
    if (values.empty())
        return 0.0;
    const auto k = std::size_t(q * double(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}

void fillRanges(CmdPoints& points) {
    if (points.color.empty())
        return;
    points.colorRange = {quantile(points.color, 0.005), quantile(points.color, 0.995)};
    points.magnitudeRange = {quantile(points.magnitude, 0.005), quantile(points.magnitude, 0.995)};
}

} // namespace

TestStars selectTestStars(const core::Catalog& catalog, const core::TrainingConfig& config) {
    const std::vector<core::Split> split = core::assignSplit(catalog.size(), config);
    TestStars stars;
    for (std::size_t i = 0; i < split.size(); ++i)
        if (split[i] == core::Split::Test) {
            const auto& t = catalog.theta[i];
            if (std::isfinite(t[0]) && std::isfinite(t[1]) && std::isfinite(t[2])) {
                stars.index.push_back(i);
                stars.theta.push_back(t);
            }
        }
    return stars;
}

CmdPoints observedCmd(const core::Catalog& catalog, const TestStars& stars) {
    CmdPoints points;
    for (std::size_t i : stars.index) {
        const auto& m = catalog.mag[i];
        const double plx = catalog.parallaxMas[i], plxErr = catalog.parallaxErrMas[i];
        if (!(plx > 0.0 && plxErr > 0.0 && plx / plxErr > 5.0))
            continue;
        if (!std::isfinite(m[kG]) || !std::isfinite(m[kBP]) || !std::isfinite(m[kRP]))
            continue;
        points.color.push_back(m[kBP] - m[kRP]);
        points.magnitude.push_back(m[kG] + 5.0 * std::log10(plx / 100.0));
    }
    fillRanges(points);
    return points;
}

CmdPoints predictedCmd(const core::StellarModel& model, const TestStars& stars) {
    CmdPoints points;
    points.color.reserve(stars.theta.size());
    points.magnitude.reserve(stars.theta.size());
    for (const auto& t : stars.theta) {
        const core::Vec13 m = model.absoluteMagnitudes(Eigen::Vector3d(t[0], t[1], t[2]));
        if (!std::isfinite(m[kG]) || !std::isfinite(m[kBP]) || !std::isfinite(m[kRP]))
            continue;
        points.color.push_back(m[kBP] - m[kRP]);
        points.magnitude.push_back(m[kG]);
    }
    fillRanges(points);
    return points;
}

} // namespace starlocus::ui
