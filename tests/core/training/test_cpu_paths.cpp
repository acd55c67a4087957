// SPDX-License-Identifier: GPL-3.0-or-later
// The CPU paths of the training kernels (core/common/cpu_dispatch.h): each built path
// has its own table, compiled for its instruction set, and STARLOCUS_CPU picks it; the
// gradient, loss and per-star update of every path this CPU runs agree with the
// baseline's, bit for bit where no multiply-add is contracted into an FMA, and within the
// tolerances stated below (docs/PERFORMANCE.md, "Portable binaries") where one is.
#include "core/common/cpu_dispatch.h"
#include "core/common/counter_random.h"
#include "core/mock/mock_sky.h"
#include "core/training/adam.h"
#include "core/training/trainer.h"
#include "core/training/training_kernels.h"
#include "core/training/training_state.h"

#include "tests/core/training/random_star_samples.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

using namespace starlocus::core;

namespace {

// Tolerances, as a fraction of the largest magnitude of the compared array (a norm-wise
// relative difference; element-wise it would be meaningless where a sum cancels to ~0).
// The AVX2 path contracts a·b + c into one FMA, rounding once instead of twice: each
// contracted step moves its result by at most half an ulp, and these add up along a
// chain of sums. Measured on this test's inputs with GCC 12: gradient 1.1e-7 (two float
// ulp of its largest entry), losses 4e-8; the tolerance is ten times that, 17 float ulp,
// and still 10⁴ times below what one star too many or too few in a group changes (~1/20).
constexpr double kFloatKernelTolerance = 1e-6;
// The update runs in double through the model, the closed-form posterior and a 13×13
// factorisation. Measured: E′, σ_E′² 2.7e-15, χ²/dof 7e-15 (≈ 30 double ulp); tolerance
// 1e-12, a hundred times that; one wrong star moves its E′ by O(0.1).
constexpr double kDoubleUpdateTolerance = 1e-12;
// What the update stores as float (W, E) inherits differences of ~1e-15 and rounds them
// away: bit-identical on these 3,000 stars, but a double that falls within 1e-15 of a
// float rounding boundary may round the other way, so up to one float ulp is allowed.
constexpr double kFloatStoredTolerance = 2.5e-7;

template <typename A, typename B>
double normwiseDifference(const A& a, const B& b) {
    double diff = 0.0, scale = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (std::isnan(double(a[k])) && std::isnan(double(b[k])))
            continue;
        diff = std::max(diff, std::abs(double(a[k]) - double(b[k])));
        scale = std::max(scale, std::abs(double(b[k])));
    }
    return scale > 0.0 ? diff / scale : diff;
}

std::vector<const TrainingKernels*> runnablePaths() {
    std::vector<const TrainingKernels*> out;
    for (CpuPath path : kAllCpuPaths) {
        if (cpuPathRuns(path))
            out.push_back(trainingKernelsFor(path));
        else if (cpuPathBuilt(path)) // say so: a CI machine without AVX-512 compares one path fewer
            qInfo("%s: built, but this CPU does not run it; not compared", std::string(cpuPathName(path)).c_str());
    }
    return out;
}

struct GradientRun {
    // Summed over all groups; aligned as the trainer's are (adam.h): Eigen peels unaligned
    // arrays by their address, and on the AVX2 path (32-byte packets) a malloc'd array's
    // address then changes the last bits from one run to the next.
    ParameterVector gradient;
    std::vector<double> groupLoss;
    double validationLoss = 0.0;
};

GradientRun gradientRun(const TrainingKernels& kernels, const NetworkLayout& layout, const ParameterVector& params,
                        const std::vector<StarSample>& stars) {
    GradientRun run;
    run.gradient.assign(layout.size, 0.0f);
    BatchWorkspace workspace(layout, 256);
    std::vector<std::uint32_t> order(stars.size());
    std::iota(order.begin(), order.end(), 0u);
    const std::span<const std::uint32_t> all(order);
    // 16-star groups take the fixed kernel, the 13-star rest the general code.
    for (std::size_t g = 0; g < all.size(); g += 16) {
        const auto group = all.subspan(g, std::min<std::size_t>(16, all.size() - g));
        run.groupLoss.push_back(kernels.accumulate(workspace, layout, params.data(), stars.data(), group, 1e-3f,
                                                   run.gradient.data(), true));
    }
    run.validationLoss = kernels.loss(workspace, layout, params.data(), stars.data(), all.first(std::min<std::size_t>(200, all.size())), true);
    return run;
}

