// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer's validity column (§7): its density follows the session's model and
// catalog, read or computed in the background (ui/views/explorer_validity).
#include "ui/main_window.h"

#include "ui/session/session.h"
#include "ui/views/explorer_validity.h"
#include "ui/views/explorer_view.h"

#include <QFutureWatcher>
#include <QStatusBar>
#include <QtConcurrent>

namespace starlocus::ui {

void MainWindow::updateValidity() {
    const ValiditySource source = validitySourceOf(*session_);
    if (source == validitySource_)
        return; // same file or same stars: the density shown is still right
    validitySource_ = source;
    const int generation = ++validityGeneration_;
    explorer_->setDensity(nullptr); // never a density of other stars meanwhile
    if (source.none())
        return;
    auto* watcher = new QFutureWatcher<ValidityResult>(this);
    connect(watcher, &QFutureWatcher<ValidityResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != validityGeneration_)
            return; // the session changed meanwhile
        const ValidityResult result = watcher->result();
        if (result.density)
            explorer_->setDensity(result.density);
        else if (!result.error.isEmpty())
            statusBar()->showMessage(tr("No validity column in the explorer: %1").arg(result.error));
    });
    watcher->setFuture(QtConcurrent::run([source] { return loadValidityDensity(source); }));
}

} // namespace starlocus::ui
