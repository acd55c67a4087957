// SPDX-License-Identifier: GPL-3.0-or-later
// The published model on the published 10,000 test stars: Eqs. 8–9 reproduce the
// authors' r_fit / r_var, and the χ²/dof statistics are those of a good fit (§4: 2.7 %
// above 5 and ⟨χ²/dof⟩ = 0.87 below 5 on the paper's own test set).
#include "core/diagnostics/fit_summary.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/likelihood/catalog_fit.h"
#include "tests/support/published_data.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace starlocus::core;

namespace {

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= double(a.size());
    mb /= double(b.size());
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

} // namespace

class TestPublishedLikelihood : public QObject {
    Q_OBJECT
    StellarModel model_;
    Catalog catalog_;

private slots:
    void init() {
        STARLOCUS_LOAD_PUBLISHED(model_, catalog_);
    }

    void refitReproducesPublishedReddening() {
        const CatalogFit fit = refitCatalogReddening(model_, catalog_);
        std::vector<double> ours, theirs, absDiff, varRatio;
        for (std::size_t i = 0; i < catalog_.size(); ++i) {
            QCOMPARE(fit.exclusion[i], StarExclusion::None);
            ours.push_back(fit.reddening[i]);
            theirs.push_back((*catalog_.reddeningFit)[i]);
            absDiff.push_back(std::abs(fit.reddening[i] - (*catalog_.reddeningFit)[i]));
            varRatio.push_back(fit.reddeningVar[i] / (*catalog_.reddeningFitVar)[i]);
        }
        const double medDiff = median(absDiff), corr = correlation(ours, theirs), ratio = median(varRatio);
        qInfo("median |dE| = %.3g mag, correlation = %.8f, median r_var ratio = %.6f", medDiff, corr, ratio);
        QVERIFY(medDiff < 0.001);
        QVERIFY(corr > 0.99);
        QVERIFY(std::abs(ratio - 1.0) < 0.02);
    }

    void chiSquarePerDofWithRefitReddening() {
        const CatalogFit fit = evaluateCatalog(model_, catalog_, ReddeningChoice::Refit);
        const FitGroupSummary all = summarizeFitByGroup(catalog_, fit).at("all");
        qInfo("refit: n=%zu, with dof=%zu, <chi2/13>=%.4f, frac(chi2/dof>=5)=%.4f, <chi2/dof | <5>=%.4f", all.stars,
              all.withDof, all.chi2PerBand, all.fracAbove, all.chi2DofBelow);
        QCOMPARE(all.stars, std::size_t(10000));
        QVERIFY(all.fracAbove <= 0.05);
        QVERIFY(all.chi2DofBelow >= 0.7 && all.chi2DofBelow <= 1.0);
    }

    void chiSquarePerDofWithCatalogReddening() {
        const CatalogFit fit = evaluateCatalog(model_, catalog_, ReddeningChoice::Catalog);
        const FitGroupSummary all = summarizeFitByGroup(catalog_, fit).at("all");
        qInfo("catalog: frac(chi2/dof>=5)=%.4f, <chi2/dof | <5>=%.4f", all.fracAbove, all.chi2DofBelow);
        QVERIFY(all.fracAbove <= 0.05);
        QVERIFY(all.chi2DofBelow >= 0.7 && all.chi2DofBelow <= 1.0);
    }

    // Fixed chunking: the result does not depend on the number of threads.
    void resultsDoNotDependOnThreadCount() {
        qputenv("STARLOCUS_THREADS", "1");
        const CatalogFit one = evaluateCatalog(model_, catalog_, ReddeningChoice::Refit);
        qputenv("STARLOCUS_THREADS", "3");
        const CatalogFit three = evaluateCatalog(model_, catalog_, ReddeningChoice::Refit);
        qunsetenv("STARLOCUS_THREADS");
        for (std::size_t i = 0; i < catalog_.size(); ++i)
            QVERIFY(one.chi2[i] == three.chi2[i] || (std::isnan(one.chi2[i]) && std::isnan(three.chi2[i])));
    }
};

QTEST_GUILESS_MAIN(TestPublishedLikelihood)
#include "test_published_likelihood.moc"
