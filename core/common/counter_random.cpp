// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/counter_random.h"

#include <cmath>

namespace starlocus::core {
namespace {

// Philox4x32 round constants (Salmon et al. 2011, Table 2 / Random123).
constexpr std::uint32_t kMultiplier0 = 0xD2511F53u;
constexpr std::uint32_t kMultiplier1 = 0xCD9E8D57u;
constexpr std::uint32_t kWeyl0 = 0x9E3779B9u; // golden ratio
constexpr std::uint32_t kWeyl1 = 0xBB67AE85u; // sqrt(3) − 1

inline void mulHiLo(std::uint32_t a, std::uint32_t b, std::uint32_t& hi, std::uint32_t& lo) {
    const std::uint64_t product = std::uint64_t(a) * std::uint64_t(b);
    hi = std::uint32_t(product >> 32);
    lo = std::uint32_t(product);
}

// Rational approximation of AS 241 for |q| ≤ 0.425 (q = p − ½, r = 0.180625 − q²).
double centralRegion(double q) {
    const double r = 0.180625 - q * q;
    return q *
           (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
                45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
             133.14166789178437745) * r + 3.387132872796366608) /
           (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
                21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
             42.313330701600911252) * r + 1.0);
}

// The two tail regions of AS 241, r = sqrt(−ln min(p, 1 − p)); returns |Φ⁻¹|.
double tailRegion(double r) {
    if (r <= 5.0) {
        r -= 1.6;
        return (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
                    1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
                 4.6303378461565452959) * r + 1.42343711074968357734) /
               (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
                    0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
                 2.05319162663775882187) * r + 1.0);
    }
    r -= 5.0;
    return (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
                0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
             5.4637849111641143699) * r + 6.6579046435011037772) /
           (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
                7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
             0.59983220655588793769) * r + 1.0);
}

} // namespace

std::array<std::uint32_t, 4> philox4x32(std::array<std::uint32_t, 4> c, std::array<std::uint32_t, 2> k) {
    for (int round = 0; round < 10; ++round) {
        std::uint32_t hi0, lo0, hi1, lo1;
        mulHiLo(kMultiplier0, c[0], hi0, lo0);
        mulHiLo(kMultiplier1, c[2], hi1, lo1);
        c = {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
        k[0] += kWeyl0;
        k[1] += kWeyl1;
    }
    return c;
}

double inverseNormalCdf(double p) {
    const double q = p - 0.5;
    if (std::abs(q) <= 0.425)
        return centralRegion(q);
    const double tail = q < 0.0 ? p : 1.0 - p;
    const double x = tailRegion(std::sqrt(-std::log(tail)));
    return q < 0.0 ? -x : x;
}

std::array<std::uint32_t, 4> philoxBlock(std::uint64_t stream, std::uint64_t block, std::array<std::uint32_t, 2> key) {
    return philox4x32({std::uint32_t(stream), std::uint32_t(stream >> 32), std::uint32_t(block), std::uint32_t(block >> 32)},
                      key);
}

CounterRandom::CounterRandom(std::uint64_t seed, std::uint64_t starIndex)
    : key_{std::uint32_t(seed), std::uint32_t(seed >> 32)}, starIndex_(starIndex) {}

double CounterRandom::uniform() {
    if (used_ == 2) {
        buffer_ = philoxBlock(starIndex_, block_, key_);
        ++block_;
        used_ = 0;
    }
    const std::uint64_t bits =
        (std::uint64_t(buffer_[2 * used_]) << 32 | buffer_[2 * used_ + 1]) >> 11; // 53 bits
    ++used_;
    // (bits + ½)·2⁻⁵³ lies strictly inside (0, 1): Φ⁻¹ and log never see 0 or 1.
    return (double(bits) + 0.5) * 0x1.0p-53;
}

} // namespace starlocus::core
