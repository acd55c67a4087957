// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one catalog star contributes to the likelihood, in c-space (Eq. 5–6), with the
// decisions of METHOD.md §3: unobserved bands and an unusable parallax are dropped
// entries; a star without G, with bad labels, a label covariance that is not positive
// definite, or a bad reddening prior is excluded (counted, never an error, never NaN).
#include "core/catalog/catalog.h"
#include "core/model/color_transform.h"
#include "core/model/label_normalization.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace starlocus::core {

// A band is unobserved when its error exceeds this (after the 0.02 mag floor), §3.2.
inline constexpr double kMaxMagnitudeError = 0.2;
// Parallaxes below this signal-to-noise are disregarded (§3.2).
inline constexpr double kMinParallaxSnr = 5.0;

enum class StarExclusion : std::uint8_t {
    None = 0,
    MissingG,               // no usable G magnitude: colours are relative to G
    BadLabels,              // NaN/Inf Teff, log g or [Fe/H]
    BadLabelCovariance,     // C_θ with NaN/Inf or not positive definite
    BadReddeningPrior,      // NaN/Inf Ê, or σ_E not > 0
    CovarianceNotPositiveDefinite, // C_c of the kept entries failed its Cholesky
};

std::string_view exclusionName(StarExclusion exclusion);

// How many stars (or star-band values) each rule touched.
struct StarDefectCounts {
    std::size_t missingG = 0;
    std::size_t badLabels = 0;
    std::size_t badLabelCovariance = 0;
    std::size_t badReddeningPrior = 0;
    std::size_t covarianceNotPositiveDefinite = 0;
    std::size_t parallaxNonPositive = 0;  // ϖ̂ ≤ 0: c₀ dropped
    std::size_t parallaxNotFinite = 0;    // ϖ̂ or σ_ϖ NaN/Inf, or σ_ϖ ≤ 0: c₀ dropped
    std::size_t parallaxLowSnr = 0;       // 0 < ϖ̂/σ_ϖ < 5: c₀ dropped
    std::size_t bandValuesUnobserved = 0; // NaN/Inf magnitude or error, or error ≤ 0
    std::size_t bandValuesAboveErrorCut = 0; // error > 0.2 mag
    std::size_t noDegreesOfFreedom = 0;   // dof ≤ 0: no χ²/dof

    std::size_t excludedStars() const {
        return missingG + badLabels + badLabelCovariance + badReddeningPrior + covarianceNotPositiveDefinite;
    }
    StarDefectCounts& operator+=(const StarDefectCounts& other);
    void count(StarExclusion exclusion);
};

struct StarObservation {
    StarExclusion exclusion = StarExclusion::None;
    std::array<bool, kBandCount> kept{}; // c-space entries that enter χ²
    int keptCount = 0;
    Vec13 target = Vec13::Zero();       // B·m̂ with c₀ −= μ(ϖ̂); 0 on dropped entries
    // The photometric and parallax covariance B diag(σ_m²) Bᵀ + (5/ln10 σ_ϖ/ϖ̂)² e₀e₀ᵀ by its
    // structure: on the kept entries it is diag(noiseDiagonal) + σ_G²·v·vᵀ with
    // v = (1, −1, …, −1) (c₀ = m_G − μ, cᵢ = mᵢ − m_G). photometricCovariance() expands it; its
    // inverse has a closed form (Sherman–Morrison), so the reddening update factors nothing.
    Vec13 noiseDiagonal = Vec13::Zero(); // (σ_μ², σ₁², …, σ₁₂²) on kept entries, 0 on dropped
    double noiseVarG = 0.0;              // σ_G²
    Eigen::Vector3d x = Eigen::Vector3d::Zero();          // normalized labels
    Eigen::Matrix3d labelCovX = Eigen::Matrix3d::Zero();  // C_x = D⁻¹ C_θ D⁻¹
    Eigen::Matrix3d labelCovXFactor = Eigen::Matrix3d::Zero(); // L_x, lower: L_x·L_xᵀ = C_x
    double priorE = 0.0;      // Ê (the original catalog value: never updated, §2.3)
    double priorSigmaE = 0.0; // σ_E

    bool usable() const { return exclusion == StarExclusion::None; }
    // Degrees of freedom of χ²/dof: kept entries − 1 for the re-fitted reddening.
    int dof() const { return keptCount - 1; }
};

// Builds star i's observation. `defects` (optional) receives the counts of every rule
// that touched the star: exclusions by the first failing rule, the rest additively.
StarObservation observeStar(const Catalog& catalog, std::size_t i, const LabelNormalization& normalization,
                            StarDefectCounts* defects = nullptr);

} // namespace starlocus::core
