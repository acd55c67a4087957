#include "core/likelihood/band_cholesky.h"

#include <cmath>

namespace starlocus::core {
namespace {
constexpr int kN = int(kBandCount);
} // namespace

bool BandCholesky::factor(const Mat13& a) {
    for (int j = 0; j < kN; ++j) {
        // Column j accumulates in registers (a local vector, not l_, which the compiler
        // would have to store and reload on every update: it cannot rule out aliasing).
        Column acc;
        for (int i = 0; i < kN; ++i)
            acc[i] = a(i, j);
        acc.tail<kRows - kN>().setZero();
        for (int k = 0; k < j; ++k) // column j −= L(j, k)·column k; rows above j are dropped below
            acc -= l_[k * kRows + j] * ConstColumnMap(l_ + k * kRows);
        const double pivot = acc[j];
        if (!(pivot > 0.0) || !std::isfinite(pivot))
            return false;
        inverseDiagonal_[j] = 1.0 / std::sqrt(pivot);
        acc *= inverseDiagonal_[j]; // L(j, j) = √pivot and the rows below divided by it
        acc.head(j).setZero();      // zero above the diagonal
        ColumnMap(l_ + j * kRows) = acc;
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

Mat13 BandCholesky::inverseFactor() const {
    // Row i of W = L⁻¹: w_i = (e_i − Σ_{k<i} L(i, k)·w_k) / L(i, i), whole padded rows at a
    // time (row k of W is zero beyond column k, so the sums stay lower triangular).
    alignas(32) double rows[int(kBandCount) * kRows];
    for (int i = 0; i < kN; ++i) {
        Column acc = Column::Zero();
        acc[i] = 1.0;
        for (int k = 0; k < i; ++k)
            acc -= l_[k * kRows + i] * ConstColumnMap(rows + k * kRows);
        ColumnMap(rows + i * kRows) = acc * inverseDiagonal_[i];
    }
    Mat13 w;
    for (int i = 0; i < kN; ++i)
        for (int c = 0; c < kN; ++c)
            w(i, c) = rows[i * kRows + c];
    return w;
}

Mat13 BandCholesky::factorL() const {
    Mat13 out = Mat13::Zero();
    for (int j = 0; j < kN; ++j)
        for (int i = j; i < kN; ++i)
            out(i, j) = l_[j * kRows + i];
    return out;
}

} // namespace starlocus::core
