#include "core/likelihood/whitening.h"

#include "core/likelihood/star_covariance.h"

#include <Eigen/Cholesky>

namespace starlocus::core {

namespace {

// Inverse of the lower triangle of `l` by forward substitution, column by column (the
// same arithmetic as solving L·W = I; Eigen's general triangular solver packs blocks
// first, which for one 13×13 costs more than the ~400 multiply-adds).
Mat13 lowerTriangularInverse(const Mat13& l) {
    constexpr Eigen::Index n = Eigen::Index(kBandCount);
    Mat13 w = Mat13::Zero();
    for (Eigen::Index c = 0; c < n; ++c) {
        w(c, c) = 1.0 / l(c, c);
        for (Eigen::Index r = c + 1; r < n; ++r) {
            double sum = 0.0;
            for (Eigen::Index k = c; k < r; ++k)
                sum += l(r, k) * w(k, c);
            w(r, c) = -sum / l(r, r);
        }
    }
    return w;
}

} // namespace

std::optional<Mat13> whiteningMatrix(const StarObservation& obs, const Mat13& covariance) {
    if (obs.keptCount == 0)
        return Mat13::Zero();
    Mat13 factor = decoupledCovariance(obs, covariance);
    const Eigen::LLT<Eigen::Ref<Mat13>> llt(factor); // in place: factor's lower triangle becomes L
    if (llt.info() != Eigen::Success)
        return std::nullopt;
    // K⁻¹ (lower triangular). The decoupled entries have K = 1 there and no coupling, so
    // zeroing their rows and columns leaves exactly K⁻¹ of the kept block in place.
    Mat13 w = lowerTriangularInverse(factor);
    for (std::size_t b = 0; b < kBandCount; ++b) {
        if (obs.kept[b])
            continue;
        w.row(Eigen::Index(b)).setZero();
        w.col(Eigen::Index(b)).setZero();
    }
    if (!w.allFinite())
        return std::nullopt;
    return w;
}

std::array<float, kPackedTriangleSize> packLowerTriangle(const Mat13& w) {
    std::array<float, kPackedTriangleSize> out{};
    std::size_t k = 0;
    for (Eigen::Index r = 0; r < Eigen::Index(kBandCount); ++r)
        for (Eigen::Index c = 0; c <= r; ++c)
            out[k++] = float(w(r, c));
    return out;
}

Mat13 unpackLowerTriangle(const std::array<float, kPackedTriangleSize>& packed) {
    Mat13 w = Mat13::Zero();
    std::size_t k = 0;
    for (Eigen::Index r = 0; r < Eigen::Index(kBandCount); ++r)
        for (Eigen::Index c = 0; c <= r; ++c)
            w(r, c) = packed[k++];
    return w;
}

} // namespace starlocus::core
