// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading passband curves from files. Two layouts:
//  - ECSV (astropy's Enhanced CSV, as shipped by speclite): '#'-prefixed YAML header whose
//    `datatype` entry for the `wavelength` column carries its unit (Angstrom, nm or micron),
//    then a header line naming the columns and whitespace-separated rows;
//  - the two-column ASCII served by the SVO Filter Profile Service: wavelength in Å and
//    transmission, '#' comments.
// Every defect is an InputError naming the file and the field (METHOD/STYLE: one error type
// per layer); row-level defects also say the line number.
#include "core/physics/passband.h"

#include <string>
#include <string_view>

namespace starlocus::core {

// Whether a curve counts photons or energy. SVO marks this per filter (DetectorType); a
// photon-counting response S relates to an energy-counting one R by S ∝ R/λ, since the
// detected photon rate is ∫ S λ F_λ dλ / hc while the energy-counting signal is ∫ R F_λ dλ.
enum class ResponseKind { PhotonCounting, EnergyCounting };

// Ångström per unit for a wavelength unit as written in an ECSV header ("Angstrom", "AA",
// "Å", "nm", "um", "micron", "µm"); a negative value when the unit is none of these.
double angstromPerUnit(std::string_view unit);

// `name` overrides the header's `band_name` (used when empty). The response is taken as
// photon-counting, as for all the speclite curves.
Passband readEcsvPassband(const std::string& path, const std::string& name = "");

Passband readSvoPassband(const std::string& path, const std::string& name,
                         ResponseKind kind = ResponseKind::PhotonCounting);

} // namespace starlocus::core
