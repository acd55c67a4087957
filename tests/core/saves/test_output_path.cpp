// SPDX-License-Identifier: GPL-3.0-or-later
// The checks on a path about to be written, the identity of files (hard links, other
// spellings), the advisory output lock between processes, and which temporaries of
// earlier saves count as stale (issue 14).
#include "core/common/input_error.h"
#include "core/io/output_lock.h"
#include "core/io/output_path.h"
#include "core/io/save_temporary.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace starlocus;
namespace fs = std::filesystem;

namespace {

std::string refusal(void (*check)(const std::string&), const std::string& path) {
    try {
        check(path);
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "";
}

void touch(const std::string& path) {
    std::ofstream(path) << "x";
}

// A PID that no process has: a child that has ended and been reaped.
pid_t deadPid() {
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

// The writer tag of this process, as the save names its temporaries.
std::string ourWriterTag() {
    const std::string name = core::temporaryPathFor("x");
    return name.substr(std::string("x.tmp-").size(), 8);
}

} // namespace

class TestOutputPath : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const std::string& name) const { return dir_.path().toStdString() + "/" + name; }

  private slots:
    void acceptsANewOrRegularFileInAWritableFolder() {
        QCOMPARE(refusal(core::checkOutputPath, path("new.h5")), std::string());
        touch(path("old.h5"));
        QCOMPARE(refusal(core::checkOutputPath, path("old.h5")), std::string());
    }

    void refusesAMissingFolderAFileAsFolderAndNonRegularTargets() {
        std::string e = refusal(core::checkOutputPath, path("missing-dir/m.h5"));
        QVERIFY2(e.find(path("missing-dir/m.h5")) != std::string::npos &&
                     e.find("does not exist") != std::string::npos,
                 e.c_str());
        touch(path("plain"));
        e = refusal(core::checkOutputPath, path("plain/m.h5"));
        QVERIFY2(e.find("is not a folder") != std::string::npos, e.c_str());
        fs::create_directory(path("folder"));
        e = refusal(core::checkOutputPath, path("folder"));
        QVERIFY2(e.find("is a folder") != std::string::npos, e.c_str());
        e = refusal(core::checkOutputPath, path("folder/"));
        QVERIFY2(e.find("names a folder") != std::string::npos, e.c_str());
        fs::create_symlink(path("old.h5"), path("link.h5"));
        e = refusal(core::checkOutputPath, path("link.h5"));
        QVERIFY2(e.find("symbolic link") != std::string::npos, e.c_str());
        QVERIFY(::mkfifo(path("fifo").c_str(), 0600) == 0);
        e = refusal(core::checkReplaceableTarget, path("fifo"));
        QVERIFY2(e.find("FIFO") != std::string::npos, e.c_str());
        e = refusal(core::checkReplaceableTarget, "/dev/null");
        QVERIFY2(e.find("/dev/null") != std::string::npos && e.find("device") != std::string::npos,
                 e.c_str());
    }

