// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The photometric fit's results (Eq. 19, issue 16) on disk: one row per input star, in the
// catalog's order, as written by `starlocus-cli fit-stars`.
//
// Layout (HDF5): one dataset per field, each of length N (the star count) — plain columns,
// so h5py / pandas / TOPCAT read them without knowing a compound type:
//   status (uint8, posterior_status_codes says what each code means), flags (uint32,
//   posterior_flag_bits), teff_median/teff_p16/teff_p84, and the same for logg, feh, mu,
//   distance_pc and E (float64), map_teff, map_logg, map_feh, map_mu, map_E (float64),
//   chi2 (float64), dof (int32), bands_used (uint8), parallax_used (uint8, 0/1),
//   low_density_fraction (float64), residual_at_map (N × 13, float64, bands in the order of
//   the `bands` attribute), nodes_evaluated (uint32).
// A star without a posterior has NaN in every float column; its status says why.
// Every dataset carries the checksum attribute of core/io/array_checksum.h.
// Attributes of the root: format="starlocus-posteriors", format_version=1, bands,
//   posterior_status_codes ("0=fitted, 1=missing_G, …"), posterior_flag_bits
//   ("1=poor_fit, 2=…"), theta_prior, distance_prior, reddening_prior (names as on the
//   command line), low_density_threshold, poor_fit_p_value, outside_training_fraction,
//   grid_teff, grid_logg, grid_feh ([min, step, count] each), grid_coarse_stride (3),
//   model, catalog, density_source (file names, "" when none), starlocus_version.
#include "core/inference/label_grid.h"
#include "core/inference/star_posterior.h"

#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

// What produced the rows: enough to re-run the fit and to read the file without StarLocus.
struct PosteriorFileMetadata {
    LabelGridSettings grid;
    PosteriorSettings settings;
    std::string modelFile;
    std::string catalogFile;
    std::string densitySource; // the density grid's file, "catalog KDE of FILE", or ""
    std::string starlocusVersion;
};

struct PosteriorFile {
    PosteriorFileMetadata metadata;
    std::vector<StarPosterior> posteriors;
    // E.g. a file without checksums: damage to its arrays cannot be detected.
    std::vector<std::string> notes;
};


// Saved atomically (atomic_file_write.h); InputError naming `path` when it cannot be written.
void writePosteriorFile(const std::string& path, const std::vector<StarPosterior>& posteriors,
                        const PosteriorFileMetadata& metadata);

// InputError(path, field, reason) for a file that is not ours, a newer format, columns of
// different lengths, a checksum mismatch, a status or flag this StarLocus does not know, or
// settings it cannot parse. nodesEvaluated and the per-star values read back exactly.
PosteriorFile readPosteriorFile(const std::string& path);

} // namespace starlocus::core
