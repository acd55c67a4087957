// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/mapping_presets.h"

#include "core/table/catalog_export.h"

#include <algorithm>
#include <set>

namespace starlocus::core::import {
namespace {

// 2.5 / ln 10: σ_m = (2.5/ln 10) σ_f / f.
#define SL_MAG_PER_FLUX "1.0857362047581294"

std::vector<MappingPreset> makePresets() {
    std::vector<MappingPreset> p;
    // --- StarLocus's own export layout (starlocus-cli export): a round trip with every rule off.
    {
        MappingPreset s{"starlocus", "StarLocus export (starlocus-cli export)", "catalog", "", {"star_index", "ebv_prior", "atm_source"}, {}};
        s.fields = {{"teff", {"teff"}},
                    {"logg", {"logg"}},
                    {"feh", {"feh"}},
                    {"var_teff", {"cov_teff_teff"}},
                    {"var_logg", {"cov_logg_logg"}},
                    {"var_feh", {"cov_feh_feh"}},
                    {"cov_teff_logg", {"cov_teff_logg"}},
                    {"cov_teff_feh", {"cov_teff_feh"}},
                    {"cov_logg_feh", {"cov_logg_feh"}},
                    {"cov_logg_teff", {"cov_logg_teff"}, {}, true},
                    {"cov_feh_teff", {"cov_feh_teff"}, {}, true},
                    {"cov_feh_logg", {"cov_feh_logg"}, {}, true},
                    {"atm_source", {"atm_source"}},
                    {"parallax", {"parallax"}},
                    {"parallax_error", {"parallax_error"}},
                    {"ebv_prior", {"ebv_prior"}},
                    {"ebv_prior_err", {"ebv_prior_err"}},
                    {"ebv_prior_source", {"r_source"}},
                        {"l", {"l"}, {}, true},
                    {"b", {"b"}, {}, true},
                    {"r_fit", {"r_fit"}, {}, true},
                    {"r_var", {"r_var"}, {}, true}};
        // The export's band names (gaia_g, ps1_g, 2mass_ks, unwise_w1, …) are kept alive here: a
        // PresetField holds string_views.
        static const std::vector<std::string> kExportColumns = [] {
            std::vector<std::string> names;
            for (std::size_t b = 0; b < kBandCount; ++b) {
                names.push_back("mag_" + table::exportBandName(b));
                names.push_back("mag_err_" + table::exportBandName(b));
            }
            return names;
        }();
        static const std::vector<std::string> kFields = [] {
            std::vector<std::string> names;
            for (std::size_t b = 0; b < kBandCount; ++b) {
                names.push_back(magField(b));
                names.push_back(magErrField(b));
            }
            return names;
        }();
        for (std::size_t k = 0; k < kFields.size(); ++k)
            s.fields.push_back({kFields[k], {kExportColumns[k]}});
        p.push_back(std::move(s));
    }
    // --- Spectroscopic labels (§3.1).
    p.push_back({"lamost_ddpayne",
                 "LAMOST DR5 Data-Driven Payne (Xiang et al. 2019)",
                 "labels",
                 "lamost",
                 {"teff", "teff_err", "qflag_chi2"},
                 {{"teff", {"teff"}},
                  {"logg", {"logg"}},
                  {"feh", {"feh"}},
                  {"sigma_teff", {"teff_err"}},
                  {"sigma_logg", {"logg_err"}},
                  {"sigma_feh", {"feh_err"}},
                  // Not in DDPayne (diagonal in the paper); the mock writes them, a user may too.
                  {"cov_teff_logg", {"cov_teff_logg"}, {}, true},
                  {"cov_teff_feh", {"cov_teff_feh"}, {}, true},
                  {"cov_logg_feh", {"cov_logg_feh"}, {}, true},
                  {"label_snr", {"max(snr_u, snr_g, snr_r, snr_i, snr_z)"}},
                  {"lamost_qflag_chi2", {"qflag_chi2"}},
                  {"lamost_flag_singlestar", {"flag_singlestar"}}}});
    p.push_back({"apogee_allstar",
                 "APOGEE DR16/DR17 allStar (ASPCAP; FPARAM_COV as the readers expand it)",
                 "labels",
                 "apogee",
                 {"TEFF", "M_H", "ASPCAPFLAG"},
                 {{"teff", {"TEFF"}},
                  {"logg", {"LOGG"}},
                  {"feh", {"M_H"}},
                  {"sigma_teff", {"TEFF_ERR"}},
                  {"sigma_logg", {"LOGG_ERR"}},
                  {"sigma_feh", {"M_H_ERR"}},
                  // FPARAM order: TEFF 0, LOGG 1, LOG10VDOP 2, M_H 3, … (7 × 7, k = 7 i + j).
                  {"var_teff_alt", {"FPARAM_COV[0]"}},
                  {"var_logg_alt", {"FPARAM_COV[8]"}},
                  {"var_feh_alt", {"FPARAM_COV[24]"}},
                  {"cov_teff_logg", {"FPARAM_COV[1]"}},
                  {"cov_teff_feh", {"FPARAM_COV[3]"}},
                  {"cov_logg_feh", {"FPARAM_COV[10]"}},
                  {"apogee_aspcapflag", {"ASPCAPFLAG"}},
                  {"label_snr", {"SNR"}, {}, true}}});
    // GALAH DR2 and DR3 differ in the flag and the S/N columns only.
    const auto galah = [](std::string_view name, std::string_view description, std::string_view flag,
                          std::string_view snr) {
        return MappingPreset{name,
                             description,
                             "labels",
                             "galah",
                             {"teff", "e_teff", flag},
                             {{"teff", {"teff"}},
                              {"logg", {"logg"}},
                              {"feh", {"fe_h"}},
                              {"sigma_teff", {"e_teff"}},
                              {"sigma_logg", {"e_logg"}},
                              {"sigma_feh", {"e_fe_h"}},
                              {"cov_teff_logg", {"cov_teff_logg"}, {}, true},
                              {"cov_teff_feh", {"cov_teff_feh"}, {}, true},
                              {"cov_logg_feh", {"cov_logg_feh"}, {}, true},
                              {"galah_flag", {flag}},
                              {"label_snr", {snr}}}};
    };
    p.push_back(galah("galah_dr2", "GALAH DR2 (Buder et al. 2018)", "flag_cannon", "max(snr_c1, snr_c2, snr_c3, snr_c4)"));
    p.push_back(galah("galah_dr3", "GALAH DR3 (Buder et al. 2021)", "flag_sp",
                      "max(snr_c1_iraf, snr_c2_iraf, snr_c3_iraf, snr_c4_iraf)"));
    // --- Gaia (§3.2). DR3 keeps DR2's names for every column used here; its `ruwe` tells them apart.
    const std::vector<PresetField> gaia = {
        {"source_id", {"source_id"}},
        {"ra", {"ra"}},
        {"dec", {"dec"}},
        {"l", {"l"}, {}, true}, // absent from some archive views: computed from ra, dec
        {"b", {"b"}, {}, true},
        {"parallax", {"parallax"}},
        {"parallax_error", {"parallax_error"}},
        {"mag_G", {"phot_g_mean_mag"}},
        {"mag_BP", {"phot_bp_mean_mag"}},
        {"mag_RP", {"phot_rp_mean_mag"}},
        {"mag_err_G", {SL_MAG_PER_FLUX "/phot_g_mean_flux_over_error"}},
        {"mag_err_BP", {SL_MAG_PER_FLUX "/phot_bp_mean_flux_over_error"}},
        {"mag_err_RP", {SL_MAG_PER_FLUX "/phot_rp_mean_flux_over_error"}},
        {"gaia_visibility_periods_used", {"visibility_periods_used"}},
        {"gaia_astrometric_chi2_al", {"astrometric_chi2_al"}},
        {"gaia_astrometric_n_good_obs_al", {"astrometric_n_good_obs_al"}},
        {"gaia_phot_g_n_obs", {"phot_g_n_obs"}},
    };
    p.push_back({"gaia_dr3", "Gaia DR3 gaia_source", "gaia", "", {"phot_g_mean_mag", "parallax", "ruwe"}, gaia});
    p.push_back({"gaia_dr2", "Gaia DR2 gaia_source", "gaia", "", {"phot_g_mean_mag", "parallax"}, gaia});
    // --- PS1 DR1 MeanObject mean PSF photometry.
    {
        MappingPreset s{"ps1", "Pan-STARRS1 DR1 MeanObject (mean PSF magnitudes)", "ps1", "", {"gMeanPSFMag"}, {}};
        static const char* const kBands[] = {"g", "r", "i", "z", "y"};
        static const std::string_view kMag[] = {"gMeanPSFMag", "rMeanPSFMag", "iMeanPSFMag", "zMeanPSFMag", "yMeanPSFMag"};
        static const std::string_view kErr[] = {"gMeanPSFMagErr", "rMeanPSFMagErr", "iMeanPSFMagErr", "zMeanPSFMagErr",
                                                "yMeanPSFMagErr"};
        static const std::string_view kFlags[] = {"gFlags", "rFlags", "iFlags", "zFlags", "yFlags"};
        static const std::string_view kMagField[] = {"mag_g", "mag_r", "mag_i", "mag_z", "mag_y"};
        static const std::string_view kErrField[] = {"mag_err_g", "mag_err_r", "mag_err_i", "mag_err_z", "mag_err_y"};
        static const std::string_view kFlagField[] = {"ps1_flags_g", "ps1_flags_r", "ps1_flags_i", "ps1_flags_z",
                                                      "ps1_flags_y"};
        for (int k = 0; k < 5; ++k) {
            (void)kBands;
            s.fields.push_back({kMagField[k], {kMag[k]}});
            s.fields.push_back({kErrField[k], {kErr[k]}});
            s.fields.push_back({kFlagField[k], {kFlags[k]}});
        }
        p.push_back(std::move(s));
    }
    // --- 2MASS Point Source Catalog.
    p.push_back({"2mass_psc",
                 "2MASS Point Source Catalog",
                 "2mass",
                 "",
                 {"j_m", "ph_qual"},
                 {{"mag_J", {"j_m"}},
                  {"mag_err_J", {"j_msigcom"}},
                  {"mag_H", {"h_m"}},
                  {"mag_err_H", {"h_msigcom"}},
                  {"mag_Ks", {"k_m"}},
                  {"mag_err_Ks", {"k_msigcom"}},
                  {"tmass_ph_qual", {"ph_qual"}},
                  {"tmass_rd_flg", {"rd_flg"}},
                  {"tmass_cc_flg", {"cc_flg"}},
                  {"tmass_ext_key", {"ext_key"}},
                  {"tmass_gal_contam", {"gal_contam"}}}});
    // --- unWISE (Schlafly et al. 2019): fluxes in Vega nanomaggies; the rule unwise_vega_to_ab makes them AB.
    p.push_back({"unwise",
                 "unWISE catalog (W1, W2 fluxes in Vega nanomaggies)",
                 "unwise",
                 "",
                 {"flux_w1"},
                 {{"mag_W1", {"22.5 - 2.5*log10(flux_w1)"}},
                  {"mag_err_W1", {SL_MAG_PER_FLUX "*dflux_w1/flux_w1"}},
                  {"mag_W2", {"22.5 - 2.5*log10(flux_w2)"}},
                  {"mag_err_W2", {SL_MAG_PER_FLUX "*dflux_w2/flux_w2"}},
                  {"unwise_flags_W1", {"flags_unwise_w1"}},
                  {"unwise_flags_W2", {"flags_unwise_w2"}},
                  {"unwise_fracflux_W1", {"fracflux_w1"}},
                  {"unwise_fracflux_W2", {"fracflux_w2"}},
                  {"unwise_rchi2_W1", {"rchi2_w1"}},
                  {"unwise_rchi2_W2", {"rchi2_w2"}}}});
    // --- Reddening (§3.3): map values for the paper's rule, or a prior already made.
    p.push_back({"reddening_maps",
                 "SFD and Bayestar19 reddening at each star (sfd_ebv, bayestar19_ebv, bayestar19_ebv_err)",
                 "reddening_maps",
                 "",
                 {"sfd_ebv"},
                 {{"sfd_ebv", {"sfd_ebv"}},
                  {"bayestar19_ebv", {"bayestar19_ebv"}},
                  {"bayestar19_ebv_err", {"bayestar19_ebv_err"}}}});
    p.push_back({"reddening_prior",
                 "a reddening prior already made (ebv_prior, ebv_prior_err, ebv_prior_source)",
                 "reddening_prior",
                 "",
                 {"ebv_prior", "ebv_prior_err"},
                 {{"ebv_prior", {"ebv_prior"}},
                  {"ebv_prior_err", {"ebv_prior_err"}},
                  {"ebv_prior_source", {"ebv_prior_source"}}}});
    return p;
}

#undef SL_MAG_PER_FLUX

bool allPresent(const std::vector<table::ColumnInfo>& columns, const std::vector<std::string_view>& names) {
    for (std::string_view n : names)
        if (!findColumn(columns, n))
            return false;
    return true;
}

} // namespace

std::span<const MappingPreset> mappingPresets() {
    static const std::vector<MappingPreset> all = makePresets();
    return all;
}

const MappingPreset* findPreset(std::string_view name) {
    for (const MappingPreset& p : mappingPresets())
        if (p.name == name)
            return &p;
    return nullptr;
}

DetectedMapping detectMapping(const std::vector<table::ColumnInfo>& columns, const std::vector<std::string>& names) {
    DetectedMapping out;
    std::set<std::string_view> groupsTaken;
    for (const MappingPreset& preset : mappingPresets()) {
        const bool named = std::find(names.begin(), names.end(), preset.name) != names.end();
        if (!names.empty() && !named)
            continue;
        PresetMatch match;
        match.name = std::string(preset.name);
        match.applied = named || (!groupsTaken.contains(preset.group) && allPresent(columns, preset.signature));
        if (match.applied) {
            groupsTaken.insert(preset.group);
            if (!preset.survey.empty() && out.mapping.survey.empty())
                out.mapping.survey = std::string(preset.survey);
            for (const PresetField& f : preset.fields) {
                if (out.mapping.fields.contains(f.field))
                    continue;
                bool mapped = false;
                std::string firstMissing;
                for (std::string_view candidate : f.candidates) {
                    const Expression e = Expression::parse(std::string(candidate));
                    bool ok = true;
                    for (const std::string& c : e.columns())
                        if (!findColumn(columns, c)) {
                            ok = false;
                            if (firstMissing.empty())
                                firstMissing = c;
                        }
                    if (ok) {
                        out.mapping.fields[std::string(f.field)] = {std::string(candidate), std::string(f.unit)};
                        ++match.fieldsMapped;
                        mapped = true;
                        break;
                    }
                }
                if (!mapped && !f.optional)
                    match.missingColumns.push_back(firstMissing);
            }
        }
        out.matches.push_back(std::move(match));
    }
    return out;
}

} // namespace starlocus::core::import
