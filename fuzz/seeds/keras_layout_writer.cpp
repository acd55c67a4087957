// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/seeds/keras_layout_writer.h"

#include "core/io/hdf5_handle.h"

#include <nlohmann/json.hpp>

namespace starlocus::fuzz {
namespace {

using nlohmann::json;
namespace hdf5 = core::hdf5;

json inbound(std::initializer_list<const char*> names) {
    json node = json::array();
    for (const char* n : names)
        node.push_back(json::array({n, 0, 0, json::object()}));
    return names.size() ? json::array({node}) : json::array();
}

json inputLayer(const char* name, json shape) {
    return {{"class_name", "InputLayer"},
            {"name", name},
            {"config", {{"batch_input_shape", std::move(shape)}, {"dtype", "float32"}, {"name", name}}},
            {"inbound_nodes", json::array()}};
}

json denseLayer(const core::DenseLayer& layer, const std::string& name, const char* input, bool bias = true) {
    return {{"class_name", "Dense"},
            {"name", name},
            {"config",
             {{"name", name},
              {"units", layer.outputs},
              {"activation", std::string(core::activationName(layer.activation))},
              {"use_bias", bias}}},
            {"inbound_nodes", inbound({input})}};
}

void writeWeights(hid_t file, const std::string& path, const std::string& name, const core::DenseLayer& layer,
                  bool bias) {
    hdf5::Handle outer = hdf5::createGroup(file, path, "model_weights/" + name);
    hdf5::Handle inner = hdf5::createGroup(outer.get(), path, name);
    std::vector<double> kernel(layer.kernel.begin(), layer.kernel.end());
    hdf5::writeDoubles(inner.get(), path, "kernel:0", {hsize_t(layer.inputs), hsize_t(layer.outputs)}, kernel.data(),
                       H5T_IEEE_F32LE);
    if (bias) {
        std::vector<double> b(layer.bias.begin(), layer.bias.end());
        hdf5::writeDoubles(inner.get(), path, "bias:0", {hsize_t(layer.outputs)}, b.data(), H5T_IEEE_F32LE);
    }
}

} // namespace

void writeKerasLayout(const std::string& path, const core::StellarModel& model, bool whitened) {
    const auto lock = hdf5::libraryLock();
    json layers = json::array();
    layers.push_back(inputLayer("theta", {nullptr, 3}));
    std::vector<std::string> hiddenNames;
    std::string previous = "theta";
    for (std::size_t k = 0; k < model.hiddenLayers().size(); ++k) {
        hiddenNames.push_back("stellar_model_hidden_" + std::to_string(k + 1));
        layers.push_back(denseLayer(model.hiddenLayers()[k], hiddenNames.back(), previous.c_str()));
        previous = hiddenNames.back();
    }
    layers.push_back(inputLayer("E", {nullptr, 1}));
    layers.push_back(denseLayer(model.extinctionLayer(), "R", "theta"));
    layers.push_back({{"class_name", "Multiply"}, {"name", "A"}, {"config", {{"name", "A"}}},
                      {"inbound_nodes", inbound({"E", "R"})}});
    layers.push_back(denseLayer(model.colorOutputLayer(), "BM", previous.c_str()));
    core::DenseLayer ba;
    ba.inputs = ba.outputs = int(core::kBandCount);
    const core::Mat13 bT = core::colorTransformMatrix().transpose();
    for (std::size_t i = 0; i < core::kBandCount; ++i)
        for (std::size_t j = 0; j < core::kBandCount; ++j)
            ba.kernel.push_back(bT(Eigen::Index(i), Eigen::Index(j)));
    layers.push_back(denseLayer(ba, "BA", "A", false));
    layers.push_back({{"class_name", "Add"}, {"name", "B_M_plus_A"}, {"config", {{"name", "B_M_plus_A"}}},
                      {"inbound_nodes", inbound({"BM", "BA"})}});
    std::string output = "B_M_plus_A";
    if (whitened) {
        layers.push_back(inputLayer("LT", {nullptr, 13, 13}));
        layers.push_back({{"class_name", "Dot"}, {"name", "LT_B_M_plus_A"},
                          {"config", {{"name", "LT_B_M_plus_A"}, {"axes", {2, 1}}, {"normalize", false}}},
                          {"inbound_nodes", inbound({"LT", "B_M_plus_A"})}});
        output = "LT_B_M_plus_A";
    }
    const json config{{"class_name", "Model"},
                      {"config",
                       {{"name", "starlocus_fuzz_seed"},
                        {"layers", layers},
                        {"input_layers", json::array({json::array({"theta", 0, 0}), json::array({"E", 0, 0})})},
                        {"output_layers", json::array({json::array({output, 0, 0})})}}}};

    hdf5::Handle file = hdf5::createFile(path);
    hdf5::writeStringAttribute(file.get(), path, "model_config", config.dump());
    hdf5::writeStringAttribute(file.get(), path, "keras_version", "2.2.4");
    hdf5::writeStringAttribute(file.get(), path, "backend", "tensorflow");
    hdf5::Handle weights = hdf5::createGroup(file.get(), path, "model_weights");
    for (std::size_t k = 0; k < hiddenNames.size(); ++k)
        writeWeights(file.get(), path, hiddenNames[k], model.hiddenLayers()[k], true);
    writeWeights(file.get(), path, "R", model.extinctionLayer(), true);
    writeWeights(file.get(), path, "BM", model.colorOutputLayer(), true);
    writeWeights(file.get(), path, "BA", ba, false);
}

} // namespace starlocus::fuzz
