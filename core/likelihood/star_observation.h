// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one catalog star contributes to the likelihood, in c-space (Eq. 5–6), with the
// decisions of METHOD.md §3: unobserved bands and an unusable parallax are dropped
// entries; a star without G, with bad labels, a label covariance that is not positive
// definite, or a bad reddening prior is excluded (counted, never an error, never NaN).
// Values no star can have (a parallax of 10³⁰ mas, a magnitude error of 10⁻³⁰ mag, a
// negative error) are defects of their own kind: dropped or excluded like the rest, and
// counted under their own name so a report says what is wrong with the file.
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

// Physical ranges. A value outside them is a defect of the file, never a measurement:
// kept, it would dominate χ² (one parallax of 10³⁰ mas or one error of 10⁻³⁰ mag gave a
// mean χ²/dof of 686,575 over a catalog of ordinary stars).
//
// No survey delivers a per-star magnitude error below 0.1 mmag: Gaia DR3's best mean G
// errors are 0.2–0.3 mmag, and the paper adds 0.02 mag in quadrature to every error
// (§3.2, so the published catalog has none below 0.02). A smaller (or zero) error would
// give one band almost all the weight of the star.
inline constexpr double kMinMagnitudeError = 1e-4;
// Apparent magnitudes of stars in these 13 bands: the brightest after the Sun are about
// −4.5 (Betelgeuse, R Dor in Ks and W1), the faintest these surveys reach about 25. Beyond
// [−10, 40] a value is a sentinel (99.99) or a corrupt number.
inline constexpr double kBrightestMagnitude = -10.0;
inline constexpr double kFaintestMagnitude = 40.0;
// No star has a parallax above 768 mas (Proxima Centauri); |ϖ̂| beyond 1000 mas is not a
// measurement (a negative ϖ̂ of that size is not noise either: σ_ϖ is never that large
// for a star that also has a usable parallax).
inline constexpr double kMaxParallaxMas = 1000.0;
// The best parallax errors are about 10 µas (Gaia's bright stars, VLBI); below 1 µas an
// error is not real and would make c₀ dominate the star's χ².
inline constexpr double kMinParallaxErrorMas = 1e-3;
// Stellar labels: the coolest known brown dwarfs are about 285 K, the hottest stars
// (Wolf-Rayet) about 210,000 K; log g from about −0.5 (hypergiants; pipelines extrapolate
// to −1.4 in the published catalog) to 9.5 (white dwarfs); [Fe/H] from below −7 (SMSS
// J0313−6708) to about +1. The ranges leave room beyond each.
inline constexpr double kMinTeffK = 250.0, kMaxTeffK = 250000.0;
inline constexpr double kMinLogg = -3.0, kMaxLogg = 10.0;
inline constexpr double kMinFeH = -10.0, kMaxFeH = 2.0;
// A star seen in G (G ≲ 21, M_G ≳ −10) has A_G ≲ 31 mag, so its reddening is tens of
// magnitudes at most; a noisy prior may be negative (the mock sky's reach −4). |Ê| above
// 100 mag is not a prior any map gives for a visible star.
inline constexpr double kMaxAbsReddeningPrior = 100.0;

// Why a star is excluded. The numbers are written to files (refit-reddening's
// star_status): new kinds are appended, never renumbered.
enum class StarExclusion : std::uint8_t {
    None = 0,
    MissingG,               // no G measurement (NaN magnitude or error, or error > 0.2 mag)
    BadLabels,              // NaN/Inf Teff, log g or [Fe/H]
    BadLabelCovariance,     // C_θ with NaN/Inf or not positive definite
    BadReddeningPrior,      // NaN/Inf Ê or σ_E, or σ_E = 0
    CovarianceNotPositiveDefinite, // C_c of the kept entries failed its Cholesky
    LabelsOutOfRange,       // Teff, log g or [Fe/H] outside the physical ranges above
    DefectiveG,             // a G value no star has: negative or sub-floor error, magnitude out of range
    NegativeReddeningPriorError, // σ_E < 0
    ReddeningPriorOutOfRange,    // |Ê| > 100 mag
};
inline constexpr StarExclusion kLastStarExclusion = StarExclusion::ReddeningPriorOutOfRange;

std::string_view exclusionName(StarExclusion exclusion);

// Star-band values of one kind, per band (index as in the band registry).
struct BandValueCounts {
    std::array<std::size_t, kBandCount> perBand{};
    std::size_t total() const;
    BandValueCounts& operator+=(const BandValueCounts& other);
};

// How many stars (or star-band values) each rule touched.
struct StarDefectCounts {
    // Stars excluded, each by the first rule it fails.
    std::size_t missingG = 0;
    std::size_t defectiveG = 0;
    std::size_t badLabels = 0;
    std::size_t labelsOutOfRange = 0;
    std::size_t badLabelCovariance = 0;
    std::size_t badReddeningPrior = 0;
    std::size_t negativeReddeningPriorError = 0;
    std::size_t reddeningPriorOutOfRange = 0;
    std::size_t covarianceNotPositiveDefinite = 0;
    // c₀ dropped (the star still teaches colours), by the first rule it fails.
    std::size_t parallaxNotFinite = 0;       // ϖ̂ or σ_ϖ NaN/Inf: no parallax
    std::size_t parallaxNegativeError = 0;   // σ_ϖ < 0
    std::size_t parallaxErrorBelowFloor = 0; // 0 ≤ σ_ϖ < 1 µas
    std::size_t parallaxOutOfRange = 0;      // |ϖ̂| > 1000 mas
    std::size_t parallaxNonPositive = 0;     // ϖ̂ ≤ 0
    std::size_t parallaxLowSnr = 0;          // 0 < ϖ̂/σ_ϖ < 5
    // Star-band values dropped. An unobserved band is normal (no measurement), the three
    // per-band kinds are defects of the file.
    std::size_t bandValuesUnobserved = 0;    // NaN/Inf magnitude, or NaN/+Inf error
    std::size_t bandValuesAboveErrorCut = 0; // error > 0.2 mag
    BandValueCounts bandNegativeError;       // error < 0
    BandValueCounts bandErrorBelowFloor;     // 0 ≤ error < 1e-4 mag
    BandValueCounts bandMagnitudeOutOfRange; // magnitude outside [−10, 40]
    std::size_t noDegreesOfFreedom = 0;      // dof ≤ 0: no χ²/dof

    std::size_t excludedStars() const {
        return missingG + defectiveG + badLabels + labelsOutOfRange + badLabelCovariance + badReddeningPrior +
               negativeReddeningPriorError + reddeningPriorOutOfRange + covarianceNotPositiveDefinite;
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
