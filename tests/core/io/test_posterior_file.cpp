// SPDX-License-Identifier: GPL-3.0-or-later
// The posterior file of the photometric fit (core/io/posterior_file.h, issue 16): every
// field of every row and every setting reads back exactly; a damaged value, a status or flag
// this StarLocus does not know, columns of different lengths and files that are not ours are
// refused naming the file and the field; the CSV export holds the same rows.
#include "core/common/input_error.h"
#include "core/io/hdf5_handle.h"
#include "core/io/posterior_csv.h"
#include "core/io/posterior_file.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

using namespace starlocus::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Three stars: a fitted one with flags and residuals (one band unused), one without a G
// (no posterior: NaN everywhere), and one with values that need every bit of a double.
std::vector<StarPosterior> samplePosteriors() {
    std::vector<StarPosterior> rows(3);
    StarPosterior& a = rows[0];
    a.status = PosteriorStatus::Fitted;
    a.flags = kPoorFit | kAtGridEdge;
    a.teff = {5780.25, 5700.5, 5861.125};
    a.logg = {4.4375, 4.3, 4.55};
    a.feh = {-0.125, -0.25, 0.0};
    a.mu = {9.5, 9.4, 9.6};
    a.distancePc = {794.328, 758.578, 831.764};
    a.reddening = {0.21, 0.18, 0.24};
    a.mapTheta = {5775.0, 4.45, -0.1};
    a.mapMu = 9.49;
    a.mapE = 0.2;
    a.chi2 = 12.75;
    a.dof = 8;
    a.bandsUsed = 12;
    a.parallaxUsed = true;
    a.lowDensityFraction = 0.03125;
    for (std::size_t b = 0; b < kBandCount; ++b)
        a.residualAtMap[b] = 0.1 * double(b) - 0.6;
    a.residualAtMap[7] = kNaN; // band y not observed
    a.nodesEvaluated = 4321;

    StarPosterior& b = rows[1];
    b.status = PosteriorStatus::MissingG;
    b.dof = -2; // measurements − 5 with three measurements
    b.residualAtMap.fill(kNaN);

    StarPosterior& c = rows[2];
    c.status = PosteriorStatus::Fitted;
    c.flags = kOutsideTraining | kParallaxIgnored;
    c.teff = {1.0 / 3.0 * 1e4, std::nextafter(3000.0, 0.0), 3400.0 + 1e-9};
    c.logg = {std::acos(-1.0), 2.9, 3.3};
    c.feh = {-2.0e-300, -0.3, 0.1};
    c.mu = {14.000000000000002, 13.5, 14.5};
    c.distancePc = {6309.573444801943, 5011.872, 7943.282};
    c.reddening = {0.0, 0.0, 0.05};
    c.mapTheta = {3325.0, 3.15, 0.0};
    c.mapMu = 14.1;
    c.mapE = 0.0;
    c.chi2 = 1e-17;
    c.dof = 0;
    c.bandsUsed = 5;
    c.parallaxUsed = false;
    c.lowDensityFraction = 1.0;
    c.residualAtMap.fill(kNaN);
    c.residualAtMap[0] = -3.5e-8;
    c.nodesEvaluated = 4294967295u; // the largest the uint32 column holds
    return rows;
}

PosteriorFileMetadata sampleMetadata() {
    PosteriorFileMetadata m;
    m.grid.axes = {LabelGridAxis{3000.0, 12.5, 401}, LabelGridAxis{-0.5, 0.025, 241}, LabelGridAxis{-2.0, 0.1, 31}};
    m.grid.coarseStride = {8, 2, 1};
    m.grid.prior = LabelPrior::TrainingDensity;
    m.settings.distance = DistancePrior::Galactic;
    m.settings.reddening = ReddeningPrior::Catalog;
    m.settings.lowDensityThreshold = 0.02;
    m.settings.poorFitPValue = 1e-4;
    m.settings.outsideTrainingFraction = 0.25;
    m.modelFile = "/data/models/green2020_nn_model.h5";
    m.catalogFile = "stars \xce\xb1.h5"; // bytes, not necessarily ASCII
    m.densitySource = "catalog KDE of training.h5";
    m.starlocusVersion = "9.8.7";
    return m;
}

