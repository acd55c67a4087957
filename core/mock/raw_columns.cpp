// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_columns.h"

#include <cmath>
#include <stdexcept>

namespace starlocus::core {
namespace {

using table::ColumnType;

RawColumn real(std::string name, std::string unit, std::string ucd, std::string description,
               std::function<double(const RawRow&)> get, bool nullable = true) {
    RawColumn c;
    c.info = {std::move(name), ColumnType::Real, std::move(unit), std::move(ucd), std::move(description), ""};
    c.nullable = nullable;
    c.real = std::move(get);
    return c;
}

RawColumn integer(std::string name, std::string ucd, std::string description,
                  std::function<std::optional<std::int64_t>(const RawRow&)> get) {
    RawColumn c;
    c.info = {std::move(name), ColumnType::Integer, "", std::move(ucd), std::move(description), ""};
    c.nullable = true;
    c.integer = std::move(get);
    return c;
}

RawColumn text(std::string name, std::string ucd, std::string description,
               std::function<std::optional<std::string>(const RawRow&)> get) {
    RawColumn c;
    c.info = {std::move(name), ColumnType::Text, "", std::move(ucd), std::move(description), ""};
    c.nullable = true;
    c.text = std::move(get);
    return c;
}

void addCommon(std::vector<RawColumn>& v) {
    v.push_back(integer("mock_index", "meta.id", "index of the star in the mock catalog",
                        [](const RawRow& r) { return r.mockIndex; }));
    // Gaia DR2
    v.push_back(integer("source_id", "meta.id;meta.main", "Gaia DR2 source identifier (mock)",
                        [](const RawRow& r) { return r.sourceId; }));
    v.push_back(real("ra", "deg", "pos.eq.ra;meta.main", "right ascension (ICRS)", [](const RawRow& r) { return r.raDeg; }, false));
    v.push_back(real("dec", "deg", "pos.eq.dec;meta.main", "declination (ICRS)", [](const RawRow& r) { return r.decDeg; }, false));
    v.push_back(real("l", "deg", "pos.galactic.lon", "Galactic longitude", [](const RawRow& r) { return r.lDeg; }, false));
    v.push_back(real("b", "deg", "pos.galactic.lat", "Galactic latitude", [](const RawRow& r) { return r.bDeg; }, false));
    v.push_back(real("parallax", "mas", "pos.parallax", "parallax", [](const RawRow& r) { return r.parallaxMas; }, false));
    v.push_back(real("parallax_error", "mas", "stat.error;pos.parallax", "standard error of the parallax",
                     [](const RawRow& r) { return r.parallaxErrorMas; }, false));
    static const char* const gaiaBand[3] = {"g", "bp", "rp"};
    for (std::size_t k = 0; k < 3; ++k) {
        const std::string band = gaiaBand[k];
        v.push_back(real("phot_" + band + "_mean_mag", "mag", "phot.mag", "Gaia " + band + " mean magnitude (Vega)",
                         [k](const RawRow& r) { return r.gaiaMag[k]; }));
        v.push_back(real("phot_" + band + "_mean_flux_over_error", "", "stat.snr",
                         "Gaia " + band + " mean flux divided by its error",
                         [k](const RawRow& r) { return r.gaiaFluxOverError[k]; }));
    }
    v.push_back(integer("phot_g_n_obs", "meta.number", "number of G observations", [](const RawRow& r) { return r.gNObs; }));
    v.push_back(integer("visibility_periods_used", "meta.number", "visibility periods used in the astrometric solution",
                        [](const RawRow& r) { return r.visibilityPeriods; }));
    v.push_back(real("astrometric_chi2_al", "", "stat.fit.chi2", "AL chi-square of the astrometric solution",
                     [](const RawRow& r) { return r.chi2Al; }, false));
    v.push_back(integer("astrometric_n_good_obs_al", "meta.number", "good AL observations",
                        [](const RawRow& r) { return r.nGoodObsAl; }));
    // PS1 DR1 MeanObject
    static const char* const ps1Band[5] = {"g", "r", "i", "z", "y"};
    for (std::size_t k = 0; k < 5; ++k) {
        const std::string band = ps1Band[k];
        v.push_back(real(band + "MeanPSFMag", "mag", "phot.mag", "PS1 " + band + " mean PSF magnitude (AB)",
                         [k](const RawRow& r) { return r.ps1Mag[k]; }));
        v.push_back(real(band + "MeanPSFMagErr", "mag", "stat.error;phot.mag", "error of " + band + "MeanPSFMag",
                         [k](const RawRow& r) { return r.ps1MagErr[k]; }));
        v.push_back(integer(band + "Flags", "meta.code", "PS1 " + band + " object filter flags",
                            [k](const RawRow& r) { return r.ps1Flags[k]; }));
    }
    // 2MASS PSC
    static const char* const tmassBand[3] = {"j", "h", "k"};
    for (std::size_t k = 0; k < 3; ++k) {
        const std::string band = tmassBand[k];
        v.push_back(real(band + "_m", "mag", "phot.mag", "2MASS " + band + " magnitude (Vega)",
                         [k](const RawRow& r) { return r.tmassMag[k]; }));
        v.push_back(real(band + "_msigcom", "mag", "stat.error;phot.mag", "combined error of " + band + "_m",
                         [k](const RawRow& r) { return r.tmassSigma[k]; }));
    }
    v.push_back(text("ph_qual", "meta.code.qual", "2MASS photometric quality (J, H, Ks)", [](const RawRow& r) { return r.phQual; }));
    v.push_back(text("rd_flg", "meta.code", "2MASS read flag (J, H, Ks)", [](const RawRow& r) { return r.rdFlg; }));
    v.push_back(text("bl_flg", "meta.code", "2MASS blend flag (J, H, Ks)", [](const RawRow& r) { return r.blFlg; }));
    v.push_back(text("cc_flg", "meta.code", "2MASS contamination flag (J, H, Ks)", [](const RawRow& r) { return r.ccFlg; }));
    v.push_back(integer("ext_key", "meta.id", "2MASS extended source key (null: point source)",
                        [](const RawRow& r) { return r.extKey; }));
    v.push_back(integer("gal_contam", "meta.code", "2MASS galaxy contamination flag", [](const RawRow& r) { return r.galContam; }));
    // unWISE
    for (std::size_t k = 0; k < 2; ++k) {
        const std::string band = k == 0 ? "w1" : "w2";
        v.push_back(real("flux_" + band, "nanomaggy", "phot.flux", "unWISE " + band + " flux (Vega, 22.5 mag zero point)",
                         [k](const RawRow& r) { return r.unwiseFlux[k]; }));
        v.push_back(real("dflux_" + band, "nanomaggy", "stat.error;phot.flux", "error of flux_" + band,
                         [k](const RawRow& r) { return r.unwiseDflux[k]; }));
        v.push_back(real("fracflux_" + band, "", "arith.ratio", "fraction of the PSF flux from this source",
                         [k](const RawRow& r) { return r.unwiseFracflux[k]; }));
        v.push_back(real("rchi2_" + band, "", "stat.fit.chi2", "PSF fit reduced chi-square",
                         [k](const RawRow& r) { return r.unwiseRchi2[k]; }));
        v.push_back(integer("flags_unwise_" + band, "meta.code", "unWISE flags", [k](const RawRow& r) { return r.unwiseFlags[k]; }));
    }
    // Reddening (§3.3)
    v.push_back(real("ebv_prior", "mag", "phys.absorption", "E of the mock's reddening prior",
                     [](const RawRow& r) { return r.ebvPrior; }, false));
    v.push_back(real("ebv_prior_err", "mag", "stat.error", "sigma_E of the prior before the 0.02 mag floor",
                     [](const RawRow& r) { return r.ebvPriorErr; }, false));
    v.push_back(text("ebv_prior_source", "meta.code", "regime of the prior: sfd, b19 or default",
                     [](const RawRow& r) { return r.ebvPriorSource; }));
    v.push_back(real("sfd_ebv", "mag", "phys.absorption", "E of the whole sight line (the mock's SFD)",
                     [](const RawRow& r) { return r.sfdEbv; }, false));
    v.push_back(real("bayestar19_ebv", "mag", "phys.absorption", "E to the star (the mock's Bayestar19; dec > -30 deg)",
                     [](const RawRow& r) { return r.bayestar19Ebv; }));
    v.push_back(real("bayestar19_ebv_err", "mag", "stat.error", "spread of E from the parallax's distance error",
                     [](const RawRow& r) { return r.bayestar19EbvErr; }));
}

void addLamost(std::vector<RawColumn>& v) {
    static const char* const name[3] = {"teff", "logg", "feh"};
    static const char* const unit[3] = {"K", "dex", "dex"};
    for (std::size_t k = 0; k < 3; ++k) {
        v.push_back(real(name[k], unit[k], "", std::string("DDPayne ") + name[k], [k](const RawRow& r) { return r.label[k]; }, false));
        v.push_back(real(std::string(name[k]) + "_err", unit[k], "stat.error", std::string("error of ") + name[k],
                         [k](const RawRow& r) { return r.labelErr[k]; }, false));
    }
    static const char* const snr[5] = {"snr_u", "snr_g", "snr_r", "snr_i", "snr_z"};
    for (std::size_t k = 0; k < 5; ++k)
        v.push_back(real(snr[k], "", "stat.snr", "spectrum S/N", [k](const RawRow& r) { return r.snr[k]; }, false));
    v.push_back(text("qflag_chi2", "meta.code.qual", "DDPayne fit quality", [](const RawRow& r) { return r.qflagChi2; }));
    v.push_back(text("flag_singlestar", "meta.code", "DDPayne single-star flag", [](const RawRow& r) { return r.flagSinglestar; }));
}

void addApogee(std::vector<RawColumn>& v) {
    static const char* const name[3] = {"TEFF", "LOGG", "M_H"};
    static const char* const unit[3] = {"K", "dex", "dex"};
    for (std::size_t k = 0; k < 3; ++k) {
        v.push_back(real(name[k], unit[k], "", std::string("ASPCAP calibrated ") + name[k],
                         [k](const RawRow& r) { return r.label[k]; }, false));
        v.push_back(real(std::string(name[k]) + "_ERR", unit[k], "stat.error",
                         std::string("calibrated error of ") + name[k], [k](const RawRow& r) { return r.labelErr[k]; }, false));
    }
    // FPARAM_COV[7i + j] over FPARAM's order (TEFF 0, LOGG 1, LOG10VDOP 2, M_H 3, …).
    struct Entry {
        int index;
        std::function<double(const RawRow&)> get;
    };
    const Entry entries[] = {{0, [](const RawRow& r) { return r.uncalibratedVar[0]; }},
                             {1, [](const RawRow& r) { return r.labelCov[0]; }},
                             {3, [](const RawRow& r) { return r.labelCov[1]; }},
                             {8, [](const RawRow& r) { return r.uncalibratedVar[1]; }},
                             {10, [](const RawRow& r) { return r.labelCov[2]; }},
                             {24, [](const RawRow& r) { return r.uncalibratedVar[2]; }}};
    for (const Entry& e : entries)
        v.push_back(real("FPARAM_COV[" + std::to_string(e.index) + "]", "", "stat.covariance",
                         "uncalibrated covariance of FPARAM", e.get, false));
    v.push_back(integer("ASPCAPFLAG", "meta.code", "ASPCAP flag bits (7 STAR_WARN, 23 STAR_BAD)",
                        [](const RawRow& r) { return r.aspcapFlag; }));
    v.push_back(real("SNR", "", "stat.snr", "spectrum S/N", [](const RawRow& r) { return r.snr[0]; }, false));
}

void addGalah(std::vector<RawColumn>& v) {
    static const char* const name[3] = {"teff", "logg", "fe_h"};
    static const char* const unit[3] = {"K", "dex", "dex"};
    for (std::size_t k = 0; k < 3; ++k) {
        v.push_back(real(name[k], unit[k], "", std::string("GALAH DR2 ") + name[k], [k](const RawRow& r) { return r.label[k]; }, false));
        v.push_back(real(std::string("e_") + name[k], unit[k], "stat.error", std::string("error of ") + name[k],
                         [k](const RawRow& r) { return r.labelErr[k]; }, false));
    }
    v.push_back(integer("flag_cannon", "meta.code", "The Cannon's flag bits", [](const RawRow& r) { return r.flagCannon; }));
    for (std::size_t k = 0; k < 4; ++k)
        v.push_back(real("snr_c" + std::to_string(k + 1), "", "stat.snr", "S/N of HERMES channel " + std::to_string(k + 1),
                         [k](const RawRow& r) { return r.snr[k]; }, false));
}

// The mock's label correlations, which LAMOST DDPayne and GALAH DR2 do not publish: extra
// columns, so the catalog's full C_θ survives the round trip when the import maps them.
void addLabelCovariances(std::vector<RawColumn>& v) {
    static const char* const name[3] = {"cov_teff_logg", "cov_teff_feh", "cov_logg_feh"};
    for (std::size_t k = 0; k < 3; ++k)
        v.push_back(real(name[k], "", "stat.covariance", "label covariance (mock)", [k](const RawRow& r) { return r.labelCov[k]; }, false));
}

std::vector<RawColumn> makeColumns(std::string_view atmSource) {
    std::vector<RawColumn> v;
    addCommon(v);
    if (atmSource == "lamost") {
        addLamost(v);
        addLabelCovariances(v);
    } else if (atmSource == "apogee") {
        addApogee(v);
    } else {
        addGalah(v);
        addLabelCovariances(v);
    }
    return v;
}

} // namespace

const std::vector<RawColumn>& rawColumns(std::string_view atmSource) {
    static const std::vector<RawColumn> lamost = makeColumns("lamost"), apogee = makeColumns("apogee"),
                                        galah = makeColumns("galah");
    if (atmSource == "lamost")
        return lamost;
    if (atmSource == "apogee")
        return apogee;
    if (atmSource == "galah")
        return galah;
    throw std::invalid_argument("rawColumns: unknown survey '" + std::string(atmSource) + "'");
}

std::vector<table::ColumnInfo> rawColumnInfos(std::string_view atmSource) {
    std::vector<table::ColumnInfo> infos;
    for (const RawColumn& c : rawColumns(atmSource))
        infos.push_back(c.info);
    return infos;
}

void fillRawChunk(const std::vector<RawColumn>& columns, const std::vector<RawRow>& rows, table::TableChunk& chunk) {
    const std::size_t n = rows.size();
    chunk.rows = n;
    chunk.columns.resize(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const RawColumn& column = columns[c];
        table::ColumnValues& values = chunk.columns[c];
        values.real.clear();
        values.integer.clear();
        values.text.clear();
        values.null.assign(n, 0);
        switch (column.info.type) {
        case ColumnType::Real:
            values.real.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                values.real[i] = column.real(rows[i]);
                values.null[i] = column.nullable && std::isnan(values.real[i]) ? 1 : 0;
            }
            break;
        case ColumnType::Integer:
        case ColumnType::Boolean:
            values.integer.resize(n, 0);
            for (std::size_t i = 0; i < n; ++i) {
                const std::optional<std::int64_t> x = column.integer(rows[i]);
                values.integer[i] = x.value_or(0);
                values.null[i] = x ? 0 : 1;
            }
            break;
        case ColumnType::Text:
            values.text.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                std::optional<std::string> x = column.text(rows[i]);
                values.null[i] = x ? 0 : 1;
                values.text[i] = x ? std::move(*x) : std::string();
            }
            break;
        }
    }
}

} // namespace starlocus::core
