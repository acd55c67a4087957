// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Settings of the synthetic sky (issue 4, docs/MOCK.md). Defaults describe a LAMOST-like,
// magnitude-limited sample of Green et al. (2020) §3; every number is a field so that
// tests and the CLI can change it, and `validate()` rejects nonsense with an InputError
// naming the field.
#include <cstddef>
#include <string>
#include <string_view>

namespace starlocus::core {

// How dust dims the mock's stars.
//  Linear: A_b = E·R_b(Teff), R_b the E → 0 limit — exactly what the paper's model
//          represents; truth-recovery tests use it.
//  Exact:  A_b(Teff, E) from Eq. B19, non-linear in E as real dust is (the demo default).
enum class ExtinctionMode { Linear, Exact };

std::string_view extinctionModeName(ExtinctionMode mode);
// "linear" / "exact"; InputError("", "extinction", …) otherwise.
ExtinctionMode parseExtinctionMode(std::string_view text);

struct MockSkyConfig {
    std::size_t starCount = 100000;
    ExtinctionMode extinction = ExtinctionMode::Exact;

    // Population (§3.4, Fig. 5): the survey pipelines cover 4000 ≲ Teff ≲ 7500 K; giants
    // may be cooler (down to giantTeffMinK).
    double teffMinK = 4000.0;
    double teffMaxK = 7500.0;
    double giantTeffMinK = 3600.0;
    // Branch fractions; each in [0, 1], summing to 1.
    double dwarfFraction = 0.56;
    double subgiantFraction = 0.12;
    double redGiantFraction = 0.20;
    double redClumpFraction = 0.12;
    // Thick-disk share of the sample (its [Fe/H] and scale height); the rest is thin disk.
    double thickDiskFraction = 0.18;

    // Survey selection: Gaia G range of the spectroscopic targets (LAMOST-like). With the
    // weighting below, 16.4 gives Table 1's 85 % of parallaxes with S/N ≥ 5 and §3.3's regime
    // shares (sfd 40 %, b19 51 %, default 9 %) to within ~2 points (docs/MOCK.md).
    double gBrightMag = 9.0;
    double gFaintMag = 16.4;
    // How strongly the sky directions follow the star counts: 1 = as many stars per
    // direction as the disk holds within the G range (a magnitude-limited photometric
    // survey), 0 = the same number of targets in every direction (a fibre-fed survey that
    // fills each field, as LAMOST does, Zhao et al. 2012). Directions are a power of the
    // star-count weight in between.
    double starCountWeighting = 0.65;

    // Dust: E(B−V) per kpc in the mid-plane, dust scale height, per-sight-line clumpiness
    // (log-normal σ of a multiplicative factor) and the cap on any star's E.
    double dustEPerKpc = 0.55;
    double dustScaleHeightKpc = 0.125;
    double dustClumpiness = 0.4;
    double maxReddening = 2.0;

    // Spectroscopic surveys (Table 1): LAMOST takes the rest.
    double apogeeFraction = 0.06;
    double galahFraction = 0.04;

    // Outliers the χ² cut should find (§4): unresolved binaries among dwarfs and
    // subgiants, and stars whose catalog labels belong to another star.
    double binaryFraction = 0.03;
    double wrongLabelFraction = 0.01;

    // Multipliers of every written label σ and parallax σ (1 = the surveys above). Label
    // noise in a magnitude-limited sample biases the learnable R by a grey offset (at fixed
    // catalog labels, more distant, more reddened stars are truly more luminous:
    // docs/VALIDATION.md); truth-recovery checks of the trainer shrink both.
    double labelErrorScale = 1.0;
    double parallaxErrorScale = 1.0;
    // Multiplier of every reddening prior σ_E (Ê is drawn with the scaled σ). The paper's
    // alternating fit has a fixed point whose R scale is low by about σ_E²/Var(E | θ)
    // (docs/VALIDATION.md); shrinking σ_E shows the trainer reaching the truth.
    double reddeningPriorErrorScale = 1.0;

    // InputError("", <field>, reason) for the first nonsense value.
    void validate() const;
    // The configuration as a JSON object (written beside the truth; stable key order).
    std::string toJson() const;
};

} // namespace starlocus::core
