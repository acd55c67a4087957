#include "core/likelihood/whitening.h"

#include "core/likelihood/star_covariance.h"

#include <Eigen/Cholesky>

namespace starlocus::core {

std::optional<Mat13> whiteningMatrix(const StarObservation& obs, const Mat13& covariance) {
    Mat13 w = Mat13::Zero();
    if (obs.keptCount == 0)
        return w;
    const Eigen::LLT<KeptMatrix> llt(keptBlock(obs, covariance));
    if (llt.info() != Eigen::Success)
        return std::nullopt;
    KeptMatrix inv = KeptMatrix::Identity(obs.keptCount, obs.keptCount);
    llt.matrixL().solveInPlace(inv); // K⁻¹, lower triangular
    std::array<Eigen::Index, kBandCount> index{};
    Eigen::Index k = 0;
    for (std::size_t b = 0; b < kBandCount; ++b)
        if (obs.kept[b])
            index[std::size_t(k++)] = Eigen::Index(b);
    for (Eigen::Index r = 0; r < obs.keptCount; ++r)
        for (Eigen::Index c = 0; c <= r; ++c)
            w(index[std::size_t(r)], index[std::size_t(c)]) = inv(r, c);
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
