// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One mock star as the archives would give it (issue 15, item 7): Gaia DR2, PS1 DR1
// MeanObject, 2MASS PSC and unWISE values plus the star's survey labels and reddening
// columns, undone from the catalog so that the import's §3 steps give the catalog back:
//   labels       raw = catalog − the survey offset the import adds (§3.1);
//   variances    raw = catalog − the floor the import adds ((10 K)², (0.05)², (0.03)²);
//   photometry   raw σ = √(σ_cat² − 0.02²), in each survey's form (Gaia flux_over_error,
//                unWISE Vega fluxes in nanomaggies);
//   reddening    the prior as the mock drew it (ebv_prior, σ before the 0.02 floor) and
//                dust-map columns for the paper's §3.3 rule (docs/MOCK.md).
// Then the star's defects (raw_defects.h) are written into it. NaN in a field marked
// "NaN = null" is a missing value; in the label fields it is a NaN value.
#include "core/mock/mock_sky.h"
#include "core/mock/raw_defects.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace starlocus::core {

// Offsets the import adds to a survey's labels (Teff [K], log g, [Fe/H]), §3.1.
std::array<double, 3> rawLabelOffset(std::string_view atmSource);

// The mock's Gaia source_id of star i: > 2⁵³ (a double would merge neighbours), unique.
inline constexpr std::int64_t kRawFirstSourceId = 4'000'000'000'000'000'000;
inline std::int64_t rawSourceId(std::size_t star) { return kRawFirstSourceId + std::int64_t(star) * 7; }

struct RawRow {
    std::int64_t mockIndex = 0;

    // Gaia DR2 gaia_source
    std::int64_t sourceId = 0;
    double raDeg = 0.0, decDeg = 0.0, lDeg = 0.0, bDeg = 0.0;
    double parallaxMas = 0.0, parallaxErrorMas = 0.0;
    std::array<double, 3> gaiaMag{};           // G, BP, RP; NaN = null
    std::array<double, 3> gaiaFluxOverError{}; // NaN = null
    std::int64_t gNObs = 0, visibilityPeriods = 0, nGoodObsAl = 0;
    double chi2Al = 0.0;

    // PS1 DR1 MeanObject g r i z y
    std::array<double, 5> ps1Mag{}, ps1MagErr{}; // NaN = null
    std::array<std::optional<std::int64_t>, 5> ps1Flags{};

    // 2MASS PSC J H Ks; the text flags and gal_contam are null when no band has a detection
    std::array<double, 3> tmassMag{}, tmassSigma{}; // NaN = null
    std::optional<std::string> phQual, rdFlg, blFlg, ccFlg;
    std::optional<std::int64_t> extKey, galContam;

    // unWISE W1 W2 (Vega fluxes in nanomaggies)
    std::array<double, 2> unwiseFlux{}, unwiseDflux{}, unwiseFracflux{}, unwiseRchi2{}; // NaN = null
    std::array<std::optional<std::int64_t>, 2> unwiseFlags{};

    // Reddening: the prior as drawn, and the dust-map values of §3.3.
    double ebvPrior = 0.0, ebvPriorErr = 0.0;
    std::string ebvPriorSource;
    double sfdEbv = 0.0;
    double bayestar19Ebv = 0.0, bayestar19EbvErr = 0.0; // NaN = null (δ ≤ −30°)

    // Labels as the survey reports them: Teff, log g, [Fe/H].
    std::array<double, 3> label{}, labelErr{};
    std::array<double, 3> labelCov{};        // (Teff, log g), (Teff, [Fe/H]), (log g, [Fe/H])
    std::array<double, 3> uncalibratedVar{}; // APOGEE FPARAM_COV diagonal (≤ labelErr²)
    std::array<double, 5> snr{};             // LAMOST u g r i z; GALAH c1…c4; APOGEE SNR in [0]
    std::string qflagChi2, flagSinglestar;   // LAMOST
    std::int64_t aspcapFlag = 0;             // APOGEE
    std::int64_t flagCannon = 0;             // GALAH
};

RawRow rawRowOf(const MockSky& sky, std::size_t star, const RawStarDefects& defects);

// The dust-map columns of star i (docs/MOCK.md): the mock's column to infinity (the SFD
// stand-in), and where δ > −30° the E to the star with the spread its parallax's distance
// error gives (NaN outside the footprint).
struct RawDustMaps {
    double sfdEbv = 0.0;
    double bayestar19Ebv = 0.0;
    double bayestar19EbvErr = 0.0;
};
RawDustMaps rawDustMapsOf(const MockSky& sky, std::size_t star, double decDeg);

} // namespace starlocus::core
