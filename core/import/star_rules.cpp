// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/star_rules.h"

#include "core/import/galactic_coordinates.h"
#include "core/import/import_fields.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <cmath>
#include <limits>
#include <numbers>

namespace starlocus::core::import {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Field indices, looked up once (a misspelt name fails at start-up, not per row).
struct Fields {
    std::size_t teff = fieldIndexOrThrow("teff"), logg = fieldIndexOrThrow("logg"), feh = fieldIndexOrThrow("feh");
    std::array<std::size_t, 3> var = {fieldIndexOrThrow("var_teff"), fieldIndexOrThrow("var_logg"),
                                      fieldIndexOrThrow("var_feh")};
    std::array<std::size_t, 3> sigma = {fieldIndexOrThrow("sigma_teff"), fieldIndexOrThrow("sigma_logg"),
                                        fieldIndexOrThrow("sigma_feh")};
    std::array<std::size_t, 3> varAlt = {fieldIndexOrThrow("var_teff_alt"), fieldIndexOrThrow("var_logg_alt"),
                                         fieldIndexOrThrow("var_feh_alt")};
    // (0,1), (0,2), (1,2)
    std::array<std::size_t, 3> cov = {fieldIndexOrThrow("cov_teff_logg"), fieldIndexOrThrow("cov_teff_feh"),
                                      fieldIndexOrThrow("cov_logg_feh")};
    // (1,0), (2,0), (2,1) when a table stores the lower triangle apart
    std::array<std::size_t, 3> covLower = {fieldIndexOrThrow("cov_logg_teff"), fieldIndexOrThrow("cov_feh_teff"),
                                           fieldIndexOrThrow("cov_feh_logg")};
    std::size_t labelSnr = fieldIndexOrThrow("label_snr"), atmSource = fieldIndexOrThrow("atm_source");
    std::size_t qflag = fieldIndexOrThrow("lamost_qflag_chi2"), single = fieldIndexOrThrow("lamost_flag_singlestar");
    std::size_t aspcap = fieldIndexOrThrow("apogee_aspcapflag"), galahFlag = fieldIndexOrThrow("galah_flag");
    std::size_t parallax = fieldIndexOrThrow("parallax"), parallaxErr = fieldIndexOrThrow("parallax_error");
    std::size_t visibility = fieldIndexOrThrow("gaia_visibility_periods_used");
    std::size_t chi2 = fieldIndexOrThrow("gaia_astrometric_chi2_al");
    std::size_t nGood = fieldIndexOrThrow("gaia_astrometric_n_good_obs_al");
    std::size_t gNObs = fieldIndexOrThrow("gaia_phot_g_n_obs");
    std::size_t sourceId = fieldIndexOrThrow("source_id");
    std::array<std::size_t, kBandCount> mag{}, magErr{};
    std::array<std::optional<std::size_t>, kBandCount> ps1Flags{};
    std::size_t phQual = fieldIndexOrThrow("tmass_ph_qual"), rdFlg = fieldIndexOrThrow("tmass_rd_flg");
    std::size_t ccFlg = fieldIndexOrThrow("tmass_cc_flg"), extKey = fieldIndexOrThrow("tmass_ext_key");
    std::size_t galContam = fieldIndexOrThrow("tmass_gal_contam");
    std::array<std::optional<std::size_t>, kBandCount> unwiseFlags{}, fracflux{}, rchi2{};
    std::size_t ebvPrior = fieldIndexOrThrow("ebv_prior"), ebvPriorErr = fieldIndexOrThrow("ebv_prior_err");
    std::size_t ebvPriorSource = fieldIndexOrThrow("ebv_prior_source"), sfd = fieldIndexOrThrow("sfd_ebv");
    std::size_t b19 = fieldIndexOrThrow("bayestar19_ebv"), b19Err = fieldIndexOrThrow("bayestar19_ebv_err");
    std::size_t ra = fieldIndexOrThrow("ra"), dec = fieldIndexOrThrow("dec");
    std::size_t l = fieldIndexOrThrow("l"), b = fieldIndexOrThrow("b");
    std::size_t rFit = fieldIndexOrThrow("r_fit"), rVar = fieldIndexOrThrow("r_var");