    void refusesAFolderItCannotWriteIn() {
        fs::create_directory(path("readonly"));
        fs::permissions(path("readonly"), fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                                              fs::perms::others_exec);
        const std::string target = path("readonly/m.h5");
        if (::geteuid() != 0) {
            const std::string e = refusal(core::checkOutputPath, target);
            fs::permissions(path("readonly"), fs::perms::owner_all);
            QVERIFY2(e.find("cannot create files") != std::string::npos, e.c_str());
            return;
        }
        // Root may write in any folder (CI runs as root): the check runs in a child that has
        // become `nobody`, for whom the folder is read-only; exit 0 means it was refused so.
        fs::permissions(dir_.path().toStdString(), fs::perms::others_exec, fs::perm_options::add);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(3);
            const std::string e = refusal(core::checkOutputPath, target);
            ::_exit(e.find("cannot create files") != std::string::npos ? 0 : 1);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        fs::permissions(path("readonly"), fs::perms::owner_all);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                 "as nobody, a read-only folder was not refused with 'cannot create files'");
    }

    void identifiesHardLinksAndOtherSpellings() {
        touch(path("a.h5"));
        touch(path("b.h5"));
        fs::create_hard_link(path("a.h5"), path("a-link.h5"));
        const auto a = core::fileIdentity(path("a.h5"));
        QVERIFY(a.sameFileAs(core::fileIdentity(path("a-link.h5"))));
        QVERIFY(a.sameFileAs(core::fileIdentity(dir_.path().toStdString() + "/./a.h5")));
        QVERIFY(!a.sameFileAs(core::fileIdentity(path("b.h5"))));
        // Files yet to be written: by where they will be.
        QVERIFY(core::fileIdentity(path("new.h5")).sameFileAs(core::fileIdentity(path("folder/../new.h5"))));
        QVERIFY(!core::fileIdentity(path("new.h5")).sameFileAs(core::fileIdentity(path("new2.h5"))));
        QVERIFY(!core::fileIdentity(path("new.h5")).sameFileAs(a));
    }

    void aSecondLockOnTheSameOutputIsRefusedWithTheOwnersPid() {
        const std::string out = path("locked.h5");
        {
            core::OutputLock first(out);
            QVERIFY(first.held());
            QVERIFY(fs::exists(first.lockPath()));
            try {
                core::OutputLock second(out);
                QFAIL("a second lock on the same output was granted");
            } catch (const core::InputError& e) {
                const std::string expected =
                    "another StarLocus run is writing " + out + " (pid " + std::to_string(::getpid()) + ")";
                QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
            }
        }
        QVERIFY(!fs::exists(core::OutputLock::lockPathFor(out))); // released and removed
        core::OutputLock again(out);
        QVERIFY(again.held());
    }

    void aLockOfAKilledProcessIsGoneAtOnce() {
        const std::string out = path("killed.h5");
        int ready[2];
        QVERIFY(::pipe(ready) == 0);
        const pid_t child = ::fork();
        if (child == 0) {
            try {
                core::OutputLock lock(out);
                (void)!::write(ready[1], "1", 1);
                ::pause();
            } catch (...) {
            }
            ::_exit(3);
        }
        char byte = 0;
        QCOMPARE(::read(ready[0], &byte, 1), ssize_t(1));
        std::string e;
        try {
            core::OutputLock mine(out);
        } catch (const core::InputError& error) {
            e = error.what();
        }
        QVERIFY2(e.find("(pid " + std::to_string(child) + ")") != std::string::npos, e.c_str());
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        ::close(ready[0]);
        ::close(ready[1]);
        QVERIFY(fs::exists(core::OutputLock::lockPathFor(out))); // left behind by the killed run ...
        core::OutputLock mine(out);                              // ... and simply locked again
        QVERIFY(mine.held());
    }

    void staleTemporariesAreThoseOfDeadWritersOnly() {
        const std::string target = path("model.h5");
        const std::string tag = ourWriterTag();
        const std::string dead = target + ".tmp-" + tag + "-" + std::to_string(deadPid()) + "-123456";
        const std::string live = target + ".tmp-" + tag + "-" + std::to_string(::getppid()) + "-234567";
        const std::string ours = target + ".tmp-" + tag + "-" + std::to_string(::getpid()) + "-345678";
        const std::string foreignTag = tag == "00000000" ? "00000001" : "00000000";
        const std::string foreign =
            target + ".tmp-" + foreignTag + "-" + std::to_string(deadPid()) + "-456789";
        const std::string otherTarget =
            path("model.h5.backup") + ".tmp-" + tag + "-" + std::to_string(deadPid()) + "-567890";
        const std::string notOurs = target + ".tmp-notes.txt";
        const std::string legacyOld = target + ".tmp-4711", legacyNew = target + ".tmp-815";
        for (const auto& p : {dead, live, ours, foreign, otherTarget, notOurs, legacyOld, legacyNew})
            touch(p);
        const timeval twoHoursAgo[2] = {{::time(nullptr) - 7200, 0}, {::time(nullptr) - 7200, 0}};
        QCOMPARE(::utimes(legacyOld.c_str(), twoHoursAgo), 0);

        QCOMPARE(core::removeStaleTemporaries(target), std::size_t(2));
        QVERIFY(!fs::exists(dead));
        QVERIFY(!fs::exists(legacyOld));
        for (const auto& kept : {live, ours, foreign, otherTarget, notOurs, legacyNew})
            QVERIFY2(fs::exists(kept), kept.c_str());
    }

    void temporaryNamesFollowTheRule() {
        const std::string name = core::temporaryPathFor(path("m.h5"));
        const std::string rest = name.substr(path("m.h5.tmp-").size());
        const std::string pid = std::to_string(::getpid());
        QCOMPARE(rest.size(), 8 + 1 + pid.size() + 1 + 6);
        QCOMPARE(rest.substr(9, pid.size()), pid);
        QVERIFY(core::temporaryPathFor(path("m.h5")) != name);
    }
};

QTEST_GUILESS_MAIN(TestOutputPath)
#include "test_output_path.moc"
