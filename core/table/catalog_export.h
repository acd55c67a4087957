// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A catalog written as a survey table (issue 15, `starlocus-cli export`): one row per star with
// the Green2020 fields under names, units and UCDs any table tool understands, at full
// precision, so that importing the table with the `starlocus` preset gives the catalog back
// field for field. The columns, in order:
//   star_index (0-based), teff [K], logg [dex], feh [dex],
//   cov_teff_teff [K2], cov_teff_logg [K dex], cov_teff_feh [K dex], cov_logg_logg [dex2],
//   cov_logg_feh [dex2], cov_feh_feh [dex2], and when some star's matrix is not symmetric as
//   stored (the published catalog, in its last float digits): cov_logg_teff, cov_feh_teff
//   [K dex], cov_feh_logg [dex2], its lower triangle,
//   per band of band_registry.h, in its order: mag_<band>, mag_err_<band> [mag], with <band>
//   the survey and the band's short name in lower case (exportBandName): gaia_g, gaia_bp,
//   gaia_rp, ps1_g, ps1_r, ps1_i, ps1_z, ps1_y, 2mass_j, 2mass_h, 2mass_ks, unwise_w1, unwise_w2,
//   parallax, parallax_error [mas], ebv_prior, ebv_prior_err [mag] (the reddening prior r, r_err),
//   atm_source, r_source (text),
//   and when the catalog has them: l, b [deg]; r_fit [mag], r_var [mag2].
// A NaN magnitude or magnitude error (an unobserved band: in the published catalog both are NaN
// together) is written as a null; every other NaN of the catalog (a label, a parallax, …) is
// written as NaN, a value, so that an import gives back exactly what the catalog held.
#include "core/catalog/catalog.h"
#include "core/table/table_writer.h"

#include <string>
#include <vector>

namespace starlocus::core::table {

// "gaia_g", "ps1_r", "2mass_ks", "unwise_w1": the survey and the band's short name, lower case.
std::string exportBandName(std::size_t band);

std::vector<ColumnInfo> catalogExportColumns(const Catalog& catalog);

// Writes every star of `catalog` to `path` (atomically: table_writer.h); returns the columns
// written. InputError naming `path` when it cannot be written.
std::vector<ColumnInfo> exportCatalog(const Catalog& catalog, const std::string& path, TableFormat format,
                                      const TableWriteOptions& options = {});

} // namespace starlocus::core::table