// Equal including which values are NaN (a NaN compares unequal to itself).
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0; }

void compareInterval(const PosteriorInterval& got, const PosteriorInterval& want, const char* what) {
    QVERIFY2(same(got.median, want.median), what);
    QVERIFY2(same(got.lower, want.lower), what);
    QVERIFY2(same(got.upper, want.upper), what);
}

void comparePosterior(const StarPosterior& got, const StarPosterior& want) {
    QCOMPARE(int(got.status), int(want.status));
    QCOMPARE(got.flags, want.flags);
    compareInterval(got.teff, want.teff, "teff");
    compareInterval(got.logg, want.logg, "logg");
    compareInterval(got.feh, want.feh, "feh");
    compareInterval(got.mu, want.mu, "mu");
    compareInterval(got.distancePc, want.distancePc, "distance_pc");
    compareInterval(got.reddening, want.reddening, "E");
    for (std::size_t k = 0; k < 3; ++k)
        QVERIFY(same(got.mapTheta[k], want.mapTheta[k]));
    QVERIFY(same(got.mapMu, want.mapMu));
    QVERIFY(same(got.mapE, want.mapE));
    QVERIFY(same(got.chi2, want.chi2));
    QCOMPARE(got.dof, want.dof);
    QCOMPARE(got.bandsUsed, want.bandsUsed);
    QCOMPARE(got.parallaxUsed, want.parallaxUsed);
    QVERIFY(same(got.lowDensityFraction, want.lowDensityFraction));
    for (std::size_t b = 0; b < kBandCount; ++b)
        QVERIFY2(same(got.residualAtMap[b], want.residualAtMap[b]), qPrintable(QString("residual %1").arg(b)));
    QCOMPARE(got.nodesEvaluated, want.nodesEvaluated);
}

// Opens the file read-write and runs `edit` on it (an HDF5 edit behind the writer's back).
void editFile(const std::string& path, const std::function<void(hid_t)>& edit) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    QVERIFY(f.valid());
    edit(f.get());
}

// Writes `value` over element `index` of a 1-D dataset (converted to its own type), leaving
// its checksum attribute as it was unless `dropChecksum`.
void overwrite(const std::string& path, const char* dataset, std::size_t index, double value, bool dropChecksum) {
    editFile(path, [&](hid_t f) {
        hdf5::Handle ds(H5Dopen2(f, dataset, H5P_DEFAULT));
        hdf5::Handle space(H5Dget_space(ds.get()));
        const hsize_t at[1] = {index}, one[1] = {1};
        H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, at, nullptr, one, nullptr);
        hdf5::Handle memory(H5Screate_simple(1, one, nullptr));
        QVERIFY(H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, memory.get(), space.get(), H5P_DEFAULT, &value) >= 0);
        if (dropChecksum)
            H5Adelete(ds.get(), hdf5::kChecksumAttribute);
    });
}

// The load fails with an InputError naming the file and containing `field` and `words`.
void expectRefused(const std::string& path, const std::string& field, const std::string& words) {
    try {
        readPosteriorFile(path);
        QFAIL("the file was accepted");
    } catch (const InputError& e) {
        QCOMPARE(e.file(), path);
        QVERIFY2(e.field() == field, e.what());
        QVERIFY2(std::string(e.what()).find(words) != std::string::npos, e.what());
    }
}

std::vector<std::string> csvLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, ',');)
        fields.push_back(field);
    if (!line.empty() && line.back() == ',')
        fields.emplace_back();
    return fields;
}

} // namespace

