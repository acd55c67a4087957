// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/star_posterior.h"

#include "core/common/input_error.h"
#include "core/inference/galactic_prior.h"
#include "core/likelihood/star_observation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace starlocus::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLn10Over5 = std::numbers::ln10 / 5.0;
const double kLog2Pi = std::log(2.0 * std::numbers::pi);
// Fine nodes whose weight bound is this far (in ln p) below the best are negligible (e⁻³⁰).
constexpr double kNegligible = 30.0;
// Coarse nodes within this much of the best ln-weight have their coarse cells searched on the
// fine lattice. 12 (Δχ² = 24) keeps every cell holding more than e⁻¹² ≈ 6·10⁻⁶ of the best
// node's weight, with room for a coarse node that sits half a cell from a narrow peak (its
// neighbouring cells are searched too).
constexpr double kRefineWindow = 12.0;
// Nodes below this fraction of the largest weight are left out of the μ and E mixtures.
constexpr double kMixtureCut = 1e-9;
// Five unknowns (θ, μ, E): fewer measurements cannot constrain them.
constexpr int kMinMeasurements = 5;
// Gauss–Newton steps for the parallax term (converges in 2 where photometry fixes μ).
constexpr int kParallaxSteps = 4;
// μ's change [mag] below which the Gauss–Newton steps stop: far below any σ_μ.
constexpr double kParallaxTolerance = 1e-5;
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

// ϖ [mas] = 1000 pc / d = 10^(2 − μ/5).
double parallaxOfMu(double mu) { return std::exp(std::numbers::ln10 * (2.0 - mu / 5.0)); }

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }
double normalPdf(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi); }

// ln Φ(z), also where Φ underflows (asymptotic series of the Mills ratio).
double logNormalCdf(double z) {
    if (z > -30.0)
        return std::log(normalCdf(z));
    const double z2 = z * z;
    return -0.5 * z2 - std::log(-z) - 0.5 * std::log(2.0 * std::numbers::pi) + std::log1p(-1.0 / z2 + 3.0 / (z2 * z2));
}

// φ(z)/Φ(z), the inverse Mills ratio, stable for very negative z.
double millsRatio(double z) {
    if (z > -30.0)
        return normalPdf(z) / normalCdf(z);
    const double z2 = z * z;
    return -z / (1.0 - 1.0 / z2 + 3.0 / (z2 * z2));
}

// p-value of χ² with k dof, Wilson–Hilferty (1931): relative error < 1 % for k ≥ 1 at the
// 10⁻³ level used to flag a poor fit.
double chiSquarePValue(double chi2, int k) {
    if (k <= 0 || !std::isfinite(chi2))
        return kNaN;
    const double c = 2.0 / (9.0 * k);
    const double z = (std::cbrt(chi2 / k) - (1.0 - c)) / std::sqrt(c);
    return 1.0 - normalCdf(z);
}

// What one star brings, prepared once.
struct StarInput {
    int bands = 0;
    double s0 = 0.0; // Σ 1/σ²
    std::array<std::uint8_t, kBandCount> band{};
    std::array<double, kBandCount> mag{}, weight{};
    bool parallax = false;
    double parallaxMas = 0.0, parallaxVarInv = 0.0;
    bool ePrior = false;
    double ePriorMean = 0.0, ePriorPrecision = 0.0;
    bool galactic = false;
    double l = 0.0, b = 0.0;
    std::array<std::uint8_t, kDensityChannelCount> channels{};
    int channelCount = 0;
    std::uint32_t channelMask = 0;
};

// The (μ, E) solution at one node.
struct NodeFit {
    double logWeight = -kInf;    // ln ∫ p dμ dE at the node (Laplace in μ, exact E ≥ 0 mass)
    double muMode = kNaN, eMode = kNaN; // Gaussian mode, E unconstrained
    double sigmaMuMu = 0, sigmaMuE = 0, sigmaEE = 0; // its covariance
    double mapLogDensity = -kInf; // ln p at the mode under E ≥ 0
    double mapMu = kNaN, mapE = kNaN;
};

double logDistancePrior(const StarInput& in, DistancePrior prior, double mu) {
    return prior == DistancePrior::Galactic ? galacticLogDistancePrior(mu, in.l, in.b) : 0.0;
}

// The photometric normal equations of one node: sums over the observed bands (Σw is the
// star's, s0 in StarInput), with the Gaussian E prior when there is one.
struct NodeSums {
    double s1 = 0, s2 = 0, t0 = 0, t1 = 0, q = 0;
};

