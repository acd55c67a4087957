// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/star_posterior.h"

#include "core/common/input_error.h"
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
// Five unknowns (θ, μ, E): fewer measurements cannot constrain them.
constexpr int kMinMeasurements = 5;
// A node is at the lattice's edge when it is the first or last along an axis; more mass than
// this there means the lattice cuts the posterior.
constexpr double kEdgeMassFraction = 0.01;
// An axis along which the coarse posterior's standard deviation spans this many coarse cells
// is resolved well enough by them: the cell-uniform marginal is then σ·√(1 + 1/27), 1.8 % wide.
constexpr double kCoarseEnoughCells = 1.5;
// The top lattice alone is searched when the posterior's spread on it is this many top
// cells along every axis.
constexpr double kTopSampledCells = 0.5;
// The drawn joint (μ, E) takes each node's Gaussian out to this many σ per axis.
constexpr double kMapSigmas = 5.0;
// Marginals for drawing leave out cells and nodes below this fraction of the peak.
constexpr double kMarginalFloor = 1e-4;


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

StarPosterior fitStar(const LabelGrid& grid, const PosteriorSettings& settings, const PhotometricStar& star,
                      PosteriorWorkspace& workspace, PosteriorMarginals* marginals, std::size_t marginalBins) {
    StarPosterior out;
    out.residualAtMap.fill(kNaN);

    // The measurements, by the catalog's rules (star_observation.h): a band is used when its
    // magnitude and error are finite, the error in [10⁻⁴, 0.2] mag and the magnitude in range.
    StarInput in;
    for (std::size_t b = 0; b < kBandCount; ++b) {
        const double m = star.mag[b], s = star.magErr[b];
        if (!std::isfinite(m) || !std::isfinite(s) || s < kMinMagnitudeError || s > kMaxMagnitudeError ||
            m < kBrightestMagnitude || m > kFaintestMagnitude)
            continue;
        in.band[std::size_t(in.bands)] = std::uint8_t(b);
        in.mag[std::size_t(in.bands)] = m;
        in.weight[std::size_t(in.bands)] = 1.0 / (s * s);
        in.s0 += 1.0 / (s * s);
        ++in.bands;
        if (b > 0)
            in.channels[std::size_t(in.channelCount++)] = std::uint8_t(b);
    }
    out.bandsUsed = in.bands;
    if (in.bands == 0 || in.band[0] != 0) {
        out.status = PosteriorStatus::MissingG;
        return out;
    }
    const double pm = star.parallaxMas, ps = star.parallaxErrMas;
    if (std::isfinite(pm) && std::isfinite(ps) && pm > 0.0 && pm <= kMaxParallaxMas && ps >= kMinParallaxErrorMas) {
        setParallax(in, pm, ps);
        in.channels[std::size_t(in.channelCount++)] = std::uint8_t(kParallaxChannel);
    } else if (std::isfinite(pm) || std::isfinite(ps)) {
        out.flags |= kParallaxIgnored;
    }
    out.parallaxUsed = in.parallax;
    const int measurements = in.bands + (in.parallax ? 1 : 0);
    out.dof = measurements - kMinMeasurements;
    if (measurements < kMinMeasurements) {
        out.status = PosteriorStatus::TooFewMeasurements;
        return out;
    }
    if (settings.distance == DistancePrior::Galactic) {
        if (!std::isfinite(star.galacticLDeg) || !std::isfinite(star.galacticBDeg) || std::abs(star.galacticBDeg) > 90.0) {
            out.status = PosteriorStatus::NoGalacticPosition;
            return out;
        }
        in.galactic = true;
        in.l = star.galacticLDeg;
        in.b = star.galacticBDeg;
    }
    if (settings.reddening == ReddeningPrior::Catalog) {
        if (!std::isfinite(star.priorE) || !std::isfinite(star.priorSigmaE) || !(star.priorSigmaE > 0.0) ||
            std::abs(star.priorE) > kMaxAbsReddeningPrior) {
            out.status = PosteriorStatus::BadReddeningPrior;
            return out;
        }
        in.ePrior = true;
        in.ePriorMean = star.priorE;
        in.ePriorPrecision = 1.0 / (star.priorSigmaE * star.priorSigmaE);
    }

    PosteriorWorkspace::State& ws = workspace.state();
    const auto& ax = grid.settings.axes;

    // A search lattice scanned whole: the bound first (cheap), the full fit where it could
    // matter. The node with the largest bound is fitted first, so the best weight known only
    // grows. Returns the best ln-weight.
    auto scan = [&](const std::vector<std::uint32_t>& nodes, const std::vector<float>& soa,
                    std::vector<NodeFit>& fits) {
        double bestSeen = -kInf;
        fits.assign(nodes.size(), NodeFit{});
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
            fits[top] = fitNode(grid, settings, in, nodes[top], ws.sums[top]);
            bestSeen = fits[top].logWeight;
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i == top || ws.bounds[i] < bestSeen - kRefineWindow)
                continue;
            fits[i] = fitNode(grid, settings, in, nodes[i], ws.sums[i]);
            bestSeen = std::max(bestSeen, fits[i].logWeight);
        }
        return bestSeen;
    };
    // The spread (standard deviation, in lattice nodes) per axis of a scanned lattice's weights.
    auto spreadOf = [&](const std::vector<std::uint32_t>& nodes, const std::vector<NodeFit>& fits, double bestSeen) {
        std::array<double, 3> sum{}, sumSq{}, spread{};
        double mass = 0.0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (!(fits[i].logWeight >= bestSeen - kRefineWindow))
                continue;
            const double w = std::exp(fits[i].logWeight - bestSeen);
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
    };

    // The top lattice first. Where the posterior spans at least half a top cell along every
    // axis (so a top node lies within about its σ of any peak), refinement starts from it;
    // otherwise the posterior is narrow for it — a narrow peak between top nodes can be
    // missed by all of them (a stride of 8/4/4 alone gave Teff pulls of s.d. 1.16 on the
    // synthetic sky) — and the whole coarse lattice is scanned too.
    const auto& stride = grid.settings.coarseStride;
    const std::array<std::size_t, 3> topStride = grid.topStride();
    double bestCoarse = scan(grid.topNodes, grid.topModel, ws.coarseFits);
    std::array<double, 3> spread{};
    bool resolved = std::isfinite(bestCoarse);
    if (resolved) {
        spread = spreadOf(grid.topNodes, ws.coarseFits, bestCoarse);
        for (std::size_t a = 0; a < 3; ++a)
            resolved = resolved && spread[a] >= kTopSampledCells * double(topStride[a]);
    }
    const std::vector<std::uint32_t>* startNodes = &grid.topNodes;
    std::array<std::size_t, 3> start = topStride;
    if (!resolved) {
        bestCoarse = scan(grid.coarseNodes, grid.coarseModel, ws.coarseFits);
        startNodes = &grid.coarseNodes;
        start = stride;
        if (std::isfinite(bestCoarse))
            spread = spreadOf(grid.coarseNodes, ws.coarseFits, bestCoarse);
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

    // Refinement by levels: each level halves the step along the axes not yet at their step,
    // and looks only at the new lattice's nodes next to the previous level's nodes within
    // kRefineWindow of the best. The searched region so shrinks onto the posterior's support
    // (a narrow posterior costs few nodes), and the last level is a complete lattice at the
    // chosen steps around it.
    const std::size_t latticeSize = grid.activeOf.size();
    if (ws.stamp.size() != latticeSize) {
        ws.stamp.assign(latticeSize, 0);
        ws.pass = 0;
    }
    double best = bestCoarse;
    ws.nodes.clear();
    ws.fits.clear();
    for (std::size_t i = 0; i < startNodes->size(); ++i)
        if (ws.coarseFits[i].logWeight >= bestCoarse - kRefineWindow) {
            ws.nodes.push_back((*startNodes)[i]);
            ws.fits.push_back(ws.coarseFits[i]);
        }
    std::array<std::size_t, 3> current = start;
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
                        const long i = long(at[0]) + oi * long(next[0]), j = long(at[1]) + oj * long(next[1]),
                                   k = long(at[2]) + ok * long(next[2]);
                        if (i < 0 || j < 0 || k < 0 || i >= long(ax[0].count) || j >= long(ax[1].count) ||
                            k >= long(ax[2].count))
                            continue;
                        const std::size_t l = grid.latticeIndex(std::size_t(i), std::size_t(j), std::size_t(k));
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
    out.nodesEvaluated = grid.topNodes.size() + (resolved ? 0 : grid.coarseNodes.size()) + visited;

    best = -kInf;
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

    if (marginals) {
        // Labels: the lattice cells (at the fine pass's step) that hold the posterior.
        std::array<std::size_t, 3> first{}, last{};
        for (std::size_t a = 0; a < 3; ++a) {
            const auto& m = ws.axisMass[a];
            const double peak = *std::max_element(m.begin(), m.end());
            first[a] = m.size();
            last[a] = 0;
            for (std::size_t i = 0; i < m.size(); ++i)
                if (m[i] > kMarginalFloor * peak) {
                    first[a] = std::min(first[a], i);
                    last[a] = i;
                }
        }
        auto labelAxis = [&](std::size_t a) {
            PosteriorMarginals::Axis axis;
            const double width = ax[a].step * double(step[a]);
            axis.min = ax[a].at(first[a]) - 0.5 * width;
            axis.max = ax[a].at(last[a]) + 0.5 * width;
            for (std::size_t i = first[a]; i <= last[a]; i += step[a])
                axis.density.push_back(ws.axisMass[a][i] / (total * width));
            return axis;
        };
        marginals->teff = labelAxis(0);
        marginals->logg = labelAxis(1);
        marginals->feh = labelAxis(2);
        auto labelMap = [&](std::size_t a, std::size_t b, PosteriorMarginals::Map& map) {
            map.x = labelAxis(a);
            map.y = labelAxis(b);
            const std::size_t nx = map.x.density.size(), ny = map.y.density.size();
            map.density.assign(nx * ny, 0.0);
            const double cell = ax[a].step * double(step[a]) * ax[b].step * double(step[b]);
            for (std::size_t i = 0; i < ws.fits.size(); ++i) {
                const double w = std::exp(ws.fits[i].logWeight - best);
                const auto& at = grid.lattice[ws.nodes[i]];
                if (!(w > 0) || at[a] < first[a] || at[a] > last[a] || at[b] < first[b] || at[b] > last[b])
                    continue;
                const std::size_t ix = (at[a] - first[a]) / step[a], iy = (at[b] - first[b]) / step[b];
                map.density[ix * ny + iy] += w / (total * cell);
            }
        };
        labelMap(0, 1, marginals->teffLogg);
        labelMap(0, 2, marginals->teffFeh);

        // μ and E: the mixtures' densities over ±5σ of the medians.
        const std::size_t bins = std::max<std::size_t>(marginalBins, 2);
        auto sampled = [&](double lo, double hi, const auto& pdf) {
            PosteriorMarginals::Axis axis;
            axis.min = lo;
            axis.max = hi;
            for (std::size_t k = 0; k < bins; ++k)
                axis.density.push_back(pdf(lo + (hi - lo) * (double(k) + 0.5) / double(bins)));
            return axis;
        };
        const double muSpan = 5.0 * std::max(out.mu.sigma(), 1e-3), eSpan = 5.0 * std::max(out.reddening.sigma(), 1e-3);
        marginals->mu = sampled(out.mu.median - muSpan, out.mu.median + muSpan, muPdf);
        marginals->reddening = sampled(std::max(0.0, out.reddening.median - eSpan), out.reddening.median + eSpan, ePdf);
        // The joint (μ, E): each node's Gaussian cut at E = 0, the nodes above the floor.
        PosteriorMarginals::Map& joint = marginals->muReddening;
        joint.x = marginals->mu;
        joint.y = marginals->reddening;
        joint.density.assign(bins * bins, 0.0);
        const double dx = (joint.x.max - joint.x.min) / double(bins), dy = (joint.y.max - joint.y.min) / double(bins);
        for (std::size_t i = 0; i < ws.fits.size(); ++i) {
            const NodeFit& f = ws.fits[i];
            const double w = std::exp(f.logWeight - best);
            if (!(w > kMarginalFloor))
                continue;
            const double det = f.sigmaMuMu * f.sigmaEE - f.sigmaMuE * f.sigmaMuE;
            if (!(det > 0))
                continue;
            // w is the node's mass over E ≥ 0: the untruncated Gaussian has mass w/Φ(ê/σ_E).
            const double norm = w / (total * normalCdf(f.eMode / std::sqrt(f.sigmaEE)) * 2.0 * std::numbers::pi *
                                     std::sqrt(det));
            // Only the bins within kMapSigmas of the node's mode: beyond, exp(−q/2) < 4·10⁻⁶.
            auto range = [&](double lo, double width, double centre, double sigma, std::size_t& first, std::size_t& last) {
                const double a = (centre - kMapSigmas * sigma - lo) / width, b = (centre + kMapSigmas * sigma - lo) / width;
                first = a <= 0.0 ? 0 : std::size_t(std::min(a, double(bins)));
                last = b <= 0.0 ? 0 : std::size_t(std::min(std::ceil(b), double(bins)));
            };
            std::size_t x0 = 0, x1 = 0, y0 = 0, y1 = 0;
            range(joint.x.min, dx, f.muMode, std::sqrt(f.sigmaMuMu), x0, x1);
            range(joint.y.min, dy, f.eMode, std::sqrt(f.sigmaEE), y0, y1);
            for (std::size_t ix = x0; ix < x1; ++ix) {
                const double dm = joint.x.min + dx * (double(ix) + 0.5) - f.muMode;
                for (std::size_t iy = y0; iy < y1; ++iy) {
                    const double ee = joint.y.min + dy * (double(iy) + 0.5);
                    if (ee < 0)
                        continue;
                    const double de = ee - f.eMode;
                    const double q = (f.sigmaEE * dm * dm - 2.0 * f.sigmaMuE * dm * de + f.sigmaMuMu * de * de) / det;
                    joint.density[ix * bins + iy] += norm * std::exp(-0.5 * q);
                }
            }
        }
    }
    return out;
}

} // namespace starlocus::core
