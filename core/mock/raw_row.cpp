// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_row.h"

#include "core/common/counter_random.h"
#include "core/mock/raw_equatorial.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace starlocus::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDegree = std::numbers::pi / 180.0;
// 2.5/ln 10: σ_m = kPogson / (flux/σ_flux).
constexpr double kPogson = 2.5 / std::numbers::ln10;
// Keys the streams of the passing values (n_obs, χ², SNR, …) apart from the sky's and the defects'.
constexpr std::uint64_t kValueStreamKey = 0x7261772d76616c73ull; // "raw-vals"

constexpr std::size_t kFirstPs1 = 3, kFirstTmass = 8, kFirstUnwise = 11;

// σ before the floor the import adds in quadrature; the caller guarantees σ ≥ floor.
double withoutFloor(double sigma, double floor) { return std::sqrt(std::max(0.0, sigma * sigma - floor * floor)); }

std::int64_t uniformInteger(CounterRandom& random, std::int64_t lo, std::int64_t hi) {
    return std::min(hi, lo + std::int64_t(random.uniform() * double(hi - lo + 1)));
}

// A band's magnitude and raw σ after its defect (invalid value, negative or large σ).
struct RawBand {
    bool observed = false;
    double mag = kNaN;
    double sigma = kNaN; // before the 0.02 floor
    RawRule defect = RawRule::None;
};

RawBand rawBand(const Catalog& catalog, std::size_t star, std::size_t band, const RawStarDefects& defects) {
    RawBand r;
    r.mag = catalog.mag[star][band];
    r.observed = std::isfinite(r.mag);
    if (!r.observed)
        return r;
    r.sigma = withoutFloor(catalog.magErr[star][band], kRawPhotometricFloorMag);
    r.defect = defects.band[band];
    switch (r.defect) {
    case RawRule::InvalidMagnitude: r.mag = star % 2 == 0 ? 35.0 : -10.0; break;
    case RawRule::InvalidMagnitudeError: r.sigma = -r.sigma; break;
    case RawRule::PhotometricErrorCut: r.sigma = 0.25; break; // 0.2508 after the floor
    default: break;
    }
    return r;
}

void fillGaia(RawRow& row, const MockSky& sky, std::size_t i, const RawStarDefects& d, CounterRandom& random) {
    const Catalog& c = sky.catalog();
    row.sourceId = rawSourceId(i);
    row.lDeg = (*c.galacticL)[i];
    row.bDeg = (*c.galacticB)[i];
    const EquatorialDeg eq = equatorialFromGalactic(row.lDeg, row.bDeg);
    row.raDeg = eq.raDeg;
    row.decDeg = eq.decDeg;
    row.parallaxMas = c.parallaxMas[i];
    row.parallaxErrorMas = c.parallaxErrMas[i];
    for (std::size_t b = 0; b < 3; ++b) {
        const RawBand band = rawBand(c, i, b, d);
        row.gaiaMag[b] = band.mag;
        row.gaiaFluxOverError[b] = band.observed ? kPogson / band.sigma : kNaN;
    }
    // Values well inside the Arenou et al. (2018) cuts: χ²/(n − 5) ≈ 1 is a good fit.
    row.gNObs = uniformInteger(random, 200, 400);
    row.visibilityPeriods = uniformInteger(random, 12, 20);
    row.nGoodObsAl = uniformInteger(random, 200, 400);
    row.chi2Al = double(row.nGoodObsAl - 5) * random.uniform(0.8, 1.2);
    const double defectU = random.uniform();
    switch (d.star) {
    case RawRule::GaiaVisibilityPeriods: row.visibilityPeriods = 5 + std::int64_t(defectU * 4.0); break;
    case RawRule::GaiaAstrometricChi2:
        row.chi2Al = double(row.nGoodObsAl - 5) * gaiaAstrometricChi2Bound(row.gaiaMag[0]) * (1.5 + defectU);
        break;
    case RawRule::GaiaGNObs: row.gNObs = std::int64_t(defectU * 3.0); break;
    case RawRule::GaiaGMissing:
        row.gaiaMag[0] = kNaN;
        row.gaiaFluxOverError[0] = kNaN;
        break;
    default: break;
    }
}

void fillPs1(RawRow& row, const Catalog& c, std::size_t i, const RawStarDefects& d) {
    for (std::size_t k = 0; k < 5; ++k) {
        const RawBand band = rawBand(c, i, kFirstPs1 + k, d);
        row.ps1Mag[k] = band.mag;
        row.ps1MagErr[k] = band.sigma;
        if (band.observed)
            row.ps1Flags[k] = band.defect == RawRule::Ps1Flags ? kPs1BadFlagMask : 0;
    }
}

