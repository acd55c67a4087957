// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CatalogFitJob: the "Catalog Fit" tab's background work — core::fitCatalog over every
// star of the session's catalog, off the GUI thread, with progress and cancel: fitCatalog
// reports every kProgressStars stars, so both answer within a second. A cancelled run hands
// back nothing.
#include "core/catalog/catalog.h"
#include "core/inference/label_grid.h"
#include "core/inference/star_posterior.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>
#include <vector>

namespace starlocus::ui {

// What a finished run fitted, with what: the view checks it still belongs to the session.
struct CatalogFitRun {
    std::shared_ptr<const core::LabelGrid> grid;
    core::PosteriorSettings settings;
    std::shared_ptr<const core::Catalog> catalog;
    // Null: cancelled or failed. Not const: the view takes the vector over (no copy of
    // ~400 bytes a star).
    std::shared_ptr<std::vector<core::StarPosterior>> posteriors;
    bool cancelled = false;
    QString error;
    double seconds = 0.0;
};

class CatalogFitJob : public QObject {
    Q_OBJECT
  public:
    // Stars between progress reports: progress and Cancel are looked at this often (~0.5 s).
    static constexpr std::size_t kProgressStars = 1024;

    explicit CatalogFitJob(QObject* parent = nullptr);
    // Cancels a running fit and waits for its current block of stars.
    ~CatalogFitJob() override;

    // Starts fitting; false (nothing started) while a fit runs.
    bool start(std::shared_ptr<const core::LabelGrid> grid, const core::PosteriorSettings& settings,
               std::shared_ptr<const core::Catalog> catalog);
    // The running fit stops after its current block (its progress callback returns false)
    // and ends with `finished` carrying no posteriors.
    void cancel();
    // Until the result has been handed over on the GUI thread.
    bool isRunning() const { return running_; }
    std::size_t done() const { return done_ ? done_->load() : 0; }
    std::size_t total() const { return total_; }

  signals:
    void progressed(std::size_t done, std::size_t total);
    void finished(const starlocus::ui::CatalogFitRun& run);

  private:
    void onFinished();

    QFutureWatcher<CatalogFitRun> watcher_;
    QTimer progressTimer_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<std::atomic<std::size_t>> done_;
    std::size_t total_ = 0;
    bool running_ = false;
};

} // namespace starlocus::ui
