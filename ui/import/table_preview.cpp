// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/table_preview.h"

namespace starlocus::ui {

TablePreview readTablePreview(const QString& path, bool countRows, const TableReadProgress& progress) {
    const auto reader = core::table::openTable(path.toStdString());
    TablePreview preview;
    preview.path = path;
    preview.format = reader->format();
    preview.columns = reader->columns();
    reader->next(preview.firstRows, kPreviewRows);
    std::size_t rows = preview.firstRows.rows;
    if (!countRows) {
        preview.rows = reader->rowCount();
        return preview;
    }
    // Chunks of this size keep Cancel answered within a few tens of milliseconds.
    constexpr std::size_t kChunkRows = 16384;
    core::table::TableChunk chunk;
    while (reader->next(chunk, kChunkRows)) {
        rows += chunk.rows;
        if (progress && !progress(rows))
            throw TablePreviewCancelled{};
    }
    preview.rows = rows;
    return preview;
}

} // namespace starlocus::ui
