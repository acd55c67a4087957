// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/star_posterior.h"

#include "core/common/input_error.h"
#include "core/inference/drawn_marginals.h"
#include "core/inference/node_fit.h"
#include "core/inference/posterior_mixture.h"
#include "core/likelihood/star_observation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace starlocus::core {
using namespace inference;
namespace {

// How many nodes ahead of its fit a refinement level's node record is fetched.
constexpr std::size_t kPrefetchAhead = 8;
// Coarse nodes within this much of the best ln-weight have their coarse cells searched on the
// fine lattice. 12 (Δχ² = 24) keeps every cell holding more than e⁻¹² ≈ 6·10⁻⁶ of the best
// node's weight, with room for a coarse node that sits half a cell from a narrow peak (its
// neighbouring cells are searched too).
constexpr double kRefineWindow = 12.0;
// The last refinement level grows from the nodes of the level before within this much of the
// best ln-weight. That level already samples the posterior at ≤ 4/3 of its σ per axis
// (kCoarseEnoughCells), so no peak hides between its nodes, and a 3-D Gaussian holds only
// 1.1·10⁻³ of its mass beyond Δ ln p = 8: the quantiles move by far less than their errors,
// while the last level — most of a star's nodes — has about half as many nodes as with 12.
constexpr double kFinalWindow = 8.0;
// Nodes below this fraction of the largest weight are left out of the μ and E mixtures.
constexpr double kMixtureCut = 1e-9;
// A node is at the lattice's edge when it is the first or last along an axis; more mass than
// this there means the lattice cuts the posterior.
constexpr double kEdgeMassFraction = 0.01;
// An axis along which the coarse posterior's standard deviation spans this many coarse cells
// is resolved well enough by them: the cell-uniform marginal is then σ·√(1 + 1/27), 1.8 % wide.
constexpr double kCoarseEnoughCells = 1.5;
// The top lattice alone is searched when the posterior's spread on it is this many top
// cells along every axis.
constexpr double kTopSampledCells = 0.5;


} // namespace

struct PosteriorWorkspace::State {
    std::vector<std::uint32_t> stamp; // per lattice node: the refinement level that last looked at it
    std::uint32_t pass = 0;
    std::vector<NodeFit> coarseFits;
    std::vector<std::uint32_t> candidates; // a refinement level's new nodes
    std::vector<std::uint32_t> levelNodes;
    std::vector<NodeFit> levelFits;
    std::vector<std::uint32_t> nodes;
    std::vector<NodeFit> fits;
    std::vector<double> bounds;
    std::vector<NodeSums> sums;
    std::array<std::vector<double>, 3> axisMass;
    std::vector<MixtureComponent> mixture, eMixture, scratch;
};

PosteriorWorkspace::PosteriorWorkspace() : state_(std::make_unique<State>()) {}
PosteriorWorkspace::~PosteriorWorkspace() = default;
PosteriorWorkspace::PosteriorWorkspace(PosteriorWorkspace&&) noexcept = default;
PosteriorWorkspace& PosteriorWorkspace::operator=(PosteriorWorkspace&&) noexcept = default;

std::string_view distancePriorName(DistancePrior prior) {
    return prior == DistancePrior::Galactic ? "galactic" : "flat";
}
DistancePrior parseDistancePrior(std::string_view text) {
    if (text == "flat")
        return DistancePrior::FlatMu;
    if (text == "galactic")
        return DistancePrior::Galactic;
    throw InputError("", "distance prior", "'" + std::string(text) + "' is not one of flat, galactic");
}
std::string_view reddeningPriorName(ReddeningPrior prior) {
    return prior == ReddeningPrior::Catalog ? "catalog" : "flat";
}
ReddeningPrior parseReddeningPrior(std::string_view text) {
    if (text == "flat")
        return ReddeningPrior::FlatPositive;
    if (text == "catalog")
        return ReddeningPrior::Catalog;
    throw InputError("", "reddening prior", "'" + std::string(text) + "' is not one of flat, catalog");
}

std::string_view posteriorStatusName(PosteriorStatus status) {
    switch (status) {
    case PosteriorStatus::Fitted: return "fitted";
    case PosteriorStatus::MissingG: return "missing_g";
    case PosteriorStatus::TooFewMeasurements: return "too_few_measurements";
    case PosteriorStatus::NoGalacticPosition: return "no_galactic_position";
    case PosteriorStatus::NoSupport: return "no_support";
    case PosteriorStatus::BadReddeningPrior: return "bad_reddening_prior";
    }
    return "unknown";
}

