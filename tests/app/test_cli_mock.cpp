// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli mock, in-process: the summary (text and --json), the written file and its
// truth, the same bytes for the same (N, seed), and exit code 2 with one line naming the
// option for bad input.
#include "app/cli/cli.h"
#include "tests/support/cli_run.h"
#include "core/io/green2020_catalog.h"
#include "core/io/hdf5_handle.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

using nlohmann::json;
using starlocus::cli::runCli;
using Run = starlocus::test::CliRun;
static Run run(const std::vector<std::string>& args) { return starlocus::test::runCliCommand(args); }

namespace {

QByteArray fileBytes(const std::string& path) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliMock : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void writesSkyAndSummary() {
        const Run r = run({"mock", "--stars", "2000", "--seed", "11", "--out", path("a.h5")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.empty());
        QVERIFY(r.out.find("wrote ") != std::string::npos);
        QVERIFY(r.out.find("sfd") != std::string::npos && r.out.find("band coverage") != std::string::npos);
        QVERIFY(r.out.find("exact extinction") != std::string::npos);
        const auto cat = starlocus::core::readGreen2020Catalog(path("a.h5"));
        QCOMPARE(cat.size(), std::size_t(2000));
        auto file = starlocus::core::hdf5::openReadOnly(path("a.h5"));
        QVERIFY(starlocus::core::hdf5::exists(file.get(), "truth/E"));
    }

    void jsonSummary() {
        const Run r = run({"mock", "--stars", "3000", "--seed", "12", "--out", path("b.h5"), "--extinction", "linear",
                           "--json"});
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out);
        QCOMPARE(doc["extinction"].get<std::string>(), std::string("linear"));
        QCOMPARE(doc["seed"].get<int>(), 12);
        const json& s = doc["summary"];
        QCOMPARE(s["stars"].get<int>(), 3000);
        int regimes = 0;
        for (const char* k : {"sfd", "b19", "default"})
            regimes += s["regimes"][k]["count"].get<int>();
        QCOMPARE(regimes, 3000);
        QCOMPARE(s["band_coverage"]["G"]["fraction"].get<double>(), 1.0);
        QVERIFY(s["band_coverage"]["W1"]["fraction"].get<double>() < 0.4);
        QVERIFY(s["outliers"]["unresolved_binary"].get<int>() > 0);
        QVERIFY(s["parallax"]["fraction_snr_at_least_5"].get<double>() > 0.7);
    }

    void sameArgumentsSameBytes() {
        QCOMPARE(run({"mock", "--stars", "1500", "--seed", "5", "--out", path("c1.h5")}).code, 0);
        QCOMPARE(run({"mock", "--stars", "1500", "--seed", "5", "--out", path("c2.h5")}).code, 0);
        QCOMPARE(run({"mock", "--stars", "1500", "--seed", "6", "--out", path("c3.h5")}).code, 0);
        QVERIFY(fileBytes(path("c1.h5")) == fileBytes(path("c2.h5")));
        QVERIFY(fileBytes(path("c1.h5")) != fileBytes(path("c3.h5")));
    }

    void badInputIsExitTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        const QString out = dir_.filePath("bad.h5");
        QTest::newRow("zero stars") << QStringList{"--stars", "0", "--seed", "1", "--out", out} << "--stars";
        QTest::newRow("negative stars") << QStringList{"--stars", "-5", "--seed", "1", "--out", out} << "--stars";
        QTest::newRow("fractional stars") << QStringList{"--stars", "1.5", "--seed", "1", "--out", out} << "--stars";
        QTest::newRow("missing seed") << QStringList{"--stars", "10", "--out", out} << "--seed";
        QTest::newRow("bad seed") << QStringList{"--stars", "10", "--seed", "x", "--out", out} << "--seed";
        QTest::newRow("missing out") << QStringList{"--stars", "10", "--seed", "1"} << "--out";
        QTest::newRow("bad extinction") << QStringList{"--stars", "10", "--seed", "1", "--out", out, "--extinction", "cubic"}
                                        << "--extinction";
        QTest::newRow("unknown option") << QStringList{"--stars", "10", "--seed", "1", "--out", out, "--color", "red"}
                                        << "--color";
        QTest::newRow("unwritable out") << QStringList{"--stars", "10", "--seed", "1", "--out", "/nonexistent/dir/x.h5"}
                                        << "/nonexistent/dir/x.h5";
    }
    void badInputIsExitTwoWithOneLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        std::vector<std::string> argv = {"mock"};
        for (const QString& a : args)
            argv.push_back(a.toStdString());
        const Run r = run(argv);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QCOMPARE(std::count(r.err.begin(), r.err.end(), '\n'), std::ptrdiff_t(1));
        QVERIFY2(r.err.find(needle.toStdString()) != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TestCliMock)
#include "test_cli_mock.moc"
