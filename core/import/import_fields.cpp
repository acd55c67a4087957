// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/import_fields.h"

#include <stdexcept>
#include <vector>

namespace starlocus::core::import {
namespace {

std::vector<FieldInfo> makeFields() {
    using enum FieldKind;
    using D = Dimension;
    std::vector<FieldInfo> f = {
        {"teff", Real, D::Temperature, "labels", "effective temperature"},
        {"logg", Real, D::Gravity, "labels", "surface gravity"},
        {"feh", Real, D::Abundance, "labels", "metallicity [Fe/H] (APOGEE's [M/H])"},
        {"var_teff", Real, D::TemperatureSq, "labels", "variance of Teff"},
        {"var_logg", Real, D::DexSq, "labels", "variance of log g"},
        {"var_feh", Real, D::DexSq, "labels", "variance of [Fe/H]"},
        {"sigma_teff", Real, D::Temperature, "labels", "standard error of Teff (used when var_teff is not mapped)"},
        {"sigma_logg", Real, D::Gravity, "labels", "standard error of log g (used when var_logg is not mapped)"},
        {"sigma_feh", Real, D::Abundance, "labels", "standard error of [Fe/H] (used when var_feh is not mapped)"},
        {"cov_teff_logg", Real, D::TemperatureDex, "labels", "covariance of Teff and log g (0 when not mapped)"},
        {"cov_teff_feh", Real, D::TemperatureDex, "labels", "covariance of Teff and [Fe/H] (0 when not mapped)"},
        {"cov_logg_feh", Real, D::DexSq, "labels", "covariance of log g and [Fe/H] (0 when not mapped)"},
        // The published catalog stores the full 3×3 matrix, and in 111 of its 10,000 stars the two
        // triangles differ in the last float digits: a catalog's own export keeps both.
        {"cov_logg_teff", Real, D::TemperatureDex, "labels", "lower triangle, when stored apart (else symmetric)"},
        {"cov_feh_teff", Real, D::TemperatureDex, "labels", "lower triangle, when stored apart (else symmetric)"},
        {"cov_feh_logg", Real, D::DexSq, "labels", "lower triangle, when stored apart (else symmetric)"},
        {"var_teff_alt", Real, D::TemperatureSq, "labels",
         "a second variance of Teff; the larger of the two is used (APOGEE's uncalibrated FPARAM_COV)"},
        {"var_logg_alt", Real, D::DexSq, "labels", "a second variance of log g; the larger is used"},
        {"var_feh_alt", Real, D::DexSq, "labels", "a second variance of [Fe/H]; the larger is used"},
        {"label_snr", Real, D::None, "labels", "the spectrum's best S/N (the LAMOST and GALAH S/N rules)"},
        {"atm_source", Text, D::None, "labels", "spectroscopic survey of the star (lamost, apogee, galah, …)"},
        {"lamost_qflag_chi2", Text, D::None, "labels", "LAMOST DDPayne qflag_chi2 ('good')"},
        {"lamost_flag_singlestar", Text, D::None, "labels", "LAMOST DDPayne flag_singlestar ('YES')"},
        {"apogee_aspcapflag", Integer, D::None, "labels", "APOGEE ASPCAPFLAG bits (STAR_WARN 7, STAR_BAD 23)"},
        {"galah_flag", Integer, D::None, "labels", "GALAH flag_cannon (DR2) or flag_sp (DR3); 0 = good"},
        {"parallax", Real, D::Parallax, "gaia", "Gaia parallax"},
        {"parallax_error", Real, D::Parallax, "gaia", "its standard error"},
        {"gaia_visibility_periods_used", Real, D::None, "gaia", "visibility_periods_used"},
        {"gaia_astrometric_chi2_al", Real, D::None, "gaia", "astrometric_chi2_al"},
        {"gaia_astrometric_n_good_obs_al", Real, D::None, "gaia", "astrometric_n_good_obs_al"},
        {"gaia_phot_g_n_obs", Real, D::None, "gaia", "phot_g_n_obs"},
        {"source_id", Integer, D::None, "gaia", "Gaia source_id (repeated stars across tables are reported)"},
    };
    for (std::size_t b = 0; b < kBandCount; ++b) {
        const Band& band = bands()[b];
        const std::string_view group = band.survey == Survey::Gaia         ? "photometry"
                                       : band.survey == Survey::PanStarrs1 ? "ps1"
                                       : band.survey == Survey::TwoMass    ? "2mass"
                                                                           : "unwise";
        f.push_back({magField(b), Real, D::Magnitude, group, "magnitude"});
        f.push_back({magErrField(b), Real, D::Magnitude, group, "its standard error"});
    }
    for (const char* b : {"g", "r", "i", "z", "y"})
        f.push_back({std::string("ps1_flags_") + b, Integer, D::None, "ps1", "PS1 MeanObject <band>Flags"});
    f.push_back({"tmass_ph_qual", Text, D::None, "2mass", "2MASS ph_qual (one letter per band J H Ks)"});
    f.push_back({"tmass_rd_flg", Text, D::None, "2mass", "2MASS rd_flg (one digit per band)"});
    f.push_back({"tmass_cc_flg", Text, D::None, "2mass", "2MASS cc_flg (one character per band)"});
    f.push_back({"tmass_ext_key", Integer, D::None, "2mass", "2MASS ext_key (null: not extended)"});
    f.push_back({"tmass_gal_contam", Integer, D::None, "2mass", "2MASS gal_contam (0: not extended)"});
    for (const char* w : {"W1", "W2"}) {
        f.push_back({std::string("unwise_flags_") + w, Integer, D::None, "unwise", "unWISE flags_unwise"});
        f.push_back({std::string("unwise_fracflux_") + w, Real, D::None, "unwise", "unWISE fracflux"});
        f.push_back({std::string("unwise_rchi2_") + w, Real, D::None, "unwise", "unWISE rchi2 (χ²/dof)"});
    }
    const std::vector<FieldInfo> rest = {
        {"ebv_prior", Real, D::Magnitude, "reddening", "a reddening prior Ê already made (the 'given' mode)"},
        {"ebv_prior_err", Real, D::Magnitude, "reddening", "its σ_E, before the 0.02 mag floor"},
        {"ebv_prior_source", Text, D::None, "reddening", "its regime (sfd, b19, default)"},
        {"sfd_ebv", Real, D::Magnitude, "reddening", "SFD reddening at the star's position (the 'paper' mode)"},
        {"bayestar19_ebv", Real, D::Magnitude, "reddening", "Bayestar19 mean reddening at the parallax distances"},
        {"bayestar19_ebv_err", Real, D::Magnitude, "reddening", "standard deviation of those samples"},
        {"ra", Real, D::Angle, "position", "right ascension (ICRS)"},
        {"dec", Real, D::Angle, "position", "declination (ICRS)"},
        {"l", Real, D::Angle, "position", "Galactic longitude"},
        {"b", Real, D::Angle, "position", "Galactic latitude"},
        {"r_fit", Real, D::Magnitude, "reddening", "a reddening posterior mean stored with the catalog"},
        {"r_var", Real, D::None, "reddening", "its variance [mag²]"},
    };
    f.insert(f.end(), rest.begin(), rest.end());
    return f;
}

const std::vector<FieldInfo>& fields() {
    static const std::vector<FieldInfo> all = makeFields();
    return all;
}

} // namespace

std::span<const FieldInfo> importFields() { return fields(); }

std::optional<std::size_t> fieldIndex(std::string_view name) {
    const auto& all = fields();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].name == name)
            return i;
    return std::nullopt;
}

const FieldInfo& field(std::size_t index) { return fields().at(index); }

std::size_t fieldIndexOrThrow(std::string_view name) {
    if (auto i = fieldIndex(name))
        return *i;
    throw std::logic_error("no import field '" + std::string(name) + "'");
}

std::string_view canonicalUnit(Dimension dimension) {
    switch (dimension) {
    case Dimension::Temperature: return "K";
    case Dimension::Gravity: return "dex";
    case Dimension::Abundance: return "dex";
    case Dimension::TemperatureSq: return "K2";
    case Dimension::TemperatureDex: return "K dex";
    case Dimension::DexSq: return "dex2";
    case Dimension::Magnitude: return "mag";
    case Dimension::Parallax: return "mas";
    case Dimension::Angle: return "deg";
    case Dimension::None: break;
    }
    return "";
}

std::string magField(std::size_t band) { return "mag_" + std::string(bands()[band].name); }
std::string magErrField(std::size_t band) { return "mag_err_" + std::string(bands()[band].name); }

} // namespace starlocus::core::import
