// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the import dialog shows of a table before any mapping: its columns (name, type, unit,
// UCD, description) and its first rows, read in the background (TableLoadJob) with the core's
// own reader, so the preview shows exactly what the import will see.
#include "core/table/table_column.h"
#include "core/table/table_reader.h"

#include <QString>
#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace starlocus::ui {

struct TablePreview {
    QString path;
    core::table::TableFormat format = core::table::TableFormat::Csv;
    std::vector<core::table::ColumnInfo> columns;
    core::table::TableChunk firstRows; // at most kPreviewRows rows
    std::optional<std::size_t> rows;   // every row of the table, when counted (or stated by the file)
};

inline constexpr std::size_t kPreviewRows = 50;

// Called with the rows read so far; returning false stops the read (TablePreviewCancelled).
using TableReadProgress = std::function<bool(std::size_t rowsRead)>;

struct TablePreviewCancelled {};

// Opens `path` and reads its first kPreviewRows rows; with `countRows` it then streams the
// rest to count them (and to meet any structural defect now rather than at import). Throws
// core::InputError for a table that cannot be read, TablePreviewCancelled when `progress`
// says stop.
TablePreview readTablePreview(const QString& path, bool countRows, const TableReadProgress& progress = {});

} // namespace starlocus::ui
