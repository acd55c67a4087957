// SPDX-License-Identifier: GPL-3.0-or-later
// Model files and checkpoints carry a checksum per array (core/io/array_checksum.h): a
// damaged value is a clear InputError naming the file and the dataset, files written before
// checksums still open with a note, and saving stays byte-for-byte deterministic (#14 item 6).
#include "core/common/input_error.h"
#include "core/io/array_checksum.h"
#include "core/io/hdf5_handle.h"
#include "core/io/model_file.h"
#include "core/io/training_checkpoint.h"
#include "tests/core/io/loader_fixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <functional>

using namespace starlocus::core;
using namespace starlocus::test;

namespace {

// Names of every dataset in the file.
std::vector<std::string> datasetsOf(const std::string& file) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle f = hdf5::openReadOnly(file);
    std::vector<std::string> names;
    H5Ovisit(
        f.get(), H5_INDEX_NAME, H5_ITER_NATIVE,
        [](hid_t, const char* name, const H5O_info_t* info, void* out) -> herr_t {
            if (info->type == H5O_TYPE_DATASET)
                static_cast<std::vector<std::string>*>(out)->push_back(name);
            return 0;
        },
        &names);
    return names;
}

// Removes the checksum attribute of every dataset: a file as StarLocus wrote it before.
void stripChecksums(const std::string& file) {
    const auto names = datasetsOf(file);
    const auto lock = hdf5::libraryLock();
    hdf5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    for (const auto& name : names) {
        hdf5::Handle ds(H5Dopen2(f.get(), name.c_str(), H5P_DEFAULT));
        if (H5Aexists(ds.get(), hdf5::kChecksumAttribute) > 0)
            H5Adelete(ds.get(), hdf5::kChecksumAttribute);
    }
}

// Flips the lowest bit of `value` (as sizeof(T) bytes) in the file when it is stored exactly
// once there: a damaged byte on disk. The value stays finite and plausible, so only the
// checksum can tell. False when the bytes occur more than once or not at all.
template <typename T> bool flipStoredValue(const std::string& file, T value) {
    std::vector<char> bytes = readBytes(file);
    char pattern[sizeof(T)];
    std::memcpy(pattern, &value, sizeof(T));
    const auto it = std::search(bytes.begin(), bytes.end(), pattern, pattern + sizeof(T));
    if (it == bytes.end() || std::search(it + 1, bytes.end(), pattern, pattern + sizeof(T)) != bytes.end())
        return false;
    *it ^= 1;
    writeBytes(file, bytes);
    return true;
}

// Flips the first of `values` that is stored exactly once.
template <typename Container> void flipOneOf(const std::string& file, const Container& values) {
    for (const auto& v : values)
        if (flipStoredValue(file, v))
            return;
    QFAIL("no value stored exactly once");
}

void expectMismatch(const std::function<void()>& load, const std::string& file, const std::string& field) {
    try {
        load();
        QFAIL("a damaged array was accepted");
    } catch (const InputError& e) {
        const std::string what = e.what();
        QVERIFY2(what.find(file) != std::string::npos && e.field() == field &&
                     what.find("checksum mismatch") != std::string::npos,
                 what.c_str());
    }
}

} // namespace