NodeSums nodeSums(const LabelGrid& grid, const StarInput& in, std::size_t node) {
    NodeSums n;
    const float* model = grid.modelOf(node);
    for (int k = 0; k < in.bands; ++k) {
        const std::size_t b = in.band[std::size_t(k)];
        const double w = in.weight[std::size_t(k)];
        const double rb = model[kBandCount + b];
        const double r = in.mag[std::size_t(k)] - model[b];
        const double wr = w * r, wrb = w * rb;
        n.s1 += wrb;
        n.s2 += wrb * rb;
        n.t0 += wr;
        n.t1 += wr * rb;
        n.q += wr * r;
    }
    if (in.ePrior) {
        n.s2 += in.ePriorPrecision;
        n.t1 += in.ePriorPrecision * in.ePriorMean;
        n.q += in.ePriorPrecision * in.ePriorMean * in.ePriorMean;
    }
    return n;
}

// nodeSums for every node of a search lattice at once: band by band over the coarse struct of arrays,
// which the compiler vectorises (the residual in float, as the values are stored, the sums in
// double: χ² is a difference of sums of ~10⁶ when σ = 0.02 mag).
// `soa`: value v of node i at soa[v·n + i] (LabelGrid::coarseModel, topModel).
void structOfArraysSums(const std::vector<float>& soa, std::size_t n, const StarInput& in, std::vector<NodeSums>& out) {
    out.assign(n, NodeSums{});
    NodeSums* sums = out.data();
    for (int k = 0; k < in.bands; ++k) {
        const std::size_t b = in.band[std::size_t(k)];
        const double w = in.weight[std::size_t(k)];
        const double m = in.mag[std::size_t(k)];
        const float* absMag = soa.data() + b * n;
        const float* ext = soa.data() + (kBandCount + b) * n;
        for (std::size_t i = 0; i < n; ++i) {
            const double rb = ext[i];
            const double r = m - double(absMag[i]);
            const double wr = w * r, wrb = w * rb;
            sums[i].s1 += wrb;
            sums[i].s2 += wrb * rb;
            sums[i].t0 += wr;
            sums[i].t1 += wr * rb;
            sums[i].q += wr * r;
        }
    }
    if (in.ePrior)
        for (std::size_t i = 0; i < n; ++i) {
            sums[i].s2 += in.ePriorPrecision;
            sums[i].t1 += in.ePriorPrecision * in.ePriorMean;
            sums[i].q += in.ePriorPrecision * in.ePriorMean * in.ePriorMean;
        }
}

// An upper bound of fitNode's ln-weight without its transcendental functions: the parallax
// term only adds χ² and precision (so lowers −χ²/2 and −½ ln det), and Φ ≤ 1. Nodes whose
// bound lies far below the best weight found need no full fit. +∞ with the Galactic prior
// (its ln p(μ) has no bound known in advance).
double weightBound(const StarInput& in, const NodeSums& n, double logPrior, DistancePrior prior) {
    if (prior == DistancePrior::Galactic)
        return kInf;
    const double det = in.s0 * n.s2 - n.s1 * n.s1;
    if (!(det > 1e-12 * in.s0 * n.s2) || !std::isfinite(logPrior))
        return -kInf;
    // min over (μ, E) of q − 2gᵀu + uᵀAu = q − gᵀA⁻¹g.
    const double chi2 = n.q - (n.s2 * n.t0 * n.t0 - 2.0 * n.s1 * n.t0 * n.t1 + in.s0 * n.t1 * n.t1) / det;
    return -0.5 * chi2 + kLog2Pi - 0.5 * std::log(det) + logPrior;
}

