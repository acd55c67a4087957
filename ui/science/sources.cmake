# SPDX-License-Identifier: GPL-3.0-or-later
# Science views of the paper's Figs. 6-12, linked selection, figure export (issue 7).
# Paths relative to ui/.
list(APPEND STARLOCUS_UI_SOURCES
  plot/drawn_data_csv.h plot/drawn_data_csv.cpp
  science/science_data.h science/science_data.cpp
  science/star_selection.h science/star_selection.cpp
  science/science_plot_helpers.h science/science_plot_helpers.cpp
  science/science_view.h science/science_view.cpp
  science/cmd_view.h science/cmd_view.cpp
  science/mean_label_view.h science/mean_label_view.cpp
  science/color_color_view.h science/color_color_view.cpp
  science/extinction_deviation_view.h science/extinction_deviation_view.cpp
  science/reddening_slope_view.h science/reddening_slope_view.cpp
  science/score_view.h science/score_view.cpp
  science/science_views.h science/science_views.cpp
  science/figure_export_dialog.h science/figure_export_dialog.cpp
  science/science_tab.h science/science_tab.cpp
)