void fillTmass(RawRow& row, const Catalog& c, std::size_t i, const RawStarDefects& d) {
    std::string quality = "UUU", read = "000", blend = "000";
    bool any = false;
    for (std::size_t k = 0; k < 3; ++k) {
        const RawBand band = rawBand(c, i, kFirstTmass + k, d);
        row.tmassMag[k] = band.mag;
        row.tmassSigma[k] = band.sigma;
        if (!band.observed)
            continue;
        any = true;
        // 2MASS grades by S/N: A > 10, B > 7, C > 5 (σ ≤ 0.19 mag is S/N > 5.7).
        const double sigma = std::abs(band.sigma);
        quality[k] = sigma < kPogson / 10.0 ? 'A' : sigma < kPogson / 7.0 ? 'B' : 'C';
        if (band.defect == RawRule::TmassQuality)
            quality[k] = "DEFX"[i % 4];
        read[k] = '2';
        blend[k] = '1';
    }
    if (!any) // no 2MASS counterpart: every 2MASS column is null
        return;
    row.phQual = quality;
    row.rdFlg = read;
    row.blFlg = blend;
    row.ccFlg = "000";
    row.galContam = 0;
    if (d.star == RawRule::TmassExtended)
        row.extKey = 100000 + std::int64_t(i % 900000);
}

void fillUnwise(RawRow& row, const Catalog& c, std::size_t i, const RawStarDefects& d, CounterRandom& random) {
    for (std::size_t k = 0; k < 2; ++k) {
        const std::size_t b = kFirstUnwise + k;
        const RawBand band = rawBand(c, i, b, d);
        const double fracflux = random.uniform(0.75, 1.0), rchi2 = random.uniform(0.3, 2.0), defectU = random.uniform();
        if (!band.observed) {
            row.unwiseFlux[k] = row.unwiseDflux[k] = row.unwiseFracflux[k] = row.unwiseRchi2[k] = kNaN;
            continue;
        }
        // The catalog's W1/W2 are AB; unWISE reports Vega fluxes on a 22.5 mag zero point.
        const double vega = band.mag - bands()[b].vegaToAbMag;
        row.unwiseFlux[k] = std::pow(10.0, (22.5 - vega) / 2.5);
        row.unwiseDflux[k] = row.unwiseFlux[k] * band.sigma / kPogson;
        row.unwiseFracflux[k] = fracflux;
        row.unwiseRchi2[k] = rchi2;
        row.unwiseFlags[k] = 0;
        switch (band.defect) {
        case RawRule::UnwiseFlags: row.unwiseFlags[k] = std::int64_t(1) << (i % 4); break;
        case RawRule::UnwiseFracflux: row.unwiseFracflux[k] = 0.05 + 0.4 * defectU; break;
        case RawRule::UnwiseRchi2: row.unwiseRchi2[k] = 6.0 + 14.0 * defectU; break;
        default: break;
        }
    }
}

void fillReddening(RawRow& row, const MockSky& sky, std::size_t i) {
    const Catalog& c = sky.catalog();
    row.ebvPrior = c.reddening[i];
    row.ebvPriorErr = withoutFloor(c.reddeningErr[i], kRawReddeningFloor);
    row.ebvPriorSource = c.rSource[i];
    const RawDustMaps maps = rawDustMapsOf(sky, i, row.decDeg);
    row.sfdEbv = maps.sfdEbv;
    row.bayestar19Ebv = maps.bayestar19Ebv;
    row.bayestar19EbvErr = maps.bayestar19EbvErr;
}