NodeFit fitNode(const LabelGrid& grid, const PosteriorSettings& settings, const StarInput& in, std::size_t node,
                const NodeSums& sums) {
    NodeFit fit;
    const double logPrior = grid.logPrior[node];
    if (!std::isfinite(logPrior))
        return fit;
    const double s0 = in.s0, s1 = sums.s1, s2 = sums.s2, t0 = sums.t0, t1 = sums.t1, q = sums.q;
    // χ²_post(μ, E) = q − 2(t0 μ + t1 E) + s0 μ² + 2 s1 μE + s2 E² (+ the parallax term).
    auto photometricChi2 = [&](double mu, double e) {
        return q - 2.0 * (t0 * mu + t1 * e) + s0 * mu * mu + 2.0 * s1 * mu * e + s2 * e * e;
    };
    double a00 = s0, a01 = s1, a11 = s2, g0 = t0, g1 = t1;
    double det = a00 * a11 - a01 * a01;
    // All bands with the same R (or one band): E and μ are degenerate at this node.
    if (!(det > 1e-12 * a00 * a11))
        return fit;
    double mu = (a11 * g0 - a01 * g1) / det;
    double e = (a00 * g1 - a01 * g0) / det;
    if (in.parallax) {
        for (int step = 0; step < kParallaxSteps; ++step) {
            const double varpi = parallaxOfMu(mu);
            const double slope = -kLn10Over5 * varpi; // dϖ/dμ
            const double wp = slope * slope * in.parallaxVarInv;
            const double target = mu + (in.parallaxMas - varpi) / slope;
            a00 = s0 + wp;
            g0 = t0 + wp * target;
            det = a00 * a11 - a01 * a01;
            const double previous = mu;
            mu = (a11 * g0 - a01 * g1) / det;
            e = (a00 * g1 - a01 * g0) / det;
            if (std::abs(mu - previous) < kParallaxTolerance)
                break;
        }
    }
    if (!std::isfinite(mu) || !std::isfinite(e))
        return fit;
    auto parallaxChi2 = [&](double m) {
        if (!in.parallax)
            return 0.0;
        const double d = in.parallaxMas - parallaxOfMu(m);
        return d * d * in.parallaxVarInv;
    };
    const double chi2 = photometricChi2(mu, e) + parallaxChi2(mu);
    fit.muMode = mu;
    fit.eMode = e;
    fit.sigmaMuMu = a11 / det;
    fit.sigmaMuE = -a01 / det;
    fit.sigmaEE = a00 / det;
    const double sE = std::sqrt(fit.sigmaEE);
    const double logDist = logDistancePrior(in, settings.distance, mu);
    // ∫ exp(−χ²/2) dμ dE over E ≥ 0 = 2π √det Σ · Φ(ê/σ_E) · exp(−χ²_min/2).
    fit.logWeight = -0.5 * chi2 + kLog2Pi - 0.5 * std::log(det) + logNormalCdf(e / sE) +
                    logPrior + logDist;
    if (e >= 0.0) {
        fit.mapMu = mu;
        fit.mapE = e;
        fit.mapLogDensity = -0.5 * chi2 + logPrior + logDist;
    } else {
        // The mode on E = 0: μ moves along the Gaussian's ridge.
        fit.mapE = 0.0;
        fit.mapMu = mu + fit.sigmaMuE / fit.sigmaEE * (0.0 - e);
        fit.mapLogDensity = -0.5 * (photometricChi2(fit.mapMu, 0.0) + parallaxChi2(fit.mapMu)) + logPrior +
                            logDistancePrior(in, settings.distance, fit.mapMu);
    }
    if (!std::isfinite(fit.logWeight))
        fit.logWeight = -kInf;
    return fit;
}

// Quantile p of a mixture whose component CDF/PDF are given, by safeguarded Newton steps.
template <typename Cdf, typename Pdf>
double mixtureQuantile(double p, double lo, double hi, double start, const Cdf& cdf, const Pdf& pdf) {
    double x = std::clamp(start, lo, hi);
    for (int it = 0; it < 60; ++it) {
        const double f = cdf(x) - p;
        if (f > 0)
            hi = x;
        else
            lo = x;
        const double d = pdf(x);
        double next = d > 0 ? x - f / d : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (std::abs(next - x) < 1e-7 * (1.0 + std::abs(x)) || hi - lo < 1e-9 * (1.0 + std::abs(x)))
            return next;
        x = next;
    }
    return x;
}

// Quantiles of a lattice axis from node masses spread uniformly over each cell.
// `stride`: the nodes that carry mass are every stride-th, each standing for stride cells.
PosteriorInterval cellQuantiles(const std::vector<double>& mass, const LabelGridAxis& axis, std::size_t stride) {
    const double width = axis.step * double(stride);
    double total = 0.0;
    for (double m : mass)
        total += m;
    PosteriorInterval out;
    if (!(total > 0.0))
        return out;
    auto quantile = [&](double p) {
        double below = 0.0;
        for (std::size_t i = 0; i < mass.size(); ++i) {
            const double m = mass[i] / total;
            if (below + m >= p && m > 0.0)
                return axis.at(i) - 0.5 * width + width * (p - below) / m;
            below += m;
        }
        return axis.max() + 0.5 * width;
    };
    out.lower = quantile(0.16);
    out.median = quantile(0.5);
    out.upper = quantile(0.84);
    return out;
}

} // namespace