    Fields() {
        for (std::size_t k = 0; k < kBandCount; ++k) {
            mag[k] = fieldIndexOrThrow(magField(k));
            magErr[k] = fieldIndexOrThrow(magErrField(k));
            const std::string name(bands()[k].name);
            if (bands()[k].survey == Survey::PanStarrs1)
                ps1Flags[k] = fieldIndexOrThrow("ps1_flags_" + name);
            if (bands()[k].survey == Survey::UnWise) {
                unwiseFlags[k] = fieldIndexOrThrow("unwise_flags_" + name);
                fracflux[k] = fieldIndexOrThrow("unwise_fracflux_" + name);
                rchi2[k] = fieldIndexOrThrow("unwise_rchi2_" + name);
            }
        }
    }
};

const Fields& F() {
    static const Fields f;
    return f;
}

struct Rules {
    std::size_t invalidLabel = *ruleIndex("invalid_label"), invalidCov = *ruleIndex("invalid_label_covariance");
    std::size_t lamostSnr = *ruleIndex("lamost_snr"), lamostQflag = *ruleIndex("lamost_qflag_chi2");
    std::size_t lamostSingle = *ruleIndex("lamost_singlestar"), apogeeFlags = *ruleIndex("apogee_star_flags");
    std::size_t galahSnr = *ruleIndex("galah_snr"), galahFlag = *ruleIndex("galah_flag_cannon");
    std::size_t offsets = *ruleIndex("label_offsets"), varFloor = *ruleIndex("label_variance_floor");
    std::size_t sigmaCut = *ruleIndex("label_sigma_cut"), visibility = *ruleIndex("gaia_visibility_periods");
    std::size_t chi2 = *ruleIndex("gaia_astrometric_chi2"), gNObs = *ruleIndex("gaia_g_n_obs");
    std::size_t extended = *ruleIndex("tmass_extended"), invalidMag = *ruleIndex("invalid_magnitude");
    std::size_t invalidMagErr = *ruleIndex("invalid_magnitude_error"), ps1 = *ruleIndex("ps1_flags");
    std::size_t tmassQuality = *ruleIndex("tmass_quality"), unwiseFlags = *ruleIndex("unwise_flags");
    std::size_t fracflux = *ruleIndex("unwise_fracflux"), rchi2 = *ruleIndex("unwise_rchi2");
    std::size_t vegaToAb = *ruleIndex("unwise_vega_to_ab"), magFloor = *ruleIndex("photometric_error_floor");
    std::size_t magCut = *ruleIndex("photometric_error_cut"), gMissing = *ruleIndex("gaia_g_missing");
    std::size_t invalidParallax = *ruleIndex("invalid_parallax"), parallaxSnr = *ruleIndex("parallax_snr");
    std::size_t invalidPrior = *ruleIndex("invalid_reddening_prior"), prior = *ruleIndex("reddening_prior");
    std::size_t priorFloor = *ruleIndex("reddening_error_floor");
};

const Rules& R() {
    static const Rules r;
    return r;
}

bool finite(const FieldValues& v, std::size_t f, std::size_t row) { return v.has(f, row) && std::isfinite(v.real(f, row)); }

// The letter of band `k` (0 = J, 1 = H, 2 = Ks) in a 2MASS per-band flag string.
char letter(const FieldValues& v, std::size_t f, std::size_t row, std::size_t k) {
    if (!v.has(f, row))
        return '\0';
    const std::string& s = v.text(f, row);
    return k < s.size() ? s[k] : '\0';
}

std::size_t surveyIndex(const std::string& survey) {
    return survey == "lamost" ? 0 : survey == "apogee" ? 1 : survey == "galah" ? 2 : 3;
}

} // namespace

std::size_t RuleCount::total() const {
    std::size_t n = stars;
    for (std::size_t b : bands)
        n += b;
    return n;
}

void RuleTally::add(const RuleTally& other) {
    for (std::size_t r = 0; r < rules.size(); ++r) {
        rules[r].stars += other.rules[r].stars;
        for (std::size_t b = 0; b < kBandCount; ++b)
            rules[r].bands[b] += other.rules[r].bands[b];
    }
    for (std::size_t k = 0; k < regimes.size(); ++k)
        regimes[k] += other.regimes[k];
}

ReddeningMode resolveReddeningMode(ReddeningMode mode, const FieldValues& values) {
    if (mode != ReddeningMode::Auto)
        return mode;
    return values.mapped(F().ebvPrior) && values.mapped(F().ebvPriorErr) ? ReddeningMode::Given : ReddeningMode::Paper;
}

