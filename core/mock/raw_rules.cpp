// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/raw_rules.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {

std::string_view rawRuleName(RawRule rule) {
    switch (rule) {
    case RawRule::None: return "";
    case RawRule::InvalidLabel: return "invalid_label";
    case RawRule::InvalidLabelCovariance: return "invalid_label_covariance";
    case RawRule::LamostSnr: return "lamost_snr";
    case RawRule::LamostQflagChi2: return "lamost_qflag_chi2";
    case RawRule::LamostSinglestar: return "lamost_singlestar";
    case RawRule::ApogeeStarFlags: return "apogee_star_flags";
    case RawRule::GalahSnr: return "galah_snr";
    case RawRule::GalahFlagCannon: return "galah_flag_cannon";
    case RawRule::LabelSigmaCut: return "label_sigma_cut";
    case RawRule::GaiaVisibilityPeriods: return "gaia_visibility_periods";
    case RawRule::GaiaAstrometricChi2: return "gaia_astrometric_chi2";
    case RawRule::GaiaGNObs: return "gaia_g_n_obs";
    case RawRule::TmassExtended: return "tmass_extended";
    case RawRule::GaiaGMissing: return "gaia_g_missing";
    case RawRule::InvalidMagnitude: return "invalid_magnitude";
    case RawRule::InvalidMagnitudeError: return "invalid_magnitude_error";
    case RawRule::Ps1Flags: return "ps1_flags";
    case RawRule::TmassQuality: return "tmass_quality";
    case RawRule::UnwiseFlags: return "unwise_flags";
    case RawRule::UnwiseFracflux: return "unwise_fracflux";
    case RawRule::UnwiseRchi2: return "unwise_rchi2";
    case RawRule::PhotometricErrorCut: return "photometric_error_cut";
    case RawRule::ParallaxSnr: return "parallax_snr";
    }
    return "";
}

double gaiaAstrometricChi2Bound(double gMag) { return 1.44 * std::max(1.0, std::exp(-0.4 * (gMag - 19.5))); }

} // namespace starlocus::core