class TestPosteriorFile : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void everyFieldReadsBackExactly() {
        const auto rows = samplePosteriors();
        const auto meta = sampleMetadata();
        const std::string file = path("round_trip.h5");
        writePosteriorFile(file, rows, meta);
        const PosteriorFile back = readPosteriorFile(file);
        QVERIFY(back.notes.empty()); // every column carried a verified checksum
        QCOMPARE(back.posteriors.size(), rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            comparePosterior(back.posteriors[i], rows[i]);
        const PosteriorFileMetadata& m = back.metadata;
        for (std::size_t a = 0; a < 3; ++a) {
            QCOMPARE(m.grid.axes[a].min, meta.grid.axes[a].min);
            QCOMPARE(m.grid.axes[a].step, meta.grid.axes[a].step);
            QCOMPARE(m.grid.axes[a].count, meta.grid.axes[a].count);
            QCOMPARE(m.grid.coarseStride[a], meta.grid.coarseStride[a]);
        }
        QCOMPARE(int(m.grid.prior), int(LabelPrior::TrainingDensity));
        QCOMPARE(int(m.settings.distance), int(DistancePrior::Galactic));
        QCOMPARE(int(m.settings.reddening), int(ReddeningPrior::Catalog));
        QCOMPARE(m.settings.lowDensityThreshold, 0.02);
        QCOMPARE(m.settings.poorFitPValue, 1e-4);
        QCOMPARE(m.settings.outsideTrainingFraction, 0.25);
        QCOMPARE(m.modelFile, meta.modelFile);
        QCOMPARE(m.catalogFile, meta.catalogFile);
        QCOMPARE(m.densitySource, meta.densitySource);
        QCOMPARE(m.starlocusVersion, meta.starlocusVersion);
    }

    // The file describes itself to a reader without StarLocus: what each status code and
    // flag bit means, and the priors by name.
    void attributesDescribeTheColumns() {
        const std::string file = path("legend.h5");
        writePosteriorFile(file, samplePosteriors(), sampleMetadata());
        const auto lock = hdf5::libraryLock();
        hdf5::Handle f = hdf5::openReadOnly(file);
        const std::string codes = hdf5::readStringAttribute(f.get(), "posterior_status_codes").value_or("");
        QVERIFY2(codes.find("0=fitted") != std::string::npos, codes.c_str());
        QVERIFY2(codes.find("3=no_galactic_position") != std::string::npos, codes.c_str());
        const std::string bits = hdf5::readStringAttribute(f.get(), "posterior_flag_bits").value_or("");
        QVERIFY2(bits.find("1=poor_fit") != std::string::npos && bits.find("8=at_grid_edge") != std::string::npos,
                 bits.c_str());
        QCOMPARE(hdf5::readStringAttribute(f.get(), "theta_prior").value_or(""), std::string("density"));
        QCOMPARE(hdf5::readStringAttribute(f.get(), "distance_prior").value_or(""), std::string("galactic"));
        QCOMPARE(hdf5::readStringAttribute(f.get(), "reddening_prior").value_or(""), std::string("catalog"));
        // One row per star, residuals N × 13.
        QCOMPARE(hdf5::readDoubles(f.get(), file, "teff_median", {3}).size(), std::size_t(3));
        QCOMPARE(hdf5::readDoubles(f.get(), file, "residual_at_map", {3, 13}).size(), std::size_t(39));
    }

    void noStarsIsAFile() {
        const std::string file = path("empty.h5");
        writePosteriorFile(file, {}, sampleMetadata());
        QCOMPARE(readPosteriorFile(file).posteriors.size(), std::size_t(0));
    }

    void damagedValueFailsItsChecksum() {
        const std::string file = path("damaged.h5");
        writePosteriorFile(file, samplePosteriors(), sampleMetadata());
        overwrite(file, "teff_median", 0, 5781.25, false);
        expectRefused(file, "teff_median", "checksum mismatch");
    }

    void unknownStatusOrFlagIsRefused() {
        const std::string status = path("status.h5");
        writePosteriorFile(status, samplePosteriors(), sampleMetadata());
        overwrite(status, "status", 1, 200.0, true);
        expectRefused(status, "status", "unknown status 200");

        const std::string flags = path("flags.h5");
        writePosteriorFile(flags, samplePosteriors(), sampleMetadata());
        overwrite(flags, "flags", 2, double(1u << 20), true);
        expectRefused(flags, "flags", "unknown flag bits");

        // A column rewritten in another type must not reach an out-of-range cast.
        const std::string used = path("parallax_used.h5");
        writePosteriorFile(used, samplePosteriors(), sampleMetadata());
        overwrite(used, "parallax_used", 0, 7.0, true);
        expectRefused(used, "parallax_used", "star 0");
    }

