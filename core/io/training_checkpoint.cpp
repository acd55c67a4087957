// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/training_checkpoint.h"

#include "core/common/input_error.h"
#include "core/io/atomic_file_write.h"
#include "core/io/hdf5_handle.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace starlocus::core {
namespace {

constexpr const char* kFormat = "starlocus-checkpoint";
constexpr std::size_t kEpochColumns = 7;
constexpr std::size_t kIterationColumns = 8;

template <typename Container> std::vector<double> asDoubles(const Container& v) {
    return std::vector<double>(v.begin(), v.end());
}

double scalarAttribute(hid_t object, const std::string& file, const std::string& prefix, const char* name) {
    const auto v = hdf5::readDoubleAttribute(object, name);
    if (!v || v->size() != 1)
        throw InputError(file, prefix + name, "attribute missing or not a number");
    return (*v)[0];
}

std::string join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines)
        s += l + "\n";
    return s;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

} // namespace

std::string trainingConfigToJson(const TrainingConfig& c) {
    nlohmann::json j{{"iterations", c.iterations},
                     {"epochs", c.epochsPerIteration},
                     {"batch", c.batchSize},
                     {"learning_rate", c.learningRate},
                     {"learning_rate_decay", c.learningRateDecay},
                     {"adam_beta1", c.adamBeta1},
                     {"adam_beta2", c.adamBeta2},
                     {"adam_epsilon", c.adamEpsilon},
                     {"l2_hidden", c.l2Hidden},
                     {"l1_extinction", c.l1Extinction},
                     {"hidden_layers", c.hiddenLayers},
                     {"threshold_start", c.thresholdStart},
                     {"threshold_final", c.thresholdFinal},
                     {"threshold_iterations", c.thresholdDecayIterations},
                     {"first_iteration_max_sigma_e", c.firstIterationMaxSigmaE},
                     {"train_fraction", c.trainFraction},
                     {"validation_fraction", c.validationFraction},
                     {"seed", c.seed},
                     {"threads", c.threads},
                     {"initialization", std::string(initializationName(c.initialization))}};
    return j.dump();
}

TrainingConfig trainingConfigFromJson(const std::string& text, const std::string& fileName) {
    TrainingConfig c;
    try {
        const auto j = nlohmann::json::parse(text);
        c.iterations = j.at("iterations");
        c.epochsPerIteration = j.at("epochs");
        c.batchSize = j.at("batch");
        c.learningRate = j.at("learning_rate");
        c.learningRateDecay = j.at("learning_rate_decay");
        c.adamBeta1 = j.at("adam_beta1");
        c.adamBeta2 = j.at("adam_beta2");
        c.adamEpsilon = j.at("adam_epsilon");
        c.l2Hidden = j.at("l2_hidden");
        c.l1Extinction = j.at("l1_extinction");
        c.hiddenLayers = j.at("hidden_layers").get<std::vector<int>>();
        c.thresholdStart = j.at("threshold_start");
        c.thresholdFinal = j.at("threshold_final");
        c.thresholdDecayIterations = j.at("threshold_iterations");
        c.firstIterationMaxSigmaE = j.at("first_iteration_max_sigma_e");
        c.trainFraction = j.at("train_fraction");
        c.validationFraction = j.at("validation_fraction");
        c.seed = j.at("seed");
        c.threads = j.at("threads");
        // Checkpoints written before the setting existed started the Keras way.
        c.initialization = parseInitialization(j.value("initialization", std::string("keras")));
    } catch (const nlohmann::json::exception& e) {
        throw InputError(fileName, "config", std::string("unreadable training configuration: ") + e.what());
    } catch (const InputError& e) {
        throw InputError(fileName, "config/" + e.field(), e.reason());
    }
    try {
        c.validate();
    } catch (const InputError& e) {
        throw InputError(fileName, "config/" + e.field(), e.reason());
    }
    return c;
}

