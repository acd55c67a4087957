#include "ui/plot/figure_export.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

#include <cmath>

namespace starlocus::ui {

namespace {

// Logical (layout) units are screen pixels at 96 DPI: what the plot's fonts and pens
// are sized for on screen.
constexpr double kLogicalDpi = 96.0;

void setError(QString* error, const QString& text) {
    if (error)
        *error = text;
}

QString writeError(const QString& path, const QString& reason) {
    return QCoreApplication::translate("FigureExport", "Could not write %1: %2").arg(path, reason);
}

QSize logicalSize(const FigureExportRequest& request) {
    const double scale = kLogicalDpi / request.dpi;
    return {std::max(1, int(std::lround(request.pixelSize.width() * scale))),
            std::max(1, int(std::lround(request.pixelSize.height() * scale)))};
}

// Paints the plot at `layout` size onto an active painter whose device spans `device`
// units, stretching the layout to fill it.
void paintPlot(QCustomPlot& plot, QCPPainter& painter, QSize layout, QSizeF device, bool vector) {
    if (vector) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching); // text as text, not cached pixmaps
    }
    painter.scale(device.width() / layout.width(), device.height() / layout.height());
    plot.toPainter(&painter, layout.width(), layout.height());
}

bool writePng(QCustomPlot& plot, const FigureExportRequest& request, QString* error) {
    QImage image(request.pixelSize, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paintPlot(plot, painter, logicalSize(request), QSizeF(request.pixelSize), false);
    }
    const int dotsPerMeter = int(std::lround(request.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        setError(error, writeError(request.path, file.errorString()));
        return false;
    }
    return true;
}

bool writePdf(QCustomPlot& plot, const FigureExportRequest& request, QString* error) {
    const QSize layout = logicalSize(request);
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, writeError(request.path, file.errorString()));
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("StarLocus"));
        writer.setTitle(QFileInfo(request.path).completeBaseName());
        // Page in points (1/72 inch) of the physical figure size, device units at 96 DPI.
        const QSizeF points(request.pixelSize.width() / request.dpi * 72.0,
                            request.pixelSize.height() / request.dpi * 72.0);
        writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                         QPageLayout::Portrait, QMarginsF()));
        writer.setResolution(int(kLogicalDpi));
        QCPPainter painter(&writer);
        if (!painter.isActive()) {
            setError(error, writeError(request.path, QCoreApplication::translate("FigureExport", "the PDF could not be started.")));
            return false;
        }
        paintPlot(plot, painter, layout, QSizeF(writer.width(), writer.height()), true);
    }
    if (!file.commit()) {
        setError(error, writeError(request.path, file.errorString()));
        return false;
    }
    return true;
}

bool writeSvg(QCustomPlot& plot, const FigureExportRequest& request, QString* error) {
    const QSize layout = logicalSize(request);
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, writeError(request.path, file.errorString()));
        return false;
    }
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setTitle(QFileInfo(request.path).completeBaseName());
        svg.setDescription(QStringLiteral("StarLocus"));
        // Size in logical units at 96 DPI: the header states the physical size in mm.
        svg.setResolution(int(kLogicalDpi));
        svg.setSize(layout);
        svg.setViewBox(QRect(QPoint(0, 0), layout));
        QCPPainter painter(&svg);
        paintPlot(plot, painter, layout, QSizeF(layout), true);
    }
    if (!file.commit()) {
        setError(error, writeError(request.path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace

std::optional<FigureFormat> figureFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return FigureFormat::Pdf;
    if (suffix == QLatin1String("svg"))
        return FigureFormat::Svg;
    if (suffix == QLatin1String("png"))
        return FigureFormat::Png;
    return std::nullopt;
}

bool exportFigure(QCustomPlot& plot, const FigureExportRequest& request, QString* error) {
    if (request.pixelSize.isEmpty() || !(request.dpi > 0.0)) {
        setError(error, QCoreApplication::translate("FigureExport", "A figure needs a positive size and resolution."));
        return false;
    }
    switch (request.format) {
    case FigureFormat::Pdf:
        return writePdf(plot, request, error);
    case FigureFormat::Svg:
        return writeSvg(plot, request, error);
    case FigureFormat::Png:
        break;
    }
    return writePng(plot, request, error);
}

} // namespace starlocus::ui
