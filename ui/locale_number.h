// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A number typed into a field: the user's locale first, then C, so that "1e-3" and "0.5" work
// in a German session as well as "0,5". Only finite values.
#include <QString>

#include <optional>

namespace starlocus::ui {

std::optional<double> parseLocaleNumber(const QString& text);

} // namespace starlocus::ui
