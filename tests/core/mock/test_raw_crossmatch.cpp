// SPDX-License-Identifier: GPL-3.0-or-later
// The mock's raw cross-match (issue 15, item 7): the survey-native values give the catalog
// back through the paper's §3 steps written out here by hand (closed forms: Pogson's
// flux_over_error, unWISE's 22.5 mag zero point and Vega→AB, the §3.1 offsets and floors);
// ICRS from Galactic against the published Hipparcos rotation; the §3.3 regime rule on the
// written columns gives every star's r_source; the dust-map columns give the mock's σ_E;
// the same seed gives the same chunks whatever the chunking and threads; defect counts follow
// the rate; and the CLI writes tables that this project's readers and Astropy read back, on
// which an independent evaluation of the rules (raw_crossmatch_rules.py) reproduces the
// truth exactly.
#include "app/cli/cli.h"
#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/mock/mock_sky.h"
#include "core/mock/raw_crossmatch.h"
#include "core/mock/raw_equatorial.h"
#include "core/mock/raw_truth.h"
#include "core/table/table_reader.h"
#include "tests/support/astropy_tables.h"
#include "tests/support/cli_run.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

using namespace starlocus::core;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;

// A survey's whole table as chunks give it, looked up by column name.
struct SurveyTable {
    std::vector<table::ColumnInfo> columns;
    table::TableChunk chunk;
    const table::ColumnValues& col(const std::string& name) const {
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (columns[c].name == name)
                return chunk.columns[c];
        throw std::runtime_error("no column " + name);
    }
    double real(const std::string& name, std::size_t row) const { return col(name).real[row]; }
    bool null(const std::string& name, std::size_t row) const { return col(name).null[row] != 0; }
    std::int64_t integer(const std::string& name, std::size_t row) const { return col(name).integer[row]; }
    const std::string& text(const std::string& name, std::size_t row) const { return col(name).text[row]; }
};

SurveyTable wholeTable(const RawCrossMatch& raw, std::string_view survey) {
    SurveyTable t;
    t.columns = rawColumnInfos(survey);
    raw.fillChunk(survey, 0, raw.stars(survey).size(), t.chunk);
    return t;
}

MockSky makeSky(std::size_t stars, std::uint64_t seed) {
    MockSkyConfig config;
    config.starCount = stars;
    return MockSky(config, seed);
}

bool closeRel(double a, double b, double rel) { return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b)); }

// The unit vector of (longitude, latitude) in degrees.
std::array<double, 3> unitVector(double lonDeg, double latDeg) {
    return {std::cos(latDeg * kDeg) * std::cos(lonDeg * kDeg), std::cos(latDeg * kDeg) * std::sin(lonDeg * kDeg),
            std::sin(latDeg * kDeg)};
}

