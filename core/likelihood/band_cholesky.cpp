// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/band_cholesky.h"

#include <cmath>

namespace starlocus::core {
namespace {
constexpr int kN = int(kBandCount);
} // namespace

bool BandCholesky::factor(const Mat13& a) {
    std::array<bool, kBandCount> all;
    all.fill(true);
    return factor(a, all);
}

bool BandCholesky::factor(const Mat13& a, const std::array<bool, kBandCount>& kept) {
    Vec13 mask; // 1 on kept rows, 0 on dropped ones
    for (int i = 0; i < kN; ++i)
        mask[i] = kept[std::size_t(i)] ? 1.0 : 0.0;
    for (int j = 0; j < kN; ++j) { // whole columns (what lands above the diagonal is cleared later)
        double* cj = l_ + j * kRows;
        if (kept[std::size_t(j)]) {
            Eigen::Map<Vec13>{cj} = a.col(j).cwiseProduct(mask);
        } else {
            Eigen::Map<Vec13>{cj}.setZero();
            cj[j] = 1.0;
        }
        cj[13] = cj[14] = cj[15] = 0.0;
    }
    return factorLoaded();
}

bool BandCholesky::factorLoaded() {
    // Right-looking LDLᵀ: once column j is final, every later column takes its update from
    // it. Those updates are independent of each other, so they pipeline; on the chain from
    // one column to the next lies only a division (a Cholesky step would add a square root:
    // the square roots of D are taken afterwards, all at once, off the chain).
    alignas(32) double pivots[kRows] = {};
    for (int j = 0; j < kN; ++j) {
        double* uj = l_ + j * kRows; // column j of L₁·D (unscaled)
        const double pivot = uj[j];
        if (!(pivot > 0.0) || !std::isfinite(pivot))
            return false;
        const double rcp = 1.0 / pivot;
        for (int k = j + 1; k < kN; ++k) // column k −= L₁(k, j)·D_j·L₁(·, j)
            ColumnMap(l_ + k * kRows) -= (uj[k] * rcp) * ConstColumnMap(uj);
        ColumnMap(uj) *= rcp; // L₁(·, j), unit diagonal
        pivots[j] = pivot;
    }
    // L = L₁·D^½, column by column; zero above the diagonal (there lie the copied upper
    // triangle of the input and what the whole-column updates wrote).
    for (int j = 0; j < kN; ++j) {
        const double d = std::sqrt(pivots[j]);
        inverseDiagonal_[j] = 1.0 / d;
        double* cj = l_ + j * kRows;
        ColumnMap(cj) *= d;
        for (int i = 0; i < j; ++i)
            cj[i] = 0.0;
    }
    return true;
}

void BandCholesky::solveInPlace(Vec13& v) const {
    // Forward substitution by rows: x_i = (v_i − Σ_{k<i} L(i, k)·x_k) / L(i, i).
    for (int i = 0; i < kN; ++i) {
        double sum = v[i];
        for (int k = 0; k < i; ++k)
            sum -= l_[k * kRows + i] * v[k];
        v[i] = sum * inverseDiagonal_[i];
    }
}

void BandCholesky::inverseRows(double* rows) const {
    // Rows of W = L⁻¹ from L·W = I, right-looking: once row k of W is final, every later
    // row takes its update −L(i, k)·w_k. The updates pipeline (independent rows); only one
    // multiply lies on the chain from one row to the next. Rows are padded to 16 columns.
    for (int i = 0; i < kN * kRows; ++i)
        rows[i] = 0.0;
    for (int i = 0; i < kN; ++i)
        rows[i * kRows + i] = 1.0;
    for (int k = 0; k < kN; ++k) {
        double* wk = rows + k * kRows;
        ColumnMap(wk) *= inverseDiagonal_[k];
        for (int i = k + 1; i < kN; ++i)
            ColumnMap(rows + i * kRows) -= l_[k * kRows + i] * ConstColumnMap(wk);
    }
}

Mat13 BandCholesky::inverseFactor() const {
    alignas(32) double rows[int(kBandCount) * kRows];
    inverseRows(rows);
    Mat13 w;
    for (int i = 0; i < kN; ++i)
        for (int c = 0; c < kN; ++c)
            w(i, c) = rows[i * kRows + c];
    return w;
}

double BandCholesky::inverseFactorPacked(float* packed, const Vec13& v) const {
    alignas(32) double rows[int(kBandCount) * kRows];
    inverseRows(rows);
    alignas(32) double padded[kRows] = {};
    Eigen::Map<Vec13>{padded} = v;
    const ConstColumnMap vp(padded);
    double sum = 0.0;
    for (int i = 0; i < kN; ++i) {
        const ConstColumnMap row(rows + i * kRows); // zero right of the diagonal
        const double wv = row.dot(vp);
        sum += wv * wv;
        for (int c = 0; c <= i; ++c)
            *packed++ = float(row[c]);
    }
    return sum;
}

Mat13 BandCholesky::factorL() const {
    Mat13 out = Mat13::Zero();
    for (int j = 0; j < kN; ++j)
        for (int i = j; i < kN; ++i)
            out(i, j) = l_[j * kRows + i];
    return out;
}

} // namespace starlocus::core
