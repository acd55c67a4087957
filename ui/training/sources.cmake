# SPDX-License-Identifier: GPL-3.0-or-later
# Training monitor, controller and settings (issue 6). Paths relative to ui/.
list(APPEND STARLOCUS_UI_SOURCES
  main_window_training.cpp
  training/training_job.h
  training/training_worker.h training/training_worker.cpp
  training/worker_signals.h training/worker_signals.cpp
  training/training_controller.h training/training_controller.cpp
  training/training_history.h training/training_history.cpp
  training/chart_style.h training/chart_style.cpp
  training/loss_chart_view.h training/loss_chart_view.cpp
  training/iteration_chart_view.h training/iteration_chart_view.cpp
  training/training_monitor_view.h training/training_monitor_view.cpp
  training/cmd_points.h training/cmd_points.cpp
  training/live_cmd_view.h training/live_cmd_view.cpp
  training/training_view.h training/training_view.cpp
  dialogs/training_settings_dialog.h dialogs/training_settings_dialog.cpp
  session/synthetic_sky_job.h session/synthetic_sky_job.cpp
  # Issue 14: files are read first in a child process (a libhdf5 crash must not end a run).
  session/file_probe.h session/file_probe.cpp
  session/model_file_read.h session/model_file_read.cpp
)
