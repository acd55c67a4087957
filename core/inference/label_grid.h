// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The model evaluated once on a lattice of labels θ = (Teff, log g, [Fe/H]), for fitting
// stars from photometry (Eq. 19, issue 16). A grid code's design (brutus, Speagle et al.):
// the network is the expensive part, so it runs once per node; each star then needs only
// sums over bands per node, because given θ the photometry is linear in (μ, E).
//
// Grid step. The default step (25 K, 0.05 dex, 0.05 dex) lies below the photometric label
// errors the fit must resolve: with 13 bands at ≥ 0.02 mag, colours fix Teff to ~40–100 K,
// and parallax plus colours fix log g and [Fe/H] to ≥ 0.08 dex (docs/INFERENCE.md measures
// it). A node stands for its whole cell: the marginals spread its mass uniformly over the
// cell, so a posterior narrower than a cell is widened by step/√12, never collapsed.
//
// Only nodes inside the prior's support are kept ("active"), each node's 26 model values
// (M and R, float) packed into 128 bytes: a star's search visits nodes in lattice order with
// gaps, and one node then costs two cache lines instead of 26 (one per band array, as a
// struct of arrays had it: 21 % of the fit's time went to those misses). A coarse sub-lattice (every
// `coarseStride`-th node per axis) is searched first; the fine nodes are visited only near
// the coarse nodes that hold the posterior (star_posterior.h).
#include "core/bands/band_registry.h"
#include "core/common/cache_line_allocator.h"
#include "core/diagnostics/density_grid.h"
#include "core/model/color_transform.h"

#include <Eigen/Core>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

class StellarModel;

struct LabelGridAxis {
    double min = 0.0;
    double step = 1.0;
    std::size_t count = 1;

    double at(std::size_t i) const { return min + step * double(i); }
    double max() const { return at(count - 1); }
};

// The prior on θ (issue 16, item 2).
enum class LabelPrior : std::uint8_t {
    // Flat inside the model's validity region: the nodes where the training density of at
    // least one channel is ≥ 10⁻² (§7). Needs a density grid. The default.
    ValidRegion = 0,
    // Proportional to the training density (the largest of the 13 channels at the node, each
    // channel normalised to peak 1), inside the validity region. Needs a density grid.
    TrainingDensity = 1,
    // Flat over the whole lattice (no density grid needed).
    Box = 2,
};
std::string_view labelPriorName(LabelPrior prior);
// "valid" / "density" / "box"; InputError("", "theta prior", …) otherwise.
LabelPrior parseLabelPrior(std::string_view text);

struct LabelGridSettings {
    // Teff [K], log g [dex], [Fe/H] [dex]. The span of the authors' density grid where a model
    // of the paper's kind has training stars (log g and [Fe/H] trimmed to where stars are).
    std::array<LabelGridAxis, 3> axes{LabelGridAxis{2500.0, 25.0, 261}, LabelGridAxis{-1.0, 0.05, 131},
                                      LabelGridAxis{-2.5, 0.05, 71}};
    // The coarse search lattice takes every stride-th node per axis (a power of two).
    std::array<std::size_t, 3> coarseStride{4, 2, 2};
    LabelPrior prior = LabelPrior::ValidRegion;

    // InputError("", field, …) for a non-positive step or count, an axis with non-finite ends, a
    // stride that is not a power of two in 1…64, or a lattice above 2²⁸ nodes.
    void validate() const;
};

// M(θ) and R(θ) at one θ (magnitude space, canonical band order).
using ModelAtLabels = std::function<void(const Eigen::Vector3d& theta, Vec13& absMag, Vec13& extinction)>;

struct LabelGrid {
    LabelGridSettings settings;
    std::string densitySource; // file the density came from, or "" without one

