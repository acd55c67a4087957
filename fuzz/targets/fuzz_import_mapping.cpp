// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: an import mapping spec (core/import/column_mapping.h, issue 15) — JSON
// with field names, column names and expressions — resolved against a cross-match table's
// columns and run through the §3 rules on rows with nulls, NaN, ±Inf, zeros and negative
// values. A spec is refused with an InputError or every star it makes is one the catalog
// can hold: finite labels, a positive definite covariance, a positive σ_E, finite magnitudes
// with non-negative errors.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"

#include "core/import/field_values.h"
#include "core/import/star_rules.h"
#include "core/io/json_fields.h"

#include <Eigen/Cholesky>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace core = starlocus::core;
namespace imp = starlocus::core::import;
namespace table = starlocus::core::table;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A LAMOST × Gaia × unWISE table of six rows, every awkward value somewhere.
struct Table {
    std::vector<table::ColumnInfo> columns;
    table::TableChunk chunk;
    Table() {
        const auto real = [&](const char* name, const char* unit, std::vector<double> v) {
            columns.push_back({name, table::ColumnType::Real, unit, "", "", "D"});
            table::ColumnValues c;
            c.null.assign(v.size(), 0);
            for (std::size_t i = 0; i < v.size(); ++i)
                if (v[i] == -999.0)
                    c.null[i] = 1;
            c.real = std::move(v);
            chunk.columns.push_back(std::move(c));
        };
        const auto integer = [&](const char* name, std::vector<std::int64_t> v) {
            columns.push_back({name, table::ColumnType::Integer, "", "", "", "K"});
            table::ColumnValues c;
            c.null.assign(v.size(), 0);
            c.null[5] = 1;
            c.integer = std::move(v);
            chunk.columns.push_back(std::move(c));
        };
        const auto text = [&](const char* name, std::vector<std::string> v) {
            columns.push_back({name, table::ColumnType::Text, "", "", "", "A"});
            table::ColumnValues c;
            c.null.assign(v.size(), 0);
            c.null[4] = 1;
            c.text = std::move(v);
            chunk.columns.push_back(std::move(c));
        };
        real("teff", "K", {5000, -999, kNaN, 0, -5000, 1e308});
        real("teff_err", "K", {40, 0, -1, kInf, 1e-300, 50});
        real("logg", "dex", {4.0, 2.5, 1e-320, -999, 4.4, -3});
        real("logg_err", "", {0.1, 0.05, 0.0, 0.2, -999, 1e300});
        real("feh", "dex", {-0.2, 0.1, kInf, -0.5, 0, -999});
        real("feh_err", "dex", {0.05, 0.02, 0.1, kNaN, 0.04, 0.03});
        real("cov", "", {1, -1e6, 0, kNaN, 1e-310, 3});
        real("phot_g_mean_mag", "mag", {14, 35, -999, kNaN, -6, 12});
        real("phot_g_mean_flux_over_error", "", {1000, 0, -5, kInf, -999, 1e-9});
        real("parallax", "mas", {2, -1, 0, -999, kNaN, 1e30});
        real("parallax_error", "mas", {0.02, 0, -0.1, 1e-30, 0.5, -999});
        real("flux_w1", "nanomaggy", {1000, 0, -1, -999, kInf, 1e-300});
        real("dflux_w1", "", {10, 0, 5, 1, -999, kNaN});
        real("ra", "deg", {150, 400, -999, kNaN, 0, -720});
        real("dec", "deg", {20, -95, 91, -30, -999, kInf});
        real("sfd_ebv", "mag", {0.1, 0, -0.1, -999, kNaN, 1e10});
        real("bayestar19_ebv", "mag", {0.05, -999, 0.2, 0, 1, -1});
        integer("flags", {0, 1, -1, INT64_MAX, INT64_MIN, 8});
        text("qflag_chi2", {"good", "bad", "", "GOOD", "", "good\n"});
        text("ph_qual", {"AAA", "U", "", "ABCDEF", "", "Z"});
        chunk.rows = 6;
    }
};

void check(bool ok, const std::string& what) {
    if (!ok)
        starlocus::fuzz::reportFinding("import_mapping", what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Table t;
    static const imp::RuleSettings settings;
    const std::string text(reinterpret_cast<const char*>(data), size);
    starlocus::fuzz::runLoader("import_mapping", [&] {
        const imp::ColumnMapping mapping =
            imp::ColumnMapping::fromJson(core::json_fields::parse(text, "spec.json", ""), "spec.json");
        const auto fields = imp::resolveMapping(mapping, t.columns, "table.fits", "spec.json", false);
        imp::FieldValues values;
        values.evaluate(fields, t.chunk);
        const imp::StarRules rules(settings, imp::resolveReddeningMode(imp::ReddeningMode::Auto, values), mapping.survey);
        imp::RuleTally tally;
        for (std::size_t i = 0; i < t.chunk.rows; ++i) {
            imp::ImportedStar s;
            if (!rules.apply(values, i, s, tally))
                continue;
            for (double x : s.theta)
                check(std::isfinite(x), "a star with a label that is not finite");
            const Eigen::Map<const Eigen::Matrix<double, 3, 3, Eigen::RowMajor>> c(s.thetaCov.data());
            check(c.allFinite() && Eigen::LLT<Eigen::Matrix3d>(c).info() == Eigen::Success,
                  "a star whose label covariance is not positive definite");
            check(std::isfinite(s.reddening) && std::isfinite(s.reddeningErr) && s.reddeningErr > 0.0,
                  "a star without a usable reddening prior");
            for (std::size_t b = 0; b < core::kBandCount; ++b)
                if (!std::isnan(s.mag[b]))
                    check(std::isfinite(s.mag[b]) && std::isfinite(s.magErr[b]) && s.magErr[b] >= 0.0,
                          "an observed band with a magnitude or error that is not usable");
        }
    });
    return 0;
}