void fillLabels(RawRow& row, const Catalog& c, std::size_t i, const RawStarDefects& d, CounterRandom& random) {
    const std::string& survey = c.atmSource[i];
    const std::array<double, 3> offset = rawLabelOffset(survey);
    const auto& cov = c.thetaCov[i];
    for (std::size_t k = 0; k < 3; ++k) {
        row.label[k] = c.theta[i][k] - offset[k];
        row.labelErr[k] = withoutFloor(std::sqrt(cov[4 * k]), kRawLabelFloor[k]);
        // APOGEE's uncalibrated (synthetic-grid) variance: smaller than the calibrated one.
        row.uncalibratedVar[k] = row.labelErr[k] * row.labelErr[k] * random.uniform(0.5, 1.0);
    }
    row.labelCov = {cov[1], cov[2], cov[5]};

    const double snrBase = random.uniform(25.0, 300.0), lowSnrBase = random.uniform(2.0, 14.0);
    const bool lowSnr = d.star == RawRule::LamostSnr || d.star == RawRule::GalahSnr;
    const double base = lowSnr ? lowSnrBase : snrBase;
    if (survey == "lamost") {
        // DDPayne's per-band S/N: u is faint for FGK stars; the largest factor is 1.4 (≤ 20 when low).
        constexpr std::array<double, 5> factor = {0.15, 1.0, 1.3, 1.4, 1.1};
        for (std::size_t k = 0; k < 5; ++k)
            row.snr[k] = base * factor[k];
    } else if (survey == "galah") {
        // GALAH's S/N run lower than LAMOST's; c3 = base > 20 when passing, c4 ≤ 16.8 when low.
        constexpr std::array<double, 4> factor = {0.6, 0.9, 1.0, 1.2};
        const double galahBase = lowSnr ? base : 25.0 + 0.5 * (base - 25.0);
        for (std::size_t k = 0; k < 4; ++k)
            row.snr[k] = galahBase * factor[k];
    } else {
        row.snr[0] = 70.0 + 1.5 * base;
    }
    row.qflagChi2 = d.star == RawRule::LamostQflagChi2 ? "bad" : "good";
    row.flagSinglestar = d.star == RawRule::LamostSinglestar ? "NO" : "YES";
    row.aspcapFlag = d.star == RawRule::ApogeeStarFlags ? (std::int64_t(1) << (i % 2 == 0 ? 7 : 23)) : 0;
    row.flagCannon = d.star == RawRule::GalahFlagCannon ? (std::int64_t(1) << (i % 4)) : 0;

    const std::size_t k = i % 3; // the label a label defect hits
    switch (d.star) {
    case RawRule::InvalidLabel: row.label[k] = std::numeric_limits<double>::quiet_NaN(); break;
    case RawRule::InvalidLabelCovariance:
        row.labelErr[k] = -row.labelErr[k];
        row.uncalibratedVar[k] = -row.uncalibratedVar[k];
        break;
    case RawRule::LabelSigmaCut:
        if (!d.natural) // past the cut after the floor: 250 K → 250.2 K, 0.6 → 0.602
            row.labelErr[k] = k == 0 ? 250.0 : 0.6;
        break;
    default: break;
    }
}

} // namespace

std::array<double, 3> rawLabelOffset(std::string_view atmSource) {
    if (atmSource == "lamost")
        return {-3.6, -0.014, 0.068};
    if (atmSource == "apogee")
        return {-26.6, -0.026, 0.018};
    return {0.0, 0.0, 0.0};
}

RawDustMaps rawDustMapsOf(const MockSky& sky, std::size_t i, double decDeg) {
    // The mock's dust (galactic_disk.h): E(s) = a₀ s (1 − e^{−x})/x, x = s |sin b|/h, capped;
    // a₀ (with the sight line's clump factor) follows from the true E and distance, so the
    // column to infinity a₀h/|sin b| and dE/ds = a₀ e^{−x} are the mock's own.
    const MockSkyConfig& config = sky.config();
    const double e = sky.truth().reddening[i];
    const double s = std::pow(10.0, (sky.truth().distanceModulus[i] - 10.0) / 5.0);
    const double sinAbsB = std::abs(std::sin((*sky.catalog().galacticB)[i] * kDegree));
    const double h = config.dustScaleHeightKpc;
    const double x = s * sinAbsB / h;
    const double shape = x > 1e-12 ? -std::expm1(-x) / x : 1.0;
    const bool capped = e >= config.maxReddening;
    const double a0 = e / (s * shape);
    RawDustMaps maps;
    maps.sfdEbv = capped || sinAbsB <= 1e-12 ? config.maxReddening : std::min(a0 * h / sinAbsB, config.maxReddening);
    if (decDeg > -30.0) {
        const double perKpc = capped ? 0.0 : a0 * std::exp(-x);
        maps.bayestar19Ebv = e;
        maps.bayestar19EbvErr = perKpc * s * s * sky.catalog().parallaxErrMas[i];
    } else {
        maps.bayestar19Ebv = maps.bayestar19EbvErr = kNaN;
    }
    return maps;
}

RawRow rawRowOf(const MockSky& sky, std::size_t star, const RawStarDefects& defects) {
    const Catalog& c = sky.catalog();
    CounterRandom random(sky.seed() ^ kValueStreamKey, star);
    RawRow row;
    row.mockIndex = std::int64_t(star);
    fillGaia(row, sky, star, defects, random);
    fillPs1(row, c, star, defects);
    fillTmass(row, c, star, defects);
    fillUnwise(row, c, star, defects, random);
    fillReddening(row, sky, star);
    fillLabels(row, c, star, defects, random);
    return row;
}

} // namespace starlocus::core
