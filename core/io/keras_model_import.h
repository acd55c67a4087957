// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Import of the authors' Keras 2.2.4 HDF5 model (green2020_nn_model.h5, METHOD.md §2).
// The graph is rebuilt from the `model_config` attribute by following each layer's
// `inbound_nodes` from the output back to the inputs (the layer list's order is not the
// graph's). Sizes and activations come from the file. Anything outside the structure
//   theta → Dense… → Dense(linear) = BM;  theta → Dense(exp) = R;  E × R → Dense(BA, no bias)
//   BM + BA → [optional Dot(LT, ·)]
// is an InputError naming the layer.
#include "core/model/stellar_model.h"

#include <string>

namespace starlocus::core {

StellarModel importKerasModel(const std::string& modelPath, const LabelNormalization& normalization);

// True when the file carries a Keras `model_config` attribute.
bool isKerasModelFile(const std::string& path);

} // namespace starlocus::core
