// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the explorer's validity column gets its density (§7; METHOD.md §6): the authors'
// green2020_input_density.h5 when the open model is a Keras file with that file beside it,
// otherwise the KDE of the open catalog's stars (what a model trained here learned from).
// Both are a core::DensityGrid: a look-up per band is instant, so the column follows the
// sliders. Reading or computing the grid takes up to seconds: done off the GUI thread.
#include "core/catalog/catalog.h"
#include "core/diagnostics/density_grid.h"
#include "ui/views/explorer_density.h"

#include <QString>
#include <memory>

namespace starlocus::ui {

class Session;

class GridExplorerDensity final : public ExplorerDensity {
public:
    explicit GridExplorerDensity(core::DensityGrid grid) : grid_(std::move(grid)) {}
    double density(std::size_t band, const Eigen::Vector3d& theta) const override { return grid_.at(band, theta); }
    const core::DensityGrid& grid() const { return grid_; }

private:
    core::DensityGrid grid_;
};

struct ValiditySource {
    QString modelFile;                             // set when the grid file lies beside it
    QString densityFile;                           // the authors' grid, used if the model is Keras
    std::shared_ptr<const core::Catalog> catalog;  // else: the KDE of these stars
    bool none() const { return densityFile.isEmpty() && !catalog; }
    bool operator==(const ValiditySource&) const = default;
};

// The name of the authors' density file, looked for beside their model.
inline constexpr const char* kAuthorsDensityFileName = "green2020_input_density.h5";

// What the session's model and catalog call for (none without a model). Only looks at file
// names: whether the model is the authors' (Keras) is read with the density, off the GUI thread.
ValiditySource validitySourceOf(const Session& session);

struct ValidityResult {
    std::shared_ptr<const ExplorerDensity> density; // null on failure
    QString error;                                  // why, naming the file
};
// Reads or computes the density (any thread).
ValidityResult loadValidityDensity(const ValiditySource& source);

} // namespace starlocus::ui
