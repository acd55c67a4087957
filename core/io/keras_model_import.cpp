// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/keras_model_import.h"

#include "core/common/input_error.h"
#include "core/io/hdf5_handle.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

namespace starlocus::core {
namespace {

using nlohmann::json;

struct KerasGraph {
    std::string file;
    std::map<std::string, json> layers; // by name

    const json& layer(const std::string& name, const std::string& from) const {
        auto it = layers.find(name);
        if (it == layers.end())
            throw InputError(file, "model_config", "layer '" + name + "' (input of '" + from + "') is not defined");
        return it->second;
    }
    std::string className(const json& layer) const { return layer.value("class_name", std::string()); }
    std::string name(const json& layer) const { return layer.value("name", std::string()); }

    // Names of the layers feeding `layer` (first inbound node only: no shared layers here).
    std::vector<std::string> inputsOf(const json& layer) const {
        std::vector<std::string> out;
        const json& nodes = layer.value("inbound_nodes", json::array());
        if (!nodes.is_array() || nodes.empty())
            return out;
        if (nodes.size() != 1)
            throw InputError(file, name(layer), "layer is called more than once (shared layers are not supported)");
        for (const json& tensor : nodes[0]) {
            if (!tensor.is_array() || tensor.empty() || !tensor[0].is_string())
                throw InputError(file, name(layer), "unreadable inbound_nodes entry");
            out.push_back(tensor[0].get<std::string>());
        }
        return out;
    }

    void expectClass(const json& layer, const std::string& cls, const std::string& role) const {
        if (className(layer) != cls)
            throw InputError(file, name(layer),
                             "is a " + className(layer) + " layer, expected " + cls + " (" + role + ")");
    }
};

std::vector<double> readWeight(hid_t file, const std::string& path, const std::string& layer, const char* which,
                               hsize_t rows, hsize_t cols) {
    const std::string dataset = "model_weights/" + layer + "/" + layer + "/" + which + ":0";
    std::vector<hsize_t> shape = cols ? std::vector<hsize_t>{rows, cols} : std::vector<hsize_t>{rows};
    return hdf5::readDoubles(file, path, dataset, shape);
}

DenseLayer denseFromKeras(const KerasGraph& g, hid_t file, const json& layer, int inputs) {
    g.expectClass(layer, "Dense", "fully connected layer");
    const json& cfg = layer.at("config");
    DenseLayer out;
    out.name = g.name(layer);
    out.inputs = inputs;
    out.outputs = cfg.value("units", 0);
    if (out.outputs <= 0)
        throw InputError(g.file, out.name, "Dense layer without a positive 'units'");
    const std::string act = cfg.value("activation", std::string("linear"));
    const auto activation = activationFromName(act);
    if (!activation)
        throw InputError(g.file, out.name, "unsupported activation '" + act + "' (linear, sigmoid, tanh, exponential)");
    out.activation = *activation;
    const auto kernel = readWeight(file, g.file, out.name, "kernel", hsize_t(inputs), hsize_t(out.outputs));
    out.kernel.assign(kernel.begin(), kernel.end());
    if (cfg.value("use_bias", true))
    {
        const auto b = readWeight(file, g.file, out.name, "bias", hsize_t(out.outputs), 0);
        out.bias.assign(b.begin(), b.end());
    }
    else
        out.bias.assign(std::size_t(out.outputs), 0.0);
    for (double v : out.kernel)
        if (!std::isfinite(v))
            throw InputError(g.file, out.name + "/kernel", "contains NaN or Inf");
    for (double v : out.bias)
        if (!std::isfinite(v))
            throw InputError(g.file, out.name + "/bias", "contains NaN or Inf");
    return out;
}

int inputWidth(const KerasGraph& g, const json& input) {
    const json& shape = input.at("config").value("batch_input_shape", json::array());
    if (!shape.is_array() || shape.size() != 2 || !shape[1].is_number_integer())
        throw InputError(g.file, g.name(input), "expected a vector input (batch_input_shape [null, n])");
    return shape[1].get<int>();
}

} // namespace

bool isKerasModelFile(const std::string& path) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    return H5Aexists(file.get(), "model_config") > 0;
}

