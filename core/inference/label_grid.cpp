// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/label_grid.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/model/stellar_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace starlocus::core {
namespace {

constexpr const char* kAxisNames[3] = {"teff", "logg", "feh"};
// 2²⁸ lattice nodes would already need 28 GB of model values: a lattice that large is a
// mistyped step, not a request.
constexpr std::size_t kMaxLatticeNodes = std::size_t(1) << 28;
constexpr std::size_t kNodesPerChunk = 4096;

bool inSupport(LabelPrior prior, const std::array<double, kDensityChannelCount>& density, double& logPrior) {
    if (prior == LabelPrior::Box) {
        logPrior = 0.0;
        return true;
    }
    const double peak = *std::max_element(density.begin(), density.end());
    if (!(peak >= kValidDensityThreshold))
        return false;
    logPrior = prior == LabelPrior::TrainingDensity ? std::log(peak) : 0.0;
    return true;
}

} // namespace

std::string_view labelPriorName(LabelPrior prior) {
    switch (prior) {
    case LabelPrior::ValidRegion: return "valid";
    case LabelPrior::TrainingDensity: return "density";
    case LabelPrior::Box: return "box";
    }
    return "unknown";
}

LabelPrior parseLabelPrior(std::string_view text) {
    for (LabelPrior p : {LabelPrior::ValidRegion, LabelPrior::TrainingDensity, LabelPrior::Box})
        if (text == labelPriorName(p))
            return p;
    throw InputError("", "theta prior", "'" + std::string(text) + "' is not one of valid, density, box");
}

void LabelGridSettings::validate() const {
    std::size_t nodes = 1;
    for (std::size_t a = 0; a < 3; ++a) {
        const LabelGridAxis& axis = axes[a];
        const std::string field = std::string("grid ") + kAxisNames[a];
        if (!std::isfinite(axis.min) || !std::isfinite(axis.step) || !(axis.step > 0.0))
            throw InputError("", field, "the start and a positive step must be finite numbers");
        if (axis.count < 1 || axis.count > 65535 || !std::isfinite(axis.max()))
            throw InputError("", field, "needs 1 to 65535 nodes, has " + std::to_string(axis.count));
        // Refinement halves the step from the stride down to 1 node.
        if (coarseStride[a] < 1 || (coarseStride[a] & (coarseStride[a] - 1)) != 0 || coarseStride[a] > 64)
            throw InputError("", field, "the coarse stride must be a power of two from 1 to 64");
        nodes *= axis.count;
        if (nodes > kMaxLatticeNodes)
            throw InputError("", "grid", "more than 2^28 nodes: the steps are too fine for the ranges");
    }
}

std::size_t LabelGrid::memoryBytes() const {
    std::size_t bytes = lattice.size() * sizeof(lattice[0]) + activeOf.size() * sizeof(activeOf[0]) +
                        coarseNodes.size() * sizeof(coarseNodes[0]) + logPrior.size() * sizeof(float);
    bytes += (nodeModel.size() + coarseModel.size() + topModel.size()) * sizeof(float);
    bytes += topNodes.size() * sizeof(topNodes[0]);
    bytes += nodeDensity.size() * sizeof(float);
    return bytes;
}

