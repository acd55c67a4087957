// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The posterior file's rows as CSV (`fit-stars --csv`), for tools that read tables but not
// HDF5: one header line, then one line per input star in the catalog's order, with the
// columns of posterior_file.h under the same names (residual_at_map as residual_G …
// residual_W2) and status_name beside the status code. A value the star does not have
// (NaN) is an empty field.
#include "core/inference/star_posterior.h"

#include <string>
#include <vector>

namespace starlocus::core {

// Saved durably through a temporary file and a rename (save_temporary.h); InputError naming
// `path` when it cannot be written.
void writePosteriorCsv(const std::string& path, const std::vector<StarPosterior>& posteriors);

} // namespace starlocus::core
