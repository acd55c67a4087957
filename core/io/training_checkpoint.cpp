// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/training_checkpoint.h"

#include "core/common/input_error.h"
#include "core/common/require_finite.h"
#include "core/io/atomic_file_write.h"
#include "core/io/hdf5_handle.h"
#include "core/io/json_fields.h"
#include "core/training/network_parameters.h"
#include "core/training/training_config_fields.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>
#include <type_traits>
#include <variant>

namespace starlocus::core {
namespace {

constexpr const char* kFormat = "starlocus-checkpoint";
constexpr std::size_t kEpochColumns = 7;
constexpr std::size_t kIterationColumns = 8;
// Counters are stored as doubles: whole numbers up to 2⁵³ are exact.
constexpr double kMaxExactCount = 9007199254740992.0;
// A sane maximum of per-star rows (see green2020_catalog.cpp: a catalog holds ≤ 10⁹ stars).
constexpr std::size_t kMaxStars = 1'000'000'000;
namespace jf = json_fields;

template <typename Container> std::vector<double> asDoubles(const Container& v) {
    return std::vector<double>(v.begin(), v.end());
}

double scalarAttribute(hid_t object, const std::string& file, const std::string& prefix, const char* name) {
    const auto v = hdf5::readDoubleAttribute(object, name);
    if (!v || v->size() != 1)
        throw InputError(file, prefix + name, "attribute missing or not a number");
    return (*v)[0];
}

// A whole number in [min, max], checked while still a double: NaN fails every comparison
// (and would pass a `< min || > max` test), and converting an out-of-range double to an
// integer is undefined behaviour.
bool isWholeIn(double v, double min, double max) { return v >= min && v <= max && v == std::floor(v); }

double wholeAttribute(hid_t object, const std::string& file, const std::string& prefix, const char* name, double min,
                      double max) {
    const double v = scalarAttribute(object, file, prefix, name);
    if (!isWholeIn(v, min, max))
        throw InputError(file, prefix + name, "must be a whole number between " + std::to_string(std::int64_t(min)) +
                                                  " and " + std::to_string(std::int64_t(max)));
    return v;
}

std::uint64_t parseHash(const std::string& text, const std::string& file, const std::string& field) {
    std::uint64_t value = 0;
    bool ok = text.size() == 16;
    for (char c : text)
        ok = ok && std::isxdigit(static_cast<unsigned char>(c));
    if (ok) {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
        ok = ec == std::errc() && end == text.data() + text.size();
    }
    if (!ok)
        throw InputError(file, field, "expected 16 hex digits, found \"" + text.substr(0, 32) + "\"");
    return value;
}

// Values of a per-star or history column: NaN stands for "no value" (the trainer writes it
// for excluded stars); anything else must be finite and, with `nonNegative`, ≥ 0.
void requireFiniteOrNaN(const std::vector<double>& values, bool nonNegative, const std::string& file,
                        const std::string& field) {
    for (double v : values)
        if (!std::isnan(v) && (!std::isfinite(v) || (nonNegative && v < 0)))
            throw InputError(file, field, nonNegative ? "must be ≥ 0 and finite (or NaN for none)"
                                                      : "must be finite (or NaN for none)");
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

// Every setting of the table under its key. nlohmann's object sorts its keys and each value
// keeps its C++ type (int, double, unsigned seed, list, name), so the text is the same as
// that of the checkpoints written before the table existed.
std::string trainingConfigToJson(const TrainingConfig& c) {
    nlohmann::json j = nlohmann::json::object();
    for (const ConfigField& field : trainingConfigFields()) {
        const std::string key(field.jsonKey);
        std::visit(
            [&](auto member) {
                const auto& v = c.*member;
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Initialization>)
                    j[key] = std::string(initializationName(v));
                else
                    j[key] = v;
            },
            field.member);
    }
    return j.dump();
}

TrainingConfig trainingConfigFromJson(const std::string& text, const std::string& fileName) {
    TrainingConfig c;
    const nlohmann::json j = jf::parse(text, fileName, "config");
    if (!j.is_object())
        throw InputError(fileName, "config", "expected a JSON object");
    try {
        for (const ConfigField& field : trainingConfigFields()) {
            const std::string key(field.jsonKey), where = "config/" + key;
            // Checkpoints written before a setting existed hold its value of those days.
            const nlohmann::json* value = jf::optionalMember(j, key, fileName, "config");
            if (!value && !field.valueWhenAbsent.empty()) {
                setFieldFromText(field, c, field.valueWhenAbsent);
                continue;
            }
            if (!value)
                value = &jf::member(j, key, fileName, "config"); // throws: names the missing key
            std::visit(
                [&](auto member) {
                    auto& v = c.*member;
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, int>) {
                        v = int(jf::integer(*value, INT_MIN, INT_MAX, fileName, where));
                    } else if constexpr (std::is_same_v<T, double>) {
                        v = jf::finiteNumber(*value, fileName, where);
                    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
                        if (!value->is_number_unsigned() &&
                            !(value->is_number_integer() && value->template get<std::int64_t>() >= 0))
                            throw InputError(fileName, where, "must be a whole number ≥ 0");
                        v = value->template get<std::uint64_t>();
                    } else if constexpr (std::is_same_v<T, std::vector<int>>) {
                        if (!value->is_array() || value->size() > 64)
                            throw InputError(fileName, where, "expected a list of whole numbers");
                        v.clear();
                        for (std::size_t k = 0; k < value->size(); ++k)
                            v.push_back(int(jf::integer((*value)[k], INT_MIN, INT_MAX, fileName,
                                                        where + "[" + std::to_string(k) + "]")));
                    } else {
                        setFieldFromText(field, c, jf::string(*value, fileName, where));
                    }
                },
                field.member);
        }
        c.validate();
    } catch (const InputError& e) {
        if (e.file() == fileName)
            throw;
        throw InputError(fileName, "config/" + e.field(), e.reason());
    }
    return c;
}

void writeTrainingRecord(hid_t g, const std::string& file, const TrainingCheckpoint& cp) {
    using hdf5::writeDoubleAttribute;
    using hdf5::writeDoubles;
    constexpr hdf5::Checksum kStore = hdf5::Checksum::Store; // every array (array_checksum.h)
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
        writeDoubles(norm.get(), file, "median", {3}, cp.normalization.median.data(), H5T_IEEE_F64LE, kStore);
        writeDoubles(norm.get(), file, "stddev", {3}, cp.normalization.stddev.data(), H5T_IEEE_F64LE, kStore);
    }
    const hsize_t np = cp.parameters.size();
    writeDoubles(g, file, "parameters", {np}, asDoubles(cp.parameters).data(), H5T_IEEE_F32LE, kStore);
    writeDoubles(g, file, "adam_m", {np}, asDoubles(cp.adam.m).data(), H5T_IEEE_F32LE, kStore);
    writeDoubles(g, file, "adam_v", {np}, asDoubles(cp.adam.v).data(), H5T_IEEE_F32LE, kStore);
    writeDoubleAttribute(g, file, "adam_step", {double(cp.adam.step)});
    {
        hdf5::Handle stars = hdf5::createGroup(g, file, "stars");
        const hsize_t n = cp.state.size();
        std::vector<double> splitCodes(n);
        for (std::size_t i = 0; i < n; ++i)
            splitCodes[i] = double(cp.state.split[i]);
        writeDoubles(stars.get(), file, "split", {n}, splitCodes.data(), H5T_STD_U8LE, kStore);
        writeDoubles(stars.get(), file, "usable", {n}, asDoubles(cp.state.usable).data(), H5T_STD_U8LE, kStore);
        writeDoubles(stars.get(), file, "in_use", {n}, asDoubles(cp.state.inUse).data(), H5T_STD_U8LE, kStore);
        writeDoubles(stars.get(), file, "reddening", {n}, cp.state.reddening.data(), H5T_IEEE_F64LE, kStore);
        writeDoubles(stars.get(), file, "reddening_var", {n}, cp.state.reddeningVar.data(), H5T_IEEE_F64LE, kStore);
        writeDoubles(stars.get(), file, "chi2_dof", {n}, cp.state.chi2Dof.data(), H5T_IEEE_F64LE, kStore);
        hdf5::writeStringAttribute(stars.get(), file, "split_codes", "0=train, 1=validation, 2=test");
    }
    {
        hdf5::Handle hist = hdf5::createGroup(g, file, "history");
        std::vector<double> epochs;
        for (const auto& e : cp.history.epochs)
            epochs.insert(epochs.end(), {double(e.iteration), double(e.epoch), e.trainLoss, e.validationLoss,
                                         e.learningRate, e.elapsedSeconds, e.starsPerSecond});
        writeDoubles(hist.get(), file, "epochs", {cp.history.epochs.size(), kEpochColumns}, epochs.data(),
                     H5T_IEEE_F64LE, kStore);
        hdf5::writeStringAttribute(hist.get(), file, "epochs_columns",
                                   "iteration,epoch,train_loss,validation_loss,learning_rate,elapsed_s,stars_per_s");
        std::vector<double> its;
        for (const auto& r : cp.history.iterations)
            its.insert(its.end(), {double(r.iteration), r.threshold, r.testChi2DofBelow5, r.testFracAbove5,
                                   double(r.starsInUse), double(r.starsLeftOut), r.fractionLeftOut,
                                   r.nextLearningRate});
        writeDoubles(hist.get(), file, "iterations", {cp.history.iterations.size(), kIterationColumns}, its.data(),
                     H5T_IEEE_F64LE, kStore);
        hdf5::writeStringAttribute(hist.get(), file, "iterations_columns",
                                   "iteration,threshold,test_chi2_dof_below5,test_frac_above5,stars_in_use,"
                                   "stars_left_out,fraction_left_out,next_learning_rate");
    }
}

