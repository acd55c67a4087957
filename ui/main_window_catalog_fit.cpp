// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, the "Catalog Fit" tab (issue 16, item 4): a catalog-wide photometric fit,
// run here or read from `starlocus-cli fit-stars`, against the catalog's labels and
// reddening. It fits with the "Fit a Star" tab's grid and priors, and a star clicked in it
// becomes that tab's linked star.
#include "ui/inference/catalog_fit_view.h"
#include "ui/main_window.h"

#include <QTabWidget>

namespace starlocus::ui {

void MainWindow::createCatalogFit() {
    catalogFit_ = new CatalogFitView(session_, starFit_, views_);
    const int tab = views_->addTab(catalogFit_, tr("Catalog Fit"));
    views_->setTabToolTip(tab, tr("Every star of the catalog fitted from photometry and parallax, against its "
                                  "spectroscopic labels and reddening"));
}

} // namespace starlocus::ui