void writeTrainingRecord(hid_t g, const std::string& file, const TrainingCheckpoint& cp) {
    using hdf5::writeDoubleAttribute;
    using hdf5::writeDoubles;
    hdf5::writeStringAttribute(g, file, "format", kFormat);
    hdf5::writeStringAttribute(g, file, "config", trainingConfigToJson(cp.config));
    writeDoubleAttribute(g, file, "completed_iterations", {double(cp.completedIterations)});
    writeDoubleAttribute(g, file, "learning_rate_scale", {cp.learningRateScale});
    writeDoubleAttribute(g, file, "stars_processed", {double(cp.starsProcessed)});
    writeDoubleAttribute(g, file, "elapsed_seconds", {cp.elapsedSeconds});
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(cp.catalogHash));
    hdf5::writeStringAttribute(g, file, "catalog_hash", hash);
    hdf5::writeStringAttribute(g, file, "catalog_source", cp.catalogSource);
    hdf5::writeStringAttribute(g, file, "faults", join(cp.history.faults));
    {
        hdf5::Handle norm = hdf5::createGroup(g, file, "normalization");
        writeDoubles(norm.get(), file, "median", {3}, cp.normalization.median.data());
        writeDoubles(norm.get(), file, "stddev", {3}, cp.normalization.stddev.data());
    }
    const hsize_t np = cp.parameters.size();
    writeDoubles(g, file, "parameters", {np}, asDoubles(cp.parameters).data(), H5T_IEEE_F32LE);
    writeDoubles(g, file, "adam_m", {np}, asDoubles(cp.adam.m).data(), H5T_IEEE_F32LE);
    writeDoubles(g, file, "adam_v", {np}, asDoubles(cp.adam.v).data(), H5T_IEEE_F32LE);
    writeDoubleAttribute(g, file, "adam_step", {double(cp.adam.step)});
    {
        hdf5::Handle stars = hdf5::createGroup(g, file, "stars");
        const hsize_t n = cp.state.size();
        std::vector<double> splitCodes(n);
        for (std::size_t i = 0; i < n; ++i)
            splitCodes[i] = double(cp.state.split[i]);
        writeDoubles(stars.get(), file, "split", {n}, splitCodes.data(), H5T_STD_U8LE);
        writeDoubles(stars.get(), file, "usable", {n}, asDoubles(cp.state.usable).data(), H5T_STD_U8LE);
        writeDoubles(stars.get(), file, "in_use", {n}, asDoubles(cp.state.inUse).data(), H5T_STD_U8LE);
        writeDoubles(stars.get(), file, "reddening", {n}, cp.state.reddening.data());
        writeDoubles(stars.get(), file, "reddening_var", {n}, cp.state.reddeningVar.data());
        writeDoubles(stars.get(), file, "chi2_dof", {n}, cp.state.chi2Dof.data());
        hdf5::writeStringAttribute(stars.get(), file, "split_codes", "0=train, 1=validation, 2=test");
    }
    {
        hdf5::Handle hist = hdf5::createGroup(g, file, "history");
        std::vector<double> epochs;
        for (const auto& e : cp.history.epochs)
            epochs.insert(epochs.end(), {double(e.iteration), double(e.epoch), e.trainLoss, e.validationLoss,
                                         e.learningRate, e.elapsedSeconds, e.starsPerSecond});
        writeDoubles(hist.get(), file, "epochs", {cp.history.epochs.size(), kEpochColumns}, epochs.data());
        hdf5::writeStringAttribute(hist.get(), file, "epochs_columns",
                                   "iteration,epoch,train_loss,validation_loss,learning_rate,elapsed_s,stars_per_s");
        std::vector<double> its;
        for (const auto& r : cp.history.iterations)
            its.insert(its.end(), {double(r.iteration), r.threshold, r.testChi2DofBelow5, r.testFracAbove5,
                                   double(r.starsInUse), double(r.starsLeftOut), r.fractionLeftOut,
                                   r.nextLearningRate});
        writeDoubles(hist.get(), file, "iterations", {cp.history.iterations.size(), kIterationColumns}, its.data());
        hdf5::writeStringAttribute(hist.get(), file, "iterations_columns",
                                   "iteration,threshold,test_chi2_dof_below5,test_frac_above5,stars_in_use,"
                                   "stars_left_out,fraction_left_out,next_learning_rate");
    }
}

