# SPDX-License-Identifier: GPL-3.0-or-later
# The "Fit a star" view: a star's θ, distance and extinction from photometry (issue 16,
# Eq. 19). Paths relative to ui/.
list(APPEND STARLOCUS_UI_SOURCES
  main_window_inference.cpp
  inference/star_fit_result.h
  inference/star_fit_job.h inference/star_fit_job.cpp
  inference/posterior_quantity.h inference/posterior_quantity.cpp
  inference/marginal_plot.h inference/marginal_plot.cpp
  inference/marginal_map_plot.h inference/marginal_map_plot.cpp
  inference/corner_plot.h inference/corner_plot.cpp
  inference/band_residual_plot.h inference/band_residual_plot.cpp
  inference/star_fit_cmd_plot.h inference/star_fit_cmd_plot.cpp
  inference/star_fit_summary.h inference/star_fit_summary.cpp
  inference/star_fit_input_panel.h inference/star_fit_input_panel.cpp
  inference/star_fit_view.h inference/star_fit_view.cpp
  # The "Catalog Fit" tab: a catalog-wide fit against the catalog's labels and reddening.
  main_window_catalog_fit.cpp
  inference/catalog_fit_comparison.h inference/catalog_fit_comparison.cpp
  inference/catalog_fit_colouring.h inference/catalog_fit_colouring.cpp
  inference/catalog_fit_result.h
  inference/catalog_fit_job.h inference/catalog_fit_job.cpp
  inference/catalog_fit_panel.h inference/catalog_fit_panel.cpp
  inference/catalog_fit_colour_legend.h inference/catalog_fit_colour_legend.cpp
  inference/catalog_fit_view.h inference/catalog_fit_view.cpp
)
