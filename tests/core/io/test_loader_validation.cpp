// SPDX-License-Identifier: GPL-3.0-or-later
// Every loader refuses a damaged file with an InputError naming the file and the field,
// instead of crashing, hanging, running out of memory or passing nonsense on (issue #14).
// Each good file is made by our own writers; each case breaks it one way with the HDF5 API
// or a byte edit.
#include "core/common/input_error.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"
#include "core/io/keras_model_import.h"
#include "core/io/model_file.h"
#include "core/io/normalization_json.h"
#include "core/io/training_checkpoint.h"
#include "core/training/network_parameters.h"
#include "tests/core/io/catalog_fixtures.h"
#include "tests/core/io/loader_fixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

using namespace starlocus::core;
using namespace starlocus::test;
using nlohmann::json;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// `load` must throw an InputError whose message names `file`, whose field contains
// `field` and whose message contains `needle`. Any other exception fails the test.
void expectInputError(const std::function<void()>& load, const std::string& file, const std::string& field,
                      const std::string& needle = {}) {
    try {
        load();
    } catch (const InputError& e) {
        const std::string what = e.what();
        const bool ok = what.find(file) != std::string::npos && e.field().find(field) != std::string::npos &&
                        what.find(needle) != std::string::npos;
        if (!ok)
            QFAIL(qPrintable(QString::fromStdString("message '" + what + "' should name " + file + ", field '" +
                                                    field + "' and '" + needle + "'")));
        return;
    } catch (const std::exception& e) {
        QFAIL(qPrintable(QString::fromStdString("not an InputError: " + std::string(e.what()))));
    }
    QFAIL(qPrintable(QString::fromStdString("accepted a damaged file; expected an error about " + field)));
}

std::uint32_t readU32(const std::vector<char>& bytes, std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
}

// Position of the 4-byte member offset that follows a compound member's name in an HDF5
// datatype message (versions 1–2: the name NUL-terminated and padded to a multiple of 8),
// recognised by its current value `offset` (the name alone, e.g. "r", occurs elsewhere too).
std::size_t memberOffsetPosition(const std::vector<char>& bytes, const std::string& member, std::uint32_t offset) {
    const std::string key = member + '\0';
    for (auto it = bytes.begin(); (it = std::search(it, bytes.end(), key.begin(), key.end())) != bytes.end(); ++it) {
        const std::size_t at = std::size_t(it - bytes.begin()) + (key.size() + 7) / 8 * 8;
        if (at + 4 <= bytes.size() && readU32(bytes, at) == offset)
            return at;
    }
    return std::string::npos;
}

} // namespace

