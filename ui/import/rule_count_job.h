// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RuleCountJob: the import dialog's live counts. Every change of mapping or settings asks for a
// recount; requests are gathered for a short quiet time (300 ms: a spin box's arrow held down
// asks once), a running count is cancelled, and only the latest request's counts are shown.
// The count itself (countRules) runs off the GUI thread.
#include "core/import/table_import.h"
#include "ui/import/rule_counts.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace starlocus::ui {

class RuleCountJob : public QObject {
    Q_OBJECT
public:
    static constexpr int kQuietMs = 300;

    explicit RuleCountJob(QObject* parent = nullptr);
    // Cancels a running count and waits for its current chunk.
    ~RuleCountJob() override;

    void request(std::vector<core::import::ImportSource> sources, const core::import::RuleSettings& settings);
    // Forgets a waiting request and stops a running count (nothing is reported for either).
    void cancel();
    // A request waiting for its quiet time, or a count running.
    bool isBusy() const { return debounce_.isActive() || running_ || pending_.has_value(); }

signals:
    void started();
    void progressed(qint64 rowsRead);
    void finished(std::shared_ptr<const starlocus::ui::RuleCounts> counts);
    void failed(const QString& message);

private:
    struct Request {
        std::vector<core::import::ImportSource> sources;
        core::import::RuleSettings settings;
    };
    struct Outcome {
        std::shared_ptr<const RuleCounts> counts;
        QString error;
        bool cancelled = false;
    };
    static Outcome run(Request request, std::shared_ptr<std::atomic<bool>> stop,
                       std::shared_ptr<std::atomic<qint64>> rows);
    void startPending();
    void onFinished();

    std::optional<Request> pending_;
    bool running_ = false;
    QTimer debounce_, progressTimer_;
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<std::atomic<bool>> stop_;
    std::shared_ptr<std::atomic<qint64>> rows_;
};

} // namespace starlocus::ui
