// SPDX-License-Identifier: GPL-3.0-or-later
// The normalisation JSON: the published file, and each way it can be wrong.
#include "core/common/input_error.h"
#include "core/io/normalization_json.h"
#include "tests/support/published_model.h"
#include "tests/support/shared_data.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace starlocus::core;

class TestNormalizationJson : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    std::string write(const char* name, const char* text) {
        QFile f(dir_.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write fixture");
        f.write(text);
        return f.fileName().toStdString();
    }
    void expectRejected(const std::string& file, const std::string& field, const std::string& needle) {
        try {
            readNormalizationJson(file);
            QFAIL("bad normalisation accepted");
        } catch (const InputError& e) {
            const std::string what = e.what();
            QVERIFY2(what.find(file) != std::string::npos && e.field() == field &&
                         what.find(needle) != std::string::npos,
                     what.c_str());
        }
    }

private slots:
    void readsThePublishedFile() {
        STARLOCUS_SHARED_FILE(file, "green2020/green2020_theta_normalization.json");
        const LabelNormalization n = readNormalizationJson(file.toStdString());
        QCOMPARE(n.median, starlocus::test::kPublishedThetaMedian);
        QCOMPARE(n.stddev, starlocus::test::kPublishedThetaStd);
    }
    void wrongLength() {
        expectRejected(write("short.json", R"({"theta_med":[1,2],"theta_std":[1,1,1]})"), "theta_med",
                       "3 numbers");
    }
    void zeroSigma() {
        expectRejected(write("zero.json", R"({"theta_med":[1,2,3],"theta_std":[900,0,0.3]})"), "theta_std",
                       "must be > 0");
    }
    void missingKey() { expectRejected(write("nokey.json", R"({"theta_med":[1,2,3]})"), "theta_std", "missing"); }
    void notJson() { expectRejected(write("bad.json", "theta_med = 1"), "", "not valid JSON"); }
    void missingFile() { expectRejected(dir_.filePath("none.json").toStdString(), "", "not found"); }
    void roundTrip() {
        LabelNormalization n;
        n.median = {5372.01611328125, 4.066964149475098, -0.24608156085014343};
        n.stddev = {902.8016357421875, 0.8892691731452942, 0.3739211857318878};
        const std::string p = dir_.filePath("rt.json").toStdString();
        writeNormalizationJson(p, n);
        QVERIFY(readNormalizationJson(p) == n);
        // Saved like the HDF5 files: no temporary left beside it, and a symbolic link at the
        // target is refused rather than replaced by a file.
        QCOMPARE(QDir(dir_.path()).entryList({"rt.json*"}, QDir::Files | QDir::Hidden).size(), 1);
        const QString link = dir_.filePath("link.json");
        QVERIFY(QFile::link(QString::fromStdString(p), link));
        QVERIFY_THROWS_EXCEPTION(InputError, writeNormalizationJson(link.toStdString(), n));
        QVERIFY(QFileInfo(link).isSymLink());
    }
};

QTEST_GUILESS_MAIN(TestNormalizationJson)
#include "test_normalization_json.moc"