class TestLoaderValidation : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    LabelNormalization norm_;

    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

    std::string modelFile(const char* name) {
        const std::string p = path(name);
        saveModel(p, smallModel());
        return p;
    }
    std::string checkpointFile(const char* name) {
        const std::string p = path(name);
        saveTrainingCheckpoint(p, smallCheckpoint());
        return p;
    }
    std::string kerasFile(const char* name) {
        const std::string p = path(name);
        writeKerasModel(p, smallModel());
        return p;
    }
    std::string catalogFile(const char* name) {
        const std::string p = path(name);
        writeGreen2020Catalog(p, makeCleanCatalog(5), norm_);
        return p;
    }
    void editCheckpointConfig(const std::string& file, const std::function<void(json&)>& edit) {
        std::string text;
        {
            const auto lock = hdf5::libraryLock();
            hdf5::Handle f = hdf5::openReadOnly(file);
            text = hdf5::readStringAttribute(f.get(), "config").value();
        }
        json config = json::parse(text);
        edit(config);
        replaceStringAttribute(file, "/", "config", config.dump());
    }
    std::string normalizationJson(const char* name, const char* text) {
        QFile f(dir_.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write fixture");
        f.write(text);
        return f.fileName().toStdString();
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        norm_.median = {5780.0, 4.44, 0.0};
        norm_.stddev = {1000.0, 1.0, 0.5};
    }

    // The fixtures themselves load: every refusal below is caused by its one edit.
    void goodFilesLoad() {
        const StellarModel model = smallModel();
        const StellarModel fromFile = loadStarlocusModel(modelFile("good_model.h5"));
        QCOMPARE(fromFile.hiddenLayers()[0].kernel, model.hiddenLayers()[0].kernel);
        const StellarModel keras = importKerasModel(kerasFile("good_keras.h5"), model.normalization());
        const Eigen::Vector3d theta(5200.0, 4.2, -0.1);
        // float32 weights in the Keras layout: agree to float precision.
        QVERIFY((keras.evaluate(theta, false).colorPrediction(0.2) - model.evaluate(theta, false).colorPrediction(0.2))
                    .cwiseAbs()
                    .maxCoeff() < 1e-5);
        const TrainingCheckpoint cp = loadTrainingCheckpoint(checkpointFile("good_checkpoint.h5"));
        QCOMPARE(cp.parameters.size(), NetworkLayout({32, 32}).size);
        QCOMPARE(readGreen2020Catalog(catalogFile("good_catalog.h5")).size(), std::size_t(5));
    }

    // --- Crashes ---------------------------------------------------------------------

    // hidden_layers changed to a layout that needs more parameters than stored: toDense
    // read past the parameter vector.
    void checkpointWhoseLayoutDoesNotMatchItsParameters() {
        const std::string file = checkpointFile("layout.h5");
        editCheckpointConfig(file, [](json& c) { c["hidden_layers"] = json::array({64, 64}); });
        expectInputError([&] { loadTrainingCheckpoint(file); }, file, "parameters", "hidden_layers");
    }
    void parametersOfAnotherLayoutAreRefused() {
        const ParameterVector params = initialParameters(NetworkLayout({8}), 1);
        expectInputError([&] { modelFromParameters(NetworkLayout({64, 64}), params, norm_, Activation::Sigmoid, {}); },
                         "", "parameters", "expects");
    }

    // A compound member whose offset points past the record: decodeFloats read past the data.
    void catalogMemberOffsetPastTheRecord() {
        // Offsets in the 248-byte record as writeGreen2020Catalog lays it out.
        for (const auto& [member, offset] : std::vector<std::pair<std::string, std::uint32_t>>{
                 {"parallax_err", 212}, {"r", 96}, {"mag", 104}, {"atm_source", 216}}) {
            const std::string file = catalogFile("offset.h5");
            std::vector<char> bytes = readBytes(file);
            const std::size_t at = memberOffsetPosition(bytes, member, offset);
            QVERIFY2(at != std::string::npos, member.c_str());
            const std::uint32_t past = 0x00100000;
            std::memcpy(bytes.data() + at, &past, 4);
            writeBytes(file, bytes);
            expectInputError([&] { readGreen2020Catalog(file); }, file, "data/" + member, "record");
        }
    }

    // "output_layers": [[]] — outputs[0][0] was read without a check.
    void kerasEmptyOutputLayers() {
        const std::string file = kerasFile("outputs.h5");
        editKerasConfig(file, [](json& c) { c["config"]["output_layers"] = json::parse("[[]]"); });
        expectInputError([&] { importKerasModel(file, norm_); }, file, "output_layers");
    }

    // --- Library exception texts -------------------------------------------------------

    // "units": "13" ended as json type_error 302.
    void kerasUnitsAsAString() {
        const std::string file = kerasFile("units.h5");
        editKerasConfig(file, [](json& c) { kerasLayer(c, "BM")["config"]["units"] = "13"; });
        expectInputError([&] { importKerasModel(file, norm_); }, file, "BM/config/units", "integer");
    }
    void kerasOtherMistypedOrMissingFields() {
        const std::vector<std::pair<std::function<void(json&)>, std::string>> edits{
            {[](json& c) { kerasLayer(c, "R")["config"]["use_bias"] = "yes"; }, "R/config/use_bias"},
            {[](json& c) { kerasLayer(c, "stellar_model_hidden_1")["config"]["activation"] = 5; },
             "stellar_model_hidden_1/config/activation"},
            {[](json& c) { kerasLayer(c, "BM").erase("config"); }, "BM/config"},
            {[](json& c) { kerasLayer(c, "theta").erase("config"); }, "theta/config"},
            {[](json& c) { kerasLayer(c, "BM")["config"]["units"] = 1e9; }, "BM/config/units"},
            {[](json& c) { kerasLayer(c, "LT_B_M_plus_A")["inbound_nodes"] = 7; }, "LT_B_M_plus_A/inbound_nodes"},
            {[](json& c) { c["config"] = json::array({1, 2}); }, "model_config"},
            {[](json& c) { c["config"]["layers"] = 5; }, "model_config"},
            {[](json& c) { c["config"]["output_layers"] = json::parse("[[5]]"); }, "output_layers"},
        };
        for (std::size_t k = 0; k < edits.size(); ++k) {
            const std::string file = kerasFile("mistyped.h5");
            editKerasConfig(file, edits[k].first);
            expectInputError([&] { importKerasModel(file, norm_); }, file, edits[k].second);
        }
    }
    void kerasDeeplyNestedConfig() {
        const std::string file = kerasFile("nested.h5");
        editKerasConfig(file, [](json& c) {
            json deep = json::array();
            for (int k = 0; k < 2000; ++k)
                deep = json::array({deep});
            kerasLayer(c, "BM")["config"]["extra"] = deep;
        });
        expectInputError([&] { importKerasModel(file, norm_); }, file, "model_config", "nested");
    }

    // A non-hex catalog_hash ended as std::stoull's exception text.
    void checkpointNonHexCatalogHash() {
        for (const char* hash : {"zzzzzzzzzzzzzzzz", "-123456789abcdef", "0x23456789abcdef", " 123456789abcdef"}) {
            const std::string file = checkpointFile("hash.h5");
            replaceStringAttribute(file, "/", "catalog_hash", hash);
            expectInputError([&] { loadTrainingCheckpoint(file); }, file, "catalog_hash", "hex");
        }
    }

    // Huge dataset dimensions ended in std::bad_alloc.
    void hugeDimensionsInEveryLoader() {
        const hsize_t huge = hsize_t(1) << 40;
        {
            const std::string file = catalogFile("huge_catalog.h5");
            replaceWithHugeDataset(file, "data", {huge});
            expectInputError([&] { readGreen2020Catalog(file); }, file, "data", "damaged");
        }
        {
            const std::string file = modelFile("huge_model.h5");
            replaceWithHugeDataset(file, "layers/hidden_1/kernel", {3, huge});
            expectInputError([&] { loadStarlocusModel(file); }, file, "layers/hidden_1/kernel");
        }
        {
            const std::string file = checkpointFile("huge_checkpoint.h5");
            replaceWithHugeDataset(file, "stars/split", {huge});
            expectInputError([&] { loadTrainingCheckpoint(file); }, file, "stars/split", "damaged");
        }
        {
            const std::string file = checkpointFile("huge_history.h5");
            replaceWithHugeDataset(file, "history/epochs", {huge, 7});
            expectInputError([&] { loadTrainingCheckpoint(file); }, file, "history/epochs", "damaged");
        }
        {
            const std::string file = path("huge_grid.h5");
            DensityGrid grid;
            for (auto& axis : grid.axes)
                axis = {0.0, 1.0};
            grid.values.assign(13 * 8, 0.5f);
            writeDensityGrid(file, grid);
            const hsize_t nodes = 3000;
            replaceWithHugeDataset(file, "rho_stars", {13, nodes, nodes, nodes});
            std::vector<double> axis(nodes);
            for (std::size_t k = 0; k < nodes; ++k)
                axis[k] = double(k);
            for (const char* name : {"teff", "logg", "feh"})
                replaceDoubleAttribute(file, "rho_stars", name, axis);
            expectInputError([&] { readDensityGrid(file); }, file, "rho_stars", "damaged");
        }
    }

    // --- Numbers out of range ----------------------------------------------------------

    // A model file with NaN or Inf weights was accepted (predict printed nulls).
    void modelFileWithNonFiniteWeights() {
        for (const auto& [dataset, value] : std::vector<std::pair<std::string, double>>{
                 {"layers/hidden_1/kernel", kNaN},
                 {"layers/hidden_1/bias", kInf},
                 {"layers/color_output/kernel", -kInf},
                 {"layers/extinction/bias", kNaN}}) {
            const std::string file = modelFile("nan_model.h5");
            overwriteElement(file, dataset, 2, value);
            expectInputError([&] { loadStarlocusModel(file); }, file, dataset, "NaN");
        }
    }
    void kerasWithNonFiniteWeights() {
        for (const std::string dataset : {"model_weights/BA/BA/kernel:0", "model_weights/R/R/bias:0"}) {
            const std::string file = kerasFile("nan_keras.h5");
            overwriteElement(file, dataset, 3, kNaN);
            expectInputError([&] { importKerasModel(file, norm_); }, file, dataset.substr(14, 2), "NaN");
        }
    }
    // Finite weights whose prediction overflows: an extinction bias of 2·10⁹ gave R = ∞ for
    // every star (fuzz_keras_model; the loaders accepted the file).
    void weightsThatOverflowAreRefused() {
        const std::string keras = kerasFile("overflow_keras.h5");
        overwriteElement(keras, "model_weights/R/R/bias:0", 3, 2.147e9);
        expectInputError([&] { importKerasModel(keras, norm_); }, keras, "model_weights", "non-finite prediction");
        const std::string model = modelFile("overflow_model.h5");
        overwriteElement(model, "layers/extinction/bias", 3, 2.147e9);
        expectInputError([&] { loadStarlocusModel(model); }, model, "layers", "non-finite prediction");
    }
    void modelFileBadCounters() {
        for (double count : {kNaN, -1.0, 1.5, 65.0, 1e300}) {
            const std::string file = modelFile("count.h5");
            replaceDoubleAttribute(file, "layers", "hidden_count", {count});
            expectInputError([&] { loadStarlocusModel(file); }, file, "hidden_count");
        }
        for (double version : {kNaN, 0.0, 0.5}) {
            const std::string file = modelFile("version.h5");
            replaceDoubleAttribute(file, "/", "format_version", {version});
            expectInputError([&] { loadStarlocusModel(file); }, file, "format_version");
        }
    }

    // theta_std 1e-320 or theta_med 1e308 passed.
    void normalizationOutOfRange() {
        const std::vector<std::pair<const char*, const char*>> bad{
            {R"({"theta_med": [5000, 4, 0], "theta_std": [1e-320, 1, 0.5]})", "theta_std"},
            {R"({"theta_med": [5000, 4, 0], "theta_std": [1000, 1e-9, 0.5]})", "theta_std"},
            {R"({"theta_med": [1e308, 4, 0], "theta_std": [1000, 1, 0.5]})", "theta_med"},
            {R"({"theta_med": [-10, 4, 0], "theta_std": [1000, 1, 0.5]})", "theta_med"},
            {R"({"theta_med": [5000, 4, 1e5], "theta_std": [1000, 1, 0.5]})", "theta_med"},
            {R"({"theta_med": [5000, 4, 0], "theta_std": [1e300, 1, 0.5]})", "theta_std"},
        };
        for (const auto& [text, field] : bad) {
            const std::string file = normalizationJson("bad_norm.json", text);
            expectInputError([&] { readNormalizationJson(file); }, file, field);
        }
        const std::string file = modelFile("norm_model.h5");
        overwriteElement(file, "normalization/stddev", 1, 1e-320);
        expectInputError([&] { loadStarlocusModel(file); }, file, "normalization/stddev");
        const std::string cpFile = checkpointFile("norm_checkpoint.h5");
        overwriteElement(cpFile, "normalization/median", 0, 1e308);
        expectInputError([&] { loadTrainingCheckpoint(cpFile); }, cpFile, "normalization/median");
    }

    // learning_rate_scale NaN hung the trainer; a negative one trained uphill.
    void checkpointLearningRateScale() {
        for (double scale : {kNaN, -0.5, 0.0, 2.0, kInf}) {
            const std::string file = checkpointFile("scale.h5");
            replaceDoubleAttribute(file, "/", "learning_rate_scale", {scale});
            expectInputError([&] { loadTrainingCheckpoint(file); }, file, "learning_rate_scale");
        }
    }
    void checkpointCountersAndStateOutOfRange() {
        const std::vector<std::pair<const char*, double>> attributes{
            {"completed_iterations", kNaN}, {"completed_iterations", 1.5}, {"completed_iterations", -1.0},
            {"adam_step", -1.0},           {"adam_step", kNaN},           {"adam_step", 1e30},
            {"stars_processed", -5.0},     {"stars_processed", kInf},     {"elapsed_seconds", kNaN},
            {"elapsed_seconds", -1.0}};
        for (const auto& [name, value] : attributes) {
            const std::string file = checkpointFile("counter.h5");
            replaceDoubleAttribute(file, "/", name, {value});
            expectInputError([&] { loadTrainingCheckpoint(file); }, file, name);
        }
        const std::vector<std::pair<const char*, double>> datasets{
            {"adam_m", kNaN},   {"adam_v", kInf}, {"adam_v", -1.0}, {"stars/split", 7.0},
            {"parameters", kNaN}, {"stars/reddening_var", -1.0}, {"history/epochs", kNaN}};
        for (const auto& [name, value] : datasets) {
            const std::string file = checkpointFile("state.h5");
            overwriteElement(file, name, 0, value);
            expectInputError([&] { loadTrainingCheckpoint(file); }, file, name);
        }
    }
    void checkpointConfigMistyped() {
        const std::vector<std::pair<std::function<void(json&)>, std::string>> edits{
            {[](json& c) { c["iterations"] = "20"; }, "config/iterations"},
            {[](json& c) { c["iterations"] = 1e300; }, "config/iterations"},
            {[](json& c) { c["learning_rate"] = kInf; }, "config/learning_rate"}, // dumped as null
            {[](json& c) { c["hidden_layers"] = json::array({32, "x"}); }, "config/hidden_layers"},
            {[](json& c) { c["seed"] = -1; }, "config/seed"},
            {[](json& c) { c.erase("batch"); }, "config/batch"},
        };
        for (const auto& [edit, field] : edits) {
            const std::string file = checkpointFile("config.h5");
            editCheckpointConfig(file, edit);
            expectInputError([&] { loadTrainingCheckpoint(file); }, file, field);
        }
    }
};

QTEST_GUILESS_MAIN(TestLoaderValidation)
#include "test_loader_validation.moc"
