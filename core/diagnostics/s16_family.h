// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Schlafly et al. (2016, ApJ 821, 78, §5.3) family of reddening vectors, the comparison
// of Fig. 11:  R(x) = R_mean + x·dR/dx,  x = (R_V − 3.3)/9.1.
// R_mean and dR/dx (bands g r i z y J H Ks W1 W2) are published numbers, kept with their
// citation in resources/tables/s16_vectors.csv and compiled into the core (CMake
// file(READ) + configure_file), so no file is needed at run time. Both vectors are
// zero-sum and unit-norm: only colour ratios (reddening slopes) are meaningful.
#include "core/diagnostics/reddening_slopes.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

inline constexpr std::size_t kS16BandCount = 10; // g … W2 = canonical bands 3 … 12

struct S16BandVector {
    std::string band; // StarLocus band name ("g", …, "Ks", "W1", "W2")
    double rMean = 0.0;
    double dRdx = 0.0;
};

class S16Family {
public:
    // The embedded table (parsed once).
    S16Family();
    // A table given as text (for tests of the parser); `source` names it in errors.
    S16Family(std::string_view csv, const std::string& source);

    static constexpr double kReferenceRv = 3.3;
    static constexpr double kRvPerX = 9.1;
    // x = (R_V − 3.3)/9.1 (S16 §5.3).
    static double xOfRv(double rv) { return (rv - kReferenceRv) / kRvPerX; }

    const std::array<S16BandVector, kS16BandCount>& table() const { return table_; }
    // R(x) over g … W2 (zero-sum scale: not an extinction in magnitudes).
    std::array<double, kS16BandCount> vectorAtX(double x) const;
    std::array<double, kS16BandCount> vectorAtRv(double rv) const { return vectorAtX(xOfRv(rv)); }
    // E(b1−b2)/E(b2−b3) for the eight triples gri … KW1W2.
    SlopeVector slopesAtRv(double rv) const;

    struct Curve {
        std::vector<double> rv;
        std::vector<SlopeVector> slopes; // one per R_V
    };
    // Slopes for `steps` values of R_V from rvMin to rvMax inclusive (the family drawn in Fig. 11).
    Curve slopeCurves(double rvMin = 2.5, double rvMax = 4.5, std::size_t steps = 21) const;

private:
    std::array<S16BandVector, kS16BandCount> table_{};
};

// The embedded CSV text itself (generated at build time).
std::string_view s16VectorsCsv();

} // namespace starlocus::core
