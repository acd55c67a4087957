// SPDX-License-Identifier: GPL-3.0-or-later
// StellarModel against the published Sun vector, its analytic Jacobian against central
// finite differences on real stars, and our model file's exact round trip.
#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/io/normalization_json.h"
#include "core/io/keras_model_import.h"
#include "tests/support/published_model.h"
#include "tests/support/relative_compare.h"
#include "tests/support/shared_data.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace starlocus::core;
using starlocus::test::kPublishedSunAtE1;

class TestStellarModel : public QObject {
    Q_OBJECT

    StellarModel published() {
        const QString model = starlocus::test::sharedFile("green2020/green2020_nn_model.h5");
        const QString norm = starlocus::test::sharedFile("green2020/green2020_theta_normalization.json");
        return importKerasModel(model.toStdString(), readNormalizationJson(norm.toStdString()));
    }

private slots:
    void sunMatchesPublishedVector() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        const StellarModel model = published();
        const Vec13 c = model.evaluate({5780.0, 4.44, 0.0}, false).colorPrediction(1.0);
        for (int b = 0; b < 13; ++b)
            STARLOCUS_COMPARE_CLOSE(c[b], kPublishedSunAtE1[std::size_t(b)], 0.0, 1e-4);
        // M + E·R is B⁻¹ of that: G itself, and each band = colour + G.
        const Vec13 m = fromColorSpace(c);
        STARLOCUS_COMPARE_CLOSE(m[1], kPublishedSunAtE1[1] + kPublishedSunAtE1[0], 0.0, 1e-4);
    }

    void layerSizesComeFromTheFile() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        const StellarModel model = published();
        QCOMPARE(model.hiddenLayers().size(), std::size_t(2));
        QCOMPARE(model.hiddenLayers()[0].outputs, 32);
        QCOMPARE(model.hiddenLayers()[1].outputs, 32);
        QCOMPARE(model.hiddenLayers()[0].activation, Activation::Sigmoid);
        QCOMPARE(model.colorOutputLayer().outputs, 13);
        // 3·32+32 + 32·32+32 + 32·13+13 + 3·13+13
        QCOMPARE(model.parameterCount(), std::size_t(128 + 1056 + 429 + 52));
    }

    // ∂B(M + Ê·R)/∂θ against central differences in double, on 1,000 real stars.
    void jacobianMatchesFiniteDifferences() {
        STARLOCUS_SHARED_FILE(catalogPath, "green2020/green2020_test_data_small.h5");
        const StellarModel model = published();
        const Catalog cat = readGreen2020Catalog(catalogPath.toStdString());
        // 1e-5 of each label σ: truncation (∝ h²) and round-off (∝ 1/h) both stay below 1e-9.
        const auto& sd = model.normalization().stddev;
        const std::array<double, 3> step{1e-5 * sd[0], 1e-5 * sd[1], 1e-5 * sd[2]};
        double worst = 0.0;
        for (std::size_t i = 0; i < 1000; ++i) {
            const Eigen::Vector3d theta(cat.theta[i][0], cat.theta[i][1], cat.theta[i][2]);
            const double e = cat.reddening[i];
            const Mat13x3 analytic = model.colorPredictionJacobian(theta, e);
            for (int k = 0; k < 3; ++k) {
                Eigen::Vector3d up = theta, down = theta;
                up[k] += step[std::size_t(k)];
                down[k] -= step[std::size_t(k)];
                const Vec13 fd = (model.evaluate(up, false).colorPrediction(e) -
                                  model.evaluate(down, false).colorPrediction(e)) /
                                 (2.0 * step[std::size_t(k)]);
                for (int b = 0; b < 13; ++b) {
                    const double a = analytic(b, k), f = fd[b];
                    const double tol = std::max(1e-6 * std::abs(f), 1e-9);
                    worst = std::max(worst, std::abs(a - f) / tol);
                    if (std::abs(a - f) > tol)
                        QFAIL(qPrintable(QStringLiteral("star %1 band %2 label %3: analytic %4, finite "
                                                        "difference %5")
                                             .arg(i)
                                             .arg(b)
                                             .arg(k)
                                             .arg(a, 0, 'g', 12)
                                             .arg(f, 0, 'g', 12)));
                }
            }
        }
        qInfo("worst |analytic - FD| / tolerance = %.3g", worst);
    }

    void modelFileRoundTripIsBitIdentical() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        const StellarModel model = published();
        QTemporaryDir dir;
        const std::string path = dir.filePath("model.h5").toStdString();
        saveModel(path, model);
        const StellarModel loaded = loadAnyModel(path);
        QVERIFY(loaded.normalization() == model.normalization());
        QCOMPARE(loaded.hiddenLayers().size(), model.hiddenLayers().size());
        for (double teff : {3500.0, 4800.0, 5780.0, 7200.0})
            for (double logg : {1.5, 3.0, 4.5})
                for (double feh : {-1.5, 0.0, 0.4}) {
                    const auto a = model.evaluate({teff, logg, feh}, true);
                    const auto b = loaded.evaluate({teff, logg, feh}, true);
                    QVERIFY(a.colorPrediction(0.7) == b.colorPrediction(0.7)); // exact, not approximate
                    QVERIFY(a.colorPredictionJacobianX(0.7) == b.colorPredictionJacobianX(0.7));
                }
        QCOMPARE(loaded.provenance().origin, std::string("keras-import"));
    }

    void savingIsAtomic() {
        STARLOCUS_SHARED_FILE(modelPath, "green2020/green2020_nn_model.h5");
        QTemporaryDir dir;
        const std::string path = dir.filePath("missing-folder/model.h5").toStdString();
        QVERIFY_THROWS_EXCEPTION(InputError, saveModel(path, published()));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStellarModel)
#include "test_stellar_model.moc"
