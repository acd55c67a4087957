// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a model in the layout of the authors' Keras 2.2.4 file (METHOD.md §2): the graph as
// JSON in the `model_config` attribute and the weights under
// model_weights/<layer>/<layer>/{kernel:0, bias:0} (float32). Only the fuzz seeds use it:
// StarLocus itself reads this layout and never writes it.
#include "core/model/stellar_model.h"

#include <string>

namespace starlocus::fuzz {

// With `whitened`, the output is Dot(LT, BM + BA) as in the published file; without, the sum.
void writeKerasLayout(const std::string& path, const core::StellarModel& model, bool whitened);

} // namespace starlocus::fuzz
