// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Cholesky factor of a 13×13 c-space covariance, with the triangular solves the likelihood
// needs, written for that one size. Eigen's LLT treats a 13×13 through its general path
// (dynamic-size views, a matrix–vector product per column), and the reddening update
// factors two such matrices per star per iteration. Here every column is padded to 16
// rows (four AVX registers) and the right-looking updates always run over whole columns:
// a few wasted multiply-adds cost less than loops with short, varying trip counts
// (details in band_cholesky.cpp).
#include "core/model/color_transform.h"

#include <Eigen/Core>

#include <array>

namespace starlocus::core {

class BandCholesky {
public:
    // Factors a = L·Lᵀ from the lower triangle of `a`. Returns false when a pivot is not
    // positive and finite (`a` is not positive definite); the object is then unusable.
    bool factor(const Mat13& a);
    // Factors the kept block of `a` embedded in a 13×13: rows and columns of entries that
    // are not kept are replaced by those of the identity, so they stay decoupled (L = 1
    // there, zero coupling) and a fixed-size factor serves every subset of bands.
    bool factor(const Mat13& a, const std::array<bool, kBandCount>& kept);

    // v ← L⁻¹·v.
    void solveInPlace(Vec13& v) const;
    // L⁻¹ (lower triangular, zero above the diagonal).
    Mat13 inverseFactor() const;
    // Writes L⁻¹ as float32, its lower triangle row by row: (0,0), (1,0), (1,1), (2,0), …
    // (91 numbers), and returns |L⁻¹·v|² computed from those rows in double (independent dot
    // products, not a substitution's row-to-row chain).
    double inverseFactorPacked(float* packed, const Vec13& v) const;
    // L (lower triangular, zero above the diagonal).
    Mat13 factorL() const;

private:
    bool factorLoaded(); // factors what the public factor() copied into l_
    void inverseRows(double* rows) const; // L⁻¹ by rows, kRows per row
    static constexpr int kRows = 16; // 13 padded to a multiple of the vector width
    using Column = Eigen::Matrix<double, kRows, 1>;
    using ColumnMap = Eigen::Map<Column, Eigen::Aligned32>;
    using ConstColumnMap = Eigen::Map<const Column, Eigen::Aligned32>;
    // L, column-major, kRows per column, zero above the diagonal and in the padding.
    alignas(32) double l_[int(kBandCount) * kRows] = {};
    double inverseDiagonal_[kBandCount] = {};
};

} // namespace starlocus::core
