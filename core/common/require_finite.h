// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The loaders' check of an array read from a file: every value finite, else the file's
// InputError naming the field.
#include "core/common/input_error.h"

#include <cmath>
#include <string>
#include <vector>

namespace starlocus::core {

inline void requireFinite(const std::vector<double>& values, const std::string& file, const std::string& field) {
    for (double v : values)
        if (!std::isfinite(v))
            throw InputError(file, field, "contains NaN or Inf");
}

} // namespace starlocus::core