class TestFileChecksums : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    // FNV-1a over 64-bit words of (rank, dimensions, IEEE bit patterns), computed
    // independently (Python: struct.pack('<d'), offset basis 0xcbf29ce484222325, prime
    // 0x100000001b3).
    void checksumOfKnownArray() {
        const double values[] = {1.0, -2.5};
        QCOMPARE(hdf5::checksumText(hdf5::arrayChecksum({2}, values, 2)), std::string("fnv1a64:3879c077516854ba"));
        // The shape takes part: the same values as a 1 × 2 array differ.
        QVERIFY(hdf5::arrayChecksum({1, 2}, values, 2) != hdf5::arrayChecksum({2}, values, 2));
    }

    void everyArrayOfModelAndCheckpointHasOne() {
        const std::string model = path("model.h5"), checkpoint = path("checkpoint.h5");
        saveModel(model, smallModel(), nullptr);
        const TrainingCheckpoint cp = smallCheckpoint();
        saveTrainingCheckpoint(checkpoint, cp);
        for (const std::string& file : {model, checkpoint}) {
            const auto names = datasetsOf(file);
            QVERIFY(names.size() >= 6);
            const auto lock = hdf5::libraryLock();
            hdf5::Handle f = hdf5::openReadOnly(file);
            for (const auto& name : names) {
                hdf5::Handle ds(H5Dopen2(f.get(), name.c_str(), H5P_DEFAULT));
                QVERIFY2(hdf5::readStringAttribute(ds.get(), hdf5::kChecksumAttribute).value_or("").rfind("fnv1a64:", 0) == 0,
                         name.c_str());
            }
        }
        QVERIFY(loadStarlocusModel(model).provenance().notes.empty());
        std::vector<std::string> notes{"stale"};
        loadTrainingCheckpoint(checkpoint, &notes);
        QVERIFY(notes.empty());
    }

    void flippedByteInAModelWeight() {
        const std::string file = path("flipped_model.h5");
        const StellarModel model = smallModel();
        saveModel(file, model);
        flipOneOf(file, model.hiddenLayers()[0].kernel);
        expectMismatch([&] { loadStarlocusModel(file); }, file, "layers/hidden_1/kernel");
        expectMismatch([&] { loadAnyModel(file); }, file, "layers/hidden_1/kernel");
    }

    void flippedByteInACheckpoint() {
        const std::string file = path("flipped_checkpoint.h5");
        const TrainingCheckpoint cp = smallCheckpoint();
        saveTrainingCheckpoint(file, cp);
        flipOneOf(file, cp.parameters); // float32 on disk
        expectMismatch([&] { loadTrainingCheckpoint(file); }, file, "parameters");

        const std::string withRecord = path("flipped_record.h5");
        saveModel(withRecord, smallModel(), &cp);
        flipOneOf(withRecord, cp.state.chi2Dof);
        expectMismatch([&] { loadTrainingRecord(withRecord); }, withRecord, "training/stars/chi2_dof");
    }

    void malformedChecksumAttribute() {
        const std::string file = path("malformed.h5");
        saveModel(file, smallModel());
        replaceStringAttribute(file, "layers/extinction/bias", "checksum", "fnv1a64:xyz");
        try {
            loadStarlocusModel(file);
            QFAIL("a malformed checksum was accepted");
        } catch (const InputError& e) {
            QCOMPARE(e.field(), std::string("layers/extinction/bias/checksum"));
        }
    }

    // Files written before checksums existed open as before, with a note saying so.
    void filesWithoutChecksumsOpenWithANote() {
        const std::string model = path("old_model.h5"), checkpoint = path("old_checkpoint.h5");
        const TrainingCheckpoint cp = smallCheckpoint();
        saveModel(model, smallModel(), &cp);
        saveTrainingCheckpoint(checkpoint, cp);
        stripChecksums(model);
        stripChecksums(checkpoint);

        const StellarModel loaded = loadStarlocusModel(model);
        QCOMPARE(loaded.hiddenLayers()[0].kernel, smallModel().hiddenLayers()[0].kernel);
        QCOMPARE(loaded.provenance().notes.size(), std::size_t(1));
        QVERIFY(loaded.provenance().notes[0].find("no checksums") != std::string::npos);

        std::vector<std::string> notes;
        const TrainingCheckpoint back = loadTrainingCheckpoint(checkpoint, &notes);
        QVERIFY(back.parameters == cp.parameters);
        QCOMPARE(notes.size(), std::size_t(1));
        QVERIFY(notes[0].find("no checksums") != std::string::npos);

        notes.clear();
        QVERIFY(loadTrainingRecord(model, &notes).has_value());
        QCOMPARE(notes.size(), std::size_t(1));
    }

    // Saving the same content twice gives the same bytes (no time stamps; the checksum is a
    // function of the values).
    void savesAreDeterministic() {
        const TrainingCheckpoint cp = smallCheckpoint();
        saveModel(path("a.h5"), smallModel(), &cp);
        saveModel(path("b.h5"), smallModel(), &cp);
        QVERIFY(readBytes(path("a.h5")) == readBytes(path("b.h5")));
        saveTrainingCheckpoint(path("c.h5"), cp);
        saveTrainingCheckpoint(path("d.h5"), cp);
        QVERIFY(readBytes(path("c.h5")) == readBytes(path("d.h5")));
    }
};

QTEST_GUILESS_MAIN(TestFileChecksums)
#include "test_file_checksums.moc"
