// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One node of the photometric fit (Eq. 19): given θ, the photometry is linear-Gaussian in
// (μ, E), solved in closed form; the parallax is folded in by Gauss–Newton on ϖ(μ); E ≥ 0
// truncates the Gaussian. Internal to core/inference (star_posterior.cpp searches the grid
// with these).
#include "core/inference/label_grid.h"
#include "core/inference/star_input.h"
#include "core/inference/star_posterior.h"

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace starlocus::core::inference {

// The (μ, E) solution at one node.
struct NodeFit {
    double logWeight = -kInf;    // ln ∫ p dμ dE at the node (Laplace in μ, exact E ≥ 0 mass)
    double muMode = kNaN, eMode = kNaN; // Gaussian mode, E unconstrained
    double sigmaMuMu = 0, sigmaMuE = 0, sigmaEE = 0; // its covariance
    double mapLogDensity = -kInf; // ln p at the mode under E ≥ 0
    double mapMu = kNaN, mapE = kNaN;
};

// The photometric normal equations of one node: sums over the observed bands (Σw is the
// star's, s0 in StarInput), with the Gaussian E prior when there is one.
struct NodeSums {
    double s1 = 0, s2 = 0, t0 = 0, t1 = 0, q = 0;
};

// ϖ [mas] = 1000 pc / d = 10^(2 − μ/5).
double parallaxOfMu(double mu);

double normalCdf(double z);

double normalPdf(double z);

// ln Φ(z), also where Φ underflows (asymptotic series of the Mills ratio).
double logNormalCdf(double z);

// φ(z)/Φ(z), the inverse Mills ratio, stable for very negative z.
double millsRatio(double z);

// p-value of χ² with k dof, Wilson–Hilferty (1931): relative error < 1 % for k ≥ 1 at the
// 10⁻³ level used to flag a poor fit.
double chiSquarePValue(double chi2, int k);

double logDistancePrior(const StarInput& in, DistancePrior prior, double mu);

NodeSums nodeSums(const LabelGrid& grid, const StarInput& in, std::size_t node);

// nodeSums for every node of a search lattice at once: band by band over the coarse struct of arrays,
// which the compiler vectorises (the residual in float, as the values are stored, the sums in
// double: χ² is a difference of sums of ~10⁶ when σ = 0.02 mag).
// `soa`: value v of node i at soa[v·n + i] (LabelGrid::coarseModel, topModel).
void structOfArraysSums(const std::vector<float>& soa, std::size_t n, const StarInput& in, std::vector<NodeSums>& out);

// An upper bound of fitNode's ln-weight without its transcendental functions: Φ ≤ 1, the
// parallax's precision only raises det, and its χ² is bounded below through the star's μ
// intervals (setParallax): at any μ either the parallax χ² exceeds a level or μ lies in that
// level's interval, where the photometry's profile χ² is at least (distance from μ̂)²/σ_μ².
// Nodes whose bound lies far below the best weight found need no full fit. +∞ with the
// Galactic prior (its ln p(μ) has no bound known in advance).
double weightBound(const StarInput& in, const NodeSums& n, double logPrior, DistancePrior prior);

// The (μ, E) solution at `node` from its sums: the ln-weight ∫ p dμ dE (Laplace in μ, exact
// E ≥ 0 mass), the Gaussian's mode and covariance, and the mode under E ≥ 0.
NodeFit fitNode(const LabelGrid& grid, const PosteriorSettings& settings, const StarInput& in, std::size_t node,
                const NodeSums& sums);

NodeFit fitNode(const LabelGrid& grid, const PosteriorSettings& settings, const StarInput& in, std::size_t node,
                const NodeSums& sums);

} // namespace starlocus::core::inference
