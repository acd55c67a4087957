#pragma once
// The one export routine of every view (STYLE.md practice 5): the plot is laid out at
// the figure's physical size and painted to PDF, SVG or PNG. A request names the size in
// pixels and the resolution; the physical size is pixels / DPI, so fonts keep their point
// sizes at any resolution (a 1800 × 1200 px figure at 300 DPI is 6 × 4 inches).
#include <QSize>
#include <QString>
#include <optional>

class QCustomPlot;

namespace starlocus::ui {

enum class FigureFormat { Pdf, Svg, Png };

struct FigureExportRequest {
    QString path;
    FigureFormat format = FigureFormat::Png;
    QSize pixelSize{1800, 1200};
    double dpi = 300.0;
};

// The format a file name asks for (.pdf, .svg, .png; case-insensitive).
std::optional<FigureFormat> figureFormatForPath(const QString& path);

// Writes the figure; false with a reason in `error` (translated) on failure.
bool exportFigure(QCustomPlot& plot, const FigureExportRequest& request, QString* error = nullptr);

} // namespace starlocus::ui
