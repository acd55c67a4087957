// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SessionDensity: the training density (§7) of the session's model and catalog, read or
// computed off the GUI thread once, for every view that needs it — the explorer's validity
// column and the Fit a Star view's θ prior and low-density fraction. Its source is
// validitySourceOf(session) (ui/views/explorer_validity.h): the authors' density file beside
// their model, read in process only after the probe child has read it (issue 14); else, or
// when the probe fails, the KDE of the open catalog. `ready` follows each update() whose
// source changed, with a null density when there is none.
#include "core/diagnostics/density_grid.h"
#include "ui/views/explorer_validity.h"

#include <QObject>
#include <QString>
#include <memory>

namespace starlocus::ui {

class Session;

class SessionDensity : public QObject {
    Q_OBJECT
  public:
    explicit SessionDensity(Session* session, QObject* parent = nullptr);

    // Looks at the session; starts reading or computing when the source has changed (the
    // density held is then dropped at once: never a density of other stars meanwhile).
    // Returns whether it started.
    bool update();
    bool isPending() const { return pending_; }
    // What the explorer draws; null while pending or when there is none.
    std::shared_ptr<const ExplorerDensity> explorerDensity() const { return explorer_; }
    // The same density as a grid (the fit's prior); null while pending or when there is none.
    std::shared_ptr<const core::DensityGrid> density() const { return density_; }
    // Where the density came from, or why there is none (for the views' notes).
    QString note() const { return note_; }

  signals:
    void ready();
    // Something the user should hear of (the authors' file could not be read, no density
    // could be made), for the status bar.
    void problem(const QString& text);

  private:
    void compute(const ValiditySource& source, int generation);
    void finish(int generation, const ValidityResult& result);

    Session* session_;
    ValiditySource source_;
    int generation_ = 0;
    bool pending_ = false;
    bool updatedOnce_ = false;
    std::shared_ptr<const ExplorerDensity> explorer_;
    std::shared_ptr<const core::DensityGrid> density_;
    QString note_;
};

} // namespace starlocus::ui