StarRules::StarRules(const RuleSettings& settings, ReddeningMode mode, std::string survey)
    : settings_(settings), mode_(mode), survey_(std::move(survey)) {}

bool StarRules::labels(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally) const {
    const Fields& f = F();
    const Rules& r = R();
    const auto drop = [&](std::size_t rule) {
        ++tally.rules[rule].stars;
        return false;
    };

    // --- Labels (§3.1).
    if (!finite(v, f.teff, i) || !finite(v, f.logg, i) || !finite(v, f.feh, i))
        return drop(r.invalidLabel);
    s.theta = {v.real(f.teff, i), v.real(f.logg, i), v.real(f.feh, i)};
    std::array<double, 3> var{};
    for (int k = 0; k < 3; ++k) {
        // A variance, or a standard error (whose sign would be lost in its square: a negative σ is a defect).
        const std::size_t source = v.mapped(f.var[k]) ? f.var[k] : f.sigma[k];
        if (!finite(v, source, i) || v.real(source, i) < 0.0)
            return drop(r.invalidCov);
        var[k] = source == f.var[k] ? v.real(source, i) : v.real(source, i) * v.real(source, i);
        // APOGEE: the larger of the calibrated and the uncalibrated variance (§3.1).
        if (v.has(f.varAlt[k], i)) {
            const double alt = v.real(f.varAlt[k], i);
            if (!std::isfinite(alt) || alt < 0.0)
                return drop(r.invalidCov);
            var[k] = std::max(var[k], alt);
        }
    }
    std::array<double, 3> cov{}; // (0,1), (0,2), (1,2); 0 when not mapped (a diagonal survey)
    for (int k = 0; k < 3; ++k)
        if (v.has(f.cov[k], i)) {
            cov[k] = v.real(f.cov[k], i);
            if (!std::isfinite(cov[k]))
                return drop(r.invalidCov);
        }
    std::array<double, 3> lower = cov;
    for (int k = 0; k < 3; ++k)
        if (v.has(f.covLower[k], i)) {
            lower[k] = v.real(f.covLower[k], i);
            if (!std::isfinite(lower[k]))
                return drop(r.invalidCov);
        }
    s.atmSource = v.mapped(f.atmSource) ? (v.has(f.atmSource, i) ? v.text(f.atmSource, i) : std::string())
                                        : survey_;
    const std::string& survey = s.atmSource;
    if (survey == "lamost") {
        if (on(r.lamostSnr) && !(finite(v, f.labelSnr, i) && v.real(f.labelSnr, i) > param(r.lamostSnr, "min_snr")) &&
            v.mapped(f.labelSnr))
            return drop(r.lamostSnr);
        if (on(r.lamostQflag) && v.mapped(f.qflag) && !(v.has(f.qflag, i) && v.text(f.qflag, i) == "good"))
            return drop(r.lamostQflag);
        if (on(r.lamostSingle) && v.mapped(f.single) && !(v.has(f.single, i) && v.text(f.single, i) == "YES"))
            return drop(r.lamostSingle);
    } else if (survey == "apogee") {
        const auto mask = std::int64_t(param(r.apogeeFlags, "mask"));
        if (on(r.apogeeFlags) && v.mapped(f.aspcap) && (!v.has(f.aspcap, i) || (v.integer(f.aspcap, i) & mask) != 0))
            return drop(r.apogeeFlags);
    } else if (survey == "galah") {
        if (on(r.galahSnr) && v.mapped(f.labelSnr) &&
            !(finite(v, f.labelSnr, i) && v.real(f.labelSnr, i) > param(r.galahSnr, "min_snr")))
            return drop(r.galahSnr);
        if (on(r.galahFlag) && v.mapped(f.galahFlag) && !(v.has(f.galahFlag, i) && v.integer(f.galahFlag, i) == 0))
            return drop(r.galahFlag);
    }
    if (on(r.offsets)) {
        static constexpr const char* kSurvey[] = {"lamost", "apogee", "galah"};
        static constexpr const char* kLabel[] = {"teff", "logg", "feh"};
        const std::size_t k = surveyIndex(survey);
        if (k < 3) {
            for (int j = 0; j < 3; ++j)
                s.theta[j] += param(r.offsets, std::string(kSurvey[k]) + "_" + kLabel[j]);
            ++tally.rules[r.offsets].stars;
        }
    }
    if (on(r.varFloor)) {
        const double floors[3] = {param(r.varFloor, "teff"), param(r.varFloor, "logg"), param(r.varFloor, "feh")};
        for (int k = 0; k < 3; ++k)
            var[k] += floors[k] * floors[k];
        ++tally.rules[r.varFloor].stars;
    }
    s.thetaCov = {var[0], cov[0], cov[1], lower[0], var[1], cov[2], lower[1], lower[2], var[2]};
    {
        const Eigen::Map<const Eigen::Matrix3d> c(s.thetaCov.data());
        if (Eigen::LLT<Eigen::Matrix3d>(c).info() != Eigen::Success || !(var[0] > 0.0 && var[1] > 0.0 && var[2] > 0.0))
            return drop(r.invalidCov);
    }
    if (on(r.sigmaCut)) {
        const double t = param(r.sigmaCut, "teff"), g = param(r.sigmaCut, "logg"), m = param(r.sigmaCut, "feh");
        if (var[0] > t * t || var[1] > g * g || var[2] > m * m)
            return drop(r.sigmaCut);
    }
    return true;
}

