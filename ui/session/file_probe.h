// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FileProbe: reads an untrusted file first in a short-lived child process, so that a file
// which crashes libhdf5 (1.10 segfaults on some corrupt metadata, issue #14) costs a child,
// not the user's session and a training run in progress. The child is the GUI executable
// in its probe mode, `starlocus --probe-file KIND FILE [NORMALIZATION]` (app/gui), which
// reads the file with the same core calls as the in-process loader and exits 0 (readable),
// 2 (InputError: its text as the last line on standard error, `field=NAME` on standard
// output; a dropped file's `read-as=model|catalog` too, a table's `rows=N`) or 1 (another error), or dies by a signal. Only a readable file is then read in
// process. A readable file is remembered by (kind, path, size, modification time) for the
// rest of the run, so reopening it costs no second probe.
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <optional>

class QTimer;

namespace starlocus::ui {

// What the child reads the file as; the name is the probe mode's KIND argument.
enum class ProbeKind {
    Model,       // readModelFile (Keras + normalisation JSON, or a StarLocus model file)
    Catalog,     // the Green2020 catalog reader
    DensityGrid, // core::readDensityGrid
    Checkpoint,  // core::loadTrainingCheckpoint
    Posteriors,  // core::readPosteriorFile (fit-stars' output, opened in the Catalog Fit tab)
    AnyFile,     // a dropped file: a model if it has a model's layout, else a catalog
    Table,       // a survey table (FITS, CSV/ECSV, VOTable): opened and every row streamed
                 // through its reader, so a file that crashes CFITSIO or expat does so here
};
QString probeKindName(ProbeKind kind);
std::optional<ProbeKind> probeKindFromName(const QString& name);

// The program and its leading arguments; the probe appends `--probe-file KIND FILE [NORM]`.
struct ProbeCommand {
    QString program;
    QStringList arguments;
    bool isEmpty() const { return program.isEmpty(); }
};

struct ProbeResult {
    enum class Status {
        Readable,   // exit 0: read it in process
        Unreadable, // exited with an error: `message` is the loader's message
        Crashed,    // died by `signal`
        TimedOut,   // killed after the time limit
        Cancelled,  // cancel() (or the owner went away)
        NotRun,     // no probe command, or it could not be started: read in process as before
    };
    Status status = Status::NotRun;
    int signal = 0;
    QString message; // Unreadable: the last line the child wrote on standard error
    QString field;   // Unreadable because of an InputError: its field
    QString readAs;  // AnyFile, exited: what the child read it as ("model" or "catalog")
    qint64 rows = -1; // Table, readable: the rows the child read (-1: not known)
    std::optional<ProbeKind> kind; // what the file was probed as (set with every result)
    int timeLimitMs = 0;           // the child's time limit
    bool cached = false;  // Readable from the cache, no child was started
    qint64 elapsedMs = 0; // wall time of the child
};

class FileProbe : public QObject {
    Q_OBJECT
public:
    // The command every probe runs. Empty by default (then nothing is probed and files are
    // read in process as before: tests, starlocus-figures); the GUI sets its own executable.
    static void setDefaultCommand(const ProbeCommand& command);
    static ProbeCommand defaultCommand();
    // The time a child may take before it is killed and the file reported as unreadable.
    static void setDefaultTimeoutMs(int ms);
    static int defaultTimeoutMs();
    // Forgets every remembered readable file (tests).
    static void clearCache();

    explicit FileProbe(QObject* parent = nullptr);
    ~FileProbe() override;

    // Starts the child (or answers from the cache, or NotRun, on the next event-loop turn);
    // `finished` follows exactly once.
    void start(ProbeKind kind, const QString& path, const QString& normalizationPath = {});
    // This probe's time limit instead of the default (a large table takes longer to stream
    // than any model or catalog takes to read); before start().
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }
    int timeoutMs() const { return timeoutMs_ > 0 ? timeoutMs_ : defaultTimeoutMs(); }
    void cancel();
    bool isRunning() const;
    QString path() const { return path_; }

    // The message for a file that cannot be opened because of `result` (Crashed, TimedOut,
    // Cancelled); empty for the other statuses.
    static QString failureText(const QString& path, const ProbeResult& result);

signals:
    void finished(const starlocus::ui::ProbeResult& result);

private:
    void report(const ProbeResult& result);
    void childFinished(int exitCode, QProcess::ExitStatus status);

    ProbeKind kind_ = ProbeKind::Model;
    QString path_;
    QString cacheKey_;
    QProcess* process_ = nullptr;
    QTimer* timeout_ = nullptr;
    QElapsedTimer clock_;
    bool reported_ = false;
    bool timedOut_ = false;
    bool cancelled_ = false;
    int timeoutMs_ = 0;
};

} // namespace starlocus::ui
