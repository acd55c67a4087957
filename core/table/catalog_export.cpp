// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/table/catalog_export.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

namespace starlocus::core::table {
namespace {

// Stars per chunk handed to the writer: the chunk, not the catalog, is copied.
constexpr std::size_t kChunkStars = std::size_t(1) << 15;

std::string_view surveyPrefix(Survey survey) {
    switch (survey) {
    case Survey::Gaia: return "gaia";
    case Survey::PanStarrs1: return "ps1";
    case Survey::TwoMass: return "2mass";
    case Survey::UnWise: return "unwise";
    }
    return "band";
}

// The IVOA UCD1+ band of each passband (by the wavelengths the words name): Gaia G is the
// whole optical, BP blue, RP red; PS1 g r i z y; 2MASS J H Ks; unWISE W1 3.4 µm, W2 4.6 µm.
constexpr std::string_view kBandUcd[kBandCount] = {
    "em.opt",   "em.opt.B", "em.opt.R", "em.opt.B", "em.opt.R",     "em.opt.I",     "em.opt.I",
    "em.opt.I", "em.IR.J",  "em.IR.H",  "em.IR.K",  "em.IR.3-4um", "em.IR.4-8um"};

// How one column's value of star i is made.
struct ExportColumn {
    ColumnInfo info;
    std::function<double(std::size_t)> real;              // Real columns
    std::function<const std::string&(std::size_t)> text;  // Text columns
    bool nullWhenNaN = false;                             // magnitudes: NaN = unobserved
};

std::vector<ExportColumn> exportColumns(const Catalog& cat) {
    std::vector<ExportColumn> out;
    auto real = [&](std::string name, std::string unit, std::string ucd, std::string description,
                    std::function<double(std::size_t)> value, bool nullWhenNaN = false) {
        ExportColumn c;
        c.info = {std::move(name), ColumnType::Real, std::move(unit), std::move(ucd), std::move(description), ""};
        c.real = std::move(value);
        c.nullWhenNaN = nullWhenNaN;
        out.push_back(std::move(c));
    };
    auto text = [&](std::string name, std::string ucd, std::string description, const std::vector<std::string>& v) {
        ExportColumn c;
        c.info = {std::move(name), ColumnType::Text, "", std::move(ucd), std::move(description), ""};
        c.text = [&v](std::size_t i) -> const std::string& { return v[i]; };
        out.push_back(std::move(c));
    };
    {
        ExportColumn index;
        index.info = {"star_index", ColumnType::Integer, "", "meta.id;meta.main", "row of the star in the catalog, from 0", ""};
        out.push_back(std::move(index));
    }
    static const char* const kLabel[3] = {"teff", "logg", "feh"};
    static const char* const kLabelUnit[3] = {"K", "dex", "dex"};
    static const char* const kLabelUcd[3] = {"phys.temperature.effective", "phys.gravity", "phys.abund.Fe"};
    static const char* const kLabelText[3] = {"effective temperature", "log10 of the surface gravity (cgs)",
                                              "metallicity [Fe/H]"};
    for (int k = 0; k < 3; ++k)
        real(kLabel[k], kLabelUnit[k], kLabelUcd[k], kLabelText[k], [&cat, k](std::size_t i) { return cat.theta[i][k]; });
    for (int a = 0; a < 3; ++a)
        for (int b = a; b < 3; ++b) {
            const std::string unit = a == b ? std::string(kLabelUnit[a]) + "2"
                                            : (a == 0 ? std::string("K ") + kLabelUnit[b] : std::string("dex2"));
            const std::string ucd = a == b ? std::string("stat.variance;") + kLabelUcd[a]
                                           : std::string("stat.covariance;") + kLabelUcd[a] + ";" + kLabelUcd[b];
            real(std::string("cov_") + kLabel[a] + "_" + kLabel[b], unit, ucd,
                 std::string("label covariance (") + kLabel[a] + ", " + kLabel[b] + ")",
                 [&cat, a, b](std::size_t i) { return cat.thetaCov[i][std::size_t(3 * a + b)]; });
        }
    // The lower triangle only when it differs from the upper one somewhere: the published catalog
    // stores both, and in 111 of its 10,000 stars they differ in the last float digits.
    bool symmetric = true;
    for (std::size_t i = 0; i < cat.size() && symmetric; ++i) {
        const auto& c = cat.thetaCov[i];
        const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
        symmetric = same(c[1], c[3]) && same(c[2], c[6]) && same(c[5], c[7]);
    }
    if (!symmetric)
        for (const auto& [row, column] : {std::pair{1, 0}, std::pair{2, 0}, std::pair{2, 1}}) {
            const int a = row, b = column; // clang 14 cannot capture structured bindings
            const std::string unit = b == 0 ? std::string(kLabelUnit[a]) + " K" : std::string("dex2");
            real(std::string("cov_") + kLabel[a] + "_" + kLabel[b], b == 0 ? "K dex" : unit,
                 std::string("stat.covariance;") + kLabelUcd[a] + ";" + kLabelUcd[b],
                 std::string("label covariance (") + kLabel[a] + ", " + kLabel[b] + "), lower triangle as stored",
                 [&cat, a, b](std::size_t i) { return cat.thetaCov[i][std::size_t(3 * a + b)]; });
        }
    for (std::size_t band = 0; band < kBandCount; ++band) {
        const std::string name = exportBandName(band);
        const std::string display(bands()[band].displayName);
        const std::string ucd = "phot.mag;" + std::string(kBandUcd[band]);
        real("mag_" + name, "mag", ucd, display + " magnitude (null: unobserved)",
             [&cat, band](std::size_t i) { return cat.mag[i][band]; }, true);
        real("mag_err_" + name, "mag", "stat.error;" + ucd, display + " magnitude error",
             [&cat, band](std::size_t i) { return cat.magErr[i][band]; }, true);
    }
    real("parallax", "mas", "pos.parallax.trig", "parallax", [&cat](std::size_t i) { return cat.parallaxMas[i]; });
    real("parallax_error", "mas", "stat.error;pos.parallax.trig", "parallax error",
         [&cat](std::size_t i) { return cat.parallaxErrMas[i]; });
    real("ebv_prior", "mag", "phot.color.excess", "reddening prior mean (r)",
         [&cat](std::size_t i) { return cat.reddening[i]; });
    real("ebv_prior_err", "mag", "stat.error;phot.color.excess", "reddening prior width (r_err)",
         [&cat](std::size_t i) { return cat.reddeningErr[i]; });
    text("atm_source", "meta.ref", "survey of the atmospheric parameters", cat.atmSource);
    text("r_source", "meta.ref", "source of the reddening prior", cat.rSource);
    if (cat.galacticL && cat.galacticB) {
        real("l", "deg", "pos.galactic.lon", "Galactic longitude", [&cat](std::size_t i) { return (*cat.galacticL)[i]; });
        real("b", "deg", "pos.galactic.lat", "Galactic latitude", [&cat](std::size_t i) { return (*cat.galacticB)[i]; });
    }
    if (cat.reddeningFit && cat.reddeningFitVar) {
        real("r_fit", "mag", "phot.color.excess;stat.fit", "fitted reddening (r_fit)",
             [&cat](std::size_t i) { return (*cat.reddeningFit)[i]; });
        real("r_var", "mag2", "stat.variance;phot.color.excess;stat.fit", "variance of the fitted reddening (r_var)",
             [&cat](std::size_t i) { return (*cat.reddeningFitVar)[i]; });
    }
    return out;
}

} // namespace

std::string exportBandName(std::size_t band) {
    std::string name = std::string(surveyPrefix(bands()[band].survey)) + "_" + std::string(bands()[band].name);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return name;
}

std::vector<ColumnInfo> catalogExportColumns(const Catalog& catalog) {
    std::vector<ColumnInfo> infos;
    for (const ExportColumn& c : exportColumns(catalog))
        infos.push_back(c.info);
    return infos;
}

std::vector<ColumnInfo> exportCatalog(const Catalog& catalog, const std::string& path, TableFormat format,
                                      const TableWriteOptions& options) {
    const std::vector<ExportColumn> columns = exportColumns(catalog);
    std::vector<ColumnInfo> infos;
    for (const ExportColumn& c : columns)
        infos.push_back(c.info);
    auto writer = createTableWriter(path, format, infos, options);
    TableChunk chunk;
    chunk.columns.resize(columns.size());
    for (std::size_t first = 0; first < catalog.size(); first += kChunkStars) {
        const std::size_t n = std::min(kChunkStars, catalog.size() - first);
        chunk.firstRow = first;
        chunk.rows = n;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const ExportColumn& column = columns[c];
            ColumnValues& v = chunk.columns[c];
            v.real.clear();
            v.integer.clear();
            v.text.clear();
            v.null.assign(n, 0);
            for (std::size_t i = 0; i < n; ++i) {
                switch (column.info.type) {
                case ColumnType::Real: {
                    const double x = column.real(first + i);
                    v.real.push_back(x);
                    v.null[i] = column.nullWhenNaN && std::isnan(x) ? 1 : 0;
                    break;
                }
                case ColumnType::Integer:
                case ColumnType::Boolean: v.integer.push_back(std::int64_t(first + i)); break;
                case ColumnType::Text: v.text.push_back(column.text(first + i)); break;
                }
            }
        }
        writer->write(chunk);
    }
    writer->commit();
    return infos;
}

} // namespace starlocus::core::table