bool StarRules::astrometry(const FieldValues& v, std::size_t i, RuleTally& tally) const {
    const Fields& f = F();
    const Rules& r = R();
    const auto drop = [&](std::size_t rule) {
        ++tally.rules[rule].stars;
        return false;
    };

    // --- Gaia astrometric quality and 2MASS extended sources (§3.2).
    const bool hasG = finite(v, f.mag[0], i);
    if (on(r.visibility) && v.mapped(f.visibility) &&
        !(finite(v, f.visibility, i) && v.real(f.visibility, i) > param(r.visibility, "min_exclusive")))
        return drop(r.visibility);
    if (on(r.chi2) && v.mapped(f.chi2) && v.mapped(f.nGood) && hasG) {
        const double chi2 = v.has(f.chi2, i) ? v.real(f.chi2, i) : kNaN;
        const double n = v.has(f.nGood, i) ? v.real(f.nGood, i) : kNaN;
        const double g = v.real(f.mag[0], i);
        const double bound = param(r.chi2, "factor") *
                             std::max(1.0, std::exp(-param(r.chi2, "slope") * (g - param(r.chi2, "g_reference"))));
        // n ≤ 5 leaves no degree of freedom: the astrometric fit cannot be judged, so it fails.
        if (!(std::isfinite(chi2) && n > 5.0 && chi2 / (n - 5.0) < bound))
            return drop(r.chi2);
    }
    if (on(r.gNObs) && v.mapped(f.gNObs) && !(finite(v, f.gNObs, i) && v.real(f.gNObs, i) > param(r.gNObs, "min_exclusive")))
        return drop(r.gNObs);
    if (on(r.extended) && ((v.has(f.extKey, i)) || (v.has(f.galContam, i) && v.integer(f.galContam, i) != 0)))
        return drop(r.extended);
    return true;
}