    // Active node n sits at lattice coordinates lattice[n]; activeOf[lattice index] is n, or
    // −1 for a node outside the prior's support.
    std::vector<std::array<std::uint16_t, 3>> lattice;
    std::vector<std::int32_t> activeOf;
    std::vector<std::uint32_t> coarseNodes; // active nodes on the coarse sub-lattice
    // The coarse nodes' M and R again, as a struct of arrays ([value 0…25][coarse node i]):
    // every star streams through all of them, in SIMD, from cache.
    std::vector<float> coarseModel;
    // The top lattice (twice the coarse stride), searched first; the coarse one only when the
    // top one is too coarse for the star's posterior. Same layout.
    std::vector<std::uint32_t> topNodes;
    std::vector<float> topModel;

    // Floats per node: M₀…M₁₂, R₀…R₁₂, then (as the bits of a uint32) the mask of density
    // channels below 10⁻² at the node, where the search reads it from the same cache line.
    static constexpr std::size_t kNodeStride = 32;
    static_assert(kNodeStride * sizeof(float) % kCacheLineBytes == 0, "node records fill whole cache lines");
    static constexpr std::size_t kLowDensityMaskSlot = 2 * kBandCount;
    std::vector<float, CacheLineAllocator<float>> nodeModel; // [node][kNodeStride], records on cache lines
    std::vector<float> logPrior;                            // ln p(θ) per node, up to a constant
    // [node][kDensityStride] training density per channel (density_grid.h); empty without a
    // density grid. Packed per node for the same reason as the model values.
    static constexpr std::size_t kDensityStride = 16;
    std::vector<float> nodeDensity;

    std::size_t size() const { return lattice.size(); }
    // M_b(θ) and R_b(θ) at an active node; both bands' values of a node in `modelOf(node)`.
    float absMag(std::size_t band, std::size_t node) const { return nodeModel[node * kNodeStride + band]; }
    float extinction(std::size_t band, std::size_t node) const {
        return nodeModel[node * kNodeStride + kBandCount + band];
    }
    const float* modelOf(std::size_t node) const { return nodeModel.data() + node * kNodeStride; }
    // Asks the cache for a node's record (128 bytes) ahead of its use.
    void prefetchNode(std::size_t node) const {
        const float* p = modelOf(node);
        __builtin_prefetch(p);
        __builtin_prefetch(p + kNodeStride / 2);
    }
    // Bit c set: channel c's training density at the node is below kValidDensityThreshold.
    std::uint32_t lowDensityMask(std::size_t node) const {
        std::uint32_t mask;
        std::memcpy(&mask, modelOf(node) + kLowDensityMaskSlot, sizeof mask);
        return mask;
    }
    std::array<std::size_t, 3> topStride() const {
        return {2 * settings.coarseStride[0], 2 * settings.coarseStride[1], 2 * settings.coarseStride[2]};
    }
    bool hasDensity() const { return !nodeDensity.empty(); }
    float density(std::size_t channel, std::size_t node) const { return nodeDensity[node * kDensityStride + channel]; }
    std::size_t latticeIndex(std::size_t it, std::size_t ig, std::size_t ifeh) const {
        return (it * settings.axes[1].count + ig) * settings.axes[2].count + ifeh;
    }
    Eigen::Vector3d theta(std::size_t node) const {
        const auto& c = lattice[node];
        return {settings.axes[0].at(c[0]), settings.axes[1].at(c[1]), settings.axes[2].at(c[2])};
    }
    // Bytes held by the arrays (for the benchmark's memory figure).
    std::size_t memoryBytes() const;
};

// Evaluates `model` at every node in the prior's support (in parallel). `density` may be null
// only for LabelPrior::Box; InputError otherwise, and when no node is in the support.
LabelGrid buildLabelGrid(const ModelAtLabels& model, const LabelGridSettings& settings, const DensityGrid* density);
// The same for a trained or published StellarModel.
LabelGrid buildLabelGrid(const StellarModel& model, const LabelGridSettings& settings, const DensityGrid* density);

} // namespace starlocus::core
