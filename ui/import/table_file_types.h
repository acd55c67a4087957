// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which files the import dialog takes: the survey table formats core/table reads (FITS, CSV,
// ECSV, VOTable, each also gzip-compressed). By name only, for the file dialog and for
// drops on the main window; the readers decide by content when the file is opened.
#include <QString>
#include <QStringList>

class QMimeData;

namespace starlocus::ui {

// True for *.fits, *.fit, *.fts, *.csv, *.ecsv, *.vot, *.xml and the same with .gz (any case).
bool isTableFileName(const QString& path);
// The file's name without its folder, .gz and format suffix: lamost_x_gaia.fits.gz → lamost_x_gaia.
QString tableBaseName(const QString& path);
// The local table files among a drag's URLs (drops on the dialog and on the main window).
QStringList droppedTableFiles(const QMimeData* mime);
// The import dialog's file filter ("Survey tables (*.fits …);;All files (*)"), translated.
QString tableFileFilter();

} // namespace starlocus::ui