std::string_view posteriorFlagName(PosteriorFlag flag) {
    switch (flag) {
    case kPoorFit:
        return "poor_fit";
    case kOutsideTraining:
        return "outside_training";
    case kParallaxIgnored:
        return "parallax_ignored";
    case kAtGridEdge:
        return "at_grid_edge";
    }
    return "unknown";
}

namespace {

// One star's search of the label grid; the workspace holds its arrays.
struct LatticeSearch {
    const LabelGrid& grid;
    const PosteriorSettings& settings;
    const StarInput& in;
    PosteriorWorkspace::State& ws;

    // A search lattice scanned whole into ws.coarseFits: the bound first (cheap), the full fit
    // where it could matter. The node with the largest bound is fitted first, so the best
    // weight known only grows. Returns the best ln-weight.
    double scan(const std::vector<std::uint32_t>& nodes, const std::vector<float>& soa) {
        double bestSeen = -kInf;
        ws.coarseFits.assign(nodes.size(), NodeFit{});
        ws.bounds.resize(nodes.size());
        structOfArraysSums(soa, nodes.size(), in, ws.sums);
        std::size_t top = 0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            ws.bounds[i] = weightBound(in, ws.sums[i], grid.logPrior[nodes[i]], settings.distance);
            if (ws.bounds[i] > ws.bounds[top])
                top = i;
        }
        if (nodes.empty())
            return bestSeen;
        if (std::isfinite(ws.bounds[top]) || ws.bounds[top] == kInf) {
            ws.coarseFits[top] = fitNode(grid, settings, in, nodes[top], ws.sums[top]);
            bestSeen = ws.coarseFits[top].logWeight;
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i == top || ws.bounds[i] < bestSeen - kRefineWindow)
                continue;
            ws.coarseFits[i] = fitNode(grid, settings, in, nodes[i], ws.sums[i]);
            bestSeen = std::max(bestSeen, ws.coarseFits[i].logWeight);
        }
        return bestSeen;
    }

    // The spread (standard deviation, in lattice nodes) per axis of the scanned lattice's weights.
    std::array<double, 3> spreadOf(const std::vector<std::uint32_t>& nodes, double bestSeen) const {
        std::array<double, 3> sum{}, sumSq{}, spread{};
        double mass = 0.0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (!(ws.coarseFits[i].logWeight >= bestSeen - kRefineWindow))
                continue;
            const double w = std::exp(ws.coarseFits[i].logWeight - bestSeen);
            mass += w;
            const auto& at = grid.lattice[nodes[i]];
            for (std::size_t a = 0; a < 3; ++a) {
                sum[a] += w * at[a];
                sumSq[a] += w * double(at[a]) * at[a];
            }
        }
        for (std::size_t a = 0; a < 3; ++a) {
            const double mean = sum[a] / mass;
            spread[a] = std::sqrt(std::max(0.0, sumSq[a] / mass - mean * mean));
        }
        return spread;
    }

    // Refinement by levels: each level halves the step along the axes not yet at their step,
    // and looks only at the new lattice's nodes next to the previous level's nodes within
    // kRefineWindow of the best (kFinalWindow for the last level). The searched region so
    // shrinks onto the posterior's support (a narrow posterior costs few nodes), and the last
    // level is a complete lattice at the chosen steps around it: its nodes and fits end in
    // ws.nodes, ws.fits. Returns the number of nodes the levels looked at.
    std::size_t refine(const std::vector<std::uint32_t>& startNodes, double bestCoarse,
                       std::array<std::size_t, 3> current, const std::array<std::size_t, 3>& step) {
        const auto& ax = grid.settings.axes;
        const std::size_t latticeSize = grid.activeOf.size();
        if (ws.stamp.size() != latticeSize) {
            ws.stamp.assign(latticeSize, 0);
            ws.pass = 0;
        }
        double best = bestCoarse;
        ws.nodes.clear();
        ws.fits.clear();
        for (std::size_t i = 0; i < startNodes.size(); ++i)
            if (ws.coarseFits[i].logWeight >= bestCoarse - kRefineWindow) {
                ws.nodes.push_back(startNodes[i]);
                ws.fits.push_back(ws.coarseFits[i]);
            }
        std::size_t visited = 0;
        while (current != step) {
            std::array<std::size_t, 3> next{};
            for (std::size_t a = 0; a < 3; ++a)
                next[a] = current[a] > step[a] ? current[a] / 2 : current[a];
            if (++ws.pass == 0) { // wrapped after 2³² levels: start the stamps afresh
                std::fill(ws.stamp.begin(), ws.stamp.end(), 0);
                ws.pass = 1;
            }
            ws.levelNodes.clear();
            ws.levelFits.clear();
            ws.candidates.clear();
            const double window = next == step ? kFinalWindow : kRefineWindow;
            for (std::size_t n = 0; n < ws.nodes.size(); ++n) {
                if (ws.fits[n].logWeight < best - window)
                    continue;
                const auto& at = grid.lattice[ws.nodes[n]];
                std::array<long, 3> reach{};
                for (std::size_t a = 0; a < 3; ++a)
                    reach[a] = next[a] < current[a] ? 1 : 0;
                for (long oi = -reach[0]; oi <= reach[0]; ++oi)
                    for (long oj = -reach[1]; oj <= reach[1]; ++oj)
                        for (long ok = -reach[2]; ok <= reach[2]; ++ok) {
                            const long i = long(at[0]) + oi * long(next[0]),
                                       j = long(at[1]) + oj * long(next[1]),
                                       k = long(at[2]) + ok * long(next[2]);
                            if (i < 0 || j < 0 || k < 0 || i >= long(ax[0].count) || j >= long(ax[1].count) ||
                                k >= long(ax[2].count))
                                continue;
                            const std::size_t l =
                                grid.latticeIndex(std::size_t(i), std::size_t(j), std::size_t(k));
                            const std::int32_t active = grid.activeOf[l];
                            if (active < 0 || ws.stamp[l] == ws.pass)
                                continue;
                            ws.stamp[l] = ws.pass;
                            ws.candidates.push_back(std::uint32_t(active));
                        }
            }
            // The level's nodes are scattered over the 128-byte node records: each is fetched a
            // few nodes ahead of its fit, so its cache misses overlap the fits before it.
            visited += ws.candidates.size();
            double levelBest = -kInf;
            for (std::size_t c = 0; c < ws.candidates.size(); ++c) {
                if (c + kPrefetchAhead < ws.candidates.size())
                    grid.prefetchNode(ws.candidates[c + kPrefetchAhead]);
                const std::uint32_t node = ws.candidates[c];
                const NodeFit fit = fitNode(grid, settings, in, node, nodeSums(grid, in, node));
                if (!std::isfinite(fit.logWeight))
                    continue;
                levelBest = std::max(levelBest, fit.logWeight);
                ws.levelNodes.push_back(node);
                ws.levelFits.push_back(fit);
            }
            best = std::max(best, levelBest);
            ws.nodes.swap(ws.levelNodes);
            ws.fits.swap(ws.levelFits);
            current = next;
        }
        return visited;
    }
};

} // namespace

