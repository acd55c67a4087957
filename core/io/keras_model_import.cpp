// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/keras_model_import.h"

#include "core/common/input_error.h"
#include "core/common/require_finite.h"
#include "core/io/hdf5_handle.h"
#include "core/io/json_fields.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

namespace starlocus::core {
namespace {

using nlohmann::json;
namespace jf = json_fields;

// Limits of the structure we accept (the published model: two hidden layers of 32).
constexpr std::size_t kMaxLayers = 64;  // Dense layers in the stellar branch
constexpr std::int64_t kMaxUnits = 4096; // per layer: 4096² kernels are 128 MiB, far above any real model

struct KerasGraph {
    std::string file;
    std::map<std::string, json> layers; // by name

    // Field paths name the layer: "model_config/layers/BM/config/units".
    static std::string fieldOf(const std::string& layerName, const std::string& key = {}) {
        return "model_config/layers/" + layerName + (key.empty() ? "" : "/" + key);
    }

    const json& layer(const std::string& name, const std::string& from) const {
        auto it = layers.find(name);
        if (it == layers.end())
            throw InputError(file, "model_config", "layer '" + name + "' (input of '" + from + "') is not defined");
        return it->second;
    }
    // Every layer in `layers` is an object with a string "name" (checked when the map is built).
    std::string name(const json& layer) const { return layer.find("name")->get<std::string>(); }
    std::string className(const json& layer) const {
        const json* cls = jf::optionalMember(layer, "class_name", file, fieldOf(name(layer)));
        return cls ? jf::string(*cls, file, fieldOf(name(layer), "class_name")) : std::string();
    }
    const json& config(const json& layer) const {
        const json& cfg = jf::member(layer, "config", file, fieldOf(name(layer)));
        if (!cfg.is_object())
            throw InputError(file, fieldOf(name(layer), "config"), "expected a JSON object");
        return cfg;
    }

    // Names of the layers feeding `layer` (first inbound node only: no shared layers here).
    std::vector<std::string> inputsOf(const json& layer) const {
        std::vector<std::string> out;
        const std::string field = fieldOf(name(layer), "inbound_nodes");
        const json* nodes = jf::optionalMember(layer, "inbound_nodes", file, fieldOf(name(layer)));
        if (!nodes)
            return out;
        if (!nodes->is_array())
            throw InputError(file, field, "expected a list of nodes");
        if (nodes->empty())
            return out;
        if (nodes->size() != 1)
            throw InputError(file, name(layer), "layer is called more than once (shared layers are not supported)");
        const json& node = (*nodes)[0];
        if (!node.is_array())
            throw InputError(file, field, "expected a list of input tensors");
        for (const json& tensor : node) {
            if (!tensor.is_array() || tensor.empty() || !tensor[0].is_string())
                throw InputError(file, field, "unreadable inbound_nodes entry");
            out.push_back(tensor[0].get<std::string>());
        }
        return out;
    }
    // The one input of `layer`; InputError naming the layer otherwise.
    std::string onlyInputOf(const json& layer, const std::string& what) const {
        const auto in = inputsOf(layer);
        if (in.size() != 1)
            throw InputError(file, name(layer), "expected exactly one input (" + what + ")");
        return in[0];
    }

    void expectClass(const json& layer, const std::string& cls, const std::string& role) const {
        if (className(layer) != cls)
            throw InputError(file, name(layer),
                             "is a " + className(layer) + " layer, expected " + cls + " (" + role + ")");
    }

