// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/field_units.h"

#include <algorithm>
#include <cctype>
#include <numbers>
#include <string>

namespace starlocus::core::import {
namespace {

// Lower case without blanks, so "log(cm.s**-2)", "Log(cm/s2)" and " mag " compare plainly.
std::string normalized(std::string_view unit) {
    std::string s;
    for (char c : unit)
        if (!std::isspace(static_cast<unsigned char>(c)))
            s += char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool oneOf(const std::string& unit, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), unit) != names.end();
}

} // namespace

std::optional<double> unitFactor(std::string_view rawUnit, Dimension dimension) {
    const std::string u = normalized(rawUnit);
    if (u.empty() || dimension == Dimension::None)
        return 1.0;
    switch (dimension) {
    case Dimension::Temperature:
        if (oneOf(u, {"k", "kelvin"}))
            return 1.0;
        break;
    case Dimension::Gravity:
        // log g: dex, or the log of an acceleration as archives write it.
        if (oneOf(u, {"dex", "log(cm.s**-2)", "log(cm/s2)", "log(cm/s^2)", "[cm/s2]", "[cm.s-2]", "log(cgs)",
                      "[-]", "dex(cm/s2)", "log(cm.s-2)"}))
            return 1.0;
        break;
    case Dimension::Abundance:
        if (oneOf(u, {"dex", "[-]", "[sun]", "[fe/h]", "[m/h]"}))
            return 1.0;
        break;
    case Dimension::TemperatureSq:
        if (oneOf(u, {"k2", "k**2", "k^2", "k+2"}))
            return 1.0;
        break;
    case Dimension::TemperatureDex:
        if (oneOf(u, {"kdex", "k.dex", "dexk", "dex.k", "k*dex"}))
            return 1.0;
        break;
    case Dimension::DexSq:
        if (oneOf(u, {"dex2", "dex**2", "dex^2", "dex+2"}))
            return 1.0;
        break;
    case Dimension::Magnitude:
        // Vega or AB is the rules' business (unwise_vega_to_ab), not the unit's.
        if (oneOf(u, {"mag", "mag(ab)", "mag(vega)", "abmag", "vegamag", "magnitude", "mags"}))
            return 1.0;
        break;
    case Dimension::Parallax:
        if (oneOf(u, {"mas", "milliarcsec", "milliarcsecond", "milliarcseconds"}))
            return 1.0;
        if (oneOf(u, {"arcsec", "\"", "arcsecond", "arcseconds"}))
            return 1000.0;
        if (oneOf(u, {"uas", "µas", "microarcsec"}))
            return 0.001;
        if (oneOf(u, {"deg", "degree", "degrees"}))
            return 3.6e6;
        break;
    case Dimension::Angle:
        if (oneOf(u, {"deg", "degree", "degrees"}))
            return 1.0;
        if (oneOf(u, {"rad", "radian", "radians"}))
            return 180.0 / std::numbers::pi;
        if (oneOf(u, {"arcmin"}))
            return 1.0 / 60.0;
        if (oneOf(u, {"arcsec"}))
            return 1.0 / 3600.0;
        break;
    case Dimension::None:
        break;
    }
    return std::nullopt;
}

} // namespace starlocus::core::import
