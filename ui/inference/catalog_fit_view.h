// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CatalogFitView: the "Catalog Fit" tab (issue 16, item 4, last sentence). A catalog-wide
// photometric fit — run here ("Fit all stars": core::fitCatalog on the session's catalog in
// the background, with progress and cancel) or read from `starlocus-cli fit-stars`'s file
// ("Open posteriors…", rows matched to the session's catalog by index) — against the
// catalog: photometric Teff, log g, [Fe/H] against the spectroscopic labels and photometric E
// against the catalog's reddening, each with N, bias and robust scatter; the stars coloured
// by a choice; a click chooses the star in the "Fit a Star" tab (linked selection).
//
// The fit uses the "Fit a Star" tab's label grid, priors and density (one grid in memory,
// built once per model, density and θ prior). A result fitted here belongs to the model and
// catalog it was fitted with: it is dropped when either changes. A file's result is kept
// while the catalog has as many stars as the file has rows.
#include "ui/inference/catalog_fit_colouring.h"
#include "ui/inference/catalog_fit_comparison.h"
#include "ui/inference/catalog_fit_result.h"

#include <QFutureWatcher>
#include <QWidget>
#include <array>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace starlocus::ui {

class CatalogFitColourLegend;
class CatalogFitJob;
class CatalogFitPanel;
struct CatalogFitRun;
class Session;
class StarFitView;

class CatalogFitView : public QWidget {
    Q_OBJECT
  public:
    // `gridSource` provides the label grid, the priors and the linked star.
    CatalogFitView(Session* session, StarFitView* gridSource, QWidget* parent = nullptr);

    // "Fit all stars": waits for the shared grid when it is not ready, then fits.
    void fitAllStars();
    void cancelFit();
    // Reads a fit-stars file in the background, first in the probe child (a file that crashes
    // libhdf5 is reported, not fatal); the view says why when it refuses it.
    void openPosteriorFile(const QString& path);
    // Writes the result fitted here (the metadata fit-stars writes); false and the message
    // shown when it cannot.
    bool savePosteriorFile(const QString& path);

    // Waiting for the grid, fitting, or reading a file (a screenshot or test waits for this).
    bool isBusy() const;
    std::shared_ptr<const CatalogFitResult> result() const { return result_; }
    // The sentence about the last event (refusals, errors, dropped results); empty if none.
    QString message() const;
    QString summaryText() const;
    QString sourceText() const;
    bool showsPanels() const;
    CatalogFitPanel* panel(CatalogFitQuantity quantity) const { return panels_[std::size_t(quantity)]; }
    CatalogFitColourLegend* colourLegend() const { return legend_; }
    CatalogFitJob* job() const { return job_; }
    QPushButton* fitButton() const { return fit_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* saveButton() const { return save_; }
    QComboBox* colouringBox() const { return colouring_; }
    QCheckBox* errorBarsBox() const { return errorBars_; }
    QProgressBar* progressBar() const { return progress_; }

  signals:
    // After a result is drawn (or dropped).
    void resultShown();
    // A star was clicked in a panel (its catalog row).
    void starChosen(std::size_t catalogRow);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct FileOutcome {
        QString path;
        std::shared_ptr<core::PosteriorFile> file;
        QString error;
    };

    void onModelChanged();
    void onCatalogChanged();
    // The Fit a Star tab's grid build ended: fit with it, or say why there is none.
    void takeGrid();
    void startFit(std::shared_ptr<const core::LabelGrid> grid);
    void onFitFinished(const CatalogFitRun& run);
    // After the probe child read the file without crashing (or no probe is set up).
    void readPosteriorFileInProcess(const QString& path);
    void onFileRead();
    void chooseFileToOpen();
    void chooseFileToSave();
    void setResult(std::shared_ptr<const CatalogFitResult> result);
    void drawResult();
    void applyColouring();
    void chooseStar(std::size_t row);
    void setMessage(const QString& text);
    void updateControls();
    void updateTexts();
    void retranslate();
    CatalogFitColouring colouring() const;

    Session* session_;
    StarFitView* gridSource_;
    CatalogFitJob* job_;
    bool waitingForGrid_ = false;
    QFutureWatcher<FileOutcome> fileWatcher_;
    bool readingFile_ = false;
    std::shared_ptr<const CatalogFitResult> result_;
    std::shared_ptr<const core::StellarModel> fitModel_; // the running fit's
    bool cancelledBySession_ = false;
    std::optional<std::size_t> chosenRow_;
    QString message_;

    QPushButton* fit_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QPushButton* open_;
    QPushButton* save_;
    QLabel* colouringLabel_;
    QComboBox* colouring_;
    QCheckBox* errorBars_;
    QLabel* source_;
    QLabel* summary_;
    QLabel* messageLabel_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    std::array<CatalogFitPanel*, 4> panels_{};
    CatalogFitColourLegend* legend_;
};

} // namespace starlocus::ui
