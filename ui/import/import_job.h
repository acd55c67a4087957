// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ImportJob: the import dialog's Import — core::import::importTables over the loaded tables,
// then writeImportedCatalog (the catalog and its report JSON, each written atomically), off
// the GUI thread, with progress and Cancel. Cancel stops the import at its next chunk
// (ImportCancelled) and nothing is written; once the catalog is being written it is finished
// (a write leaves either the whole file or none).
#include "core/import/table_import.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>
#include <vector>

namespace starlocus::ui {

struct ImportOutcome {
    QString catalogPath, reportPath;
    std::size_t rowsIn = 0, starsOut = 0;
    bool cancelled = false;
    QString error; // an InputError's text (file, field, reason), or what else went wrong
    bool ok() const { return !cancelled && error.isEmpty(); }
};

class ImportJob : public QObject {
    Q_OBJECT
public:
    explicit ImportJob(QObject* parent = nullptr);
    // Cancels a running import and waits for its current chunk (or the write).
    ~ImportJob() override;

    // The report beside the catalog: lamost_catalog.h5 → lamost_catalog_report.json.
    static QString reportPathFor(const QString& catalogPath);

    // False (nothing started) while an import runs. `totalRows` (≤ 0: unknown) scales the progress.
    bool start(std::vector<core::import::ImportSource> sources, const core::import::RuleSettings& settings,
               const QString& catalogPath, qint64 totalRows);
    void cancel();
    bool isRunning() const { return running_; }

signals:
    // `total` ≤ 0 when not known; `writing` once every row is read and the catalog is being written.
    void progressed(qint64 rows, qint64 total, bool writing);
    void finished(const starlocus::ui::ImportOutcome& outcome);

private:
    struct Shared {
        std::atomic<bool> stop{false};
        std::atomic<qint64> rows{0};
        std::atomic<bool> writing{false};
    };
    static ImportOutcome run(std::vector<core::import::ImportSource> sources, core::import::RuleSettings settings,
                             QString catalogPath, std::shared_ptr<Shared> shared);
    void onFinished();

    QFutureWatcher<ImportOutcome> watcher_;
    QTimer progressTimer_;
    std::shared_ptr<Shared> shared_;
    qint64 total_ = 0;
    bool running_ = false;
};

} // namespace starlocus::ui
