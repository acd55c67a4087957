// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/file_probe.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QTimer>
#include <QtGlobal>

namespace starlocus::ui {
namespace {

// Process-wide: one GUI, one probe program. Touched from the GUI thread only.
ProbeCommand& defaultCommandStore() {
    static ProbeCommand command;
    return command;
}
int& timeoutStore() {
    static int ms = 60000; // the published catalog takes well under a second; 60 s is a hang
    return ms;
}
// Readable files, with the rows a table probe read (-1 for the other kinds).
QHash<QString, qint64>& readableFiles() {
    static QHash<QString, qint64> files;
    return files;
}

// What identifies "the same file" for the cache: its content may change under the same name.
QString cacheKeyOf(ProbeKind kind, const QString& path, const QString& normalizationPath) {
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return QStringLiteral("%1\n%2\n%3\n%4\n%5")
        .arg(probeKindName(kind), info.canonicalFilePath())
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch())
        .arg(normalizationPath);
}

QString lastNonEmptyLine(const QByteArray& text) {
    const QStringList lines = QString::fromLocal8Bit(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto line = lines.crbegin(); line != lines.crend(); ++line)
        if (!line->trimmed().isEmpty())
            return line->trimmed();
    return {};
}

} // namespace

QString probeKindName(ProbeKind kind) {
    switch (kind) {
    case ProbeKind::Model:
        return QStringLiteral("model");
    case ProbeKind::Catalog:
        return QStringLiteral("catalog");
    case ProbeKind::DensityGrid:
        return QStringLiteral("density");
    case ProbeKind::Checkpoint:
        return QStringLiteral("checkpoint");
    case ProbeKind::Posteriors:
        return QStringLiteral("posteriors");
    case ProbeKind::AnyFile:
        return QStringLiteral("file");
    case ProbeKind::Table:
        return QStringLiteral("table");
    }
    return {};
}

std::optional<ProbeKind> probeKindFromName(const QString& name) {
    for (ProbeKind kind : {ProbeKind::Model, ProbeKind::Catalog, ProbeKind::DensityGrid, ProbeKind::Checkpoint,
                           ProbeKind::Posteriors, ProbeKind::AnyFile, ProbeKind::Table})
        if (probeKindName(kind) == name)
            return kind;
    return std::nullopt;
}

void FileProbe::setDefaultCommand(const ProbeCommand& command) { defaultCommandStore() = command; }
ProbeCommand FileProbe::defaultCommand() { return defaultCommandStore(); }
void FileProbe::setDefaultTimeoutMs(int ms) { timeoutStore() = ms; }
int FileProbe::defaultTimeoutMs() { return timeoutStore(); }
void FileProbe::clearCache() { readableFiles().clear(); }

FileProbe::FileProbe(QObject* parent) : QObject(parent) {}

FileProbe::~FileProbe() {
    if (process_) {
        process_->disconnect(this);
        process_->kill();
        process_->waitForFinished(2000); // reap it: no zombie left behind
    }
}

bool FileProbe::isRunning() const { return process_ && process_->state() != QProcess::NotRunning; }

void FileProbe::start(ProbeKind kind, const QString& path, const QString& normalizationPath) {
    kind_ = kind;
    path_ = path;
    const ProbeCommand command = defaultCommand();
    const auto answerLater = [this](ProbeResult result) {
        QMetaObject::invokeMethod(this, [this, result] { report(result); }, Qt::QueuedConnection);
    };
    if (command.isEmpty()) {
        answerLater({});
        return;
    }
    cacheKey_ = cacheKeyOf(kind, path, normalizationPath);
    if (!cacheKey_.isEmpty() && readableFiles().contains(cacheKey_)) {
        ProbeResult result;
        result.status = ProbeResult::Status::Readable;
        result.cached = true;
        result.rows = readableFiles().value(cacheKey_, -1);
        answerLater(result);
        return;
    }
    process_ = new QProcess(this);
    QStringList arguments = command.arguments;
    arguments << QStringLiteral("--probe-file") << probeKindName(kind) << path;
    if (!normalizationPath.isEmpty())
        arguments << normalizationPath;
    connect(process_, &QProcess::finished, this, &FileProbe::childFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // the others end in `finished`
        qWarning("starlocus: the file probe %s could not be started; reading %s in process",
                 qPrintable(process_->program()), qPrintable(path_));
        report({});
    });
    timeout_ = new QTimer(this);
    timeout_->setSingleShot(true);
    connect(timeout_, &QTimer::timeout, this, [this] {
        timedOut_ = true;
        process_->kill();
    });
    clock_.start();
    timeout_->start(timeoutMs());
    process_->start(command.program, arguments, QIODevice::ReadOnly);
}

