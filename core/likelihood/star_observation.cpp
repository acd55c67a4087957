// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/star_observation.h"

#include <Eigen/Cholesky>
#include <cmath>

namespace starlocus::core {

std::string_view exclusionName(StarExclusion exclusion) {
    switch (exclusion) {
    case StarExclusion::None: return "used";
    case StarExclusion::MissingG: return "missing_G";
    case StarExclusion::BadLabels: return "bad_labels";
    case StarExclusion::BadLabelCovariance: return "bad_label_covariance";
    case StarExclusion::BadReddeningPrior: return "bad_reddening_prior";
    case StarExclusion::CovarianceNotPositiveDefinite: return "covariance_not_positive_definite";
    }
    return "?";
}

StarDefectCounts& StarDefectCounts::operator+=(const StarDefectCounts& o) {
    missingG += o.missingG;
    badLabels += o.badLabels;
    badLabelCovariance += o.badLabelCovariance;
    badReddeningPrior += o.badReddeningPrior;
    covarianceNotPositiveDefinite += o.covarianceNotPositiveDefinite;
    parallaxNonPositive += o.parallaxNonPositive;
    parallaxNotFinite += o.parallaxNotFinite;
    parallaxLowSnr += o.parallaxLowSnr;
    bandValuesUnobserved += o.bandValuesUnobserved;
    bandValuesAboveErrorCut += o.bandValuesAboveErrorCut;
    noDegreesOfFreedom += o.noDegreesOfFreedom;
    return *this;
}

void StarDefectCounts::count(StarExclusion exclusion) {
    switch (exclusion) {
    case StarExclusion::None: break;
    case StarExclusion::MissingG: ++missingG; break;
    case StarExclusion::BadLabels: ++badLabels; break;
    case StarExclusion::BadLabelCovariance: ++badLabelCovariance; break;
    case StarExclusion::BadReddeningPrior: ++badReddeningPrior; break;
    case StarExclusion::CovarianceNotPositiveDefinite: ++covarianceNotPositiveDefinite; break;
    }
}

StarObservation observeStar(const Catalog& cat, std::size_t i, const LabelNormalization& norm,
                            StarDefectCounts* defects) {
    StarObservation obs;
    StarDefectCounts local;
    // Every path returns the named `obs` (never a copy made elsewhere), so the 1.5 kB
    // observation is built in the caller's storage: this runs per star per iteration.
    auto exclude = [&](StarExclusion why) {
        obs.exclusion = why;
        local.count(why);
        if (defects)
            *defects += local;
    };

    // Which bands are observed (METHOD.md §3: NaN value or error, or error > 0.2 mag).
    std::array<bool, kBandCount> observed{};
    std::array<double, kBandCount> variance{};
    for (std::size_t b = 0; b < kBandCount; ++b) {
        const double m = cat.mag[i][b], s = cat.magErr[i][b];
        if (!std::isfinite(m) || !std::isfinite(s) || !(s > 0.0)) {
            ++local.bandValuesUnobserved;
        } else if (s > kMaxMagnitudeError) {
            ++local.bandValuesAboveErrorCut;
        } else {
            observed[b] = true;
            variance[b] = s * s;
        }
    }
    if (!observed[0]) {
        exclude(StarExclusion::MissingG);
        return obs;
    }

    const Eigen::Vector3d theta(cat.theta[i][0], cat.theta[i][1], cat.theta[i][2]);
    if (!theta.allFinite()) {
        exclude(StarExclusion::BadLabels);
        return obs;
    }
    const Eigen::Matrix3d cov = Eigen::Map<const Eigen::Matrix<double, 3, 3, Eigen::RowMajor>>(cat.thetaCov[i].data());
    if (!cov.allFinite() || (cov - cov.transpose()).cwiseAbs().maxCoeff() > 1e-6 * cov.cwiseAbs().maxCoeff()) {
        exclude(StarExclusion::BadLabelCovariance);
        return obs;
    }
    obs.labelCovX = norm.normalizeCovariance(0.5 * (cov + cov.transpose()));
    const Eigen::LLT<Eigen::Matrix3d> labelFactor(obs.labelCovX); // D⁻¹C_θD⁻¹ is definite iff C_θ is
    if (labelFactor.info() != Eigen::Success) {
        exclude(StarExclusion::BadLabelCovariance);
        return obs;
    }
    obs.labelCovXFactor = labelFactor.matrixL();
    obs.priorE = cat.reddening[i];
    obs.priorSigmaE = cat.reddeningErr[i];
    if (!std::isfinite(obs.priorE) || !std::isfinite(obs.priorSigmaE) || !(obs.priorSigmaE > 0.0)) {
        exclude(StarExclusion::BadReddeningPrior);
        return obs;
    }
    obs.x = norm.normalize(theta);

    // Parallax: c₀ is kept only for a positive, finite parallax with S/N ≥ 5.
    const double plx = cat.parallaxMas[i], plxErr = cat.parallaxErrMas[i];
    bool parallaxUsable = false;
    if (!std::isfinite(plx) || !std::isfinite(plxErr) || !(plxErr > 0.0))
        ++local.parallaxNotFinite;
    else if (plx <= 0.0)
        ++local.parallaxNonPositive;
    else if (plx / plxErr < kMinParallaxSnr)
        ++local.parallaxLowSnr;
    else
        parallaxUsable = true;

    // c = B m: c₀ = m_G − μ, cᵢ = mᵢ − m_G; cov(cᵢ, cⱼ) = δᵢⱼσᵢ² + σ_G², cov(c₀, cᵢ) = −σ_G².
    const double g = cat.mag[i][0], varG = variance[0];
    obs.noiseVarG = varG;
    for (std::size_t b = 1; b < kBandCount; ++b) {
        if (!observed[b])
            continue;
        obs.kept[b] = true;
        obs.target[Eigen::Index(b)] = cat.mag[i][b] - g;
        obs.noiseDiagonal[Eigen::Index(b)] = variance[b];
    }
    if (parallaxUsable) {
        obs.kept[0] = true;
        const double mu = 10.0 - 5.0 * std::log10(plx); // μ = 10 − 5 log10(ϖ / mas)
        obs.target[0] = g - mu;
        const double sigmaMu = 5.0 / std::log(10.0) * plxErr / plx;
        obs.noiseDiagonal[0] = sigmaMu * sigmaMu;
    }
    for (bool k : obs.kept)
        obs.keptCount += k ? 1 : 0;
    if (defects)
        *defects += local;
    return obs;
}

} // namespace starlocus::core
