// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A photometric passband: wavelength grid (Å) and photon-counting response S(λ), i.e. the
// probability that a photon of wavelength λ arriving at the telescope is counted. Every
// synthetic-photometry integral in physics/ weights F_λ by S(λ)·λ (photons, not energy).
//
// The response is stored peak-normalised: its absolute scale cancels in every ratio we
// form, and a peak of 1 makes the equivalent width read in Å.
#include <string>
#include <vector>

namespace starlocus::core {

class Passband {
public:
    // Validates and peak-normalises. `source` names where the curve came from (a file path,
    // or "built-in"); it is the `file` of any InputError thrown here:
    //   field "wavelength": fewer than 2 points, sizes differ, non-finite, ≤ 0, not strictly
    //                       increasing;
    //   field "response":   non-finite, negative, or zero everywhere.
    Passband(std::string name, std::vector<double> wavelengthsA, std::vector<double> response,
             std::string source = "built-in");

    const std::string& name() const { return name_; }
    const std::string& source() const { return source_; }
    const std::vector<double>& wavelengthsA() const { return wavelengthsA_; }
    const std::vector<double>& response() const { return response_; }
    std::size_t size() const { return wavelengthsA_.size(); }
    double minWavelengthA() const { return wavelengthsA_.front(); }
    double maxWavelengthA() const { return wavelengthsA_.back(); }

    // Pivot wavelength sqrt(∫S λ dλ / ∫S/λ dλ) (Tokunaga & Vacca 2005): the one that converts
    // ⟨F_ν⟩ ↔ ⟨F_λ⟩ for a photon-counting band, independent of the source.
    double pivotWavelengthA() const;
    // Photon-weighted mean wavelength ∫S λ dλ / ∫S dλ.
    double meanWavelengthA() const;
    // Equivalent width ∫S dλ / max S (Å).
    double equivalentWidthA() const;

private:
    std::string name_;
    std::string source_;
    std::vector<double> wavelengthsA_;
    std::vector<double> response_;
};

} // namespace starlocus::core