StarPosterior fitStar(const LabelGrid& grid, const PosteriorSettings& settings, const PhotometricStar& star,
                      PosteriorWorkspace& workspace, PosteriorMarginals* marginals,
                      std::size_t marginalBins) {
    StarPosterior out;
    out.residualAtMap.fill(kNaN);

    StarInput in;
    if (const PosteriorStatus status = prepareStarInput(star, settings, in, out); status != PosteriorStatus::Fitted) {
        out.status = status;
        return out;
    }

    PosteriorWorkspace::State& ws = workspace.state();
    const auto& ax = grid.settings.axes;

    LatticeSearch search{grid, settings, in, ws};
    // The top lattice first. Where the posterior spans at least half a top cell along every
    // axis (so a top node lies within about its σ of any peak), refinement starts from it;
    // otherwise the posterior is narrow for it — a narrow peak between top nodes can be
    // missed by all of them (a stride of 8/4/4 alone gave Teff pulls of s.d. 1.16 on the
    // synthetic sky) — and the whole coarse lattice is scanned too.
    const std::array<std::size_t, 3> topStride = grid.topStride();
    double bestCoarse = search.scan(grid.topNodes, grid.topModel);
    std::array<double, 3> spread{};
    bool resolved = std::isfinite(bestCoarse);
    if (resolved) {
        spread = search.spreadOf(grid.topNodes, bestCoarse);
        for (std::size_t a = 0; a < 3; ++a)
            resolved = resolved && spread[a] >= kTopSampledCells * double(topStride[a]);
    }
    const std::vector<std::uint32_t>* startNodes = &grid.topNodes;
    std::array<std::size_t, 3> start = topStride;
    if (!resolved) {
        bestCoarse = search.scan(grid.coarseNodes, grid.coarseModel);
        startNodes = &grid.coarseNodes;
        start = grid.settings.coarseStride;
        if (std::isfinite(bestCoarse))
            spread = search.spreadOf(grid.coarseNodes, bestCoarse);
    }
    if (!std::isfinite(bestCoarse)) {
        out.status = PosteriorStatus::NoSupport;
        return out;
    }
    // The step per axis: halving from the start stride while the posterior's spread spans
    // fewer than kCoarseEnoughCells cells.
    std::array<std::size_t, 3> step{};
    for (std::size_t a = 0; a < 3; ++a) {
        step[a] = start[a];
        while (step[a] > 1 && spread[a] < kCoarseEnoughCells * double(step[a]))
            step[a] /= 2; // strides are powers of two (LabelGridSettings::validate)
    }
    const std::size_t visited = search.refine(*startNodes, bestCoarse, start, step);
    out.nodesEvaluated = grid.topNodes.size() + (resolved ? 0 : grid.coarseNodes.size()) + visited;

    double best = -kInf;
    double bestMap = -kInf;
    std::size_t mapIndex = 0;
    for (std::size_t i = 0; i < ws.fits.size(); ++i) {
        best = std::max(best, ws.fits[i].logWeight);
        if (ws.fits[i].mapLogDensity > bestMap) {
            bestMap = ws.fits[i].mapLogDensity;
            mapIndex = i;
        }
    }
    if (!std::isfinite(best) || !std::isfinite(bestMap)) {
        out.status = PosteriorStatus::NoSupport;
        return out;
    }

    // Label marginals, edge mass, low-density mass; the μ and E mixture.
    for (std::size_t a = 0; a < 3; ++a)
        ws.axisMass[a].assign(ax[a].count, 0.0);
    ws.mixture.clear();
    double total = 0.0, edge = 0.0, lowDensity = 0.0;
    const bool maskMatchesThreshold = settings.lowDensityThreshold == kValidDensityThreshold;
    for (int c = 0; c < in.channelCount; ++c)
        in.channelMask |= 1u << in.channels[std::size_t(c)];
    for (std::size_t i = 0; i < ws.fits.size(); ++i) {
        const NodeFit& f = ws.fits[i];
        const double w = std::exp(f.logWeight - best);
        if (!(w > 0.0))
            continue;
        const std::uint32_t node = ws.nodes[i];
        const auto& at = grid.lattice[node];
        total += w;
        bool atEdge = false;
        for (std::size_t a = 0; a < 3; ++a) {
            ws.axisMass[a][at[a]] += w;
            atEdge = atEdge || at[a] == 0 || std::size_t(at[a]) + 1 == ax[a].count;
        }
        if (atEdge)
            edge += w;
        if (grid.hasDensity()) {
            bool low = false;
            if (maskMatchesThreshold) {
                low = (grid.lowDensityMask(node) & in.channelMask) != 0;
            } else {
                for (int c = 0; c < in.channelCount && !low; ++c)
                    low = grid.density(in.channels[std::size_t(c)], node) < settings.lowDensityThreshold;
            }
            if (low)
                lowDensity += w;
        }
        if (w >= kMixtureCut) {
            // E ≥ 0 truncates the node's Gaussian: E's moments from the truncated normal, μ's
            // through its regression on E.
            const double sE = std::sqrt(f.sigmaEE);
            const double z = f.eMode / sE;
            const double lambda = millsRatio(z);
            const double eMean = f.eMode + sE * lambda;
            const double eVar = f.sigmaEE * std::max(0.0, 1.0 - lambda * (lambda + z));
            const double slope = f.sigmaMuE / f.sigmaEE;
            const double muMean = f.muMode + slope * (eMean - f.eMode);
            const double muVar = std::max(0.0, f.sigmaMuMu - slope * f.sigmaMuE) + slope * slope * eVar;
            ws.mixture.push_back({w, muMean, std::sqrt(muVar), f.eMode, sE, normalCdf(z)});
        }
    }
    out.teff = cellQuantiles(ws.axisMass[0], ax[0], step[0]);
    out.logg = cellQuantiles(ws.axisMass[1], ax[1], step[1]);
    out.feh = cellQuantiles(ws.axisMass[2], ax[2], step[2]);
    if (edge > kEdgeMassFraction * total)
        out.flags |= kAtGridEdge;
    if (grid.hasDensity()) {
        out.lowDensityFraction = lowDensity / total;
        if (out.lowDensityFraction > settings.outsideTrainingFraction)
            out.flags |= kOutsideTraining;
    }

    // μ: a mixture of Gaussians; E: a mixture of normals truncated to E ≥ 0.
    double mixTotal = 0.0, muLo = kInf, muHi = -kInf, eHi = 0.0, muMean = 0.0, eMean = 0.0;
    for (const auto& c : ws.mixture) {
        mixTotal += c.weight;
        muLo = std::min(muLo, c.muMean - 10.0 * c.muSd - 1e-6);
        muHi = std::max(muHi, c.muMean + 10.0 * c.muSd + 1e-6);
        eHi = std::max(eHi, std::max(c.eMode, 0.0) + 10.0 * c.eSd + 1e-6);
        muMean += c.weight * c.muMean;
        eMean += c.weight * std::max(c.eMode, 0.0);
    }
    muMean /= mixTotal;
    eMean /= mixTotal;
    ws.eMixture = ws.mixture;
    mergeComponents(ws.mixture, true, ws.scratch);
    mergeComponents(ws.eMixture, false, ws.scratch);
    auto muCdf = [&](double x) { return muMixtureCdf(ws.mixture, mixTotal, x); };
    auto muPdf = [&](double x) { return muMixturePdf(ws.mixture, mixTotal, x); };
    auto eCdf = [&](double x) { return eMixtureCdf(ws.eMixture, mixTotal, x); };
    auto ePdf = [&](double x) { return eMixturePdf(ws.eMixture, mixTotal, x); };
    out.mu = intervalOf([&](double p) { return mixtureQuantile(p, muLo, muHi, muMean, muCdf, muPdf); });
    out.reddening = intervalOf([&](double p) { return mixtureQuantile(p, 0.0, eHi, eMean, eCdf, ePdf); });
    auto parsec = [](double mu) { return std::pow(10.0, mu / 5.0 + 1.0); };
    out.distancePc = {parsec(out.mu.median), parsec(out.mu.lower), parsec(out.mu.upper)};

    // The MAP point: its χ² (measurements only, no prior term) and residuals.
    const NodeFit& map = ws.fits[mapIndex];
    const std::uint32_t mapNode = ws.nodes[mapIndex];
    const Eigen::Vector3d mapTheta = grid.theta(mapNode);
    out.mapTheta = {mapTheta[0], mapTheta[1], mapTheta[2]};
    out.mapMu = map.mapMu;
    out.mapE = map.mapE;
    double chi2 = 0.0;
    for (int k = 0; k < in.bands; ++k) {
        const std::size_t b = in.band[std::size_t(k)];
        const double predicted = grid.absMag(b, mapNode) + map.mapMu + map.mapE * grid.extinction(b, mapNode);
        const double pull = (in.mag[std::size_t(k)] - predicted) * std::sqrt(in.weight[std::size_t(k)]);
        out.residualAtMap[b] = pull;
        chi2 += pull * pull;
    }
    if (in.parallax) {
        const double d = in.parallaxMas - parallaxOfMu(map.mapMu);
        chi2 += d * d * in.parallaxVarInv;
    }
    out.chi2 = chi2;
    const double p = chiSquarePValue(chi2, out.dof);
    if (std::isfinite(p) && p < settings.poorFitPValue)
        out.flags |= kPoorFit;
    out.status = PosteriorStatus::Fitted;

    if (marginals)
        fillDrawnMarginals(grid, {ws.nodes, ws.fits, best, total}, ws.axisMass, step, out, muPdf, ePdf, marginalBins,
                           *marginals);
    return out;
}

} // namespace starlocus::core
