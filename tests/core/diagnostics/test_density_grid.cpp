// SPDX-License-Identifier: GPL-3.0-or-later
// §7 validity density: the KDE of a single star equals the kernel; per-band star selection;
// trilinear look-up; the reader of green2020_input_density.h5 returns the file's values at its
// nodes; every malformed file is an InputError naming the field.
#include "core/common/input_error.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/diagnostics/training_density.h"
#include "core/io/hdf5_handle.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace starlocus::core;
namespace hdf5 = starlocus::core::hdf5;

namespace {

Catalog oneStar(const std::array<double, 3>& theta) {
    Catalog cat = starlocus::test::makeCleanCatalog(1);
    cat.theta[0] = theta;
    return cat;
}

double kernel(const std::array<double, 3>& node, const std::array<double, 3>& star) {
    const double h[3] = {50.0, 0.05, 0.05};
    double q = 0.0;
    for (int a = 0; a < 3; ++a)
        q += std::pow((node[std::size_t(a)] - star[std::size_t(a)]) / h[a], 2);
    return std::exp(-0.5 * q);
}

// A small, valid density file: shape (13, 3, 4, 5), value = channel + node index / 1000.
struct FileSpec {
    std::vector<hsize_t> shape{13, 3, 4, 5};
    std::vector<double> teff{3000.0, 5000.0, 7000.0};
    std::vector<double> logg{0.0, 2.0, 4.0, 6.0};
    std::vector<double> feh{-2.0, -1.0, 0.0, 0.5, 1.0};
    bool writeDataset = true;
    bool writeTeff = true;
    std::string datasetName = "rho_stars";
};

void writeDensityFile(const std::string& path, const FileSpec& spec) {
    hdf5::Handle file = hdf5::createFile(path);
    if (!spec.writeDataset)
        return;
    std::size_t n = 1;
    for (hsize_t d : spec.shape)
        n *= d;
    std::vector<double> values(n);
    for (std::size_t k = 0; k < n; ++k)
        values[k] = double(k) / double(n);
    hdf5::writeDoubles(file.get(), path, spec.datasetName, spec.shape, values.data(), H5T_IEEE_F32LE);
    hdf5::Handle ds(H5Dopen2(file.get(), spec.datasetName.c_str(), H5P_DEFAULT));
    if (spec.writeTeff)
        hdf5::writeDoubleAttribute(ds.get(), path, "teff", spec.teff);
    hdf5::writeDoubleAttribute(ds.get(), path, "logg", spec.logg);
    hdf5::writeDoubleAttribute(ds.get(), path, "feh", spec.feh);
}

std::string errorField(const std::string& path) {
    try {
        readDensityGrid(path);
    } catch (const InputError& e) {
        return e.field();
    }
    return "no error";
}

} // namespace

class TestDensityGrid : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string tmp(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }

