// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StarFitInputPanel: what the "Fit a star" view fits — a star of the session's catalog (by
// row, or the first star of the science views' linked selection) or photometry typed by
// hand (13 magnitudes with σ, a parallax ± σ, and for the priors that need them Ê ± σ_E
// and Galactic l, b) — and the priors: θ (valid region, training
// density, box), distance (flat in μ, Galactic) and E (flat ≥ 0, catalog Ê ± σ_E). The fit
// sees only photometry, parallax, Ê/σ_E and l, b; a catalog star's spectroscopic labels
// travel beside it as the reference the plots mark.
#include "core/catalog/catalog.h"
#include "ui/inference/star_fit_result.h"

#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace starlocus::ui {

class StarFitInputPanel : public QWidget {
    Q_OBJECT
  public:
    enum class Source { CatalogStar, TypedPhotometry };

    explicit StarFitInputPanel(QWidget* parent = nullptr);

    void setCatalog(std::shared_ptr<const core::Catalog> catalog);
    Source source() const;
    void setSource(Source source);
    // Row of the catalog (clamped); in catalog mode the star is fitted at once.
    void setCatalogStar(std::size_t row);
    std::size_t catalogStar() const;
    // The science views' selection (catalog rows): followed while "follow" is ticked.
    void setLinkedStars(const std::vector<std::size_t>& rows);
    // Typed photometry (NaN = empty cell); fills the table and the parallax fields.
    void setTypedStar(const core::PhotometricStar& star);
    core::PhotometricStar typedStar() const;

    core::LabelPrior labelPrior() const;
    void setLabelPrior(core::LabelPrior prior);
    core::PosteriorSettings posteriorSettings() const;

    // What to fit now; nullopt when there is nothing (no catalog in catalog mode).
    std::optional<StarFitRequest> request() const;

    QSpinBox* starSpinBox() const { return star_; }
    QTableWidget* photometryTable() const { return table_; }
    QPushButton* fitButton() const { return fit_; }

  signals:
    // The star or a per-star prior changed: fit again.
    void requestChanged();
    // The θ prior changed: the grid must be rebuilt.
    void labelPriorChanged();
    // Catalog star ↔ typed photometry (the typed page needs more height).
    void sourceChanged();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void updateCatalogText();
    void copyCatalogStar();

    std::shared_ptr<const core::Catalog> catalog_;
    std::vector<std::size_t> linked_;
    QRadioButton* catalogSource_;
    QRadioButton* typedSource_;
    QStackedWidget* pages_;
    QLabel* rowLabel_;
    QSpinBox* star_;
    QCheckBox* follow_;
    QLabel* catalogText_;
    QTableWidget* table_;
    QLabel* parallaxLabel_;
    QLineEdit* parallax_;
    QLineEdit* parallaxErr_;
    QLabel* reddeningPriorLabel_;
    QLineEdit* priorE_;
    QLineEdit* priorSigmaE_;
    QLabel* skyLabel_;
    QLineEdit* galacticL_;
    QLineEdit* galacticB_;
    QPushButton* copy_;
    QPushButton* fit_;
    QGroupBox* priors_;
    QLabel* thetaLabel_;
    QLabel* distanceLabel_;
    QLabel* reddeningLabel_;
    QComboBox* thetaPrior_;
    QComboBox* distancePrior_;
    QComboBox* reddeningPrior_;
    QGroupBox* starBox_;
};

// A catalog star's reference values: spectroscopic labels, Ê, and μ of its parallax when
// that is measured to better than 20 % (NaN otherwise).
StarReference catalogReference(const core::Catalog& catalog, std::size_t row);

} // namespace starlocus::ui
