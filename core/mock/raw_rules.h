// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import's §3 rules as the mock's raw cross-match names them (issue 15, item 7): the
// import counts a star or band under the first rule, in this order, that removes it, so the
// mock makes every injected defect fail exactly one rule and its truth gives exact counts.
#include <array>
#include <cstdint>
#include <string_view>

namespace starlocus::core {

enum class RawRule : std::uint8_t {
    None = 0,
    // Star-removing, in the import's order.
    InvalidLabel,           // a NaN label
    InvalidLabelCovariance, // a negative label σ (and, for APOGEE, a negative FPARAM_COV variance)
    LamostSnr,              // snr_u … snr_z all ≤ 20
    LamostQflagChi2,        // qflag_chi2 ≠ "good"
    LamostSinglestar,       // flag_singlestar ≠ "YES"
    ApogeeStarFlags,        // ASPCAPFLAG bit 7 (STAR_WARN) or 23 (STAR_BAD)
    GalahSnr,               // snr_c1 … snr_c4 all ≤ 20
    GalahFlagCannon,        // flag_cannon ≠ 0
    LabelSigmaCut,          // σ after the floor: Teff > 200 K, log g or [Fe/H] > 0.5 dex
    GaiaVisibilityPeriods,  // visibility_periods_used ≤ 8
    GaiaAstrometricChi2,    // χ²/(n_good − 5) ≥ 1.44 max(1, exp(−0.4 (G − 19.5)))
    GaiaGNObs,              // phot_g_n_obs ≤ 2
    TmassExtended,          // ext_key not null
    GaiaGMissing,           // phot_g_mean_mag null
    // Band-dropping, in the import's order (never on G).
    InvalidMagnitude,      // outside −5 … 30
    InvalidMagnitudeError, // a negative σ
    Ps1Flags,              // xFlags & kPs1BadFlagMask
    TmassQuality,          // the band's ph_qual letter not A, B or C
    UnwiseFlags,           // flags_unwise ≠ 0
    UnwiseFracflux,        // fracflux ≤ 0.5
    UnwiseRchi2,           // rchi2 > 5
    PhotometricErrorCut,   // σ after the 0.02 floor > 0.2 mag
    // Counted only: the star and its parallax stay in the catalog.
    ParallaxSnr, // ϖ̂/σ_ϖ < 5
};

inline constexpr std::array<RawRule, 14> kRawStarRules = {
    RawRule::InvalidLabel,          RawRule::InvalidLabelCovariance, RawRule::LamostSnr,
    RawRule::LamostQflagChi2,       RawRule::LamostSinglestar,       RawRule::ApogeeStarFlags,
    RawRule::GalahSnr,              RawRule::GalahFlagCannon,        RawRule::LabelSigmaCut,
    RawRule::GaiaVisibilityPeriods, RawRule::GaiaAstrometricChi2,    RawRule::GaiaGNObs,
    RawRule::TmassExtended,         RawRule::GaiaGMissing};

inline constexpr std::array<RawRule, 8> kRawBandRules = {
    RawRule::InvalidMagnitude, RawRule::InvalidMagnitudeError, RawRule::Ps1Flags,    RawRule::TmassQuality,
    RawRule::UnwiseFlags,      RawRule::UnwiseFracflux,        RawRule::UnwiseRchi2, RawRule::PhotometricErrorCut};

// "invalid_label", "lamost_snr", …, "parallax_snr"; "" for None.
std::string_view rawRuleName(RawRule rule);

// The import's thresholds the mock's values are placed against.
inline constexpr double kRawMinSpectrumSnr = 20.0;    // LAMOST, GALAH: SNR > 20 in one channel
inline constexpr int kRawMinVisibilityPeriods = 9;    // visibility_periods_used > 8
inline constexpr int kRawMinGNObs = 3;                // phot_g_n_obs > 2
inline constexpr double kRawMinFracflux = 0.5;        // fracflux > 0.5
inline constexpr double kRawMaxRchi2 = 5.0;           // rchi2 ≤ 5
inline constexpr double kRawMaxMagError = 0.2;        // σ after the floor ≤ 0.2 mag
inline constexpr double kRawMinParallaxSnr = 5.0;     // ϖ̂/σ_ϖ ≥ 5 keeps the parallax
inline constexpr std::array<double, 3> kRawLabelSigmaCut = {200.0, 0.5, 0.5};
inline constexpr std::array<double, 3> kRawLabelFloor = {10.0, 0.05, 0.03}; // §3.1, added in quadrature
inline constexpr double kRawPhotometricFloorMag = 0.02;                     // §3.2
inline constexpr double kRawReddeningFloor = 0.02;                          // §3.3
// Bits of PS1's xFlags that make the import drop the band: the mock's convention (bit 3), not
// a published meaning — the paper says only "unphotometric, saturated or containing bad
// pixels". The import's default mask is this constant, so the mock's flagged bands are its.
inline constexpr std::int64_t kPs1BadFlagMask = 0x8;

// The Arenou et al. (2018) bound on astrometric_chi2_al/(astrometric_n_good_obs_al − 5) at G.
double gaiaAstrometricChi2Bound(double gMag);

} // namespace starlocus::core