namespace {

// One node's contribution to the μ and E marginals.
struct MixtureComponent {
    double weight, muMean, muSd, eMode, eSd, eMass;
};

// Components with close means merged (moments matched), so that a quantile costs a few
// hundred normal CDFs however many nodes hold the posterior. Bins are 1/kMixtureBins of the
// range of means: far narrower than the marginal they add up to.
constexpr std::size_t kMixtureBins = 256;
void mergeComponents(std::vector<MixtureComponent>& comps, bool byMu, std::vector<MixtureComponent>& scratch) {
    if (comps.size() <= kMixtureBins)
        return;
    double lo = kInf, hi = -kInf;
    for (const auto& c : comps) {
        const double x = byMu ? c.muMean : c.eMode;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    if (!(hi > lo))
        hi = lo + 1e-12;
    struct Sum {
        double w = 0, x = 0, xx = 0, sd = 0;
    };
    std::array<Sum, kMixtureBins> bins{};
    for (const auto& c : comps) {
        const double x = byMu ? c.muMean : c.eMode;
        const double sd = byMu ? c.muSd : c.eSd;
        auto k = std::size_t((x - lo) / (hi - lo) * double(kMixtureBins));
        k = std::min(k, kMixtureBins - 1);
        bins[k].w += c.weight;
        bins[k].x += c.weight * x;
        bins[k].xx += c.weight * (x * x + (byMu ? sd * sd : 0.0));
        bins[k].sd += c.weight * sd;
    }
    scratch.clear();
    for (const Sum& b : bins) {
        if (!(b.w > 0))
            continue;
        const double mean = b.x / b.w;
        if (byMu) {
            const double sd = std::sqrt(std::max(0.0, b.xx / b.w - mean * mean));
            scratch.push_back({b.w, mean, sd, 0, 0, 0});
        } else {
            const double sd = b.sd / b.w;
            scratch.push_back({b.w, 0, 0, mean, sd, normalCdf(mean / sd)});
        }
    }
    comps.swap(scratch);
}

} // namespace

struct PosteriorWorkspace::State {
    std::vector<std::uint32_t> stamp; // per lattice node: the refinement level that last looked at it
    std::uint32_t pass = 0;
    std::vector<NodeFit> coarseFits;
    std::vector<std::uint32_t> levelNodes;
    std::vector<NodeFit> levelFits;
    std::vector<std::uint32_t> nodes;
    std::vector<NodeFit> fits;
    std::vector<double> bounds;
    std::vector<NodeSums> sums;
    std::vector<std::uint32_t> coarseKeep;
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
        in.parallax = true;
        in.parallaxMas = pm;
        in.parallaxVarInv = 1.0 / (ps * ps);
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
        double levelBest = -kInf;
        for (std::size_t n = 0; n < ws.nodes.size(); ++n) {
            if (ws.fits[n].logWeight < best - kRefineWindow)
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
                        ++visited;
                        const auto node = std::uint32_t(active);
                        const NodeSums sums = nodeSums(grid, in, node);
                        if (weightBound(in, sums, grid.logPrior[node], settings.distance) < best - kNegligible)
                            continue;
                        const NodeFit fit = fitNode(grid, settings, in, node, sums);
                        if (!std::isfinite(fit.logWeight))
                            continue;
                        levelBest = std::max(levelBest, fit.logWeight);
                        ws.levelNodes.push_back(node);
                        ws.levelFits.push_back(fit);
                    }
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
    auto muCdf = [&](double x) {
        double s = 0.0;
        for (const auto& c : ws.mixture)
            s += c.weight * (c.muSd > 0 ? normalCdf((x - c.muMean) / c.muSd) : (x >= c.muMean ? 1.0 : 0.0));
        return s / mixTotal;
    };
    auto muPdf = [&](double x) {
        double s = 0.0;
        for (const auto& c : ws.mixture)
            if (c.muSd > 0)
                s += c.weight * normalPdf((x - c.muMean) / c.muSd) / c.muSd;
        return s / mixTotal;
    };
    auto eCdf = [&](double x) {
        if (x <= 0.0)
            return 0.0;
        double s = 0.0;
        for (const auto& c : ws.eMixture) {
            const double below0 = 1.0 - c.eMass; // Φ(−ê/σ)
            s += c.weight * std::max(0.0, normalCdf((x - c.eMode) / c.eSd) - below0) / c.eMass;
        }
        return s / mixTotal;
    };
    auto ePdf = [&](double x) {
        if (x < 0.0)
            return 0.0;
        double s = 0.0;
        for (const auto& c : ws.eMixture)
            s += c.weight * normalPdf((x - c.eMode) / c.eSd) / (c.eSd * c.eMass);
        return s / mixTotal;
    };
    auto interval = [](auto quantile) {
        PosteriorInterval q;
        q.lower = quantile(0.16);
        q.median = quantile(0.5);
        q.upper = quantile(0.84);
        return q;
    };
    out.mu = interval([&](double p) { return mixtureQuantile(p, muLo, muHi, muMean, muCdf, muPdf); });
    out.reddening = interval([&](double p) { return mixtureQuantile(p, 0.0, eHi, eMean, eCdf, ePdf); });
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