void FileProbe::cancel() {
    if (!isRunning())
        return;
    cancelled_ = true;
    process_->kill();
}

void FileProbe::childFinished(int exitCode, QProcess::ExitStatus status) {
    if (timeout_)
        timeout_->stop();
    ProbeResult result;
    result.elapsedMs = clock_.elapsed();
    if (cancelled_) {
        result.status = ProbeResult::Status::Cancelled;
    } else if (timedOut_) {
        result.status = ProbeResult::Status::TimedOut;
    } else if (status == QProcess::CrashExit) {
        result.status = ProbeResult::Status::Crashed;
        result.signal = exitCode; // QProcess gives the signal's number as the exit code of a crash
    } else if (exitCode == 0) {
        result.status = ProbeResult::Status::Readable;
    } else {
        result.status = ProbeResult::Status::Unreadable;
        result.message = lastNonEmptyLine(process_->readAllStandardError());
    }
    if (!timedOut_ && !cancelled_) { // a crashed child may have said what it read the file as
        const QStringList lines =
            QString::fromUtf8(process_->readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            if (line.startsWith(QLatin1String("field=")))
                result.field = line.mid(6).trimmed();
            else if (line.startsWith(QLatin1String("read-as=")))
                result.readAs = line.mid(8).trimmed();
            else if (line.startsWith(QLatin1String("rows=")))
                result.rows = line.mid(5).trimmed().toLongLong();
        }
    }
    if (result.status == ProbeResult::Status::Readable && !cacheKey_.isEmpty())
        readableFiles().insert(cacheKey_, result.rows);
    if (result.status == ProbeResult::Status::Unreadable) {
        if (result.message.isEmpty())
            result.message = tr("%1 could not be read (the file probe exited with code %2).").arg(path_).arg(exitCode);
    }
    report(result);
}

void FileProbe::report(const ProbeResult& result) {
    if (reported_)
        return;
    reported_ = true;
    ProbeResult told = result;
    told.kind = kind_;
    told.timeLimitMs = timeoutMs();
    emit finished(told);
}

QString FileProbe::failureText(const QString& path, const ProbeResult& result) {
    switch (result.status) {
    case ProbeResult::Status::Crashed:
        if (result.kind == ProbeKind::Table) // CFITSIO 4.2.0 aborts on a damaged TTYPE card (docs/IMPORT.md)
            return tr("%1 could not be read: the table library (CFITSIO for FITS, expat for VOTable) crashed while "
                      "reading it (signal %2); the file is probably damaged.")
                .arg(path)
                .arg(result.signal);
        return tr("%1 could not be read: the HDF5 library crashed while reading it (signal %2); the file is "
                  "probably corrupt.")
            .arg(path)
            .arg(result.signal);
    case ProbeResult::Status::TimedOut:
        return tr("%1 could not be read: reading it took longer than %2 s and was stopped; the file is probably "
                  "corrupt.")
            .arg(path)
            .arg((result.timeLimitMs > 0 ? result.timeLimitMs : defaultTimeoutMs()) / 1000.0);
    case ProbeResult::Status::Cancelled:
        return tr("Opening %1 was cancelled.").arg(path);
    default:
        return {};
    }
}

} // namespace starlocus::ui