    bool useBias(const json& layer) const {
        const json* b = jf::optionalMember(config(layer), "use_bias", file, fieldOf(name(layer), "config"));
        return b ? jf::boolean(*b, file, fieldOf(name(layer), "config/use_bias")) : true;
    }
};

std::vector<double> readWeight(hid_t file, const std::string& path, const std::string& layer, const char* which,
                               hsize_t rows, hsize_t cols) {
    const std::string dataset = "model_weights/" + layer + "/" + layer + "/" + which + ":0";
    std::vector<hsize_t> shape = cols ? std::vector<hsize_t>{rows, cols} : std::vector<hsize_t>{rows};
    auto values = hdf5::readDoubles(file, path, dataset, shape);
    requireFinite(values, path, layer + "/" + which + " (" + dataset + ")");
    return values;
}

DenseLayer denseFromKeras(const KerasGraph& g, hid_t file, const json& layer, int inputs) {
    g.expectClass(layer, "Dense", "fully connected layer");
    const json& cfg = g.config(layer);
    DenseLayer out;
    out.name = g.name(layer);
    out.inputs = inputs;
    out.outputs = int(jf::integer(jf::member(cfg, "units", g.file, KerasGraph::fieldOf(out.name, "config")), 1,
                                  kMaxUnits, g.file, KerasGraph::fieldOf(out.name, "config/units")));
    const json* actField = jf::optionalMember(cfg, "activation", g.file, KerasGraph::fieldOf(out.name, "config"));
    const std::string act =
        actField ? jf::string(*actField, g.file, KerasGraph::fieldOf(out.name, "config/activation")) : "linear";
    const auto activation = activationFromName(act);
    if (!activation)
        throw InputError(g.file, out.name, "unsupported activation '" + act + "' (linear, sigmoid, tanh, exponential)");
    out.activation = *activation;
    const auto kernel = readWeight(file, g.file, out.name, "kernel", hsize_t(inputs), hsize_t(out.outputs));
    out.kernel.assign(kernel.begin(), kernel.end());
    if (g.useBias(layer)) {
        const auto b = readWeight(file, g.file, out.name, "bias", hsize_t(out.outputs), 0);
        out.bias.assign(b.begin(), b.end());
    } else {
        out.bias.assign(std::size_t(out.outputs), 0.0);
    }
    return out;
}

int inputWidth(const KerasGraph& g, const json& input) {
    const std::string field = KerasGraph::fieldOf(g.name(input), "config/batch_input_shape");
    const json* shape = jf::optionalMember(g.config(input), "batch_input_shape", g.file,
                                           KerasGraph::fieldOf(g.name(input), "config"));
    if (!shape || !shape->is_array() || shape->size() != 2 || !(*shape)[1].is_number_integer())
        throw InputError(g.file, g.name(input), "expected a vector input (batch_input_shape [null, n])");
    return int(jf::integer((*shape)[1], 1, kMaxUnits, g.file, field));
}

// The first output layer's name: "output_layers": [["name", 0, 0]].
std::string outputLayerName(const json& modelConfig, const std::string& file) {
    const json* outputs = jf::optionalMember(modelConfig, "output_layers", file, "model_config/config");
    const std::string field = "model_config/config/output_layers";
    if (!outputs || !outputs->is_array() || outputs->size() != 1 || !(*outputs)[0].is_array() ||
        (*outputs)[0].empty() || !(*outputs)[0][0].is_string())
        throw InputError(file, field, "expected exactly one output layer ([[\"name\", 0, 0]])");
    return (*outputs)[0][0].get<std::string>();
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
    const json config = jf::parse(*configText, path, "model_config");
    const json& modelConfig = jf::member(config, "config", path, "model_config");
    if (!modelConfig.is_object())
        throw InputError(path, "model_config/config", "expected a JSON object");
    const json& layerList = jf::member(modelConfig, "layers", path, "model_config/config");
    if (!layerList.is_array())
        throw InputError(path, "model_config/config/layers", "expected a list of layers");
    for (std::size_t k = 0; k < layerList.size(); ++k) {
        const std::string field = "model_config/config/layers[" + std::to_string(k) + "]";
        const json& layer = layerList[k];
        const std::string name = jf::string(jf::member(layer, "name", path, field), path, field + "/name");
        if (!g.layers.emplace(name, layer).second)
            throw InputError(path, field, "second layer named '" + name + "'");
    }

    // Output: Dot(LT, B_M_plus_A) with axes [2, 1], or the sum directly.
    const json* sum = &g.layer(outputLayerName(modelConfig, path), "output_layers");
    if (g.className(*sum) == "Dot") {
        const auto in = g.inputsOf(*sum);
        const json* axes = jf::optionalMember(g.config(*sum), "axes", path, KerasGraph::fieldOf(g.name(*sum), "config"));
        if (in.size() != 2 || !axes || *axes != json::array({2, 1}))
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
    std::string multiplyName;
    for (const auto& name : addends) {
        const json& layer = g.layer(name, g.name(*sum));
        g.expectClass(layer, "Dense", "BM or BA");
        const auto in = g.inputsOf(layer);
        if (in.size() == 1 && g.className(g.layer(in[0], name)) == "Multiply") {
            ba = &layer;
            multiplyName = in[0];
        } else {
            bm = &layer;
        }
    }
    if (!bm || !ba)
        throw InputError(path, g.name(*sum), "expected one stellar branch (BM) and one extinction branch (BA)");

    // Extinction branch: BA(Multiply(E, R(theta))).
    const json& multiply = g.layer(multiplyName, g.name(*ba));
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
    const json& theta = g.layer(g.onlyInputOf(*rLayer, "theta"), g.name(*rLayer));
    g.expectClass(theta, "InputLayer", "the labels theta");
    if (inputWidth(g, theta) != 3)
        throw InputError(path, g.name(theta), "expected 3 labels (Teff, log g, [Fe/H])");
    DenseLayer extinction = denseFromKeras(g, file.get(), *rLayer, 3);

    // BA must be the fixed colour transform: Keras computes A·K, so K = Bᵀ (METHOD.md §2).
    if (g.useBias(*ba))
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
        const std::string in = g.onlyInputOf(*chain.back(), "the previous layer of the stellar branch");
        const json& prev = g.layer(in, g.name(*chain.back()));
        if (&prev == &theta || g.name(prev) == g.name(theta))
            break;
        g.expectClass(prev, "Dense", "hidden layer of the stellar model");
        chain.push_back(&prev);
        if (chain.size() > kMaxLayers)
            throw InputError(path, "model_config", "stellar branch does not reach theta within " +
                                                       std::to_string(kMaxLayers) + " layers");
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

    const json* modelName = jf::optionalMember(modelConfig, "name", path, "model_config/config");
    ModelProvenance provenance{"keras-import", path,
                               "Keras " + hdf5::readStringAttribute(file.get(), "keras_version").value_or("?") +
                                   " model '" + (modelName && modelName->is_string() ? modelName->get<std::string>() : "") +
                                   "'",
                               ""};
    StellarModel model(normalization, std::move(hidden), std::move(colorOutput), std::move(extinction),
                       std::move(provenance));
    requireFinitePrediction(model, path, "model_weights");
    return model;
}

} // namespace starlocus::core