TrainingCheckpoint readTrainingRecord(hid_t file, const std::string& name, const std::string& groupPath) {
    hdf5::Handle g = hdf5::openGroup(file, name, groupPath);
    const std::string p = groupPath == "/" ? "" : groupPath + "/";
    if (hdf5::readStringAttribute(g.get(), "format").value_or("") != kFormat)
        throw InputError(name, p + "format", "not a StarLocus training record");
    TrainingCheckpoint cp;
    cp.config = trainingConfigFromJson(hdf5::readStringAttribute(g.get(), "config").value_or(""), name);
    cp.completedIterations = int(scalarAttribute(g.get(), name, p, "completed_iterations"));
    cp.learningRateScale = scalarAttribute(g.get(), name, p, "learning_rate_scale");
    cp.starsProcessed = std::uint64_t(scalarAttribute(g.get(), name, p, "stars_processed"));
    cp.elapsedSeconds = scalarAttribute(g.get(), name, p, "elapsed_seconds");
    cp.adam.step = std::int64_t(scalarAttribute(g.get(), name, p, "adam_step"));
    if (cp.completedIterations < 0 || cp.completedIterations > cp.config.iterations)
        throw InputError(name, p + "completed_iterations", "outside 0 … iterations of its configuration");
    const std::string hash = hdf5::readStringAttribute(g.get(), "catalog_hash").value_or("");
    if (hash.size() != 16)
        throw InputError(name, p + "catalog_hash", "missing or malformed");
    cp.catalogHash = std::stoull(hash, nullptr, 16);
    cp.catalogSource = hdf5::readStringAttribute(g.get(), "catalog_source").value_or("");
    cp.history.faults = split(hdf5::readStringAttribute(g.get(), "faults").value_or(""));
    const auto med = hdf5::readDoubles(file, name, p + "normalization/median", {3});
    const auto sd = hdf5::readDoubles(file, name, p + "normalization/stddev", {3});
    std::copy(med.begin(), med.end(), cp.normalization.median.begin());
    std::copy(sd.begin(), sd.end(), cp.normalization.stddev.begin());
    std::vector<hsize_t> shape;
    const auto params = hdf5::readDoubles(file, name, p + "parameters", {0}, &shape);
    const auto m = hdf5::readDoubles(file, name, p + "adam_m", {shape[0]});
    const auto v = hdf5::readDoubles(file, name, p + "adam_v", {shape[0]});
    cp.parameters.assign(params.begin(), params.end());
    cp.adam.m.assign(m.begin(), m.end());
    cp.adam.v.assign(v.begin(), v.end());
    std::vector<hsize_t> starShape;
    const auto splitCodes = hdf5::readDoubles(file, name, p + "stars/split", {0}, &starShape);
    const hsize_t n = starShape[0];
    const auto usable = hdf5::readDoubles(file, name, p + "stars/usable", {n});
    const auto inUse = hdf5::readDoubles(file, name, p + "stars/in_use", {n});
    cp.state.reddening = hdf5::readDoubles(file, name, p + "stars/reddening", {n});
    cp.state.reddeningVar = hdf5::readDoubles(file, name, p + "stars/reddening_var", {n});
    cp.state.chi2Dof = hdf5::readDoubles(file, name, p + "stars/chi2_dof", {n});
    for (std::size_t i = 0; i < n; ++i) {
        if (splitCodes[i] < 0 || splitCodes[i] > 2)
            throw InputError(name, p + "stars/split", "codes must be 0, 1 or 2");
        cp.state.split.push_back(Split(int(splitCodes[i])));
        cp.state.usable.push_back(usable[i] != 0 ? 1 : 0);
        cp.state.inUse.push_back(inUse[i] != 0 ? 1 : 0);
    }
    std::vector<hsize_t> hs;
    const auto epochs = hdf5::readDoubles(file, name, p + "history/epochs", {0, kEpochColumns}, &hs);
    for (std::size_t r = 0; r < hs[0]; ++r) {
        const double* e = epochs.data() + r * kEpochColumns;
        cp.history.epochs.push_back({int(e[0]), int(e[1]), e[2], e[3], e[4], e[5], e[6]});
    }
    const auto its = hdf5::readDoubles(file, name, p + "history/iterations", {0, kIterationColumns}, &hs);
    for (std::size_t r = 0; r < hs[0]; ++r) {
        const double* e = its.data() + r * kIterationColumns;
        cp.history.iterations.push_back(
            {int(e[0]), e[1], e[2], e[3], std::uint64_t(e[4]), std::uint64_t(e[5]), e[6], e[7]});
    }
    for (float x : cp.parameters)
        if (!std::isfinite(x))
            throw InputError(name, p + "parameters", "contains NaN or Inf");
    return cp;
}

void saveTrainingCheckpoint(const std::string& path, const TrainingCheckpoint& cp) {
    const auto lock = hdf5::libraryLock();
    hdf5::AtomicFileWrite out(path);
    writeTrainingRecord(out.file(), path, cp);
    out.commit();
}

TrainingCheckpoint loadTrainingCheckpoint(const std::string& path) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    return readTrainingRecord(file.get(), path, "/");
}

} // namespace starlocus::core