LabelGrid buildLabelGrid(const ModelAtLabels& model, const LabelGridSettings& settings, const DensityGrid* density) {
    settings.validate();
    if (settings.prior != LabelPrior::Box && (density == nullptr || density->empty()))
        throw InputError("", "theta prior",
                         "'" + std::string(labelPriorName(settings.prior)) +
                             "' needs the model's training density (give a density grid, or use the box prior)");
    LabelGrid grid;
    grid.settings = settings;
    const auto& ax = settings.axes;
    const std::size_t latticeSize = ax[0].count * ax[1].count * ax[2].count;
    grid.densitySource = density && !density->empty() ? density->source : std::string();
    const bool withDensity = !grid.densitySource.empty() || (density && !density->empty());

    // Pass 1: which nodes are in the prior's support (density look-ups only).
    grid.activeOf.assign(latticeSize, -1);
    std::vector<float> logPriorOfLattice(latticeSize, 0.0f);
    std::vector<std::uint8_t> support(latticeSize, 0);
    parallelFor(latticeSize, kNodesPerChunk, [&](std::size_t begin, std::size_t end) {
        for (std::size_t l = begin; l < end; ++l) {
            const std::size_t it = l / (ax[1].count * ax[2].count);
            const std::size_t ig = (l / ax[2].count) % ax[1].count;
            const std::size_t ifeh = l % ax[2].count;
            const Eigen::Vector3d theta(ax[0].at(it), ax[1].at(ig), ax[2].at(ifeh));
            // The 13 channels are looked up again for the active nodes only (pass 2): kept
            // here for the whole lattice they took 126 MB for the default grid.
            const std::array<double, kDensityChannelCount> d =
                withDensity ? density->atAll(theta) : std::array<double, kDensityChannelCount>{};
            double logPrior = 0.0;
            if (inSupport(settings.prior, d, logPrior)) {
                support[l] = 1;
                logPriorOfLattice[l] = float(logPrior);
            }
        }
    });
    for (std::size_t l = 0; l < latticeSize; ++l) {
        if (!support[l])
            continue;
        grid.activeOf[l] = std::int32_t(grid.lattice.size());
        const std::size_t it = l / (ax[1].count * ax[2].count);
        const std::size_t ig = (l / ax[2].count) % ax[1].count;
        const std::size_t ifeh = l % ax[2].count;
        grid.lattice.push_back({std::uint16_t(it), std::uint16_t(ig), std::uint16_t(ifeh)});
        if (it % settings.coarseStride[0] == 0 && ig % settings.coarseStride[1] == 0 &&
            ifeh % settings.coarseStride[2] == 0)
            grid.coarseNodes.push_back(std::uint32_t(grid.lattice.size() - 1));
    }
    const std::size_t n = grid.lattice.size();
    if (n == 0)
        throw InputError(grid.densitySource, "density",
                         "no node of the label grid lies where the model has training stars (density ≥ 10⁻²)");

    // Pass 2: the model at each active node (the expensive part, once per grid).
    grid.nodeModel.assign(n * LabelGrid::kNodeStride, 0.0f);
    grid.logPrior.resize(n);
    if (withDensity)
        grid.nodeDensity.assign(n * LabelGrid::kDensityStride, 0.0f);
    std::vector<std::uint8_t> finite(n, 1);
    parallelFor(n, kNodesPerChunk / 16, [&](std::size_t begin, std::size_t end) {
        Vec13 m, r;
        for (std::size_t node = begin; node < end; ++node) {
            const Eigen::Vector3d theta = grid.theta(node);
            model(theta, m, r);
            finite[node] = m.allFinite() && r.allFinite();
            float* packed = grid.nodeModel.data() + node * LabelGrid::kNodeStride;
            for (std::size_t b = 0; b < kBandCount; ++b) {
                packed[b] = float(m[Eigen::Index(b)]);
                packed[kBandCount + b] = float(r[Eigen::Index(b)]);
            }
            const std::size_t l = grid.latticeIndex(grid.lattice[node][0], grid.lattice[node][1], grid.lattice[node][2]);
            grid.logPrior[node] = logPriorOfLattice[l];
            if (withDensity) {
                const std::array<double, kDensityChannelCount> d = density->atAll(theta);
                std::uint32_t low = 0;
                for (std::size_t c = 0; c < kDensityChannelCount; ++c) {
                    grid.nodeDensity[node * LabelGrid::kDensityStride + c] = float(d[c]);
                    if (float(d[c]) < float(kValidDensityThreshold))
                        low |= 1u << c;
                }
                std::memcpy(packed + LabelGrid::kLowDensityMaskSlot, &low, sizeof low);
            }
        }
    });
    // A node where the model is not finite can never explain a star: it gets no prior mass
    // (ln p = −∞) instead of NaN sums later.
    for (std::size_t node = 0; node < n; ++node)
        if (!finite[node]) {
            grid.logPrior[node] = -std::numeric_limits<float>::infinity();
            std::fill_n(grid.nodeModel.begin() + std::ptrdiff_t(node * LabelGrid::kNodeStride), LabelGrid::kNodeStride,
                        0.0f);
        }
    const auto top = grid.topStride();
    for (std::uint32_t node : grid.coarseNodes) {
        const auto& c = grid.lattice[node];
        if (c[0] % top[0] == 0 && c[1] % top[1] == 0 && c[2] % top[2] == 0)
            grid.topNodes.push_back(node);
    }
    auto structOfArrays = [&grid](const std::vector<std::uint32_t>& nodes, std::vector<float>& out) {
        const std::size_t count = nodes.size();
        out.resize(2 * kBandCount * count);
        for (std::size_t i = 0; i < count; ++i)
            for (std::size_t v = 0; v < 2 * kBandCount; ++v)
                out[v * count + i] = grid.modelOf(nodes[i])[v];
    };
    structOfArrays(grid.coarseNodes, grid.coarseModel);
    structOfArrays(grid.topNodes, grid.topModel);
    return grid;
}

LabelGrid buildLabelGrid(const StellarModel& model, const LabelGridSettings& settings, const DensityGrid* density) {
    return buildLabelGrid(
        [&model](const Eigen::Vector3d& theta, Vec13& absMag, Vec13& extinction) {
            const ModelEvaluation eval = model.evaluate(theta, false);
            absMag = fromColorSpace(eval.colorMagnitudes);
            extinction = eval.extinction;
        },
        settings, density);
}

} // namespace starlocus::core
