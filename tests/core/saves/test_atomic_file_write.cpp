// SPDX-License-Identifier: GPL-3.0-or-later
// AtomicFileWrite (issue 14): a save syncs the file before renaming it and the folder
// after; it never replaces a symlink, a device, a FIFO or a folder; and saves killed with
// SIGKILL at random moments leave at most one temporary, never a damaged target, and the
// next save removes what they left.
#include "core/common/input_error.h"
#include "core/io/atomic_file_write.h"
#include "core/io/training_checkpoint.h"
#include "tests/core/saves/file_call_recorder.h"
#include "tests/core/saves/marked_checkpoint.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace starlocus;
namespace fs = std::filesystem;

namespace {

// Files in `folder` named like a temporary of a save to `target` (any naming: "TARGET.tmp-").
std::vector<std::string> temporariesOf(const std::string& target) {
    std::vector<std::string> out;
    const std::string prefix = fs::path(target).filename().string() + ".tmp-";
    for (const auto& entry : fs::directory_iterator(fs::path(target).parent_path()))
        if (entry.path().filename().string().rfind(prefix, 0) == 0)
            out.push_back(entry.path().string());
    return out;
}

std::string errorOfSave(const std::string& path) {
    try {
        const auto lock = core::hdf5::libraryLock();
        core::hdf5::AtomicFileWrite save(path);
        core::hdf5::writeStringAttribute(save.file(), path, "what", "a test save");
        save.commit();
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "";
}

std::string contentOf(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestAtomicFileWrite : public QObject {
    Q_OBJECT

  private slots:
    void syncsTheFileBeforeTheRenameAndTheFolderAfter() {
        QTemporaryDir dir;
        const std::string folder = fs::canonical(dir.path().toStdString()).string();
        const std::string target = folder + "/model.h5";
        test::startRecordingFileCalls();
        const std::string error = errorOfSave(target);
        const std::vector<test::FileCall> calls = test::stopRecordingFileCalls();
        QVERIFY2(error.empty(), error.c_str());
        // The order that makes a save durable: data of the temporary on disk, then the
        // rename, then the folder that holds the new name.
        int syncedTemporary = -1, renamed = -1, syncedFolder = -1;
        std::string temporary;
        for (std::size_t i = 0; i < calls.size(); ++i) {
            const auto& c = calls[i];
            if (c.what == "rename" && c.target == target) {
                renamed = int(i);
                temporary = c.path;
            }
        }
        QVERIFY2(renamed >= 0, "no rename onto the target");
        QVERIFY(temporary.rfind(target + ".tmp-", 0) == 0);
        for (std::size_t i = 0; i < calls.size(); ++i) {
            const auto& c = calls[i];
            if (c.what == "fsync" && c.path == temporary && int(i) < renamed)
                syncedTemporary = int(i);
            if (c.what == "fsync" && c.path == folder && int(i) > renamed)
                syncedFolder = int(i);
        }
        QVERIFY2(syncedTemporary >= 0, "the temporary file was not synced before the rename");
        QVERIFY2(syncedFolder >= 0, "the folder was not synced after the rename");
        QVERIFY(temporariesOf(target).empty());
    }

    void refusesToReplaceWhatIsNotARegularFile() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        // A symlink: replacing it would break the link and leave the linked file as it was.
        const std::string linked = folder + "/real.h5";
        { std::ofstream(linked) << "the user's file"; }
        const std::string link = folder + "/link.h5";
        fs::create_symlink(linked, link);
        std::string error = errorOfSave(link);
        QVERIFY2(error.find(link) != std::string::npos && error.find("symbolic link") != std::string::npos,
                 error.c_str());
        QVERIFY(fs::is_symlink(fs::symlink_status(link)));
        QCOMPARE(contentOf(linked), std::string("the user's file"));

        const std::string fifo = folder + "/fifo";
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        error = errorOfSave(fifo);
        QVERIFY2(error.find(fifo) != std::string::npos && error.find("FIFO") != std::string::npos,
                 error.c_str());
        QVERIFY(fs::is_fifo(fs::symlink_status(fifo)));

        const std::string sub = folder + "/sub";
        fs::create_directory(sub);
        error = errorOfSave(sub);
        QVERIFY2(error.find("is a folder") != std::string::npos, error.c_str());
        QVERIFY(fs::is_directory(sub));
        QVERIFY(temporariesOf(link).empty() && temporariesOf(fifo).empty() && temporariesOf(sub).empty());
    }

    void refusesToReplaceADevice() {
        // As root, `--out /dev/…` replaced the device node with a file. A node of the null
        // device made in a test folder shows it without touching /dev.
        if (::geteuid() != 0)
            QSKIP("making a device node needs root");
        QTemporaryDir dir;
        const std::string node = dir.path().toStdString() + "/null";
        QCOMPARE(::mknod(node.c_str(), S_IFCHR | 0600, makedev(1, 3)), 0);
        const std::string error = errorOfSave(node);
        QVERIFY2(error.find(node) != std::string::npos && error.find("device") != std::string::npos,
                 error.c_str());
        struct stat st {};
        QCOMPARE(::lstat(node.c_str(), &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
    }

    void killedSavesLeaveAtMostOneTemporaryAndNoDamage() {
        QTemporaryDir dir;
        const std::string target = dir.path().toStdString() + "/run.checkpoint.h5";
        constexpr std::size_t kStars = 20000; // ~0.6 MB: a save takes long enough to be hit
        std::mt19937 random(14);
        int hitDuringSave = 0;
        for (int round = 0; round < 15; ++round) {
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) { // saves the same path over and over until it is killed
                try {
                    for (std::uint64_t mark = 1000 * std::uint64_t(round + 1);; ++mark)
                        core::saveTrainingCheckpoint(target, test::markedCheckpoint(mark, kStars));
                } catch (...) {
                }
                ::_exit(3);
            }
            ::usleep(useconds_t(std::uniform_int_distribution<int>(2000, 60000)(random)));
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            QVERIFY2(WIFSIGNALED(status), "the saving child ended by itself (a save failed)");
            const auto left = temporariesOf(target);
            QVERIFY2(left.size() <= 1, ("round " + std::to_string(round) + ": " +
                                        std::to_string(left.size()) + " temporaries left")
                                           .c_str());
            hitDuringSave += int(left.size());
            if (fs::exists(target)) {
                const core::TrainingCheckpoint back = core::loadTrainingCheckpoint(target);
                const std::string wrong = test::inconsistencyOf(back, kStars);
                QVERIFY2(wrong.empty(), wrong.c_str());
            }
        }
        qInfo("%d of 15 kills landed inside a save", hitDuringSave);
        QVERIFY2(hitDuringSave > 0, "no kill landed inside a save: the test proved nothing");
        core::saveTrainingCheckpoint(target, test::markedCheckpoint(1, kStars));
        QVERIFY(temporariesOf(target).empty());
        QCOMPARE(core::loadTrainingCheckpoint(target).starsProcessed, std::uint64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFileWrite)
#include "test_atomic_file_write.moc"