bool StarRules::photometry(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally) const {
    const Fields& f = F();
    const Rules& r = R();
    const auto drop = [&](std::size_t rule) {
        ++tally.rules[rule].stars;
        return false;
    };

    // --- Photometry, band by band (§3.2).
    const double magMin = param(r.invalidMag, "min"), magMax = param(r.invalidMag, "max");
    const double floor = param(r.magFloor, "floor"), maxErr = param(r.magCut, "max");
    const auto ps1Mask = std::int64_t(param(r.ps1, "mask"));
    std::size_t tmassBand = 0;
    for (std::size_t k = 0; k < kBandCount; ++k) {
        s.mag[k] = kNaN;
        s.magErr[k] = kNaN;
        const Band& band = bands()[k];
        const std::size_t tk = band.survey == Survey::TwoMass ? tmassBand++ : 0;
        if (!v.has(f.mag[k], i))
            continue; // unobserved: nothing to count
        double m = v.real(f.mag[k], i);
        // A FITS or binary-VOTable float has no null but NaN: a NaN magnitude without an error is
        // how those formats write "unobserved" (and is the catalog's own convention).
        if (std::isnan(m) && !finite(v, f.magErr[k], i))
            continue;
        auto dropBand = [&](std::size_t rule) { ++tally.rules[rule].bands[k]; };
        if (!std::isfinite(m) || m < magMin || m > magMax) {
            dropBand(r.invalidMag);
            continue;
        }
        if (!finite(v, f.magErr[k], i) || v.real(f.magErr[k], i) < 0.0) {
            dropBand(r.invalidMagErr);
            continue;
        }
        double e = v.real(f.magErr[k], i);
        if (band.survey == Survey::PanStarrs1 && on(r.ps1) && v.has(*f.ps1Flags[k], i) &&
            (v.integer(*f.ps1Flags[k], i) & ps1Mask) != 0) {
            dropBand(r.ps1);
            continue;
        }
        if (band.survey == Survey::TwoMass && on(r.tmassQuality) && v.mapped(f.phQual)) {
            const char q = letter(v, f.phQual, i, tk), rd = letter(v, f.rdFlg, i, tk), cc = letter(v, f.ccFlg, i, tk);
            const bool good = (q == 'A' || q == 'B' || q == 'C') &&
                              (!v.mapped(f.rdFlg) || rd == '1' || rd == '2' || rd == '3') &&
                              (!v.mapped(f.ccFlg) || cc == '0');
            if (!good) {
                dropBand(r.tmassQuality);
                continue;
            }
        }
        if (band.survey == Survey::UnWise) {
            if (on(r.unwiseFlags) && v.mapped(*f.unwiseFlags[k]) &&
                !(v.has(*f.unwiseFlags[k], i) && v.integer(*f.unwiseFlags[k], i) == 0)) {
                dropBand(r.unwiseFlags);
                continue;
            }
            if (on(r.fracflux) && v.mapped(*f.fracflux[k]) &&
                !(finite(v, *f.fracflux[k], i) && v.real(*f.fracflux[k], i) > param(r.fracflux, "min_exclusive"))) {
                dropBand(r.fracflux);
                continue;
            }
            if (on(r.rchi2) && v.mapped(*f.rchi2[k]) &&
                !(finite(v, *f.rchi2[k], i) && v.real(*f.rchi2[k], i) <= param(r.rchi2, "max"))) {
                dropBand(r.rchi2);
                continue;
            }
            if (on(r.vegaToAb)) {
                m += param(r.vegaToAb, std::string(band.name));
                ++tally.rules[r.vegaToAb].bands[k];
            }
        }
        if (on(r.magFloor)) {
            e = std::sqrt(e * e + floor * floor);
            ++tally.rules[r.magFloor].bands[k];
        }
        if (on(r.magCut) && e > maxErr) {
            dropBand(r.magCut);
            continue;
        }
        s.mag[k] = m;
        s.magErr[k] = e;
    }
    if (on(r.gMissing) && !std::isfinite(s.mag[0]))
        return drop(r.gMissing);
    return true;
}

// True when the star keeps a parallax (the reddening prior's regime needs it).
bool StarRules::parallax(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally) const {
    const Fields& f = F();
    const Rules& r = R();

    // --- Parallax: kept as measured; S/N < 5 is the likelihood's business (σ_ϖ = ∞ there).
    s.parallax = v.has(f.parallax, i) ? v.real(f.parallax, i) : kNaN;
    s.parallaxErr = v.has(f.parallaxErr, i) ? v.real(f.parallaxErr, i) : kNaN;
    if (!std::isfinite(s.parallax) || !std::isfinite(s.parallaxErr) || s.parallaxErr <= 0.0) {
        ++tally.rules[r.invalidParallax].stars;
        s.parallax = s.parallaxErr = kNaN;
        return false;
    }
    if (on(r.parallaxSnr) && s.parallax < param(r.parallaxSnr, "min_snr") * s.parallaxErr)
        ++tally.rules[r.parallaxSnr].stars;
    return true;
}

// l, b as given, else from (ra, dec); NaN when the table has neither.
void StarRules::position(const FieldValues& v, std::size_t i, ImportedStar& s) const {
    const Fields& f = F();
    s.l = s.b = kNaN;
    if (finite(v, f.l, i) && finite(v, f.b, i)) {
        s.l = v.real(f.l, i);
        s.b = v.real(f.b, i);
    } else if (finite(v, f.ra, i) && finite(v, f.dec, i)) {
        const GalacticPosition g = galacticFromEquatorial(v.real(f.ra, i), v.real(f.dec, i));
        s.l = g.lDeg;
        s.b = g.bDeg;
    }
}

