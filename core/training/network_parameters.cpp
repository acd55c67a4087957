// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/network_parameters.h"

#include "core/common/input_error.h"
#include "core/common/counter_random.h"

#include <cmath>

namespace starlocus::core {
namespace {

LayerSlot place(int inputs, int outputs, std::size_t& offset) {
    LayerSlot slot{inputs, outputs, offset, offset + std::size_t(inputs) * std::size_t(outputs)};
    offset = slot.bias + std::size_t(outputs);
    return slot;
}

DenseLayer toDense(const LayerSlot& slot, const ParameterVector& params, std::string name,
                   Activation activation) {
    DenseLayer layer;
    layer.name = std::move(name);
    layer.inputs = slot.inputs;
    layer.outputs = slot.outputs;
    layer.activation = activation;
    layer.kernel.assign(params.begin() + std::ptrdiff_t(slot.kernel), params.begin() + std::ptrdiff_t(slot.bias));
    layer.bias.assign(params.begin() + std::ptrdiff_t(slot.bias),
                      params.begin() + std::ptrdiff_t(slot.bias + std::size_t(slot.outputs)));
    return layer;
}

void copyInto(const LayerSlot& slot, const DenseLayer& layer, ParameterVector& params) {
    if (layer.inputs != slot.inputs || layer.outputs != slot.outputs)
        throw InputError("", layer.name, "layer is " + std::to_string(layer.inputs) + " → " +
                                             std::to_string(layer.outputs) + ", the training layout expects " +
                                             std::to_string(slot.inputs) + " → " + std::to_string(slot.outputs));
    for (std::size_t k = 0; k < layer.kernel.size(); ++k)
        params[slot.kernel + k] = float(layer.kernel[k]);
    for (std::size_t k = 0; k < layer.bias.size(); ++k)
        params[slot.bias + k] = float(layer.bias[k]);
}

} // namespace

NetworkLayout::NetworkLayout(const std::vector<int>& hiddenWidths) {
    int width = 3;
    for (int w : hiddenWidths) {
        hidden.push_back(place(width, w, size));
        width = w;
    }
    colorOutput = place(width, int(kBandCount), size);
    extinction = place(3, int(kBandCount), size);
}

int NetworkLayout::widest() const {
    int w = int(kBandCount);
    for (const auto& h : hidden)
        w = std::max(w, h.outputs);
    return w;
}

ParameterVector initialParameters(const NetworkLayout& layout, std::uint64_t seed) {
    ParameterVector params(layout.size, 0.0f);
    std::uint64_t stream = 0;
    auto glorot = [&](const LayerSlot& slot) {
        CounterRandom rng(seed, 0xC0FFEE00ull + stream++);
        const double limit = std::sqrt(6.0 / double(slot.inputs + slot.outputs));
        for (std::size_t k = 0; k < std::size_t(slot.inputs) * std::size_t(slot.outputs); ++k)
            params[slot.kernel + k] = float(rng.uniform(-limit, limit));
    };
    for (const auto& h : layout.hidden)
        glorot(h);
    glorot(layout.colorOutput);
    glorot(layout.extinction);
    return params;
}

StellarModel modelFromParameters(const NetworkLayout& layout, const ParameterVector& params,
                                 const LabelNormalization& normalization, Activation hiddenActivation,
                                 ModelProvenance provenance) {
    // toDense copies each layer's slice by the layout's offsets: a vector of another
    // layout (a checkpoint whose hidden_layers were changed) would be read past its end.
    if (params.size() != layout.size)
        throw InputError(provenance.sourceFile, "parameters",
                         std::to_string(params.size()) + " values, the layout of hidden_layers expects " +
                             std::to_string(layout.size));
    std::vector<DenseLayer> hidden;
    for (std::size_t k = 0; k < layout.hidden.size(); ++k)
        hidden.push_back(toDense(layout.hidden[k], params, "stellar_model_hidden_" + std::to_string(k + 1),
                                 hiddenActivation));
    return StellarModel(normalization, std::move(hidden), toDense(layout.colorOutput, params, "BM", Activation::Linear),
                        toDense(layout.extinction, params, "R", Activation::Exponential), std::move(provenance));
}

ParameterVector parametersFromModel(const NetworkLayout& layout, const StellarModel& model) {
    if (model.hiddenLayers().size() != layout.hidden.size())
        throw InputError(model.provenance().sourceFile, "hidden_layers",
                         "the model has " + std::to_string(model.hiddenLayers().size()) +
                             " hidden layers, the training layout " + std::to_string(layout.hidden.size()));
    ParameterVector params(layout.size, 0.0f);
    for (std::size_t k = 0; k < layout.hidden.size(); ++k)
        copyInto(layout.hidden[k], model.hiddenLayers()[k], params);
    copyInto(layout.colorOutput, model.colorOutputLayer(), params);
    copyInto(layout.extinction, model.extinctionLayer(), params);
    return params;
}

} // namespace starlocus::core
