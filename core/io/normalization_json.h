// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The normalisation JSON published beside the Keras model:
// {"theta_med": [3 numbers], "theta_std": [3 numbers]}.
#include "core/model/label_normalization.h"

#include <string>

namespace starlocus::core {

LabelNormalization readNormalizationJson(const std::string& path);
void writeNormalizationJson(const std::string& path, const LabelNormalization& normalization);

// The normalisation file that belongs to a model file when none is given: "<stem>.json"
// or "<stem>_normalization.json" beside it, else the only "*normalization*.json" in
// its folder. Empty when there is none or it is ambiguous.
std::string findNormalizationBeside(const std::string& modelPath);

} // namespace starlocus::core