bool StarRules::reddeningPrior(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally,
                               bool parallaxUsable) const {
    const Fields& f = F();
    const Rules& r = R();
    const auto drop = [&](std::size_t rule) {
        ++tally.rules[rule].stars;
        return false;
    };

    // --- Reddening prior (§3.3).
    if (mode_ == ReddeningMode::Given) {
        const double e = v.has(f.ebvPrior, i) ? v.real(f.ebvPrior, i) : kNaN;
        const double se = v.has(f.ebvPriorErr, i) ? v.real(f.ebvPriorErr, i) : kNaN;
        if (!std::isfinite(e) || !std::isfinite(se) || se < 0.0)
            return drop(r.invalidPrior);
        s.reddening = e;
        s.reddeningErr = se;
        s.rSource = v.has(f.ebvPriorSource, i) ? v.text(f.ebvPriorSource, i) : std::string("given");
    } else {
        const double sfd = v.has(f.sfd, i) ? v.real(f.sfd, i) : kNaN;
        const double dec = v.has(f.dec, i) ? v.real(f.dec, i) : kNaN;
        if (!std::isfinite(sfd) || sfd < 0.0 || !std::isfinite(s.b) || !std::isfinite(dec))
            return drop(r.invalidPrior);
        const double fraction = param(r.prior, "fraction");
        // The nearest plausible distance: that of the 5σ upper bound on the parallax.
        const double upper = parallaxUsable ? s.parallax + param(r.prior, "parallax_sigmas") * s.parallaxErr : kNaN;
        const double nearestPc = upper > 0.0 ? 1000.0 / upper : std::numeric_limits<double>::infinity();
        const double zPc = nearestPc * std::abs(std::sin(s.b * (std::numbers::pi / 180.0)));
        const bool b19Usable = finite(v, f.b19, i) && v.real(f.b19, i) >= 0.0;
        if (zPc > param(r.prior, "midplane_pc")) {
            s.reddening = sfd;
            s.reddeningErr = fraction * sfd;
            s.rSource = "sfd";
            ++tally.regimes[0];
        } else if (dec > param(r.prior, "footprint_min_dec") && parallaxUsable &&
                   s.parallax > param(r.prior, "min_parallax_snr") * s.parallaxErr && b19Usable) {
            const double mean = v.real(f.b19, i);
            const double sd = finite(v, f.b19Err, i) ? v.real(f.b19Err, i) : 0.0;
            if (sd < 0.0)
                return drop(r.invalidPrior);
            s.reddening = mean;
            s.reddeningErr = std::sqrt(sd * sd + fraction * fraction * mean * mean);
            s.rSource = "b19";
            ++tally.regimes[1];
        } else {
            s.reddening = 0.0;
            s.reddeningErr = sfd;
            s.rSource = "default";
            ++tally.regimes[2];
        }
        ++tally.rules[r.prior].stars;
    }
    if (on(r.priorFloor)) {
        const double floorE = param(r.priorFloor, "floor");
        s.reddeningErr = std::sqrt(s.reddeningErr * s.reddeningErr + floorE * floorE);
        ++tally.rules[r.priorFloor].stars;
    }
    if (!(s.reddeningErr > 0.0))
        return drop(r.invalidPrior); // σ_E = 0 would make the prior a constraint the update divides by
    return true;
}

bool StarRules::apply(const FieldValues& v, std::size_t i, ImportedStar& s, RuleTally& tally) const {
    if (!labels(v, i, s, tally) || !astrometry(v, i, tally) || !photometry(v, i, s, tally))
        return false;
    const bool parallaxUsable = parallax(v, i, s, tally);
    position(v, i, s);
    if (!reddeningPrior(v, i, s, tally, parallaxUsable))
        return false;
    const Fields& f = F();
    s.rFit = v.has(f.rFit, i) ? v.real(f.rFit, i) : kNaN;
    s.rVar = v.has(f.rVar, i) ? v.real(f.rVar, i) : kNaN;
    s.sourceId = v.has(f.sourceId, i) ? std::optional<std::int64_t>(v.integer(f.sourceId, i)) : std::nullopt;
    return true;
}


} // namespace starlocus::core::import
