// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/star_fit_density.h"

#include "ui/session/file_probe.h"
#include "ui/session/session.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace starlocus::ui {

StarFitDensity::StarFitDensity(Session* session, QObject* parent) : QObject(parent), session_(session) {}

void StarFitDensity::update() {
    const ValiditySource source = validitySourceOf(*session_);
    if (updatedOnce_ && source == source_)
        return; // same file or same stars: the density held is still right
    updatedOnce_ = true;
    source_ = source;
    const int generation = ++generation_;
    density_.reset();
    if (source.none()) {
        finish(generation, nullptr,
               session_->model() ? tr("no catalog, and no density file beside the model") : tr("no model"));
        return;
    }
    pending_ = true;
    if (source.densityFile.isEmpty()) {
        compute(source, generation);
        return;
    }
    // The authors' file is read in process only after the probe child has read it (issue
    // 14); the probe remembers a readable file, so the explorer's probe already paid for it.
    auto* probe = new FileProbe(this);
    connect(probe, &FileProbe::finished, this, [this, probe, source, generation](const ProbeResult& result) {
        probe->deleteLater();
        if (generation != generation_)
            return;
        if (FileProbe::failureText(source.densityFile, result).isEmpty()) {
            compute(source, generation);
            return;
        }
        ValiditySource catalogOnly = source; // the KDE of the open catalog instead
        catalogOnly.densityFile.clear();
        catalogOnly.modelFile.clear();
        compute(catalogOnly, generation);
    });
    probe->start(ProbeKind::DensityGrid, source.densityFile);
}

void StarFitDensity::compute(const ValiditySource& source, int generation) {
    if (source.none()) {
        finish(generation, nullptr, tr("no catalog, and no density file beside the model"));
        return;
    }
    auto* watcher = new QFutureWatcher<ValidityResult>(this);
    connect(watcher, &QFutureWatcher<ValidityResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const ValidityResult result = watcher->result();
        const auto* grid = dynamic_cast<const GridExplorerDensity*>(result.density.get());
        if (!grid) {
            finish(generation, nullptr, result.error.isEmpty() ? tr("none could be made") : result.error);
            return;
        }
        // Shares the provider's grid (it lives as long as this pointer does).
        std::shared_ptr<const core::DensityGrid> density(result.density, &grid->grid());
        const QString from = QString::fromStdString(density->source);
        finish(generation, density,
               tr("Training density: %1")
                   .arg(QFileInfo(from).fileName().isEmpty() ? from : QFileInfo(from).fileName()));
    });
    watcher->setFuture(QtConcurrent::run([source] { return loadValidityDensity(source); }));
}

void StarFitDensity::finish(int generation, std::shared_ptr<const core::DensityGrid> density,
                            const QString& note) {
    if (generation != generation_)
        return; // the session changed meanwhile
    pending_ = false;
    density_ = std::move(density);
    note_ = note;
    emit ready();
}

} // namespace starlocus::ui
