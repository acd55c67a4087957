// SPDX-License-Identifier: GPL-3.0-or-later
// The Keras importer builds the graph from model_config and rejects anything else with
// a message naming the file and the layer (METHOD.md §2).
#include "core/common/input_error.h"
#include "core/io/keras_model_import.h"
#include "core/io/model_file.h"
#include "core/io/normalization_json.h"
#include "tests/support/published_model.h"
#include "tests/support/shared_data.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace starlocus::core;
using nlohmann::json;

namespace {

// Copies the published model into `dir` and rewrites its model_config with `edit`.
std::string editedCopy(const QString& source, const QTemporaryDir& dir, const std::function<void(json&)>& edit) {
    const QString target = dir.filePath("edited.h5");
    QFile::remove(target);
    QFile::copy(source, target);
    QFile(target).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const std::string path = target.toStdString();
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    hid_t a = H5Aopen(f, "model_config", H5P_DEFAULT);
    hid_t t = H5Aget_type(a);
    std::string text;
    if (H5Tis_variable_str(t) > 0) {
        char* s = nullptr;
        H5Aread(a, t, &s);
        text = s;
        H5free_memory(s);
    } else {
        text.resize(H5Tget_size(t));
        H5Aread(a, t, text.data());
        text.resize(strnlen(text.data(), text.size()));
    }
    H5Tclose(t);
    H5Aclose(a);
    H5Adelete(f, "model_config");
    json cfg = json::parse(text);
    edit(cfg);
    const std::string out = cfg.dump();
    hid_t st = H5Tcopy(H5T_C_S1);
    H5Tset_size(st, out.size());
    hid_t sp = H5Screate(H5S_SCALAR);
    hid_t na = H5Acreate2(f, "model_config", st, sp, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(na, st, out.data());
    H5Aclose(na);
    H5Sclose(sp);
    H5Tclose(st);
    H5Fclose(f);
    return path;
}

json& layerNamed(json& cfg, const std::string& name) {
    for (json& layer : cfg["config"]["layers"])
        if (layer["name"] == name)
            return layer;
    throw std::runtime_error("no layer " + name);
}

} // namespace

class TestKerasModelImport : public QObject {
    Q_OBJECT
    LabelNormalization norm_;
    QString model_;

    // Import must fail with an InputError whose message names `file` and contains `needle`.
    void expectRejected(const std::string& file, const std::string& needle) {
        try {
            importKerasModel(file, norm_);
            QFAIL(qPrintable(QString::fromStdString("accepted a bad model; expected an error about " + needle)));
        } catch (const InputError& e) {
            const std::string what = e.what();
            if (what.find(file) == std::string::npos || what.find(needle) == std::string::npos)
                QFAIL(qPrintable(QString::fromStdString("message '" + what + "' should name " + file + " and '" +
                                                        needle + "'")));
        }
    }

private slots:
    void initTestCase() {
        norm_.median = starlocus::test::kPublishedThetaMedian;
        norm_.stddev = starlocus::test::kPublishedThetaStd;
    }
    void init() {
        STARLOCUS_SHARED_FILE(path, "green2020/green2020_nn_model.h5");
        model_ = path;
    }

    void findsTheNormalisationBesideTheModel() {
        const StellarModel m = loadAnyModel(model_.toStdString());
        QCOMPARE(m.normalization().median[0], starlocus::test::kPublishedThetaMedian[0]);
        QCOMPARE(m.normalization().stddev[2], starlocus::test::kPublishedThetaStd[2]);
    }

    // Layer order in the list is irrelevant: reversing it gives the same model.
    void layerListOrderDoesNotMatter() {
        QTemporaryDir dir;
        const auto path = editedCopy(model_, dir, [](json& cfg) {
            auto& layers = cfg["config"]["layers"];
            std::reverse(layers.begin(), layers.end());
        });
        const StellarModel a = importKerasModel(model_.toStdString(), norm_);
        const StellarModel b = importKerasModel(path, norm_);
        QVERIFY(a.evaluate({5000, 3, -0.5}, false).colorPrediction(0.3) ==
                b.evaluate({5000, 3, -0.5}, false).colorPrediction(0.3));
    }

    void rejectsUnsupportedActivation() {
        QTemporaryDir dir;
        const auto path = editedCopy(model_, dir, [](json& cfg) {
            layerNamed(cfg, "stellar_model_hidden_2")["config"]["activation"] = "relu";
        });
        expectRejected(path, "stellar_model_hidden_2");
        expectRejected(path, "relu");
    }

    void rejectsNonExponentialExtinctionLayer() {
        QTemporaryDir dir;
        const auto path = editedCopy(model_, dir, [](json& cfg) {
            layerNamed(cfg, "R")["config"]["activation"] = "linear";
        });
        expectRejected(path, "exponential");
    }

    void rejectsOtherConnections() {
        QTemporaryDir dir;
        // R fed by the scalar reddening instead of the labels: a different network.
        const auto path = editedCopy(model_, dir, [](json& cfg) {
            layerNamed(cfg, "R")["inbound_nodes"] = json::parse(R"([[["E", 0, 0, {}]]])");
        });
        expectRejected(path, "expected 3 labels");
    }

    void rejectsUnknownLayerReference() {
        QTemporaryDir dir;
        const auto path = editedCopy(model_, dir, [](json& cfg) {
            layerNamed(cfg, "BM")["inbound_nodes"] = json::parse(R"([[["no_such_layer", 0, 0, {}]]])");
        });
        expectRejected(path, "no_such_layer");
    }

    void rejectsRenamedLayerWithoutWeights() {
        QTemporaryDir dir;
        const auto path = editedCopy(model_, dir, [](json& cfg) {
            json& layer = layerNamed(cfg, "stellar_model_hidden_1");
            layer["name"] = "hidden_renamed";
            layer["config"]["name"] = "hidden_renamed";
            layerNamed(cfg, "stellar_model_hidden_2")["inbound_nodes"] =
                json::parse(R"([[["hidden_renamed", 0, 0, {}]]])");
        });
        expectRejected(path, "model_weights/hidden_renamed");
    }

    void rejectsWrongDotAxes() {
        QTemporaryDir dir;
        const auto path = editedCopy(model_, dir, [](json& cfg) {
            layerNamed(cfg, "LT_B_M_plus_A")["config"]["axes"] = json::array({1, 1});
        });
        expectRejected(path, "LT_B_M_plus_A");
    }

    void rejectsFileWithoutModelConfig() {
        QTemporaryDir dir;
        const QString target = dir.filePath("plain.h5");
        hid_t f = H5Fcreate(target.toStdString().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
        H5Fclose(f);
        expectRejected(target.toStdString(), "model_config");
    }

    void rejectsMissingAndNonHdf5Files() {
        QTemporaryDir dir;
        expectRejected(dir.filePath("absent.h5").toStdString(), "not found");
        QFile text(dir.filePath("notes.h5"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not HDF5\n");
        text.close();
        expectRejected(text.fileName().toStdString(), "not an HDF5 file");
    }
};

QTEST_GUILESS_MAIN(TestKerasModelImport)
#include "test_keras_model_import.moc"