// ESA (1997), The Hipparcos Catalogue vol. 1, eq. 1.5.11: r_Gal = A_G' r_ICRS.
constexpr double kHipparcosAG[3][3] = {{-0.0548755604, -0.8734370902, -0.4838350155},
                                       {+0.4941094279, -0.4448296300, +0.7469822445},
                                       {-0.8676661490, -0.1980763734, +0.4559837762}};

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestRawCrossMatch : public QObject {
    Q_OBJECT
    std::unique_ptr<MockSky> sky_; // 6,000 stars: enough APOGEE and GALAH rows for every path
    std::unique_ptr<RawCrossMatch> clean_, defective_;

private slots:
    void initTestCase() {
        sky_ = std::make_unique<MockSky>(makeSky(6000, 41));
        clean_ = std::make_unique<RawCrossMatch>(*sky_, 0.0);
        defective_ = std::make_unique<RawCrossMatch>(*sky_, 0.02);
    }

    void equatorialFromGalacticMatchesHipparcos() {
        // The Galactic centre and the north Galactic pole (ESA 1997 §1.5.3).
        const EquatorialDeg centre = equatorialFromGalactic(0.0, 0.0);
        QVERIFY(std::abs(centre.raDeg - 266.40499) < 2e-5 && std::abs(centre.decDeg + 28.93617) < 2e-5);
        const EquatorialDeg pole = equatorialFromGalactic(33.0, 90.0);
        QVERIFY(std::abs(pole.decDeg - 27.12825) < 1e-9);
        // Any direction: A_G' r_ICRS = r_Gal, to the published matrix's 10 digits.
        for (double l = 3.0; l < 360.0; l += 37.0)
            for (double b = -87.0; b < 90.0; b += 29.0) {
                const EquatorialDeg eq = equatorialFromGalactic(l, b);
                QVERIFY(eq.raDeg >= 0.0 && eq.raDeg < 360.0);
                const auto icrs = unitVector(eq.raDeg, eq.decDeg), gal = unitVector(l, b);
                for (int r = 0; r < 3; ++r) {
                    const double x = kHipparcosAG[r][0] * icrs[0] + kHipparcosAG[r][1] * icrs[1] + kHipparcosAG[r][2] * icrs[2];
                    QVERIFY2(std::abs(x - gal[r]) < 3e-9, qPrintable(QString("l %1 b %2 row %3").arg(l).arg(b).arg(r)));
                }
            }
    }

    void tablesHoldEachSurveysStarsInCatalogOrder() {
        const Catalog& c = sky_->catalog();
        std::size_t total = 0;
        for (std::string_view survey : kRawSurveys) {
            const SurveyTable t = wholeTable(*clean_, survey);
            QCOMPARE(t.chunk.rows, clean_->stars(survey).size());
            std::int64_t previous = -1;
            for (std::size_t r = 0; r < t.chunk.rows; ++r) {
                const std::int64_t i = t.integer("mock_index", r);
                QVERIFY(i > previous);
                previous = i;
                QCOMPARE(c.atmSource[std::size_t(i)], std::string(survey));
                QVERIFY(t.integer("source_id", r) > (std::int64_t(1) << 53));
                QCOMPARE(t.integer("source_id", r), std::int64_t(4'000'000'000'000'000'000) + 7 * i);
            }
            total += t.chunk.rows;
        }
        QCOMPARE(total, c.size());
    }

    // Gaia, PS1, 2MASS, unWISE: the import's §3.2 steps, written out here, give the catalog.
    void photometryGivesTheCatalogBack() {
        const Catalog& c = sky_->catalog();
        const double pogson = 2.5 / std::log(10.0);
        auto withFloor = [](double s) { return std::sqrt(s * s + 0.02 * 0.02); };
        std::size_t checked = 0;
        for (std::string_view survey : kRawSurveys) {
            const SurveyTable t = wholeTable(*clean_, survey);
            for (std::size_t r = 0; r < t.chunk.rows; ++r) {
                const std::size_t i = std::size_t(t.integer("mock_index", r));
                std::array<double, kBandCount> mag, err;
                mag.fill(NAN);
                err.fill(NAN);
                const char* gaia[3] = {"g", "bp", "rp"};
                for (int k = 0; k < 3; ++k) {
                    const std::string m = std::string("phot_") + gaia[k] + "_mean_mag";
                    if (t.null(m, r))
                        continue;
                    mag[k] = t.real(m, r);
                    err[k] = withFloor(pogson / t.real(std::string("phot_") + gaia[k] + "_mean_flux_over_error", r));
                }
                const char* ps1 = "grizy";
                for (int k = 0; k < 5; ++k) {
                    const std::string m = std::string(1, ps1[k]) + "MeanPSFMag";
                    QCOMPARE(t.null(m, r), t.null(std::string(1, ps1[k]) + "Flags", r));
                    if (t.null(m, r))
                        continue;
                    mag[3 + k] = t.real(m, r);
                    err[3 + k] = withFloor(t.real(m + "Err", r));
                    QCOMPARE(t.integer(std::string(1, ps1[k]) + "Flags", r), std::int64_t(0));
                }
                const char* tmass[3] = {"j", "h", "k"};
                for (int k = 0; k < 3; ++k) {
                    const std::string m = std::string(tmass[k]) + "_m";
                    if (t.null(m, r)) {
                        QVERIFY(t.null("ph_qual", r) || t.text("ph_qual", r)[k] == 'U');
                        continue;
                    }
                    mag[8 + k] = t.real(m, r);
                    err[8 + k] = withFloor(t.real(std::string(tmass[k]) + "_msigcom", r));
                    QVERIFY(std::strchr("ABC", t.text("ph_qual", r)[k]) != nullptr);
                }
                // unWISE: Vega fluxes on a 22.5 mag zero point; AB = Vega + 2.699 (W1), + 3.339 (W2).
                const double vegaToAb[2] = {2.699, 3.339};
                for (int k = 0; k < 2; ++k) {
                    const std::string w = k == 0 ? "w1" : "w2";
                    if (t.null("flux_" + w, r))
                        continue;
                    const double flux = t.real("flux_" + w, r);
                    mag[11 + k] = 22.5 - 2.5 * std::log10(flux) + vegaToAb[k];
                    err[11 + k] = withFloor(pogson * t.real("dflux_" + w, r) / flux);
                    QVERIFY(t.real("fracflux_" + w, r) > 0.5 && t.real("rchi2_" + w, r) <= 5.0);
                    QCOMPARE(t.integer("flags_unwise_" + w, r), std::int64_t(0));
                }
                for (std::size_t b = 0; b < kBandCount; ++b) {
                    QCOMPARE(std::isnan(mag[b]), std::isnan(c.mag[i][b]));
                    if (std::isnan(mag[b]))
                        continue;
                    QVERIFY2(std::abs(mag[b] - c.mag[i][b]) < 1e-10, qPrintable(QString("star %1 band %2").arg(i).arg(b)));
                    QVERIFY2(closeRel(err[b], c.magErr[i][b], 1e-12), qPrintable(QString("star %1 band %2").arg(i).arg(b)));
                    ++checked;
                }
                QCOMPARE(t.real("parallax", r), c.parallaxMas[i]);
                QCOMPARE(t.real("parallax_error", r), c.parallaxErrMas[i]);
                QCOMPARE(t.real("l", r), (*c.galacticL)[i]);
                QCOMPARE(t.real("b", r), (*c.galacticB)[i]);
                // Gaia astrometric quality well inside the Arenou et al. (2018) cuts.
                QVERIFY(t.integer("visibility_periods_used", r) > 8 && t.integer("phot_g_n_obs", r) > 2);
                const double chi2 = t.real("astrometric_chi2_al", r) / double(t.integer("astrometric_n_good_obs_al", r) - 5);
                QVERIFY(chi2 < 1.44 && t.null("ext_key", r));
            }
        }
        QVERIFY(checked > 6000 * 10);
    }

    // §3.1: the survey offsets and floors, added back by hand, give the catalog's θ and C_θ.
    void labelsGiveTheCatalogBack() {
        const Catalog& c = sky_->catalog();
        struct Survey {
            std::string_view name;
            std::array<const char*, 3> label, err;
            std::array<double, 3> offset; // added by the import (Green et al. 2020 §3.1)
        };
        const Survey surveys[] = {{"lamost", {"teff", "logg", "feh"}, {"teff_err", "logg_err", "feh_err"}, {-3.6, -0.014, 0.068}},
                                  {"apogee", {"TEFF", "LOGG", "M_H"}, {"TEFF_ERR", "LOGG_ERR", "M_H_ERR"}, {-26.6, -0.026, 0.018}},
                                  {"galah", {"teff", "logg", "fe_h"}, {"e_teff", "e_logg", "e_fe_h"}, {0.0, 0.0, 0.0}}};
        const double floor2[3] = {100.0, 0.0025, 0.0009};
        const char* uncalibrated[3] = {"FPARAM_COV[0]", "FPARAM_COV[8]", "FPARAM_COV[24]"};
        const char* offDiagonalApogee[3] = {"FPARAM_COV[1]", "FPARAM_COV[3]", "FPARAM_COV[10]"};
        const char* offDiagonal[3] = {"cov_teff_logg", "cov_teff_feh", "cov_logg_feh"};
        const int offIndex[3] = {1, 2, 5};
        for (const Survey& s : surveys) {
            const SurveyTable t = wholeTable(*clean_, s.name);
            const bool apogee = s.name == "apogee";
            for (std::size_t r = 0; r < t.chunk.rows; ++r) {
                const std::size_t i = std::size_t(t.integer("mock_index", r));
                for (int k = 0; k < 3; ++k) {
                    QVERIFY(std::abs(t.real(s.label[k], r) + s.offset[k] - c.theta[i][k]) < 1e-9 * std::max(1.0, c.theta[i][k]));
                    double var = t.real(s.err[k], r) * t.real(s.err[k], r);
                    if (apogee) { // the larger of the calibrated and the uncalibrated variance
                        QVERIFY(t.real(uncalibrated[k], r) <= var);
                        var = std::max(var, t.real(uncalibrated[k], r));
                    }
                    QVERIFY2(closeRel(var + floor2[k], c.thetaCov[i][4 * k], 1e-12), qPrintable(QString("star %1").arg(i)));
                    const double cov = t.real(apogee ? offDiagonalApogee[k] : offDiagonal[k], r);
                    QCOMPARE(cov, c.thetaCov[i][offIndex[k]]);
                }
                if (s.name == "lamost") {
                    QVERIFY(t.text("qflag_chi2", r) == "good" && t.text("flag_singlestar", r) == "YES");
                    double best = 0.0;
                    for (const char* b : {"snr_u", "snr_g", "snr_r", "snr_i", "snr_z"})
                        best = std::max(best, t.real(b, r));
                    QVERIFY(best > 20.0);
                } else if (s.name == "galah") {
                    QCOMPARE(t.integer("flag_cannon", r), std::int64_t(0));
                    double best = 0.0;
                    for (const char* b : {"snr_c1", "snr_c2", "snr_c3", "snr_c4"})
                        best = std::max(best, t.real(b, r));
                    QVERIFY(best > 20.0);
                } else {
                    QCOMPARE(t.integer("ASPCAPFLAG", r) & ((std::int64_t(1) << 7) | (std::int64_t(1) << 23)), std::int64_t(0));
                }
            }
        }
    }

    // §3.3 on the written columns: |z| > 400 pc at 1/(ϖ̂ + 5σ_ϖ) → sfd; else δ > −30° and
    // ϖ̂/σ_ϖ > 5 → b19; else default — for every star. The map columns with the paper's
    // 10 % terms and 0.02 floor give the mock's σ_E; ebv_prior(_err) give Ê and σ_E.
    void reddeningColumnsGiveRegimeAndPrior() {
        const Catalog& c = sky_->catalog();
        std::map<std::string, std::size_t> seen;
        for (std::string_view survey : kRawSurveys) {
            const SurveyTable t = wholeTable(*clean_, survey);
            for (std::size_t r = 0; r < t.chunk.rows; ++r) {
                const std::size_t i = std::size_t(t.integer("mock_index", r));
                const double plx = t.real("parallax", r), err = t.real("parallax_error", r);
                const double upper = plx + 5.0 * err;
                const double nearestKpc = upper > 0.0 ? 1.0 / upper : INFINITY;
                const double z = nearestKpc * std::abs(std::sin(t.real("b", r) * kDeg));
                const double dec = t.real("dec", r);
                const std::string regime = z > 0.4 ? "sfd" : dec > -30.0 && plx / err > 5.0 ? "b19" : "default";
                QVERIFY2(regime == c.rSource[i], qPrintable(QString("star %1: %2 vs %3").arg(i).arg(regime.c_str(), c.rSource[i].c_str())));
                QCOMPARE(t.text("ebv_prior_source", r), c.rSource[i]);
                ++seen[regime];
                QCOMPARE(t.real("ebv_prior", r), c.reddening[i]);
                QVERIFY(closeRel(std::hypot(t.real("ebv_prior_err", r), 0.02), c.reddeningErr[i], 1e-12));
                QCOMPARE(t.null("bayestar19_ebv", r), !(dec > -30.0));
                const double sfd = t.real("sfd_ebv", r);
                double paperSigma = NAN;
                if (regime == "sfd")
                    paperSigma = std::sqrt(0.01 * sfd * sfd + 0.0004);
                else if (regime == "default")
                    paperSigma = std::sqrt(sfd * sfd + 0.0004);
                else {
                    const double e = t.real("bayestar19_ebv", r), s = t.real("bayestar19_ebv_err", r);
                    paperSigma = std::sqrt(s * s + 0.01 * e * e + 0.0004);
                }
                QVERIFY2(closeRel(paperSigma, c.reddeningErr[i], 1e-9),
                         qPrintable(QString("star %1 (%2): %3 vs %4").arg(i).arg(regime.c_str()).arg(paperSigma).arg(c.reddeningErr[i])));
                QVERIFY(sfd >= sky_->truth().reddening[i] * (1.0 - 1e-12)); // the whole column holds the star's
            }
        }
        QVERIFY(seen["sfd"] > 1000 && seen["b19"] > 1000 && seen["default"] > 100);
    }

    // Each star rule takes an eligible star with probability `rate`, each band rule an
    // eligible band of a surviving star: counts within 5σ of the binomial mean.
    void defectCountsFollowTheRate() {
        const MockSky sky = makeSky(20000, 7);
        const double rate = 0.01;
        const RawCrossMatch raw(sky, rate);
        const RawTruth truth = rawTruthOf(raw);
        const Catalog& c = sky.catalog();
        std::map<RawRule, double> eligible;
        for (std::size_t i = 0; i < c.size(); ++i) {
            const bool tmass = std::isfinite(c.mag[i][8]) || std::isfinite(c.mag[i][9]) || std::isfinite(c.mag[i][10]);
            for (RawRule rule : kRawStarRules) {
                const std::string name(rawRuleName(rule));
                const bool survey = name.rfind("lamost", 0) == 0 ? c.atmSource[i] == "lamost"
                                    : name.rfind("apogee", 0) == 0 ? c.atmSource[i] == "apogee"
                                    : name.rfind("galah", 0) == 0  ? c.atmSource[i] == "galah"
                                                                   : true;
                eligible[rule] += survey && (rule != RawRule::TmassExtended || tmass) ? 1.0 : 0.0;
            }
            if (raw.defects()[i].star != RawRule::None)
                continue;
            for (std::size_t b = 1; b < kBandCount; ++b) {
                if (!std::isfinite(c.mag[i][b]))
                    continue;
                for (RawRule rule : {RawRule::InvalidMagnitude, RawRule::InvalidMagnitudeError, RawRule::PhotometricErrorCut})
                    eligible[rule] += 1.0;
                eligible[RawRule::Ps1Flags] += b >= 3 && b <= 7;
                eligible[RawRule::TmassQuality] += b >= 8 && b <= 10;
                for (RawRule rule : {RawRule::UnwiseFlags, RawRule::UnwiseFracflux, RawRule::UnwiseRchi2})
                    eligible[rule] += b >= 11;
            }
        }
        std::size_t removed = 0;
        for (auto [rule, n] : eligible) {
            const double mean = rate * n, sigma = std::sqrt(n * rate * (1.0 - rate));
            const double count = double(truth.count.at(rule));
            QVERIFY2(std::abs(count - mean) <= 5.0 * sigma + 1.0,
                     qPrintable(QString("%1: %2, expected %3 ± %4").arg(rawRuleName(rule).data()).arg(count).arg(mean).arg(sigma)));
            if (std::find(kRawStarRules.begin(), kRawStarRules.end(), rule) != kRawStarRules.end())
                removed += truth.count.at(rule);
        }
        QCOMPARE(truth.naturalLabelSigmaCut, std::size_t(0)); // the mock's σ stay within the cuts
        QCOMPARE(truth.survivors.size(), c.size() - removed);
        std::size_t rows = 0, kept = 0;
        for (const RawTruth::Table& t : truth.tables) {
            rows += t.rows;
            kept += t.kept;
            QCOMPARE(t.rows, t.kept + t.removed);
        }
        QCOMPARE(rows, c.size());
        QCOMPARE(kept, truth.survivors.size());
        // Rate 0: clean tables.
        const RawTruth clean = rawTruthOf(RawCrossMatch(sky, 0.0));
        for (auto [rule, n] : clean.count)
            if (rule != RawRule::ParallaxSnr)
                QCOMPARE(n, std::size_t(0));
        QVERIFY(clean.count.at(RawRule::ParallaxSnr) > 0); // natural in the mock: counted, kept
        QCOMPARE(clean.survivors.size(), c.size());
    }

    // A star's defect changes only what its rule looks at (the rest is checked on files by
    // raw_crossmatch_rules.py): label σ past the cut after the floor, a negative σ, NaN.
    void labelDefectsBreakTheirRule() {
        const Catalog& c = sky_->catalog();
        std::size_t seen = 0;
        for (std::size_t i = 0; i < c.size(); ++i) {
            const RawStarDefects& d = defective_->defects()[i];
            if (d.star != RawRule::InvalidLabel && d.star != RawRule::InvalidLabelCovariance && d.star != RawRule::LabelSigmaCut)
                continue;
            const RawRow row = defective_->row(i), cleanRow = clean_->row(i);
            int nan = 0, negative = 0, wide = 0, changed = 0;
            for (int k = 0; k < 3; ++k) {
                nan += std::isnan(row.label[k]);
                negative += row.labelErr[k] < 0.0;
                const double floor = k == 0 ? 10.0 : k == 1 ? 0.05 : 0.03, cut = k == 0 ? 200.0 : 0.5;
                wide += std::hypot(row.labelErr[k], floor) > cut;
                changed += !(row.label[k] == cleanRow.label[k]) + (row.labelErr[k] != cleanRow.labelErr[k]);
            }
            QCOMPARE(changed, 1);
            QCOMPARE(nan, d.star == RawRule::InvalidLabel ? 1 : 0);
            QCOMPARE(negative, d.star == RawRule::InvalidLabelCovariance ? 1 : 0);
            QCOMPARE(wide, d.star == RawRule::LabelSigmaCut ? 1 : 0);
            ++seen;
        }
        QVERIFY(seen > 100);
    }

    void sameSeedSameChunks() {
        const MockSky again = makeSky(6000, 41);
        const RawCrossMatch raw(again, 0.02);
        for (std::string_view survey : kRawSurveys) {
            const std::size_t rows = raw.stars(survey).size();
            table::TableChunk whole, part;
            {
                const ThreadCountScope one(1);
                defective_->fillChunk(survey, 0, rows, whole);
            }
            const ThreadCountScope two(2);
            for (std::size_t first = 0; first < rows; first += 333) {
                raw.fillChunk(survey, first, 333, part);
                QCOMPARE(part.firstRow, first);
                for (std::size_t col = 0; col < part.columns.size(); ++col) {
                    const table::ColumnValues &a = whole.columns[col], &b = part.columns[col];
                    for (std::size_t r = 0; r < part.rows; ++r) {
                        QCOMPARE(a.null[first + r], b.null[r]);
                        if (!a.real.empty())
                            QVERIFY(std::memcmp(&a.real[first + r], &b.real[r], sizeof(double)) == 0);
                        if (!a.integer.empty())
                            QCOMPARE(a.integer[first + r], b.integer[r]);
                        if (!a.text.empty())
                            QCOMPARE(a.text[first + r], b.text[r]);
                    }
                }
            }
        }
    }

    void badSettingsAreInputErrors() {
        QVERIFY_THROWS_EXCEPTION(InputError, RawCrossMatch(*sky_, 0.06));
        QVERIFY_THROWS_EXCEPTION(InputError, RawCrossMatch(*sky_, -0.001));
        QVERIFY_THROWS_EXCEPTION(InputError, RawCrossMatch(*sky_, NAN));
        // Label σ below the §3.1 floor: no raw σ gives them back.
        MockSkyConfig config;
        config.starCount = 500;
        config.labelErrorScale = 0.05;
        const MockSky sharp(config, 3);
        try {
            RawCrossMatch raw(sharp, 0.0);
            QFAIL("expected an InputError");
        } catch (const InputError& e) {
            QCOMPARE(e.field(), std::string("label_error_scale"));
        }
    }

    // The CLI writes the tables, the truth and the catalog; this project's readers read every
    // row back; Astropy reads them and an independent evaluation of the rules gives the truth.
    void cliWritesTablesTheReadersAndAstropyRead() {
        STARLOCUS_REQUIRE_ASTROPY();
        QTemporaryDir dir;
        const QByteArray rulesScript = fileBytes(QStringLiteral(STARLOCUS_RAW_RULES_SCRIPT));
        QVERIFY(!rulesScript.isEmpty());
        for (const char* format : {"fits", "csv", "ecsv", "votable"}) {
            const std::string prefix = dir.filePath(format).toStdString();
            const auto run = starlocus::test::runCliCommand({"mock", "--stars", "3000", "--seed", "9", "--raw", format,
                                                             "--raw-defect-rate", "0.02", "--out", prefix});
            QVERIFY2(run.code == 0, run.err.c_str());
            std::ifstream in(prefix + "_truth.json");
            const nlohmann::json truth = nlohmann::json::parse(in);
            QVERIFY(std::filesystem::exists(prefix + "_catalog.h5"));
            const std::string ext = std::string(format) == "votable" ? ".vot" : "." + std::string(format);
            for (std::string_view survey : kRawSurveys) {
                const std::string path = prefix + "_" + std::string(survey) + ext;
                const auto reader = table::openTable(path);
                QCOMPARE(reader->columns().size(), rawColumnInfos(survey).size());
                table::TableChunk chunk;
                std::size_t rows = 0;
                while (reader->next(chunk, 1000))
                    rows += chunk.rows;
                QCOMPARE(rows, truth["tables"][std::string(survey)]["rows"].get<std::size_t>());
            }
            const QString failure = starlocus::test::runPython(QString::fromUtf8(rulesScript),
                                                               QStringLiteral("'%1' '%2'").arg(QString::fromStdString(prefix), QString::fromStdString(ext)));
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
    }

    void cliRefusesBadOptions() {
        QTemporaryDir dir;
        const std::string prefix = dir.filePath("bad").toStdString();
        struct Case {
            std::vector<std::string> extra;
            const char* option;
        };
        const Case cases[] = {{{"--raw", "hdf5"}, "--raw"},
                              {{"--raw", "fits", "--raw-defect-rate", "0.5"}, "--raw-defect-rate"},
                              {{"--raw", "fits", "--raw-defect-rate", "x"}, "--raw-defect-rate"},
                              {{"--raw-defect-rate", "0.01"}, "--raw-defect-rate"},
                              {{"--raw", "csv", "--label-error-scale", "0.05"}, "--label-error-scale"}};
        for (const Case& c : cases) {
            std::vector<std::string> args = {"mock", "--stars", "300", "--seed", "1", "--out", prefix};
            args.insert(args.end(), c.extra.begin(), c.extra.end());
            const auto run = starlocus::test::runCliCommand(args);
            QCOMPARE(run.code, 2);
            QVERIFY2(run.err.find(c.option) != std::string::npos, run.err.c_str());
            QCOMPARE(std::count(run.err.begin(), run.err.end(), '\n'), std::ptrdiff_t(1));
            QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // nothing written
        }
    }
};

QTEST_APPLESS_MAIN(TestRawCrossMatch)
#include "test_raw_crossmatch.moc"
