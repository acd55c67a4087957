// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/star_observation.h"

#include <Eigen/Cholesky>
#include <cmath>
#include <limits>

namespace starlocus::core {

std::string_view exclusionName(StarExclusion exclusion) {
    switch (exclusion) {
    case StarExclusion::None: return "used";
    case StarExclusion::MissingG: return "missing_G";
    case StarExclusion::BadLabels: return "bad_labels";
    case StarExclusion::BadLabelCovariance: return "bad_label_covariance";
    case StarExclusion::BadReddeningPrior: return "bad_reddening_prior";
    case StarExclusion::CovarianceNotPositiveDefinite: return "covariance_not_positive_definite";
    case StarExclusion::LabelsOutOfRange: return "labels_out_of_range";
    case StarExclusion::DefectiveG: return "defective_G";
    case StarExclusion::NegativeReddeningPriorError: return "negative_reddening_prior_error";
    case StarExclusion::ReddeningPriorOutOfRange: return "reddening_prior_out_of_range";
    }
    return "?";
}

std::size_t BandValueCounts::total() const {
    std::size_t sum = 0;
    for (std::size_t n : perBand)
        sum += n;
    return sum;
}

BandValueCounts& BandValueCounts::operator+=(const BandValueCounts& o) {
    for (std::size_t b = 0; b < kBandCount; ++b)
        perBand[b] += o.perBand[b];
    return *this;
}

StarDefectCounts& StarDefectCounts::operator+=(const StarDefectCounts& o) {
    missingG += o.missingG;
    defectiveG += o.defectiveG;
    badLabels += o.badLabels;
    labelsOutOfRange += o.labelsOutOfRange;
    badLabelCovariance += o.badLabelCovariance;
    badReddeningPrior += o.badReddeningPrior;
    negativeReddeningPriorError += o.negativeReddeningPriorError;
    reddeningPriorOutOfRange += o.reddeningPriorOutOfRange;
    covarianceNotPositiveDefinite += o.covarianceNotPositiveDefinite;
    parallaxNotFinite += o.parallaxNotFinite;
    parallaxNegativeError += o.parallaxNegativeError;
    parallaxErrorBelowFloor += o.parallaxErrorBelowFloor;
    parallaxOutOfRange += o.parallaxOutOfRange;
    parallaxNonPositive += o.parallaxNonPositive;
    parallaxLowSnr += o.parallaxLowSnr;
    bandValuesUnobserved += o.bandValuesUnobserved;
    bandValuesAboveErrorCut += o.bandValuesAboveErrorCut;
    bandNegativeError += o.bandNegativeError;
    bandErrorBelowFloor += o.bandErrorBelowFloor;
    bandMagnitudeOutOfRange += o.bandMagnitudeOutOfRange;
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
    case StarExclusion::LabelsOutOfRange: ++labelsOutOfRange; break;
    case StarExclusion::DefectiveG: ++defectiveG; break;
    case StarExclusion::NegativeReddeningPriorError: ++negativeReddeningPriorError; break;
    case StarExclusion::ReddeningPriorOutOfRange: ++reddeningPriorOutOfRange; break;
    }
}

namespace {

// What one star-band value is. Every comparison is written so that NaN fails it.
enum class BandValue : std::uint8_t { Observed, Unobserved, AboveErrorCut, NegativeError, ErrorBelowFloor, MagnitudeOutOfRange };

BandValue classifyBandValue(double m, double s) {
    // No measurement (NaN magnitude, or an error that is NaN or +∞) is normal, not a defect.
    if (!std::isfinite(m) || std::isnan(s) || s == std::numeric_limits<double>::infinity())
        return BandValue::Unobserved;
    if (s < 0.0)
        return BandValue::NegativeError;
    if (!(s >= kMinMagnitudeError))
        return BandValue::ErrorBelowFloor;
    if (!(m >= kBrightestMagnitude && m <= kFaintestMagnitude))
        return BandValue::MagnitudeOutOfRange;
    if (!(s <= kMaxMagnitudeError))
        return BandValue::AboveErrorCut;
    return BandValue::Observed;
}

bool labelsInRange(const Eigen::Vector3d& theta) {
    return theta[0] >= kMinTeffK && theta[0] <= kMaxTeffK && theta[1] >= kMinLogg && theta[1] <= kMaxLogg &&
           theta[2] >= kMinFeH && theta[2] <= kMaxFeH;
}

} // namespace

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

    // Which bands are observed (METHOD.md §3: NaN value or error, or error > 0.2 mag), and
    // which values no star can have (dropped too, counted per band as defects).
    std::array<bool, kBandCount> observed{};
    std::array<double, kBandCount> variance{};
    BandValue gValue = BandValue::Unobserved;
    for (std::size_t b = 0; b < kBandCount; ++b) {
        const double m = cat.mag[i][b], s = cat.magErr[i][b];
        const BandValue value = classifyBandValue(m, s);
        if (b == 0)
            gValue = value;
        switch (value) {
        case BandValue::Observed:
            observed[b] = true;
            variance[b] = s * s;
            break;
        case BandValue::Unobserved: ++local.bandValuesUnobserved; break;
        case BandValue::AboveErrorCut: ++local.bandValuesAboveErrorCut; break;
        case BandValue::NegativeError: ++local.bandNegativeError.perBand[b]; break;
        case BandValue::ErrorBelowFloor: ++local.bandErrorBelowFloor.perBand[b]; break;
        case BandValue::MagnitudeOutOfRange: ++local.bandMagnitudeOutOfRange.perBand[b]; break;
        }
    }
    if (!observed[0]) {
        const bool measuredButDefective = gValue == BandValue::NegativeError || gValue == BandValue::ErrorBelowFloor ||
                                          gValue == BandValue::MagnitudeOutOfRange;
        exclude(measuredButDefective ? StarExclusion::DefectiveG : StarExclusion::MissingG);
        return obs;
    }

    const Eigen::Vector3d theta(cat.theta[i][0], cat.theta[i][1], cat.theta[i][2]);
    if (!theta.allFinite()) {
        exclude(StarExclusion::BadLabels);
        return obs;
    }
    if (!labelsInRange(theta)) {
        exclude(StarExclusion::LabelsOutOfRange);
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
    if (!std::isfinite(obs.priorE) || !std::isfinite(obs.priorSigmaE)) {
        exclude(StarExclusion::BadReddeningPrior);
        return obs;
    }
    if (obs.priorSigmaE < 0.0) {
        exclude(StarExclusion::NegativeReddeningPriorError);
        return obs;
    }
    if (!(obs.priorSigmaE > 0.0)) {
        exclude(StarExclusion::BadReddeningPrior);
        return obs;
    }
    if (!(std::abs(obs.priorE) <= kMaxAbsReddeningPrior)) {
        exclude(StarExclusion::ReddeningPriorOutOfRange);
        return obs;
    }
    obs.x = norm.normalize(theta);

    // Parallax: c₀ is kept only for a positive, finite parallax with S/N ≥ 5 and values a
    // star can have (the defects first, so each is counted under its own name).
    const double plx = cat.parallaxMas[i], plxErr = cat.parallaxErrMas[i];
    bool parallaxUsable = false;
    if (!std::isfinite(plx) || !std::isfinite(plxErr))
        ++local.parallaxNotFinite;
    else if (plxErr < 0.0)
        ++local.parallaxNegativeError;
    else if (plxErr < kMinParallaxErrorMas)
        ++local.parallaxErrorBelowFloor;
    else if (std::abs(plx) > kMaxParallaxMas)
        ++local.parallaxOutOfRange;
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
