// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inference/node_fit.h"

#include "core/inference/galactic_prior.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core::inference {
namespace {

constexpr double kLn10Over5 = std::numbers::ln10 / 5.0;
const double kLog2Pi = std::log(2.0 * std::numbers::pi);
// Gauss–Newton steps for the parallax term (converges in 2 where photometry fixes μ).
constexpr int kParallaxSteps = 4;
// μ's change [mag] below which the Gauss–Newton steps stop: far below any σ_μ.
constexpr double kParallaxTolerance = 1e-5;

// e^x; for the small steps of the Gauss–Newton iteration (|x| < 0.02) a Taylor polynomial whose
// truncation error x⁷/7! < 3·10⁻¹⁶ is below double rounding, saving an exp per step.
double expOfSmall(double x) {
    if (std::abs(x) >= 0.02)
        return std::exp(x);
    return 1.0 + x * (1.0 + x * (1.0 / 2 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720))))));
}

} // namespace

// ϖ [mas] = 1000 pc / d = 10^(2 − μ/5).
double parallaxOfMu(double mu) { return std::exp(std::numbers::ln10 * (2.0 - mu / 5.0)); }

// Above this z, Φ(−z) < 10⁻¹⁷ is below half an ulp of 1: Φ(z) rounds to 1, ln Φ(z) to 0 and
// the inverse Mills ratio (< 10⁻¹⁸·…) vanishes beside z. Most nodes of a reddened star lie
// there; the shortcut spares them erfc, log and exp with bit-identical results.
constexpr double kCdfIsOne = 8.5;
constexpr double kMillsNegligible = 9.0;

double normalCdf(double z) { return z > kCdfIsOne ? 1.0 : 0.5 * std::erfc(-z / std::numbers::sqrt2); }
double normalPdf(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi); }

// ln Φ(z), also where Φ underflows (asymptotic series of the Mills ratio).
double logNormalCdf(double z) {
    if (z > kCdfIsOne)
        return 0.0;
    if (z > -30.0)
        return std::log(normalCdf(z));
    const double z2 = z * z;
    return -0.5 * z2 - std::log(-z) - 0.5 * std::log(2.0 * std::numbers::pi) + std::log1p(-1.0 / z2 + 3.0 / (z2 * z2));
}

// φ(z)/Φ(z), the inverse Mills ratio, stable for very negative z.
double millsRatio(double z) {
    if (z > kMillsNegligible)
        return 0.0;
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



double logDistancePrior(const StarInput& in, DistancePrior prior, double mu) {
    return prior == DistancePrior::Galactic ? galacticLogDistancePrior(mu, in.l, in.b) : 0.0;
}


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
    double chi2 = n.q - (n.s2 * n.t0 * n.t0 - 2.0 * n.s1 * n.t0 * n.t1 + in.s0 * n.t1 * n.t1) / det;
    if (in.parallax) {
        // The photometry's profile in μ (E at its best for each μ): (μ − μ̂)²/σ_μ², σ_μ² = s2/det.
        const double muHat = (n.s2 * n.t0 - n.s1 * n.t1) / det;
        const double precision = det / n.s2;
        double parallaxChi2 = 0.0;
        for (std::size_t i = 0; i < kParallaxBoundLevels.size(); ++i) {
            const double d = std::max({0.0, in.parallaxMuLo[i] - muHat, muHat - in.parallaxMuHi[i]});
            parallaxChi2 = std::max(parallaxChi2, std::min(kParallaxBoundLevels[i], d * d * precision));
        }
        chi2 += parallaxChi2;
    }
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
    double varpi = kNaN; // ϖ(mu), carried along the steps
    if (in.parallax) {
        varpi = parallaxOfMu(mu);
        for (int step = 0; step < kParallaxSteps; ++step) {
            const double slope = -kLn10Over5 * varpi; // dϖ/dμ
            const double wp = slope * slope * in.parallaxVarInv;
            const double target = mu + (in.parallaxMas - varpi) / slope;
            a00 = s0 + wp;
            g0 = t0 + wp * target;
            det = a00 * a11 - a01 * a01;
            const double previous = mu;
            mu = (a11 * g0 - a01 * g1) / det;
            e = (a00 * g1 - a01 * g0) / det;
            varpi *= expOfSmall(-kLn10Over5 * (mu - previous));
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
    const double parallaxChi2AtMu = in.parallax ? (in.parallaxMas - varpi) * (in.parallaxMas - varpi) * in.parallaxVarInv : 0.0;
    const double chi2 = photometricChi2(mu, e) + parallaxChi2AtMu;
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

} // namespace starlocus::core::inference