const MockSky& sky() {
    static const MockSky mock = [] {
        MockSkyConfig config;
        config.starCount = 3000;
        config.extinction = ExtinctionMode::Linear;
        return MockSky(config, 2026);
    }();
    return mock;
}

struct UpdateRun {
    TrainingState state;
    std::vector<StarSample> samples;
    UpdateStarsSums sums;
};

} // namespace

class TestCpuPaths : public QObject {
    Q_OBJECT
private slots:
    void eachBuiltPathHasItsOwnTable() {
        QVERIFY(cpuPathBuilt(CpuPath::Baseline) && cpuPathRuns(CpuPath::Baseline));
        const TrainingKernels* baseline = trainingKernelsFor(CpuPath::Baseline);
        QVERIFY(baseline && baseline->path == CpuPath::Baseline);
        if (!cpuPathBuilt(CpuPath::Avx2)) {
            qInfo("baseline compiled for: %s", baseline->compiledFor);
            QVERIFY(trainingKernelsFor(CpuPath::Avx2) == nullptr);
            QVERIFY(trainingKernelsFor(CpuPath::Avx512) == nullptr);
            QSKIP("this build has the baseline path only (native or non-x86)");
        }
        // The predefined macros each path's sources saw: its instruction set and none wider
        // (the variants are only built when the baseline is below x86-64-v3).
        struct Expected {
            CpuPath path;
            std::vector<const char*> has, lacks;
        };
        const Expected expected[] = {
            {CpuPath::Baseline, {}, {"avx2", "avx512f"}},
            {CpuPath::Avx2, {"avx2", "fma"}, {"avx512f"}},
            {CpuPath::Avx512, {"avx512f", "avx2", "fma"}, {}},
        };
        std::vector<const TrainingKernels*> tables;
        for (const Expected& e : expected) {
            QVERIFY(cpuPathBuilt(e.path));
            const TrainingKernels* table = trainingKernelsFor(e.path);
            QVERIFY(table && table->path == e.path);
            qInfo("%s compiled for: %s", std::string(cpuPathName(e.path)).c_str(), table->compiledFor);
            for (const char* feature : e.has)
                QVERIFY2(std::strstr(table->compiledFor, feature), feature);
            for (const char* feature : e.lacks)
                QVERIFY2(!std::strstr(table->compiledFor, feature), feature);
            // Its own code, not another path's.
            for (const TrainingKernels* other : tables) {
                QVERIFY(table->accumulate != other->accumulate);
                QVERIFY(table->loss != other->loss);
                QVERIFY(table->updateStars != other->updateStars);
            }
            tables.push_back(table);
        }
    }

    void environmentChoosesThePath() {
        CpuPath best = CpuPath::Baseline;
        for (CpuPath path : kAllCpuPaths)
            if (cpuPathRuns(path))
                best = path;
        qInfo("this CPU's best path: %s", std::string(cpuPathName(best)).c_str());
        QCOMPARE(chooseCpuPath("").path, best);
        QVERIFY(chooseCpuPath("").problem.empty());
        // A named path is taken where it runs; elsewhere the best path is, with the reason.
        for (CpuPath path : kAllCpuPaths) {
            const CpuPathChoice choice = chooseCpuPath(cpuPathName(path));
            QCOMPARE(choice.path, cpuPathRuns(path) ? path : best);
            QCOMPARE(choice.problem.empty(), cpuPathRuns(path));
        }
        if (cpuPathRuns(CpuPath::Avx512))
            QVERIFY(cpuPathRuns(CpuPath::Avx2)); // x86-64-v4 includes v3
        const CpuPathChoice bogus = chooseCpuPath("sse9");
        QCOMPARE(bogus.path, best);
        QVERIFY(!bogus.problem.empty());
        // The process's own choice is one of these (ctest may set STARLOCUS_CPU).
        const char* env = std::getenv("STARLOCUS_CPU");
        QCOMPARE(activeCpuPath(), chooseCpuPath(env ? env : "").path);
        QCOMPARE(trainingKernels().path, activeCpuPath());
    }

