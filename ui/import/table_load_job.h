// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TableLoadJob: the import dialog's table loading, one table after another, off the GUI
// thread. Each table is first streamed through its reader in the probe child (`starlocus
// --probe-file table FILE`, ui/session/file_probe.h): CFITSIO 4.2.0 aborts on a damaged TTYPE
// card (docs/IMPORT.md "Files that crash a library"), and that must cost a child, not the
// session. Only then are its columns and first rows read in process (a QtConcurrent job);
// without a probe (tests, no probe command) the in-process read streams every row itself.
// Cancel stops the child or the read; a cancelled table is reported as such, never loaded.
#include "ui/import/table_preview.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <atomic>
#include <memory>

namespace starlocus::ui {

class FileProbe;
struct ProbeResult;

class TableLoadJob : public QObject {
    Q_OBJECT
public:
    enum class Stage { Probing, Reading };
    Q_ENUM(Stage)

    explicit TableLoadJob(QObject* parent = nullptr);
    // Stops the child and waits for the in-process read's current chunk.
    ~TableLoadJob() override;

    // Queues the tables; they load one at a time, in this order.
    void load(const QStringList& paths);
    // Stops the table being loaded and forgets the queued ones.
    void cancel();
    bool isBusy() const { return !current_.isEmpty(); }
    QString currentPath() const { return current_; }
    int queued() const { return int(queue_.size()); }

signals:
    void started(const QString& path, starlocus::ui::TableLoadJob::Stage stage);
    // Rows read so far; `total` < 0 when not known yet.
    void progressed(const QString& path, qint64 rows, qint64 total);
    void loaded(std::shared_ptr<const starlocus::ui::TablePreview> preview);
    void failed(const QString& path, const QString& message);
    void cancelled(const QString& path);
    // Nothing loading, nothing queued.
    void idle();

private:
    struct Outcome {
        std::shared_ptr<const TablePreview> preview;
        QString error;
        bool cancelled = false;
    };
    static Outcome readInProcess(const QString& path, bool countRows, qint64 knownRows,
                                 std::shared_ptr<std::atomic<bool>> stop, std::shared_ptr<std::atomic<qint64>> rows);

    void startNext();
    void probeFinished(const ProbeResult& result);
    void startRead(bool countRows, qint64 knownRows);
    void readFinished();
    void finishCurrent();

    QStringList queue_;
    QString current_;
    QPointer<FileProbe> probe_;
    QFutureWatcher<Outcome> watcher_;
    QTimer progressTimer_;
    std::shared_ptr<std::atomic<bool>> stop_;
    std::shared_ptr<std::atomic<qint64>> rows_;
    qint64 total_ = -1;
};

} // namespace starlocus::ui
