// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/model_file.h"

#include "core/common/input_error.h"
#include "core/common/require_finite.h"
#include "core/io/atomic_file_write.h"
#include "core/io/hdf5_handle.h"
#include "core/io/keras_model_import.h"
#include "core/io/normalization_json.h"
#include "core/io/training_checkpoint.h"

#include <cmath>

namespace starlocus::core {
namespace {

constexpr const char* kFormat = "starlocus-model";
constexpr int kFormatVersion = 1;
constexpr int kMaxHiddenLayers = 64;
constexpr hsize_t kMaxUnits = 4096; // per layer; the trainer allows 1024, the paper uses 32

void writeLayer(hid_t layers, const std::string& path, const std::string& group, const DenseLayer& layer) {
    hdf5::Handle g = hdf5::createGroup(layers, path, group);
    hdf5::writeDoubles(g.get(), path, "kernel", {hsize_t(layer.inputs), hsize_t(layer.outputs)}, layer.kernel.data(),
                       H5T_IEEE_F64LE, hdf5::Checksum::Store);
    hdf5::writeDoubles(g.get(), path, "bias", {hsize_t(layer.outputs)}, layer.bias.data(), H5T_IEEE_F64LE,
                       hdf5::Checksum::Store);
    hdf5::writeStringAttribute(g.get(), path, "activation", std::string(activationName(layer.activation)));
    hdf5::writeStringAttribute(g.get(), path, "name", layer.name);
}

DenseLayer readLayer(hid_t file, const std::string& path, const std::string& group, hdf5::ChecksumTally& tally) {
    hdf5::Handle g = hdf5::openGroup(file, path, group);
    DenseLayer layer;
    std::vector<hsize_t> shape;
    hdf5::ChecksumState state{};
    const auto kernel = hdf5::readDoubles(file, path, group + "/kernel", {0, 0}, &shape, &state);
    tally.add(state);
    if (shape[0] == 0 || shape[0] > kMaxUnits || shape[1] == 0 || shape[1] > kMaxUnits)
        throw InputError(path, group + "/kernel",
                         "a layer of " + std::to_string(shape[0]) + " → " + std::to_string(shape[1]) +
                             " units: each side must be 1 … " + std::to_string(kMaxUnits));
    requireFinite(kernel, path, group + "/kernel");
    layer.kernel.assign(kernel.begin(), kernel.end());
    layer.inputs = int(shape[0]);
    layer.outputs = int(shape[1]);
    const auto bias = hdf5::readDoubles(file, path, group + "/bias", {shape[1]}, nullptr, &state);
    tally.add(state);
    requireFinite(bias, path, group + "/bias");
    layer.bias.assign(bias.begin(), bias.end());
    const std::string act = hdf5::readStringAttribute(g.get(), "activation").value_or("");
    const auto activation = activationFromName(act);
    if (!activation)
        throw InputError(path, group + "/activation", "unknown activation '" + act + "'");
    layer.activation = *activation;
    layer.name = hdf5::readStringAttribute(g.get(), "name").value_or(group);
    return layer;
}

std::string bandList() {
    std::string s;
    for (const Band& b : bands())
        s += (s.empty() ? "" : ",") + std::string(b.name);
    return s;
}

} // namespace

void saveModel(const std::string& path, const StellarModel& model, const TrainingCheckpoint* training) {
    const auto lock = hdf5::libraryLock();
    hdf5::AtomicFileWrite out(path);
    const hid_t f = out.file();
    hdf5::writeStringAttribute(f, path, "format", kFormat);
    hdf5::writeDoubleAttribute(f, path, "format_version", {double(kFormatVersion)});
    hdf5::writeStringAttribute(f, path, "bands", bandList());
    hdf5::writeStringAttribute(f, path, "origin", model.provenance().origin);
    // "source_file" has always named the training catalog (older files say so too).
    hdf5::writeStringAttribute(f, path, "source_file", model.provenance().trainedOn);
    hdf5::writeStringAttribute(f, path, "description", model.provenance().description);
    {
        hdf5::Handle norm = hdf5::createGroup(f, path, "normalization");
        hdf5::writeDoubles(norm.get(), path, "median", {3}, model.normalization().median.data(), H5T_IEEE_F64LE,
                           hdf5::Checksum::Store);
        hdf5::writeDoubles(norm.get(), path, "stddev", {3}, model.normalization().stddev.data(), H5T_IEEE_F64LE,
                           hdf5::Checksum::Store);
    }
    hdf5::Handle layers = hdf5::createGroup(f, path, "layers");
    hdf5::writeDoubleAttribute(layers.get(), path, "hidden_count", {double(model.hiddenLayers().size())});
    for (std::size_t k = 0; k < model.hiddenLayers().size(); ++k)
        writeLayer(layers.get(), path, "hidden_" + std::to_string(k + 1), model.hiddenLayers()[k]);
    writeLayer(layers.get(), path, "color_output", model.colorOutputLayer());
    writeLayer(layers.get(), path, "extinction", model.extinctionLayer());
    layers.reset();
    if (training) {
        hdf5::Handle group = hdf5::createGroup(f, path, "training");
        writeTrainingRecord(group.get(), path, *training);
    }
    out.commit();
}

StellarModel loadStarlocusModel(const std::string& path) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    const hid_t f = file.get();
    if (hdf5::readStringAttribute(f, "format").value_or("") != kFormat)
        throw InputError(path, "format", "not a StarLocus model file");
    const auto version = hdf5::readDoubleAttribute(f, "format_version");
    if (!version || version->size() != 1 || !((*version)[0] >= 1 && (*version)[0] <= kFormatVersion) ||
        (*version)[0] != std::floor((*version)[0]))
        throw InputError(path, "format_version",
                         "unsupported model file version (this StarLocus reads 1 … " + std::to_string(kFormatVersion) + ")");
    if (hdf5::readStringAttribute(f, "bands").value_or("") != bandList())
        throw InputError(path, "bands", "band set differs from G,BP,RP,g,r,i,z,y,J,H,Ks,W1,W2");
    hdf5::ChecksumTally tally;
    hdf5::ChecksumState state{};
    LabelNormalization norm;
    const auto med = hdf5::readDoubles(f, path, "normalization/median", {3}, nullptr, &state);
    tally.add(state);
    const auto sd = hdf5::readDoubles(f, path, "normalization/stddev", {3}, nullptr, &state);
    tally.add(state);
    std::copy(med.begin(), med.end(), norm.median.begin());
    std::copy(sd.begin(), sd.end(), norm.stddev.begin());
    validateLabelNormalization(norm, path, "normalization/median", "normalization/stddev");
    hdf5::Handle layers = hdf5::openGroup(f, path, "layers");
    const auto count = hdf5::readDoubleAttribute(layers.get(), "hidden_count");
    // Checked as a double first: NaN fails every comparison, and int(1e300) is undefined.
    if (!count || count->size() != 1 || !((*count)[0] >= 0 && (*count)[0] <= kMaxHiddenLayers) ||
        (*count)[0] != std::floor((*count)[0]))
        throw InputError(path, "layers/hidden_count",
                         "missing or invalid (a whole number 0 … " + std::to_string(kMaxHiddenLayers) + ")");
    std::vector<DenseLayer> hidden;
    for (int k = 1; k <= int((*count)[0]); ++k)
        hidden.push_back(readLayer(f, path, "layers/hidden_" + std::to_string(k), tally));
    DenseLayer colorOutput = readLayer(f, path, "layers/color_output", tally);
    DenseLayer extinction = readLayer(f, path, "layers/extinction", tally);
    // The file's "source_file" attribute names the catalog it was trained on; the model's
    // own file is the path it was read from (predict and the GUI's "File:" show that).
    ModelProvenance prov{hdf5::readStringAttribute(f, "origin").value_or(""), path,
                         hdf5::readStringAttribute(f, "description").value_or(""),
                         hdf5::readStringAttribute(f, "source_file").value_or("")};
    if (auto note = tally.note())
        prov.notes.push_back(*note);
    StellarModel model(norm, std::move(hidden), std::move(colorOutput), std::move(extinction), std::move(prov));
    requireFinitePrediction(model, path, "layers");
    return model;
}

std::optional<TrainingCheckpoint> loadTrainingRecord(const std::string& path, std::vector<std::string>* notes) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    if (notes)
        notes->clear();
    if (!hdf5::exists(file.get(), "training"))
        return std::nullopt;
    hdf5::ChecksumTally tally;
    TrainingCheckpoint record = readTrainingRecord(file.get(), path, "training", &tally);
    if (auto note = tally.note(); note && notes)
        notes->push_back(*note);
    return record;
}

StellarModel loadAnyModel(const std::string& path, const std::string& normalizationPath) {
    const auto lock = hdf5::libraryLock();
    if (!isKerasModelFile(path))
        return loadStarlocusModel(path);
    std::string normPath = normalizationPath.empty() ? findNormalizationBeside(path) : normalizationPath;
    if (normPath.empty())
        throw InputError(path, "normalization",
                         "Keras model without a normalisation JSON beside it: pass --normalization FILE");
    return importKerasModel(path, readNormalizationJson(normPath));
}

} // namespace starlocus::core