    void gradientAndLossAgreeAcrossPaths() {
        const NetworkLayout layout({32, 32});
        const ParameterVector params = initialParameters(layout, 5);
        const auto stars = starlocus::test::randomStarSamples(16 * 20 + 13, 77);
        const GradientRun reference = gradientRun(*trainingKernelsFor(CpuPath::Baseline), layout, params, stars);
        for (const TrainingKernels* kernels : runnablePaths()) {
            const GradientRun a = gradientRun(*kernels, layout, params, stars);
            const GradientRun b = gradientRun(*kernels, layout, params, stars);
            // Each path is reproducible to the bit.
            QVERIFY(a.gradient == b.gradient);
            QVERIFY(a.groupLoss == b.groupLoss);
            QCOMPARE(a.validationLoss, b.validationLoss);
            const double dGradient = normwiseDifference(a.gradient, reference.gradient);
            const double dLoss = normwiseDifference(a.groupLoss, reference.groupLoss);
            const double dValidation = std::abs(a.validationLoss - reference.validationLoss) / reference.validationLoss;
            qInfo("%s vs baseline: gradient %.3g, group losses %.3g, validation loss %.3g (norm-wise relative)",
                  std::string(cpuPathName(kernels->path)).c_str(), dGradient, dLoss, dValidation);
            QVERIFY2(dGradient <= kFloatKernelTolerance, "gradient differs beyond FMA rounding");
            QVERIFY2(dLoss <= kFloatKernelTolerance, "group losses differ beyond FMA rounding");
            QVERIFY2(dValidation <= kFloatKernelTolerance, "validation loss differs beyond FMA rounding");
        }
    }

    void optimiserStepAgreesAcrossPaths() {
        const NetworkLayout layout({32, 32});
        const ParameterVector start = initialParameters(layout, 9);
        const auto stars = starlocus::test::randomStarSamples(64, 78);
        const GradientRun batch = gradientRun(*trainingKernelsFor(CpuPath::Baseline), layout, start, stars);
        struct Stepped {
            ParameterVector params;
            AdamState adam;
            double regularization = 0.0;
        };
        auto step = [&](const TrainingKernels& kernels) {
            Stepped out{start, AdamState(layout.size)};
            ParameterVector gradient = batch.gradient;
            const AdamSettings settings{0.9, 0.999, 1e-7};
            for (int k = 0; k < 3; ++k) { // three steps: the moments are no longer zero
                out.regularization += kernels.addRegularization(layout, out.params.data(), 1e-4, 1e-3, gradient.data());
                kernels.adamStep(out.params, gradient, out.adam, 1e-3, settings);
            }
            return out;
        };
        const Stepped reference = step(*trainingKernelsFor(CpuPath::Baseline));
        for (const TrainingKernels* kernels : runnablePaths()) {
            const Stepped s = step(*kernels);
            // The parameters, not their change: a step of 1e-3 on a weight of 0.3 keeps
            // only 1e-5 of relative precision once the weight is rounded to float.
            const double dParams = normwiseDifference(s.params, reference.params);
            const double dM = normwiseDifference(s.adam.m, reference.adam.m);
            const double dV = normwiseDifference(s.adam.v, reference.adam.v);
            const double dReg = std::abs(s.regularization - reference.regularization) / reference.regularization;
            qInfo("%s vs baseline: parameters %.3g, Adam moments %.3g and %.3g, regularisation %.3g (norm-wise relative)",
                  std::string(cpuPathName(kernels->path)).c_str(), dParams, dM, dV, dReg);
            QVERIFY2(dParams <= kFloatKernelTolerance, "parameters after Adam differ beyond FMA rounding");
            QVERIFY2(dM <= kFloatKernelTolerance && dV <= kFloatKernelTolerance,
                     "Adam moments differ beyond FMA rounding");
            QVERIFY2(dReg <= kFloatKernelTolerance, "regularisation differs beyond FMA rounding");
        }
    }