    void columnsOfDifferentLengthsAreRefused() {
        const std::string file = path("short.h5");
        writePosteriorFile(file, samplePosteriors(), sampleMetadata());
        editFile(file, [&](hid_t f) {
            H5Ldelete(f, "chi2", H5P_DEFAULT);
            const double two[2] = {1.0, 2.0};
            hdf5::writeDoubles(f, file, "chi2", {2}, two);
        });
        expectRefused(file, "chi2", "shape");
    }

    void missingColumnOrSettingIsRefused() {
        const std::string column = path("no_column.h5");
        writePosteriorFile(column, samplePosteriors(), sampleMetadata());
        editFile(column, [](hid_t f) { H5Ldelete(f, "map_E", H5P_DEFAULT); });
        expectRefused(column, "map_E", "");

        const std::string prior = path("bad_prior.h5");
        writePosteriorFile(prior, samplePosteriors(), sampleMetadata());
        editFile(prior, [](hid_t f) { H5Adelete(f, "distance_prior"); });
        expectRefused(prior, "distance_prior", "missing");
        editFile(prior, [&](hid_t f) { hdf5::writeStringAttribute(f, prior, "distance_prior", "isotropic"); });
        expectRefused(prior, "distance_prior", "isotropic");
    }

    void otherFilesAreRefused() {
        const std::string other = path("other.h5");
        {
            const auto lock = hdf5::libraryLock();
            hdf5::Handle f = hdf5::createFile(other);
            hdf5::writeStringAttribute(f.get(), other, "format", "starlocus-model");
        }
        expectRefused(other, "format", "not a StarLocus posterior file");

        const std::string newer = path("newer.h5");
        writePosteriorFile(newer, samplePosteriors(), sampleMetadata());
        editFile(newer, [](hid_t f) {
            H5Adelete(f, "format_version");
            hdf5::writeDoubleAttribute(f, "", "format_version", {2.0});
        });
        expectRefused(newer, "format_version", "unsupported");
    }

    // A file whose columns lost their checksums still opens, with a note that damage would
    // go unnoticed (as the other loaders do).
    void withoutChecksumsOpensWithANote() {
        const std::string file = path("no_checksums.h5");
        writePosteriorFile(file, samplePosteriors(), sampleMetadata());
        editFile(file, [](hid_t f) {
            hdf5::Handle ds(H5Dopen2(f, "E_median", H5P_DEFAULT));
            H5Adelete(ds.get(), hdf5::kChecksumAttribute);
        });
        const PosteriorFile back = readPosteriorFile(file);
        QCOMPARE(back.notes.size(), std::size_t(1));
        comparePosterior(back.posteriors[0], samplePosteriors()[0]);
    }

    void csvHoldsTheSameRows() {
        const auto rows = samplePosteriors();
        const std::string file = path("rows.csv");
        writePosteriorCsv(file, rows);
        const auto lines = csvLines(file);
        QCOMPARE(lines.size(), rows.size() + 1);
        const auto header = csvFields(lines[0]);
        const auto column = [&](const std::string& name) {
            const auto it = std::find(header.begin(), header.end(), name);
            return it == header.end() ? -1 : int(it - header.begin());
        };
        for (const auto& line : lines)
            QCOMPARE(csvFields(line).size(), header.size());
        const auto first = csvFields(lines[1]), second = csvFields(lines[2]), third = csvFields(lines[3]);
        QCOMPARE(first[column("status_name")], std::string("fitted"));
        QCOMPARE(second[column("status_name")], std::string("missing_g"));
        QCOMPARE(std::stod(first[column("teff_median")]), 5780.25);
        QCOMPARE(std::stod(third[column("teff_median")]), rows[2].teff.median); // shortest text reads back exactly
        QCOMPARE(first[column("flags")], std::to_string(kPoorFit | kAtGridEdge));
        QCOMPARE(first[column("residual_y")], std::string()); // NaN: empty
        QCOMPARE(std::stod(first[column("residual_W2")]), rows[0].residualAtMap[12]);
        QCOMPARE(second[column("teff_median")], std::string());
        QCOMPARE(second[column("dof")], std::string("-2"));
        QCOMPARE(third[column("nodes_evaluated")], std::string("4294967295"));
    }
};

QTEST_GUILESS_MAIN(TestPosteriorFile)
#include "test_posterior_file.moc"
