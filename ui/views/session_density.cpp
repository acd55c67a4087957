// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/session_density.h"

#include "ui/session/file_probe.h"
#include "ui/session/session.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace starlocus::ui {

SessionDensity::SessionDensity(Session* session, QObject* parent) : QObject(parent), session_(session) {}

bool SessionDensity::update() {
    const ValiditySource source = validitySourceOf(*session_);
    if (updatedOnce_ && source == source_)
        return false; // same file or same stars: the density held is still right
    updatedOnce_ = true;
    source_ = source;
    const int generation = ++generation_;
    explorer_.reset();
    density_.reset();
    pending_ = true;
    if (source.densityFile.isEmpty()) {
        compute(source, generation);
        return true;
    }
    // The authors' file is read in process only after the probe child has read it (issue
    // 14); the probe remembers a readable file, so a second look costs nothing.
    auto* probe = new FileProbe(this);
    connect(probe, &FileProbe::finished, this, [this, probe, source, generation](const ProbeResult& result) {
        probe->deleteLater();
        if (generation != generation_)
            return; // the session changed meanwhile
        const QString failure = FileProbe::failureText(source.densityFile, result);
        if (failure.isEmpty()) {
            compute(source, generation);
            return;
        }
        emit problem(tr("No training density from the authors' file: %1").arg(failure));
        ValiditySource catalogOnly = source; // the KDE of the open catalog instead
        catalogOnly.densityFile.clear();
        catalogOnly.modelFile.clear();
        compute(catalogOnly, generation);
    });
    probe->start(ProbeKind::DensityGrid, source.densityFile);
    return true;
}

void SessionDensity::compute(const ValiditySource& source, int generation) {
    if (source.none()) {
        ValidityResult none;
        none.error = session_->model() ? tr("no catalog, and no density file beside the model") : tr("no model");
        finish(generation, none);
        return;
    }
    auto* watcher = new QFutureWatcher<ValidityResult>(this);
    connect(watcher, &QFutureWatcher<ValidityResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finish(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([source] { return loadValidityDensity(source); }));
}

void SessionDensity::finish(int generation, const ValidityResult& result) {
    if (generation != generation_)
        return; // the session changed meanwhile
    pending_ = false;
    explorer_ = result.density;
    density_.reset();
    if (const auto* grid = dynamic_cast<const GridExplorerDensity*>(result.density.get())) {
        // Shares the provider's grid (it lives as long as this pointer does).
        density_ = std::shared_ptr<const core::DensityGrid>(result.density, &grid->grid());
        const QString from = QString::fromStdString(density_->source);
        note_ = tr("Training density: %1").arg(QFileInfo(from).fileName().isEmpty() ? from : QFileInfo(from).fileName());
    } else {
        note_ = result.error.isEmpty() ? tr("none could be made") : result.error;
        if (!result.error.isEmpty() && !source_.none())
            emit problem(tr("No training density: %1").arg(result.error));
    }
    emit ready();
}

} // namespace starlocus::ui
