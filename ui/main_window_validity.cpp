// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer's validity column (§7): its density follows the session's model and
// catalog, read or computed in the background (ui/views/explorer_validity). The authors'
// density file is read first by the probe child (ui/session/file_probe.h): one that crashes
// libhdf5 leaves the KDE of the catalog and a message in the status bar.
#include "ui/main_window.h"

#include "ui/session/file_probe.h"
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
    if (source.densityFile.isEmpty()) {
        computeValidity(source, generation);
        return;
    }
    auto* probe = new FileProbe(this);
    connect(probe, &FileProbe::finished, this, [this, probe, source, generation](const ProbeResult& result) {
        probe->deleteLater();
        if (generation != validityGeneration_)
            return; // the session changed meanwhile
        const QString failure = FileProbe::failureText(source.densityFile, result);
        if (failure.isEmpty()) {
            computeValidity(source, generation);
            return;
        }
        statusBar()->showMessage(tr("No training density from the authors' file: %1").arg(failure));
        ValiditySource catalogOnly = source; // the KDE of the open catalog instead
        catalogOnly.densityFile.clear();
        catalogOnly.modelFile.clear();
        computeValidity(catalogOnly, generation);
    });
    probe->start(ProbeKind::DensityGrid, source.densityFile);
}

void MainWindow::computeValidity(const ValiditySource& source, int generation) {
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
