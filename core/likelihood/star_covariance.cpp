// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/star_covariance.h"

namespace starlocus::core {

Mat13 photometricCovariance(const StarObservation& obs) {
    Vec13 v; // (1, −1, …, −1) on kept entries, 0 on dropped ones
    for (Eigen::Index b = 0; b < Eigen::Index(kBandCount); ++b)
        v[b] = obs.kept[std::size_t(b)] ? (b == 0 ? 1.0 : -1.0) : 0.0;
    Mat13 c;
    for (Eigen::Index b = 0; b < Eigen::Index(kBandCount); ++b) {
        c.col(b) = v * (obs.noiseVarG * v[b]);
        c(b, b) += obs.noiseDiagonal[b];
    }
    return c;
}

Mat13 colorSpaceCovariance(const StarObservation& obs, const ModelEvaluation& eval, double e, double varE) {
    // E = 0 (the reddening update's C_pred): J is the stellar sector's alone.
    const Mat13x3 j = e == 0.0 ? eval.colorJacobianX : eval.colorPredictionJacobianX(e);
    const Mat13x3 g = j * obs.labelCovX;
    Mat13 c = photometricCovariance(obs);
    // Column by column (whole 13-vectors): J C_x Jᵀ + σ_E² (BR)(BR)ᵀ. Written out because
    // Eigen sends the 13×3·3×13 product to its blocked GEMM, which costs more than the
    // ~700 multiply-adds themselves.
    for (Eigen::Index b = 0; b < Eigen::Index(kBandCount); ++b)
        c.col(b) += g.col(0) * j(b, 0) + g.col(1) * j(b, 1) + g.col(2) * j(b, 2);
    if (varE != 0.0) {
        const Vec13 br = toColorSpace(eval.extinction);
        for (Eigen::Index b = 0; b < Eigen::Index(kBandCount); ++b)
            c.col(b) += br * (varE * br[b]);
    }
    return c;
}

Vec13 keptOnly(const StarObservation& obs, const Vec13& v) {
    Vec13 out = v;
    for (std::size_t b = 0; b < kBandCount; ++b)
        if (!obs.kept[b])
            out[Eigen::Index(b)] = 0.0;
    return out;
}

KeptVector keptEntries(const StarObservation& obs, const Vec13& v) {
    KeptVector out(obs.keptCount);
    Eigen::Index k = 0;
    for (std::size_t b = 0; b < kBandCount; ++b)
        if (obs.kept[b])
            out[k++] = v[Eigen::Index(b)];
    return out;
}

KeptMatrix keptBlock(const StarObservation& obs, const Mat13& m) {
    KeptMatrix out(obs.keptCount, obs.keptCount);
    Eigen::Index r = 0;
    for (std::size_t a = 0; a < kBandCount; ++a) {
        if (!obs.kept[a])
            continue;
        Eigen::Index c = 0;
        for (std::size_t b = 0; b < kBandCount; ++b)
            if (obs.kept[b])
                out(r, c++) = m(Eigen::Index(a), Eigen::Index(b));
        ++r;
    }
    return out;
}

} // namespace starlocus::core
