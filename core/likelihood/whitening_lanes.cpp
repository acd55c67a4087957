// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/likelihood/whitening_lanes.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace starlocus::core {
namespace {

constexpr int kN = int(kBandCount);
constexpr int kLanes = int(kWhiteningLanes);
using Lane = Eigen::Array<double, kLanes, 1>;
using LaneMask = Eigen::Array<bool, kLanes, 1>;

// The lower triangles of the group's matrices, entry (i, j), i ≥ j, at [i][j]: one vector
// per entry, one star per lane.
struct Triangles {
    Lane at[kN][kN];
};

// The covariances as BandCholesky::factor(a, kept) loads them: a kept column masked to the
// kept rows (a·0 keeps a NaN, as there), a dropped one the identity's. Lanes without a star,
// and stars without a kept entry (their result is fixed beforehand), factor the identity.
void loadCovariances(const WhiteningInput* stars, std::size_t count, Triangles& a, Lane* v) {
    for (int j = 0; j < kN; ++j) {
        v[j] = Lane::Zero();
        for (int i = j; i < kN; ++i)
            a.at[i][j] = Lane::Constant(i == j ? 1.0 : 0.0);
    }
    for (std::size_t s = 0; s < count; ++s) {
        const StarObservation& obs = *stars[s].obs;
        if (obs.keptCount == 0)
            continue;
        const Mat13& c = *stars[s].covariance;
        for (int j = 0; j < kN; ++j) {
            if (!obs.kept[std::size_t(j)])
                continue; // the identity's column
            for (int i = j; i < kN; ++i)
                a.at[i][j][Eigen::Index(s)] = c(i, j) * (obs.kept[std::size_t(i)] ? 1.0 : 0.0);
            v[j][Eigen::Index(s)] = stars[s].residual[j]; // keptOnly()
        }
    }
}

} // namespace

void packedWhiteningLanes(const WhiteningInput* stars, std::size_t count, float* packed, double* chi2, bool* ok) {
    if (count > kWhiteningLanes)
        throw std::logic_error("packedWhiteningLanes: more stars than lanes");
    Triangles a;
    Lane v[kN];
    loadCovariances(stars, count, a, v);

    // LDLᵀ, right-looking (BandCholesky::factorLoaded): a lane whose pivot is not positive and
    // finite has failed; it goes on with pivot 1 so that its numbers stay harmless.
    LaneMask failed = LaneMask::Constant(false);
    Lane pivots[kN];
    for (int j = 0; j < kN; ++j) {
        const Lane pivot = a.at[j][j];
        const LaneMask good = (pivot > 0.0) && (pivot < std::numeric_limits<double>::infinity());
        failed = failed || !good;
        const Lane p = good.select(pivot, Lane::Ones());
        const Lane rcp = 1.0 / p;
        for (int k = j + 1; k < kN; ++k) { // column k −= L₁(k, j)·D_j·L₁(·, j), its rows ≥ k
            const Lane f = a.at[k][j] * rcp;
            for (int i = k; i < kN; ++i)
                a.at[i][k] -= f * a.at[i][j];
        }
        for (int i = j; i < kN; ++i)
            a.at[i][j] *= rcp;
        pivots[j] = p;
    }
    Lane inverseDiagonal[kN];
    for (int j = 0; j < kN; ++j) {
        const Lane d = pivots[j].sqrt();
        inverseDiagonal[j] = 1.0 / d;
        for (int i = j; i < kN; ++i)
            a.at[i][j] *= d;
    }

    // W = L⁻¹ by rows from L·W = I, right-looking (BandCholesky::inverseRows): row k final,
    // then every later row takes −L(i, k)·w_k.
    Triangles w;
    for (int r = 0; r < kN; ++r)
        for (int c = 0; c <= r; ++c)
            w.at[r][c] = Lane::Constant(r == c ? 1.0 : 0.0);
    for (int k = 0; k < kN; ++k) {
        for (int c = 0; c <= k; ++c)
            w.at[k][c] *= inverseDiagonal[k];
        for (int i = k + 1; i < kN; ++i)
            for (int c = 0; c <= k; ++c)
                w.at[i][c] -= a.at[i][k] * w.at[k][c];
    }

    // χ² = |W·v|², each row's product in double from the rows (no substitution chain).
    Lane sum = Lane::Zero();
    for (int r = 0; r < kN; ++r) {
        Lane wv = Lane::Zero();
        for (int c = 0; c <= r; ++c)
            wv += w.at[r][c] * v[c];
        sum += wv * wv;
    }

    for (std::size_t s = 0; s < count; ++s) {
        const StarObservation& obs = *stars[s].obs;
        float* out = packed + s * kPackedTriangleSize;
        const auto lane = Eigen::Index(s);
        if (obs.keptCount == 0) { // as packedWhitening: nothing to whiten
            std::fill(out, out + kPackedTriangleSize, 0.0f);
            chi2[s] = 0.0;
            ok[s] = true;
            continue;
        }
        for (int r = 0, k = 0; r < kN; ++r)
            for (int c = 0; c <= r; ++c, ++k)
                out[k] = float(w.at[r][c][lane]);
        chi2[s] = sum[lane];
        ok[s] = finishPackedWhitening(obs, out) && !failed[lane] && std::isfinite(chi2[s]);
    }
}

} // namespace starlocus::core
