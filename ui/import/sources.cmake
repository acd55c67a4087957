# SPDX-License-Identifier: GPL-3.0-or-later
# File ▸ Import Table…: survey tables → mapping → the §3 rules → a catalog (issue 15, item 6).
# Paths relative to ui/.
list(APPEND STARLOCUS_UI_SOURCES
  import/table_file_types.h import/table_file_types.cpp
  import/table_drop_filter.h import/table_drop_filter.cpp
  import/table_preview.h import/table_preview.cpp
  import/table_load_job.h import/table_load_job.cpp
  import/table_preview_model.h import/table_preview_model.cpp
  import/table_list_panel.h import/table_list_panel.cpp
  import/field_status.h import/field_status.cpp
  import/field_mapping_model.h import/field_mapping_model.cpp
  import/source_delegate.h import/source_delegate.cpp
  import/mapping_panel.h import/mapping_panel.cpp
  import/rule_counts.h import/rule_counts.cpp
  import/rule_count_job.h import/rule_count_job.cpp
  import/rule_settings_model.h import/rule_settings_model.cpp
  import/band_coverage_table.h import/band_coverage_table.cpp
  import/rule_panel.h import/rule_panel.cpp
  import/import_job.h import/import_job.cpp
  import/import_dialog.h import/import_dialog.cpp
)
