// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/density_grid.h"

#include "core/bands/band_registry.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {
namespace {

// Cell and fraction along one axis; false outside [first, last] node.
bool locate(const std::vector<double>& nodes, double v, std::size_t& cell, double& frac) {
    if (nodes.size() < 2 || !(v >= nodes.front() && v <= nodes.back()))
        return false;
    const auto it = std::upper_bound(nodes.begin(), nodes.end(), v);
    cell = std::min<std::size_t>(std::size_t(it - nodes.begin()), nodes.size() - 1) - 1;
    frac = (v - nodes[cell]) / (nodes[cell + 1] - nodes[cell]);
    return true;
}

struct Cell {
    std::array<std::size_t, 3> k{};
    std::array<double, 3> f{};
};

bool locateCell(const DensityGrid& g, const Eigen::Vector3d& theta, Cell& c) {
    for (std::size_t a = 0; a < 3; ++a)
        if (!locate(g.axes[a], theta[Eigen::Index(a)], c.k[a], c.f[a]))
            return false;
    return true;
}

double interpolate(const DensityGrid& g, std::size_t channel, const Cell& c) {
    double sum = 0.0;
    for (std::size_t corner = 0; corner < 8; ++corner) {
        const std::size_t dt = corner & 1u, dl = (corner >> 1) & 1u, df = (corner >> 2) & 1u;
        const double w = (dt ? c.f[0] : 1.0 - c.f[0]) * (dl ? c.f[1] : 1.0 - c.f[1]) * (df ? c.f[2] : 1.0 - c.f[2]);
        if (w != 0.0)
            sum += w * double(g.node(channel, c.k[0] + dt, c.k[1] + dl, c.k[2] + df));
    }
    return sum;
}

} // namespace

std::string_view densityChannelName(std::size_t channel) {
    if (channel == kParallaxChannel)
        return "parallax";
    return channel < kDensityChannelCount ? bands()[channel].name : std::string_view("?");
}

double DensityGrid::at(std::size_t channel, const Eigen::Vector3d& theta) const {
    Cell c;
    if (empty() || channel >= kDensityChannelCount || !locateCell(*this, theta, c))
        return 0.0;
    return interpolate(*this, channel, c);
}

bool DensityGrid::valid(std::size_t channel, const Eigen::Vector3d& theta, double threshold) const {
    return at(channel, theta) >= threshold;
}

std::array<double, kDensityChannelCount> DensityGrid::atAll(const Eigen::Vector3d& theta) const {
    std::array<double, kDensityChannelCount> out{};
    Cell c;
    if (empty() || !locateCell(*this, theta, c))
        return out;
    for (std::size_t ch = 0; ch < kDensityChannelCount; ++ch)
        out[ch] = interpolate(*this, ch, c);
    return out;
}

} // namespace starlocus::core