private slots:
    // A star exactly on a node: the peak node is the star, so the density is the kernel itself.
    void kdeOfASingleStarEqualsTheKernel() {
        const auto axes = publishedDensityAxes();
        const std::array<double, 3> star{axes[0][20], axes[1][30], axes[2][25]};
        const DensityGrid g = trainingDensity(oneStar(star));
        double worst = 0.0;
        for (std::size_t ch : {std::size_t(0), std::size_t(3), std::size_t(12)}) {
            QCOMPARE(g.stars[ch], std::size_t(1));
            for (std::size_t t = 0; t < 50; ++t)
                for (std::size_t l = 0; l < 50; ++l)
                    for (std::size_t f = 0; f < 50; ++f)
                        worst = std::max(worst, std::abs(double(g.node(ch, t, l, f)) -
                                                         kernel({axes[0][t], axes[1][l], axes[2][f]}, star)));
        }
        qInfo("single star on a node: max |density - kernel| over 3 x 125000 nodes = %.2g", worst);
        QVERIFY(worst < 1e-7);
        QCOMPARE(g.at(3, Eigen::Vector3d(star[0], star[1], star[2])), 1.0);
    }

    // Off the nodes the peak-normalised grid is the kernel divided by its largest node value.
    void kdeOfAnOffNodeStarIsTheKernelOverItsPeakNode() {
        const auto axes = publishedDensityAxes();
        const std::array<double, 3> star{5432.1, 4.321, -0.123};
        const DensityGrid g = trainingDensity(oneStar(star));
        double peak = 0.0;
        for (std::size_t t = 0; t < 50; ++t)
            for (std::size_t l = 0; l < 50; ++l)
                for (std::size_t f = 0; f < 50; ++f)
                    peak = std::max(peak, kernel({axes[0][t], axes[1][l], axes[2][f]}, star));
        double worst = 0.0;
        for (std::size_t t = 18; t < 26; ++t)
            for (std::size_t l = 30; l < 40; ++l)
                for (std::size_t f = 30; f < 40; ++f)
                    worst = std::max(worst, std::abs(double(g.node(5, t, l, f)) -
                                                     kernel({axes[0][t], axes[1][l], axes[2][f]}, star) / peak));
        QVERIFY(worst < 1e-6);
    }

    // Channel b uses the stars that observed band b; channel 0 those with ϖ̂/σ_ϖ ≥ 5.
    void channelsSelectTheirStars() {
        Catalog cat = starlocus::test::makeCleanCatalog(4);
        cat.theta[1] = {4000.0, 2.0, -1.0};
        cat.mag[1][5] = std::nan("");   // star 1 lacks i
        cat.magErr[2][9] = 0.25;        // star 2: H above the 0.2 mag cut
        cat.parallaxMas[3] = 0.2;       // star 3: ϖ̂/σ_ϖ = 4
        cat.theta[0][1] = std::nan(""); // star 0: no labels, in no channel
        const DensityGrid g = trainingDensity(cat);
        QCOMPARE(g.stars[0], std::size_t(2));
        QCOMPARE(g.stars[5], std::size_t(2));
        QCOMPARE(g.stars[9], std::size_t(2));
        QCOMPARE(g.stars[3], std::size_t(3));
        const Eigen::Vector3d giant(4000.0, 2.0, -1.0), dwarf(5780.0, 4.44, 0.0);
        QVERIFY(g.at(5, giant) < 1e-6 && g.at(5, dwarf) > 0.5);  // i: only the dwarfs
        QVERIFY(g.at(3, giant) > 0.2 && g.at(3, dwarf) > 0.5);   // g: both
        QVERIFY(g.valid(3, giant) && !g.valid(5, giant));
        QVERIFY(!g.valid(3, Eigen::Vector3d(9500.0, 4.0, 0.0))); // off the grid: no stars known
        QCOMPARE(g.at(3, Eigen::Vector3d(std::nan(""), 4.0, 0.0)), 0.0);
        const auto all = g.atAll(giant);
        QCOMPARE(all[3], g.at(3, giant));
        QCOMPARE(std::string(densityChannelName(0)), std::string("parallax"));
        QCOMPARE(std::string(densityChannelName(10)), std::string("Ks"));
    }

    // Trilinear: exact at the nodes, the average of the corners at a cell centre.
    void trilinearLookUp() {
        DensityGrid g;
        g.axes = {std::vector<double>{0.0, 1.0}, std::vector<double>{0.0, 2.0}, std::vector<double>{0.0, 4.0}};
        g.values.assign(13 * 8, 0.0f);
        for (std::size_t k = 0; k < 8; ++k)
            g.values[2 * 8 + k] = float(k);
        QCOMPARE(g.at(2, Eigen::Vector3d(1.0, 2.0, 4.0)), 7.0);
        QCOMPARE(g.at(2, Eigen::Vector3d(0.0, 2.0, 0.0)), 2.0);
        QCOMPARE(g.at(2, Eigen::Vector3d(0.5, 1.0, 2.0)), 3.5);
        QCOMPARE(g.at(2, Eigen::Vector3d(0.25, 0.0, 0.0)), 4.0 * 0.25); // node (1,0,0) is index 4
        QCOMPARE(g.at(2, Eigen::Vector3d(1.5, 1.0, 2.0)), 0.0);
    }

    void kdeOfManyStarsTiming() {
        Catalog cat = starlocus::test::makeCleanCatalog(50000);
        for (std::size_t i = 0; i < cat.size(); ++i)
            cat.theta[i] = {4000.0 + 0.05 * double(i), 1.0 + 7e-5 * double(i), -1.5 + 3e-5 * double(i)};
        QElapsedTimer timer;
        timer.start();
        const DensityGrid g = trainingDensity(cat);
        qInfo("KDE of 50000 stars, 13 channels, 50^3 nodes: %lld ms", timer.elapsed());
        QCOMPARE(g.stars[4], std::size_t(50000));
        QVERIFY(g.valid(4, Eigen::Vector3d(5250.0, 2.75, -0.75)));
    }

    void publishedFileValuesAtItsNodes() {
        STARLOCUS_SHARED_FILE(path, "green2020/green2020_input_density.h5");
        const DensityGrid g = readDensityGrid(path.toStdString());
        QCOMPARE(g.nodes(0), std::size_t(50));
        QCOMPARE(g.axes[0].front(), 2500.0);
        QCOMPARE(g.axes[0].back(), 9000.0);
        QCOMPARE(g.axes[1].front(), -2.0);
        QCOMPARE(g.axes[2].back(), 1.0);
        // The raw dataset, read independently.
        hdf5::Handle file = hdf5::openReadOnly(path.toStdString());
        hdf5::Handle ds(H5Dopen2(file.get(), "rho_stars", H5P_DEFAULT));
        std::vector<float> raw(13 * 50 * 50 * 50);
        QVERIFY(H5Dread(ds.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) >= 0);
        QVERIFY(g.values == raw);
        std::size_t checked = 0;
        for (std::size_t ch = 0; ch < 13; ++ch)
            for (std::size_t t = 0; t < 50; t += 7)
                for (std::size_t l = 0; l < 50; l += 3)
                    for (std::size_t f = 0; f < 50; f += 5) {
                        const Eigen::Vector3d theta(g.axes[0][t], g.axes[1][l], g.axes[2][f]);
                        QCOMPARE(g.at(ch, theta), double(raw[((ch * 50 + t) * 50 + l) * 50 + f]));
                        ++checked;
                    }
        std::size_t valid = 0;
        for (float v : raw)
            valid += v >= kValidDensityThreshold ? 1 : 0;
        qInfo("published density: %zu nodes checked by look-up; %zu of %zu node values >= 1e-2", checked, valid,
              raw.size());
        // The Sun is well inside the training data in every band.
        for (std::size_t ch = 0; ch < 13; ++ch)
            QVERIFY(g.valid(ch, Eigen::Vector3d(5780.0, 4.44, 0.0)));
    }

    void writeAndReadBack() {
        DensityGrid g = trainingDensity(oneStar({5000.0, 4.0, 0.0}));
        writeDensityGrid(tmp("roundtrip.h5"), g);
        const DensityGrid back = readDensityGrid(tmp("roundtrip.h5"));
        QVERIFY(back.values == g.values);
        QVERIFY(back.axes == g.axes);
    }

    void smallValidFileReads() {
        writeDensityFile(tmp("small.h5"), FileSpec{});
        const DensityGrid g = readDensityGrid(tmp("small.h5"));
        QCOMPARE(g.nodes(0), std::size_t(3));
        QCOMPARE(g.nodes(2), std::size_t(5));
        QCOMPARE(double(g.node(12, 2, 3, 4)), double(float(779.0 / 780.0)));
    }

    void malformedFilesAreInputErrors() {
        FileSpec noDataset;
        noDataset.writeDataset = false;
        writeDensityFile(tmp("no_dataset.h5"), noDataset);
        QCOMPARE(errorField(tmp("no_dataset.h5")), std::string("rho_stars"));

        FileSpec renamed;
        renamed.datasetName = "rho";
        writeDensityFile(tmp("renamed.h5"), renamed);
        QCOMPARE(errorField(tmp("renamed.h5")), std::string("rho_stars"));

        FileSpec wrongShape;
        wrongShape.shape = {12, 3, 4, 5};
        writeDensityFile(tmp("wrong_shape.h5"), wrongShape);
        QCOMPARE(errorField(tmp("wrong_shape.h5")), std::string("rho_stars"));

        FileSpec wrongRank;
        wrongRank.shape = {13, 3, 4};
        writeDensityFile(tmp("wrong_rank.h5"), wrongRank);
        QCOMPARE(errorField(tmp("wrong_rank.h5")), std::string("rho_stars"));

        FileSpec noTeff;
        noTeff.writeTeff = false;
        writeDensityFile(tmp("no_teff.h5"), noTeff);
        QCOMPARE(errorField(tmp("no_teff.h5")), std::string("rho_stars/teff"));

        FileSpec shortLogg;
        shortLogg.logg = {0.0, 2.0, 4.0};
        writeDensityFile(tmp("short_logg.h5"), shortLogg);
        QCOMPARE(errorField(tmp("short_logg.h5")), std::string("rho_stars/logg"));

        FileSpec unsortedFeh;
        unsortedFeh.feh = {-2.0, -1.0, 0.5, 0.0, 1.0};
        writeDensityFile(tmp("unsorted_feh.h5"), unsortedFeh);
        QCOMPARE(errorField(tmp("unsorted_feh.h5")), std::string("rho_stars/feh"));

        FileSpec repeatedTeff;
        repeatedTeff.teff = {3000.0, 3000.0, 7000.0};
        writeDensityFile(tmp("repeated_teff.h5"), repeatedTeff);
        QCOMPARE(errorField(tmp("repeated_teff.h5")), std::string("rho_stars/teff"));

        QCOMPARE(errorField(tmp("does_not_exist.h5")), std::string(""));
    }

    // A `bands` attribute that does not list parallax, BP … W2 in order is refused.
    void wrongBandListIsAnInputError() {
        writeDensityFile(tmp("bands.h5"), FileSpec{});
        {
            hdf5::Handle file(H5Fopen(tmp("bands.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
            hdf5::Handle ds(H5Dopen2(file.get(), "rho_stars", H5P_DEFAULT));
            hdf5::Handle type(H5Tcopy(H5T_C_S1));
            H5Tset_size(type.get(), H5T_VARIABLE);
            const hsize_t n = 13;
            hdf5::Handle space(H5Screate_simple(1, &n, nullptr));
            hdf5::Handle attr(H5Acreate2(ds.get(), "bands", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
            const char* names[13] = {"parallax", "BP", "RP", "g", "r", "i", "z", "y", "J", "K_s", "H", "W_1", "W_2"};
            QVERIFY(H5Awrite(attr.get(), type.get(), names) >= 0);
        }
        QCOMPARE(errorField(tmp("bands.h5")), std::string("rho_stars/bands"));
    }
};

QTEST_GUILESS_MAIN(TestDensityGrid)
#include "test_density_grid.moc"