    void updateAgreesAcrossPaths() {
        const Catalog& catalog = sky().catalog();
        TrainingConfig config;
        config.iterations = 1;
        config.epochsPerIteration = 2;
        config.threads = 1;
        config.seed = 3;
        struct Quiet : TrainingObserver {} observer;
        TrainingControl control;
        const TrainingResult trained = Trainer(catalog, config).run(observer, control);
        const StellarModel& model = trained.model;

        auto update = [&](const TrainingKernels& kernels) {
            UpdateRun run;
            run.state = initialState(catalog, model.normalization(), config, run.samples);
            const UpdateStarsJob job{catalog, model, 5.0, true, run.state, run.samples};
            kernels.updateStars(job, 0, catalog.size(), run.sums);
            return run;
        };
        const UpdateRun reference = update(*trainingKernelsFor(CpuPath::Baseline));
        QVERIFY(reference.sums.usable > catalog.size() / 2);
        for (const TrainingKernels* kernels : runnablePaths()) {
            const UpdateRun run = update(*kernels);
            const std::string name(cpuPathName(kernels->path));
            std::vector<float> w, wRef, x, xRef, y, yRef, e, eRef;
            for (std::size_t i = 0; i < catalog.size(); ++i) {
                const StarSample& s = run.samples[i];
                const StarSample& r = reference.samples[i];
                for (std::size_t k = 0; k < kPackedTriangleSize; ++k) {
                    w.push_back(whiteningEntry(s, k));
                    wRef.push_back(whiteningEntry(r, k));
                }
                x.insert(x.end(), std::begin(s.x), std::end(s.x));
                xRef.insert(xRef.end(), std::begin(r.x), std::end(r.x));
                y.insert(y.end(), std::begin(s.y), std::end(s.y));
                yRef.insert(yRef.end(), std::begin(r.y), std::end(r.y));
                e.push_back(s.e);
                eRef.push_back(r.e);
            }
            // Labels and targets are differences and quotients of catalog values, no
            // multiply-add: the same bits on every path. So are the flags.
            QVERIFY2(x == xRef, "labels x differ between paths");
            QVERIFY2(y == yRef, "targets y differ between paths");
            QVERIFY(run.state.usable == reference.state.usable);
            QVERIFY(run.state.inUse == reference.state.inUse);
            QCOMPARE(run.sums.usable, reference.sums.usable);
            QCOMPARE(run.sums.clipped, reference.sums.clipped);
            QCOMPARE(run.sums.testBelow, reference.sums.testBelow);
            // Through the model and the factorisations: FMA rounding only.
            const double dE = normwiseDifference(run.state.reddening, reference.state.reddening);
            const double dVar = normwiseDifference(run.state.reddeningVar, reference.state.reddeningVar);
            const double dChi2 = normwiseDifference(run.state.chi2Dof, reference.state.chi2Dof);
            const double dW = normwiseDifference(w, wRef);
            const double dSampleE = normwiseDifference(e, eRef);
            qInfo("%s vs baseline: E' %.3g, var E' %.3g, chi2/dof %.3g (double); W %.3g, E %.3g (stored as float)",
                  name.c_str(), dE, dVar, dChi2, dW, dSampleE);
            QVERIFY2(dE <= kDoubleUpdateTolerance, "E' differs beyond FMA rounding");
            QVERIFY2(dVar <= kDoubleUpdateTolerance, "var E' differs beyond FMA rounding");
            QVERIFY2(dChi2 <= kDoubleUpdateTolerance, "chi2/dof differs beyond FMA rounding");
            QVERIFY2(dW <= kFloatStoredTolerance, "whitening differs beyond FMA rounding");
            QVERIFY2(dSampleE <= kFloatStoredTolerance, "sample E differs beyond FMA rounding");
        }
    }
};

QTEST_GUILESS_MAIN(TestCpuPaths)
#include "test_cpu_paths.moc"
