// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_defects.h"

#include "core/common/counter_random.h"
#include "core/common/input_error.h"
#include "core/physics/number_text.h"

#include <cmath>

namespace starlocus::core {
namespace {

// Keys the defect streams apart from the sky's own (seed, star) streams.
constexpr std::uint64_t kDefectStreamKey = 0x7261772d64656665ull; // "raw-defe"

constexpr std::size_t kFirstPs1 = 3, kFirstTmass = 8, kFirstUnwise = 11;

bool observed(const Catalog& catalog, std::size_t star, std::size_t band) {
    return std::isfinite(catalog.mag[star][band]);
}

// The §3.1 σ cut on the catalog's σ (the floor is already in them).
bool failsLabelSigmaCut(const Catalog& catalog, std::size_t star) {
    const auto& cov = catalog.thetaCov[star];
    for (std::size_t k = 0; k < 3; ++k)
        if (std::sqrt(cov[4 * k]) > kRawLabelSigmaCut[k])
            return true;
    return false;
}

} // namespace

void validateRawDefectRate(double rate) {
    if (!(std::isfinite(rate) && rate >= 0.0 && rate <= kRawMaxDefectRate))
        throw InputError("", "raw_defect_rate",
                         "must be a fraction in [0, " + numberText(kRawMaxDefectRate) + "], got " + numberText(rate));
}

bool rawStarRuleApplies(RawRule rule, const Catalog& catalog, std::size_t star) {
    const std::string& survey = catalog.atmSource[star];
    switch (rule) {
    case RawRule::LamostSnr:
    case RawRule::LamostQflagChi2:
    case RawRule::LamostSinglestar: return survey == "lamost";
    case RawRule::ApogeeStarFlags: return survey == "apogee";
    case RawRule::GalahSnr:
    case RawRule::GalahFlagCannon: return survey == "galah";
    case RawRule::TmassExtended: // an extended 2MASS source needs a 2MASS match
        return observed(catalog, star, kFirstTmass) || observed(catalog, star, kFirstTmass + 1) ||
               observed(catalog, star, kFirstTmass + 2);
    default: return true;
    }
}

bool rawBandRuleApplies(RawRule rule, std::size_t band) {
    if (band == 0 || band >= kBandCount) // G: only gaia_g_missing, a star rule
        return false;
    switch (rule) {
    case RawRule::Ps1Flags: return band >= kFirstPs1 && band < kFirstTmass;
    case RawRule::TmassQuality: return band >= kFirstTmass && band < kFirstUnwise;
    case RawRule::UnwiseFlags:
    case RawRule::UnwiseFracflux:
    case RawRule::UnwiseRchi2: return band >= kFirstUnwise;
    case RawRule::InvalidMagnitude:
    case RawRule::InvalidMagnitudeError:
    case RawRule::PhotometricErrorCut: return true;
    default: return false;
    }
}

std::vector<RawStarDefects> drawRawDefects(const Catalog& catalog, std::uint64_t seed, double rate) {
    validateRawDefectRate(rate);
    std::vector<RawStarDefects> defects(catalog.size());
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        CounterRandom random(seed ^ kDefectStreamKey, i);
        RawStarDefects& d = defects[i];
        // Every star draws the same uniforms (1 + 12), whatever it is eligible for.
        const double u = random.uniform();
        std::array<double, kBandCount> bandU{};
        for (std::size_t b = 1; b < kBandCount; ++b)
            bandU[b] = random.uniform();
        if (failsLabelSigmaCut(catalog, i)) {
            d.star = RawRule::LabelSigmaCut;
            d.natural = true;
            continue;
        }
        // The k-th applicable rule owns [k·rate, (k+1)·rate): each with probability `rate`, disjoint.
        double upper = 0.0;
        for (RawRule rule : kRawStarRules) {
            if (!rawStarRuleApplies(rule, catalog, i))
                continue;
            upper += rate;
            if (u < upper) {
                d.star = rule;
                break;
            }
        }
        if (d.star != RawRule::None)
            continue;
        for (std::size_t b = 1; b < kBandCount; ++b) {
            if (!observed(catalog, i, b))
                continue;
            double bandUpper = 0.0;
            for (RawRule rule : kRawBandRules) {
                if (!rawBandRuleApplies(rule, b))
                    continue;
                bandUpper += rate;
                if (bandU[b] < bandUpper) {
                    d.band[b] = rule;
                    break;
                }
            }
        }
    }
    return defects;
}

} // namespace starlocus::core