TrainingCheckpoint readTrainingRecord(hid_t file, const std::string& name, const std::string& groupPath,
                                      hdf5::ChecksumTally* tallyOut) {
    hdf5::Handle g = hdf5::openGroup(file, name, groupPath);
    const std::string p = groupPath == "/" ? "" : groupPath + "/";
    if (hdf5::readStringAttribute(g.get(), "format").value_or("") != kFormat)
        throw InputError(name, p + "format", "not a StarLocus training record");
    hdf5::ChecksumTally tally;
    const auto read = [&](const std::string& dataset, const std::vector<hsize_t>& shape,
                          std::vector<hsize_t>* shapeOut = nullptr) {
        hdf5::ChecksumState state{};
        auto values = hdf5::readDoubles(file, name, p + dataset, shape, shapeOut, &state);
        tally.add(state);
        return values;
    };
    TrainingCheckpoint cp;
    cp.config = trainingConfigFromJson(hdf5::readStringAttribute(g.get(), "config").value_or(""), name);
    cp.completedIterations =
        int(wholeAttribute(g.get(), name, p, "completed_iterations", 0, double(cp.config.iterations)));
    cp.learningRateScale = scalarAttribute(g.get(), name, p, "learning_rate_scale");
    // The product of halvings after faults: in (0, 1]. NaN made the trainer's "< 1/1024"
    // guard never fire (an endless loop); a negative scale trains uphill.
    if (!(cp.learningRateScale > 0.0 && cp.learningRateScale <= 1.0))
        throw InputError(name, p + "learning_rate_scale", "must be in (0, 1] (the product of the learning-rate halvings)");
    cp.starsProcessed = std::uint64_t(wholeAttribute(g.get(), name, p, "stars_processed", 0, kMaxExactCount));
    cp.elapsedSeconds = scalarAttribute(g.get(), name, p, "elapsed_seconds");
    if (!(std::isfinite(cp.elapsedSeconds) && cp.elapsedSeconds >= 0.0))
        throw InputError(name, p + "elapsed_seconds", "must be finite and ≥ 0");
    // Every Adam step takes a batch of at least one star of an epoch whose stars are then
    // counted in stars_processed (a rolled-back epoch rolls back both).
    cp.adam.step = std::int64_t(wholeAttribute(g.get(), name, p, "adam_step", 0, double(cp.starsProcessed)));
    cp.catalogHash = parseHash(hdf5::readStringAttribute(g.get(), "catalog_hash").value_or(""), name, p + "catalog_hash");
    cp.catalogSource = hdf5::readStringAttribute(g.get(), "catalog_source").value_or("");
    cp.history.faults = split(hdf5::readStringAttribute(g.get(), "faults").value_or(""));
    const auto med = read("normalization/median", {3});
    const auto sd = read("normalization/stddev", {3});
    std::copy(med.begin(), med.end(), cp.normalization.median.begin());
    std::copy(sd.begin(), sd.end(), cp.normalization.stddev.begin());
    validateLabelNormalization(cp.normalization, name, p + "normalization/median", p + "normalization/stddev");

    // The parameters must fill exactly the layout of the configuration's hidden_layers:
    // the trainer slices them by that layout.
    const std::size_t expected = NetworkLayout(cp.config.hiddenLayers).size;
    std::vector<hsize_t> shape;
    const auto params = read("parameters", {0}, &shape);
    if (shape[0] != expected)
        throw InputError(name, p + "parameters",
                         std::to_string(shape[0]) + " values, but config/hidden_layers needs " + std::to_string(expected));
    const auto m = read("adam_m", {shape[0]});
    const auto v = read("adam_v", {shape[0]});
    requireFinite(params, name, p + "parameters");
    requireFinite(m, name, p + "adam_m");
    for (double x : v)
        if (!(std::isfinite(x) && x >= 0.0))
            throw InputError(name, p + "adam_v", "must be finite and ≥ 0 (a running mean of squares)");
    cp.parameters.assign(params.begin(), params.end());
    cp.adam.m.assign(m.begin(), m.end());
    cp.adam.v.assign(v.begin(), v.end());

    std::vector<hsize_t> starShape;
    const auto splitCodes = read("stars/split", {0}, &starShape);
    const hsize_t n = starShape[0];
    if (n > kMaxStars)
        throw InputError(name, p + "stars/split", std::to_string(n) + " stars: damaged dimensions");
    const auto usable = read("stars/usable", {n});
    const auto inUse = read("stars/in_use", {n});
    cp.state.reddening = read("stars/reddening", {n});
    cp.state.reddeningVar = read("stars/reddening_var", {n});
    cp.state.chi2Dof = read("stars/chi2_dof", {n});
    requireFiniteOrNaN(cp.state.reddening, false, name, p + "stars/reddening");
    requireFiniteOrNaN(cp.state.reddeningVar, true, name, p + "stars/reddening_var");
    requireFiniteOrNaN(cp.state.chi2Dof, true, name, p + "stars/chi2_dof");
    cp.state.split.reserve(n);
    cp.state.usable.reserve(n);
    cp.state.inUse.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!isWholeIn(splitCodes[i], 0, 2))
            throw InputError(name, p + "stars/split", "codes must be 0, 1 or 2");
        if (!isWholeIn(usable[i], 0, 1))
            throw InputError(name, p + "stars/usable", "flags must be 0 or 1");
        if (!isWholeIn(inUse[i], 0, 1))
            throw InputError(name, p + "stars/in_use", "flags must be 0 or 1");
        cp.state.split.push_back(Split(int(splitCodes[i])));
        cp.state.usable.push_back(usable[i] != 0 ? 1 : 0);
        cp.state.inUse.push_back(inUse[i] != 0 ? 1 : 0);
    }

    // History: one iteration row per completed iteration; epoch rows of those iterations
    // (and of a stopped one). The counters must be whole numbers in range.
    std::vector<hsize_t> hs;
    const auto epochs = read("history/epochs", {0, kEpochColumns}, &hs);
    const double maxEpochRows = double(cp.config.iterations) * 10000.0; // 10000: the configuration's epoch limit
    if (double(hs[0]) > maxEpochRows)
        throw InputError(name, p + "history/epochs", "more rows than iterations × epochs allow");
    for (std::size_t r = 0; r < hs[0]; ++r) {
        const double* e = epochs.data() + r * kEpochColumns;
        if (!isWholeIn(e[0], 1, cp.config.iterations) || !isWholeIn(e[1], 1, 10000))
            throw InputError(name, p + "history/epochs",
                             "row " + std::to_string(r) + ": iteration and epoch must be whole numbers in range");
        for (std::size_t c = 2; c < kEpochColumns; ++c)
            if (std::isinf(e[c]))
                throw InputError(name, p + "history/epochs", "row " + std::to_string(r) + " holds an infinite value");
        cp.history.epochs.push_back({int(e[0]), int(e[1]), e[2], e[3], e[4], e[5], e[6]});
    }
    const auto its = read("history/iterations", {0, kIterationColumns}, &hs);
    if (hs[0] != hsize_t(cp.completedIterations))
        throw InputError(name, p + "history/iterations",
                         std::to_string(hs[0]) + " rows for " + std::to_string(cp.completedIterations) +
                             " completed iterations");
    for (std::size_t r = 0; r < hs[0]; ++r) {
        const double* e = its.data() + r * kIterationColumns;
        if (!isWholeIn(e[0], 1, cp.completedIterations) || !isWholeIn(e[4], 0, kMaxExactCount) ||
            !isWholeIn(e[5], 0, kMaxExactCount))
            throw InputError(name, p + "history/iterations",
                             "row " + std::to_string(r) + ": iteration and star counts must be whole numbers in range");
        for (std::size_t c : {1, 2, 3, 6, 7})
            if (std::isinf(e[c]))
                throw InputError(name, p + "history/iterations", "row " + std::to_string(r) + " holds an infinite value");
        cp.history.iterations.push_back(
            {int(e[0]), e[1], e[2], e[3], std::uint64_t(e[4]), std::uint64_t(e[5]), e[6], e[7]});
    }
    // Finite parameters can still overflow (a huge bias before R's exp): the model resuming
    // builds first must predict finite numbers.
    requireFinitePrediction(modelFromParameters(NetworkLayout(cp.config.hiddenLayers), cp.parameters, cp.normalization,
                                                Activation::Sigmoid, {}),
                            name, p + "parameters");
    if (tallyOut)
        *tallyOut = tally;
    return cp;
}

void saveTrainingCheckpoint(const std::string& path, const TrainingCheckpoint& cp) {
    const auto lock = hdf5::libraryLock();
    hdf5::AtomicFileWrite out(path);
    writeTrainingRecord(out.file(), path, cp);
    out.commit();
}

TrainingCheckpoint loadTrainingCheckpoint(const std::string& path, std::vector<std::string>* notes) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    hdf5::ChecksumTally tally;
    TrainingCheckpoint cp = readTrainingRecord(file.get(), path, "/", &tally);
    if (notes) {
        notes->clear();
        if (auto note = tally.note())
            notes->push_back(*note);
    }
    return cp;
}

} // namespace starlocus::core
