// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The trainable parameters as one flat float32 vector (what Adam updates), with the
// layout of every layer in it. Kernels keep Keras's (inputs × outputs) row-major order,
// which read column-major is Kᵀ (outputs × inputs): exactly the matrix a batch of
// column vectors is multiplied by.
#include "core/model/stellar_model.h"
#include "core/training/adam.h"

#include <cstdint>
#include <vector>

namespace starlocus::core {

struct LayerSlot {
    int inputs = 0;
    int outputs = 0;
    std::size_t kernel = 0; // offset of the kernel in the flat vector
    std::size_t bias = 0;   // offset of the bias
};

struct NetworkLayout {
    std::vector<LayerSlot> hidden;
    LayerSlot colorOutput;
    LayerSlot extinction;
    std::size_t size = 0;

    explicit NetworkLayout(const std::vector<int>& hiddenWidths = {32, 32});
    int widest() const;
};

// Glorot-uniform kernels and zero biases, as Keras initialises Dense layers, drawn from a
// counter-based stream of `seed`.
ParameterVector initialParameters(const NetworkLayout& layout, std::uint64_t seed);

// The model these parameters represent (weights converted float → double exactly).
StellarModel modelFromParameters(const NetworkLayout& layout, const ParameterVector& params,
                                 const LabelNormalization& normalization, Activation hiddenActivation,
                                 ModelProvenance provenance);

// Flat parameters of an existing model (e.g. to continue training it); InputError when
// its layer sizes differ from `layout`.
ParameterVector parametersFromModel(const NetworkLayout& layout, const StellarModel& model);

} // namespace starlocus::core