StellarModel importKerasModel(const std::string& path, const LabelNormalization& normalization) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    const auto configText = hdf5::readStringAttribute(file.get(), "model_config");
    if (!configText)
        throw InputError(path, "model_config", "attribute missing: not a Keras model file");
    KerasGraph g;
    g.file = path;
    json config;
    try {
        config = json::parse(*configText);
        for (const json& layer : config.at("config").at("layers"))
            g.layers[layer.at("name").get<std::string>()] = layer;
    } catch (const json::exception& e) {
        throw InputError(path, "model_config", std::string("unreadable model configuration: ") + e.what());
    }
    const json& outputs = config["config"].value("output_layers", json::array());
    if (!outputs.is_array() || outputs.size() != 1 || !outputs[0].is_array() || !outputs[0][0].is_string())
        throw InputError(path, "model_config", "expected exactly one output layer");

    // Output: Dot(LT, B_M_plus_A) with axes [2, 1], or the sum directly.
    const json* sum = &g.layer(outputs[0][0].get<std::string>(), "output_layers");
    if (g.className(*sum) == "Dot") {
        const auto in = g.inputsOf(*sum);
        const json axes = sum->at("config").value("axes", json());
        if (in.size() != 2 || axes != json::array({2, 1}))
            throw InputError(path, g.name(*sum), "expected Dot(LT, B(M+A)) with axes [2, 1] (LT·v per star)");
        const json& lt = g.layer(in[0], g.name(*sum));
        g.expectClass(lt, "InputLayer", "the per-star whitening LT");
        sum = &g.layer(in[1], g.name(*sum));
    }
    g.expectClass(*sum, "Add", "B·M + B·A");
    const auto addends = g.inputsOf(*sum);
    if (addends.size() != 2)
        throw InputError(path, g.name(*sum), "expected two inputs (BM and BA)");

    // Tell the two addends apart by what feeds them: BA is fed by Multiply(E, R).
    const json* bm = nullptr;
    const json* ba = nullptr;
    for (const auto& name : addends) {
        const json& layer = g.layer(name, g.name(*sum));
        g.expectClass(layer, "Dense", "BM or BA");
        const auto in = g.inputsOf(layer);
        if (in.size() == 1 && g.className(g.layer(in[0], name)) == "Multiply")
            ba = &layer;
        else
            bm = &layer;
    }
    if (!bm || !ba)
        throw InputError(path, g.name(*sum), "expected one stellar branch (BM) and one extinction branch (BA)");

    // Extinction branch: BA(Multiply(E, R(theta))).
    const json& multiply = g.layer(g.inputsOf(*ba)[0], g.name(*ba));
    const auto factors = g.inputsOf(multiply);
    if (factors.size() != 2)
        throw InputError(path, g.name(multiply), "expected E × R");
    const json* rLayer = nullptr;
    for (const auto& name : factors) {
        const json& layer = g.layer(name, g.name(multiply));
        if (g.className(layer) == "Dense")
            rLayer = &layer;
        else if (g.className(layer) != "InputLayer" || inputWidth(g, layer) != 1)
            throw InputError(path, name, "expected the scalar reddening input E");
    }
    if (!rLayer)
        throw InputError(path, g.name(multiply), "no Dense R layer among the factors");
    const auto rInputs = g.inputsOf(*rLayer);
    if (rInputs.size() != 1)
        throw InputError(path, g.name(*rLayer), "expected one input (theta)");
    const json& theta = g.layer(rInputs[0], g.name(*rLayer));
    g.expectClass(theta, "InputLayer", "the labels theta");
    if (inputWidth(g, theta) != 3)
        throw InputError(path, g.name(theta), "expected 3 labels (Teff, log g, [Fe/H])");
    DenseLayer extinction = denseFromKeras(g, file.get(), *rLayer, 3);

    // BA must be the fixed colour transform: Keras computes A·K, so K = Bᵀ (METHOD.md §2).
    if (ba->at("config").value("use_bias", true))
        throw InputError(path, g.name(*ba), "the BA layer must not have a bias");
    const auto baKernel = readWeight(file.get(), path, g.name(*ba), "kernel", kBandCount, kBandCount);
    const Mat13 bT = colorTransformMatrix().transpose();
    for (std::size_t i = 0; i < kBandCount; ++i)
        for (std::size_t j = 0; j < kBandCount; ++j)
            if (std::abs(baKernel[i * kBandCount + j] - bT(Eigen::Index(i), Eigen::Index(j))) > 1e-6)
                throw InputError(path, g.name(*ba) + "/kernel",
                                 "is not the colour transform Bᵀ of Eq. 5 (band order G, BP, RP, g … W2)");

    // Stellar branch: walk back from BM to theta through Dense layers.
    std::vector<const json*> chain{bm};
    for (;;) {
        const auto in = g.inputsOf(*chain.back());
        if (in.size() != 1)
            throw InputError(path, g.name(*chain.back()), "expected exactly one input");
        const json& prev = g.layer(in[0], g.name(*chain.back()));
        if (&prev == &theta || g.name(prev) == g.name(theta))
            break;
        g.expectClass(prev, "Dense", "hidden layer of the stellar model");
        chain.push_back(&prev);
        if (chain.size() > 64)
            throw InputError(path, "model_config", "stellar branch does not reach theta");
    }
    std::vector<DenseLayer> hidden;
    int width = 3;
    for (auto it = chain.rbegin(); it != chain.rend() - 1; ++it) {
        hidden.push_back(denseFromKeras(g, file.get(), **it, width));
        width = hidden.back().outputs;
    }
    DenseLayer colorOutput = denseFromKeras(g, file.get(), *bm, width);
    if (colorOutput.outputs != int(kBandCount))
        throw InputError(path, colorOutput.name, "expected 13 outputs (one per band)");

    ModelProvenance provenance{"keras-import", path,
                               "Keras " + hdf5::readStringAttribute(file.get(), "keras_version").value_or("?") +
                                   " model '" + config["config"].value("name", std::string()) + "'",
                               ""};
    return StellarModel(normalization, std::move(hidden), std::move(colorOutput), std::move(extinction),
                        std::move(provenance));
}

} // namespace starlocus::core
