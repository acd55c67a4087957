// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A catalog-wide photometric fit as the "Catalog Fit" tab holds it: run here in the
// background, or read from a file of `starlocus-cli fit-stars`. Row i is catalog star i.
#include "core/catalog/catalog.h"
#include "core/io/posterior_file.h"
#include "core/model/stellar_model.h"

#include <QString>
#include <memory>
#include <string>
#include <vector>

namespace starlocus::ui {

struct CatalogFitResult {
    enum class Origin { GuiRun, File };
    Origin origin = Origin::GuiRun;
    QString filePath; // Origin::File: the file it was read from
    core::PosteriorFileMetadata metadata;
    std::vector<core::StarPosterior> posteriors;
    std::shared_ptr<const core::StellarModel> model; // Origin::GuiRun: the model it was fitted with
    std::shared_ptr<const core::LabelGrid> grid;     // Origin::GuiRun: the grid (the Fit a Star tab's)
    std::shared_ptr<const core::Catalog> catalog;    // the session's catalog its rows are matched to
    double seconds = 0.0;                            // Origin::GuiRun: the fit's wall time
    std::vector<std::string> notes;                  // the file's (e.g. no checksums)
};

} // namespace starlocus::ui
