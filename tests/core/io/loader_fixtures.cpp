// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/io/loader_fixtures.h"

#include "core/io/hdf5_handle.h"
#include "core/model/color_transform.h"
#include "core/training/network_parameters.h"

#include <cmath>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace starlocus::test {

using namespace starlocus::core;
using nlohmann::json;

namespace {

DenseLayer layer(std::string name, int inputs, int outputs, Activation activation, double scale, bool bias = true) {
    DenseLayer l;
    l.name = std::move(name);
    l.inputs = inputs;
    l.outputs = outputs;
    l.activation = activation;
    l.kernel.resize(std::size_t(inputs) * std::size_t(outputs));
    l.bias.assign(std::size_t(outputs), 0.0);
    for (std::size_t k = 0; k < l.kernel.size(); ++k)
        l.kernel[k] = scale * std::sin(double(k) + 1.0);
    if (bias)
        for (std::size_t k = 0; k < l.bias.size(); ++k)
            l.bias[k] = 0.1 * std::cos(double(k));
    return l;
}

void check(bool ok, const std::string& what) {
    if (!ok)
        throw std::runtime_error("fixture: " + what);
}

json input(const std::string& name, int width) {
    return {{"name", name},
            {"class_name", "InputLayer"},
            {"config", {{"batch_input_shape", json::array({nullptr, width})}, {"dtype", "float32"}, {"name", name}}},
            {"inbound_nodes", json::array()}};
}

json node(std::initializer_list<std::string> inputs) {
    json tensors = json::array();
    for (const auto& in : inputs)
        tensors.push_back(json::array({in, 0, 0, json::object()}));
    return json::array({tensors});
}

json dense(const DenseLayer& l, const std::string& from, bool useBias = true) {
    return {{"name", l.name},
            {"class_name", "Dense"},
            {"config",
             {{"name", l.name}, {"units", l.outputs}, {"activation", std::string(activationName(l.activation))},
              {"use_bias", useBias}}},
            {"inbound_nodes", node({from})}};
}

void writeWeights(hid_t file, const std::string& name, const double* kernel, hsize_t rows, hsize_t cols,
                  const double* bias) {
    const std::string group = "model_weights/" + name + "/" + name;
    hdf5::Handle lcpl(H5Pcreate(H5P_LINK_CREATE));
    H5Pset_create_intermediate_group(lcpl.get(), 1);
    hdf5::Handle g(H5Gcreate2(file, group.c_str(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT));
    check(g.valid(), "create " + group);
    hdf5::writeDoubles(g.get(), "keras", "kernel:0", {rows, cols}, kernel, H5T_IEEE_F32LE);
    if (bias)
        hdf5::writeDoubles(g.get(), "keras", "bias:0", {cols}, bias, H5T_IEEE_F32LE);
}

void writeConfig(hid_t file, const std::string& text) {
    hdf5::Handle type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.get(), text.size());
    hdf5::Handle space(H5Screate(H5S_SCALAR));
    hdf5::Handle attr(H5Acreate2(file, "model_config", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
    check(attr.valid() && H5Awrite(attr.get(), type.get(), text.data()) >= 0, "write model_config");
}

} // namespace

StellarModel smallModel() {
    LabelNormalization norm;
    norm.median = {5000.0, 4.0, -0.2};
    norm.stddev = {900.0, 0.9, 0.4};
    std::vector<DenseLayer> hidden{layer("stellar_model_hidden_1", 3, 4, Activation::Sigmoid, 0.5)};
    return StellarModel(norm, hidden, layer("BM", 4, 13, Activation::Linear, 0.3),
                        layer("R", 3, 13, Activation::Exponential, 0.05), {"test", "", "small model", ""});
}

json kerasModelConfig(const StellarModel& model) {
    json layers = json::array({input("theta", 3), input("E", 1), input("LT", 13)});
    std::string previous = "theta";
    for (const DenseLayer& h : model.hiddenLayers()) {
        layers.push_back(dense(h, previous));
        previous = h.name;
    }
    DenseLayer bm = model.colorOutputLayer(), r = model.extinctionLayer();
    bm.name = "BM";
    r.name = "R";
    layers.push_back(dense(bm, previous));
    layers.push_back(dense(r, "theta"));
    layers.push_back({{"name", "E_R"}, {"class_name", "Multiply"}, {"config", {{"name", "E_R"}}},
                      {"inbound_nodes", node({"E", "R"})}});
    DenseLayer ba{"BA", 13, 13, {}, {}, Activation::Linear};
    layers.push_back(dense(ba, "E_R", false));
    layers.push_back({{"name", "B_M_plus_A"}, {"class_name", "Add"}, {"config", {{"name", "B_M_plus_A"}}},
                      {"inbound_nodes", node({"BM", "BA"})}});
    layers.push_back({{"name", "LT_B_M_plus_A"}, {"class_name", "Dot"},
                      {"config", {{"name", "LT_B_M_plus_A"}, {"axes", json::array({2, 1})}}},
                      {"inbound_nodes", node({"LT", "B_M_plus_A"})}});
    return {{"class_name", "Model"},
            {"config",
             {{"name", "green2020_fixture"},
              {"layers", layers},
              {"input_layers", json::array({json::array({"theta", 0, 0}), json::array({"E", 0, 0}),
                                            json::array({"LT", 0, 0})})},
              {"output_layers", json::array({json::array({"LT_B_M_plus_A", 0, 0})})}}}};
}

void writeKerasModel(const std::string& path, const StellarModel& model) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::createFile(path);
    writeConfig(file.get(), kerasModelConfig(model).dump());
    {
        hdf5::Handle type(H5Tcopy(H5T_C_S1));
        H5Tset_size(type.get(), 5);
        hdf5::Handle space(H5Screate(H5S_SCALAR));
        hdf5::Handle attr(H5Acreate2(file.get(), "keras_version", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
        H5Awrite(attr.get(), type.get(), "2.2.4");
    }
    for (const DenseLayer& h : model.hiddenLayers())
        writeWeights(file.get(), h.name, h.kernel.data(), hsize_t(h.inputs), hsize_t(h.outputs), h.bias.data());
    const DenseLayer& bm = model.colorOutputLayer();
    writeWeights(file.get(), "BM", bm.kernel.data(), hsize_t(bm.inputs), 13, bm.bias.data());
    const DenseLayer& r = model.extinctionLayer();
    writeWeights(file.get(), "R", r.kernel.data(), 3, 13, r.bias.data());
    // Keras computes A·K, so the fixed colour transform is stored as K = Bᵀ (METHOD.md §2).
    const Eigen::Matrix<double, 13, 13, Eigen::RowMajor> bT = colorTransformMatrix().transpose();
    writeWeights(file.get(), "BA", bT.data(), 13, 13, nullptr);
}

TrainingCheckpoint smallCheckpoint(std::size_t stars) {
    TrainingCheckpoint cp;
    cp.config.iterations = 3;
    cp.config.epochsPerIteration = 2;
    cp.config.hiddenLayers = {32, 32};
    cp.completedIterations = 1;
    cp.learningRateScale = 0.5;
    cp.starsProcessed = 2 * stars;
    cp.elapsedSeconds = 1.5;
    cp.normalization.median = {5000.0, 4.0, -0.2};
    cp.normalization.stddev = {900.0, 0.9, 0.4};
    const NetworkLayout layout(cp.config.hiddenLayers);
    cp.parameters = initialParameters(layout, 7);
    cp.adam = AdamState(layout.size);
    for (std::size_t k = 0; k < layout.size; ++k) {
        cp.adam.m[k] = 1e-3f * float(k % 7);
        cp.adam.v[k] = 1e-6f * float(k % 5);
    }
    cp.adam.step = 2;
    for (std::size_t i = 0; i < stars; ++i) {
        cp.state.split.push_back(Split(int(i % 3)));
        cp.state.usable.push_back(1);
        cp.state.inUse.push_back(i % 4 != 0);
        cp.state.reddening.push_back(0.1 + 0.01 * double(i));
        cp.state.reddeningVar.push_back(1e-4);
        cp.state.chi2Dof.push_back(1.0 + 0.1 * double(i));
    }
    cp.history.epochs = {{1, 1, 2.0, 2.1, 1e-3, 0.5, 100.0}, {1, 2, 1.9, 2.0, 1e-3, 1.0, 100.0}};
    cp.history.iterations = {{1, 100.0, 1.2, 0.01, stars, 0, 0.0, 8e-4}};
    cp.catalogHash = 0x0123456789abcdefull;
    cp.catalogSource = "fixture.h5";
    return cp;
}

// Opens `object` of `file` for writing, with attribute `name` removed, and hands it to
// `write` (the Handles close the object and the file).
template <class Write>
void rewriteAttribute(const std::string& file, const std::string& object, const std::string& name, Write write) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    check(f.valid(), "open " + file);
    hdf5::Handle o(H5Oopen(f.get(), object.c_str(), H5P_DEFAULT));
    check(o.valid(), "open " + object);
    if (H5Aexists(o.get(), name.c_str()) > 0)
        H5Adelete(o.get(), name.c_str());
    write(o.get());
}

void replaceStringAttribute(const std::string& file, const std::string& object, const std::string& name,
                            const std::string& value) {
    rewriteAttribute(file, object, name,
                     [&](hid_t o) { hdf5::writeStringAttribute(o, file, name, value); });
}

void replaceDoubleAttribute(const std::string& file, const std::string& object, const std::string& name,
                            const std::vector<double>& value) {
    rewriteAttribute(file, object, name,
                     [&](hid_t o) { hdf5::writeDoubleAttribute(o, file, name, value); });
}

void overwriteElement(const std::string& file, const std::string& dataset, std::size_t index, double value) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    check(f.valid(), "open " + file);
    hdf5::Handle ds(H5Dopen2(f.get(), dataset.c_str(), H5P_DEFAULT));
    check(ds.valid(), "open " + dataset);
    hdf5::Handle space(H5Dget_space(ds.get()));
    const hsize_t n = hsize_t(H5Sget_simple_extent_npoints(space.get()));
    std::vector<double> values(n);
    check(H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0, "read");
    values.at(index) = value;
    check(H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0, "write");
    // As a writer without checksums would have stored it: the value itself must be refused,
    // not only the damage a checksum reveals.
    if (H5Aexists(ds.get(), "checksum") > 0)
        H5Adelete(ds.get(), "checksum");
}

void replaceWithHugeDataset(const std::string& file, const std::string& dataset, const std::vector<hsize_t>& shape) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    check(f.valid(), "open " + file);
    hdf5::Handle type;
    {
        hdf5::Handle ds(H5Dopen2(f.get(), dataset.c_str(), H5P_DEFAULT));
        check(ds.valid(), "open " + dataset);
        type = hdf5::Handle(H5Dget_type(ds.get()));
    }
    check(H5Ldelete(f.get(), dataset.c_str(), H5P_DEFAULT) >= 0, "delete " + dataset);
    hdf5::Handle space(H5Screate_simple(int(shape.size()), shape.data(), nullptr));
    hdf5::Handle dcpl(H5Pcreate(H5P_DATASET_CREATE));
    std::vector<hsize_t> chunk(shape.size(), 1);
    H5Pset_chunk(dcpl.get(), int(chunk.size()), chunk.data());
    hdf5::Handle ds(H5Dcreate2(f.get(), dataset.c_str(), type.get(), space.get(), H5P_DEFAULT, dcpl.get(),
                               H5P_DEFAULT));
    check(ds.valid(), "create huge " + dataset);
}

void editKerasConfig(const std::string& file, const std::function<void(json&)>& edit) {
    const auto lock = hdf5::libraryLock();
    std::string text;
    {
        hdf5::Handle f = hdf5::openReadOnly(file);
        text = hdf5::readStringAttribute(f.get(), "model_config").value();
    }
    json config = json::parse(text);
    edit(config);
    hdf5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    check(f.valid(), "open " + file);
    H5Adelete(f.get(), "model_config");
    writeConfig(f.get(), config.dump());
}

json& kerasLayer(json& config, const std::string& name) {
    for (json& l : config["config"]["layers"])
        if (l["name"] == name)
            return l;
    throw std::runtime_error("fixture: no layer " + name);
}

std::vector<char> readBytes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& file, const std::vector<char>& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    check(bool(out), "write " + file);
}

} // namespace starlocus::test
