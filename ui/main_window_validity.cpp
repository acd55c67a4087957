// SPDX-License-Identifier: GPL-3.0-or-later
// The session's training density (§7), shared by the explorer's validity column and the Fit
// a Star view (ui/views/session_density.h): it follows the session's model and catalog, read
// or computed in the background; what goes wrong is said in the status bar.
#include "ui/main_window.h"

#include "ui/session/session.h"
#include "ui/views/explorer_view.h"
#include "ui/views/session_density.h"

#include <QStatusBar>

namespace starlocus::ui {

void MainWindow::createSessionDensity() {
    density_ = new SessionDensity(session_, this);
    connect(density_, &SessionDensity::ready, this, [this] { explorer_->setDensity(density_->explorerDensity()); });
    connect(density_, &SessionDensity::problem, this, [this](const QString& text) { statusBar()->showMessage(text); });
}

void MainWindow::updateValidity() {
    if (density_->update())
        explorer_->setDensity(nullptr); // never a density of other stars meanwhile
}

} // namespace starlocus::ui
