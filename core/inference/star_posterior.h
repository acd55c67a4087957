// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The posterior of one star's labels, distance and reddening from photometry (Eq. 19):
//   p(θ, μ, E | m̂, ϖ̂) ∝ p(m̂ | M(θ) + μ + E·R(θ)) · p(ϖ̂ | μ) · p(θ) · p(μ) · p(E),
// photometry with independent Gaussian errors per observed band (the diagonal C_m of §2), the
// parallax likelihood Gaussian in ϖ (not in μ), E ≥ 0.
//
// Per node θ of the LabelGrid, the photometry is linear-Gaussian in u = (μ, E): its 2×2 normal
// equations are sums over bands, solved in closed form. The parallax term is Gaussian in ϖ, so
// non-linear in μ: it is folded in by Gauss–Newton on ϖ(μ) = 10^(2 − μ/5) mas (the exact
// ϖ-likelihood at the mode, a Laplace volume), which is exact in the limit where photometry
// fixes μ more tightly than the parallax does (the usual case: given θ, all bands share μ).
// E ≥ 0 truncates the (μ, E) Gaussian: its mass is Φ(ê/σ_E) per node, and E's marginal per
// node is a truncated normal. The node weights are then marginalised over the grid: the label
// marginals exactly (cell-uniform), μ and E as mixtures over nodes.
//
// Search (docs/INFERENCE.md, "Search"): the top sub-lattice, and the coarse one when the
// posterior is narrow for it, scored whole with a cheap upper bound of each node's weight; then
// refinement levels that halve the step per axis around the nodes near the best, down to a step
// at which the posterior spans 1.5 cells.
#include "core/inference/label_grid.h"
#include "core/inference/photometric_star.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace starlocus::core {

// Distance prior (issue 16, item 2).
enum class DistancePrior : std::uint8_t {
    FlatMu = 0,   // flat in μ (the default)
    Galactic = 1, // Jurić et al. (2008) thin + thick disk + halo number density × d² (needs l, b)
};
std::string_view distancePriorName(DistancePrior prior);
DistancePrior parseDistancePrior(std::string_view text); // "flat" / "galactic"

// Reddening prior; both keep E ≥ 0.
enum class ReddeningPrior : std::uint8_t {
    FlatPositive = 0, // flat for E ≥ 0 (the default)
    Catalog = 1,      // Gaussian N(Ê, σ_E²) from the catalog's r, r_err columns, E ≥ 0
};
std::string_view reddeningPriorName(ReddeningPrior prior);
ReddeningPrior parseReddeningPrior(std::string_view text); // "flat" / "catalog"

struct PosteriorSettings {
    DistancePrior distance = DistancePrior::FlatMu;
    ReddeningPrior reddening = ReddeningPrior::FlatPositive;
    // Training density below which a node is outside the model's support for a band (§7).
    double lowDensityThreshold = kValidDensityThreshold;
    // A fit whose χ² has a p-value below this is flagged PoorFit.
    double poorFitPValue = 1e-3;
    // A star with more posterior mass than this at low density is flagged OutsideTraining.
    double outsideTrainingFraction = 0.5;
};

// Why a star has no posterior. Written to files: append, never renumber.
enum class PosteriorStatus : std::uint8_t {
    Fitted = 0,
    MissingG = 1,           // no usable G (the fit needs it as §3 does)
    TooFewMeasurements = 2, // observed bands + parallax < 5: (θ, μ, E) not constrained
    NoGalacticPosition = 3, // the Galactic distance prior without a finite l and a b in [−90°, 90°]
    NoSupport = 4,          // no grid node gives the photometry a finite likelihood
    BadReddeningPrior = 5,  // ReddeningPrior::Catalog with a non-finite Ê or σ_E ≤ 0
};
inline constexpr PosteriorStatus kLastPosteriorStatus = PosteriorStatus::BadReddeningPrior;
std::string_view posteriorStatusName(PosteriorStatus status);

// Flags of a fitted star (bit mask).
enum PosteriorFlag : std::uint32_t {
    kPoorFit = 1u << 0,            // χ² of the best fit has p < poorFitPValue
    kOutsideTraining = 1u << 1,    // lowDensityFraction > outsideTrainingFraction
    kParallaxIgnored = 1u << 2,    // a parallax was given but is NaN, ≤ 0 or has σ_ϖ ≤ 0
    kAtGridEdge = 1u << 3,         // > 1 % of the mass on the lattice's outer nodes
};
inline constexpr PosteriorFlag kPosteriorFlags[] = {kPoorFit, kOutsideTraining, kParallaxIgnored, kAtGridEdge};
// Short names of the flag bits ("poor_fit", …), for files, the CSV and reports.
std::string_view posteriorFlagName(PosteriorFlag flag);

// Median and 16/84 % of a marginal.
struct PosteriorInterval {
    double median = PhotometricStar::kNaN;
    double lower = PhotometricStar::kNaN; // 16 %
    double upper = PhotometricStar::kNaN; // 84 %
    double sigma() const { return 0.5 * (upper - lower); }
};

struct StarPosterior {
    PosteriorStatus status = PosteriorStatus::NoSupport;
    std::uint32_t flags = 0;
    PosteriorInterval teff, logg, feh, mu, distancePc, reddening;
    // The highest joint density (node θ, with its (μ, E) mode under E ≥ 0).
    std::array<double, 3> mapTheta{PhotometricStar::kNaN, PhotometricStar::kNaN, PhotometricStar::kNaN};
    double mapMu = PhotometricStar::kNaN;
    double mapE = PhotometricStar::kNaN;
    double chi2 = PhotometricStar::kNaN; // photometry + parallax at the MAP point
    int dof = 0;                         // measurements − 5
    int bandsUsed = 0;
    bool parallaxUsed = false;
    // Posterior mass at nodes where the training density of a channel the star uses (each
    // observed band's colour channel, the parallax channel when a parallax is used) is below
    // the threshold. NaN without a density grid.
    double lowDensityFraction = PhotometricStar::kNaN;
    // (m̂ − prediction)/σ per band at the MAP point; NaN for bands not used.
    std::array<double, kBandCount> residualAtMap{};
    std::size_t nodesEvaluated = 0;

    bool fitted() const { return status == PosteriorStatus::Fitted; }
};

// 1-D and 2-D marginals for drawing (the GUI's corner plot); densities per unit of the axis.
struct PosteriorMarginals {
    struct Axis {
        double min = 0.0, max = 1.0;
        std::vector<double> density; // bins of equal width over [min, max]
    };
    struct Map {
        Axis x, y;
        std::vector<double> density; // [ix * y.density.size() + iy]
    };
    Axis teff, logg, feh, mu, reddening;
    Map teffLogg, teffFeh, muReddening;
};

// Scratch space reused across the stars one thread fits (no allocation per star).
class PosteriorWorkspace {
public:
    PosteriorWorkspace();
    ~PosteriorWorkspace();
    PosteriorWorkspace(PosteriorWorkspace&&) noexcept;
    PosteriorWorkspace& operator=(PosteriorWorkspace&&) noexcept;
    struct State;
    State& state() { return *state_; }

private:
    std::unique_ptr<State> state_;
};

// Throws nothing for a bad star: its status says why. `marginals` (optional) receives the
// binned marginals of a fitted star (bins: `marginalBins` per axis).
StarPosterior fitStar(const LabelGrid& grid, const PosteriorSettings& settings, const PhotometricStar& star,
                      PosteriorWorkspace& workspace, PosteriorMarginals* marginals = nullptr,
                      std::size_t marginalBins = 48);

} // namespace starlocus::core
