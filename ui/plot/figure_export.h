// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one export routine of every view (STYLE.md practice 5): the plot is laid out at
// the figure's physical size and painted to PDF, SVG or PNG. A request names the size in
// pixels and the resolution; the physical size is pixels / DPI, so fonts keep their point
// sizes at any resolution (a 1800 × 1200 px figure at 300 DPI is 6 × 4 inches).
#include <QSize>
#include <QSizeF>
#include <QString>
#include <optional>
#include <span>

class QCustomPlot;

namespace starlocus::ui {

enum class FigureFormat { Pdf, Svg, Png };

struct FigureExportRequest {
    QString path;
    FigureFormat format = FigureFormat::Png;
    QSize pixelSize{1800, 1200};
    double dpi = 300.0;
    // Point size of tick labels, legend and notes for this export (axis titles 10 % larger);
    // unset: the fonts as on screen. Restored after the export.
    std::optional<double> fontPointSize = std::nullopt;
};

// Physical figure sizes: journals state widths in mm or inches.
enum class LengthUnit { Millimetre, Centimetre, Inch };
double toMillimetres(double value, LengthUnit unit);
// Pixels of a figure `sizeMm` wide/high at `dpi` (what FigureExportRequest::pixelSize takes).
QSize pixelSizeFor(QSizeF sizeMm, double dpi);

// Journal column widths (A&A: 88, 120, 180 mm; AAS: one column 3.5 in, two columns 7.1 in).
struct FigurePreset {
    const char* id;   // "aa-88", "aa-120", "aa-180", "aas-one", "aas-two" (also on the command line)
    const char* name; // for menus; translate with QCoreApplication::translate("FigurePreset", name)
    double widthMm;
};
std::span<const FigurePreset> figurePresets();
const FigurePreset* figurePreset(const QString& id);

// The format a file name asks for (.pdf, .svg, .png; case-insensitive).
std::optional<FigureFormat> figureFormatForPath(const QString& path);

// Writes the figure; false with a reason in `error` (translated) on failure.
bool exportFigure(QCustomPlot& plot, const FigureExportRequest& request, QString* error = nullptr);

// Several plots as the panels of one figure, `columns` per row (row-major, equal cells).
// Vector formats keep axes and text as vectors; density images stay embedded images.
bool exportPanels(std::span<QCustomPlot* const> panels, int columns, const FigureExportRequest& request,
                  QString* error = nullptr);

} // namespace starlocus::ui
