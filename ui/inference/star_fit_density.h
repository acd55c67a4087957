// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StarFitDensity: the training density the "Fit a star" view's θ prior and low-density
// fraction need (§7), for the session's model and catalog — the same source as the
// explorer's validity column (ui/views/explorer_validity.h: the authors' density file beside
// their model, read after the probe child has read it; else the KDE of the open catalog),
// read or computed off the GUI thread. `ready` follows each update() whose source changed,
// with a null density when there is none.
#include "core/diagnostics/density_grid.h"
#include "ui/views/explorer_validity.h"

#include <QObject>
#include <QString>
#include <memory>

namespace starlocus::ui {

class Session;

class StarFitDensity : public QObject {
    Q_OBJECT
  public:
    explicit StarFitDensity(Session* session, QObject* parent = nullptr);

    // Looks at the session; starts reading or computing when the source has changed.
    void update();
    bool isPending() const { return pending_; }
    std::shared_ptr<const core::DensityGrid> density() const { return density_; }
    // Where the density came from, or why there is none (for the view's notes).
    QString note() const { return note_; }

  signals:
    void ready();

  private:
    void compute(const ValiditySource& source, int generation);
    void finish(int generation, std::shared_ptr<const core::DensityGrid> density, const QString& note);

    Session* session_;
    ValiditySource source_;
    int generation_ = 0;
    bool pending_ = false;
    bool updatedOnce_ = false;
    std::shared_ptr<const core::DensityGrid> density_;
    QString note_;
};

} // namespace starlocus::ui
