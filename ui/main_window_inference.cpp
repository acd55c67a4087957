// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, the "Fit a star" tab (issue 16): one star's θ, distance and extinction from
// its photometry (Eq. 19). The view follows the session itself and builds its grid once it
// is shown; the window links it to the science views' selection (catalog rows).
#include "ui/inference/star_fit_view.h"
#include "ui/main_window.h"
#include "ui/science/science_tab.h"
#include "ui/science/star_selection.h"

#include <QTabWidget>

namespace starlocus::ui {

void MainWindow::createStarFit() {
    starFit_ = new StarFitView(session_, views_, density_);
    const int tab = views_->addTab(starFit_, tr("Fit a Star"));
    views_->setTabToolTip(tab,
                          tr("Teff, log g, [Fe/H], distance and extinction of one star from its photometry "
                             "and parallax (Eq. 19)"));
    connect(science_->selection(), &StarSelection::changed, this, [this] {
        const auto data = science_->data();
        if (scienceStale_ || !data)
            return; // the selection belongs to stars of another session
        const std::vector<std::size_t>& catalogIndex = data->products.selection.catalogIndex;
        std::vector<std::size_t> rows;
        for (std::size_t star : science_->selection()->stars())
            if (star < catalogIndex.size())
                rows.push_back(catalogIndex[star]);
        starFit_->setLinkedStars(rows);
    });
}

} // namespace starlocus::ui
