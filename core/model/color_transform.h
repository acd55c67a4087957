// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The fixed matrix B of Eq. 5: c = B m, with c₀ = m_G and cᵢ = mᵢ − m_G (i ≥ 1).
// Applied with loops instead of a dense 13×13 product: it is cheaper and exact.
#include "core/bands/band_registry.h"

#include <Eigen/Core>

namespace starlocus::core {

using Vec13 = Eigen::Matrix<double, kBandCount, 1>;
using Mat13 = Eigen::Matrix<double, kBandCount, kBandCount>;
using Mat13x3 = Eigen::Matrix<double, kBandCount, 3>;

// B as a matrix (for tests and for C_c = B C_m Bᵀ in closed form).
Mat13 colorTransformMatrix();

// c = B m.
template <typename Derived> Eigen::Matrix<typename Derived::Scalar, kBandCount, Derived::ColsAtCompileTime>
toColorSpace(const Eigen::MatrixBase<Derived>& m) {
    Eigen::Matrix<typename Derived::Scalar, kBandCount, Derived::ColsAtCompileTime> c = m;
    for (Eigen::Index i = 1; i < Eigen::Index(kBandCount); ++i)
        c.row(i) -= m.row(0);
    return c;
}

// m = B⁻¹ c: m₀ = c₀, mᵢ = cᵢ + c₀.
template <typename Derived> Eigen::Matrix<typename Derived::Scalar, kBandCount, Derived::ColsAtCompileTime>
fromColorSpace(const Eigen::MatrixBase<Derived>& c) {
    Eigen::Matrix<typename Derived::Scalar, kBandCount, Derived::ColsAtCompileTime> m = c;
    for (Eigen::Index i = 1; i < Eigen::Index(kBandCount); ++i)
        m.row(i) += c.row(0);
    return m;
}

} // namespace starlocus::core
