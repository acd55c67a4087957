// SPDX-License-Identifier: GPL-3.0-or-later
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

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

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

// The panels of one figure and their grid.
struct Panels {
    std::span<QCustomPlot* const> plots;
    int columns = 1;
    int rows() const { return int((plots.size() + std::size_t(columns) - 1) / std::size_t(columns)); }
};

// Sets every font of a plot to a point size for the export and puts them back afterwards.
class FontOverride {
public:
    FontOverride(std::span<QCustomPlot* const> plots, std::optional<double> points) {
        if (!points)
            return;
        for (QCustomPlot* plot : plots) {
            for (QCPAxisRect* rect : plot->axisRects())
                for (QCPAxis* axis : rect->axes())
                    override(axis, *points);
            for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
                if (auto* scale = qobject_cast<QCPColorScale*>(plot->plotLayout()->elementAt(i)))
                    override(scale->axis(), *points);
            legends_.emplace_back(plot->legend, plot->legend->font());
            plot->legend->setFont(sized(plot->legend->font(), *points * 0.9));
            for (int i = 0; i < plot->itemCount(); ++i)
                if (auto* text = qobject_cast<QCPItemText*>(plot->item(i))) {
                    texts_.emplace_back(text, text->font());
                    text->setFont(sized(text->font(), *points * 0.9));
                }
        }
    }
    ~FontOverride() {
        for (auto& [axis, fonts] : axisFonts_) {
            axis->setLabelFont(fonts[0]);
            axis->setTickLabelFont(fonts[1]);
        }
        for (auto& [legend, font] : legends_)
            legend->setFont(font);
        for (auto& [text, font] : texts_)
            text->setFont(font);
    }
    FontOverride(const FontOverride&) = delete;
    FontOverride& operator=(const FontOverride&) = delete;

private:
    static QFont sized(QFont font, double points) {
        font.setPointSizeF(points);
        return font;
    }
    void override(QCPAxis* axis, double points) {
        axisFonts_.emplace_back(axis, std::array<QFont, 2>{axis->labelFont(), axis->tickLabelFont()});
        axis->setLabelFont(sized(axis->labelFont(), points * 1.1));
        axis->setTickLabelFont(sized(axis->tickLabelFont(), points));
    }
    std::vector<std::pair<QCPAxis*, std::array<QFont, 2>>> axisFonts_;
    std::vector<std::pair<QCPLegend*, QFont>> legends_;
    std::vector<std::pair<QCPItemText*, QFont>> texts_;
};

// Paints the panels at `layout` size (the whole figure) onto an active painter whose
// device spans `device` units, stretching the layout to fill it.
void paintPanels(const Panels& panels, QCPPainter& painter, QSize layout, QSizeF device, bool vector) {
    if (vector) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching); // text as text, not cached pixmaps
    }
    painter.scale(device.width() / layout.width(), device.height() / layout.height());
    const int rows = panels.rows();
    const int cellW = layout.width() / panels.columns, cellH = layout.height() / std::max(rows, 1);
    for (std::size_t k = 0; k < panels.plots.size(); ++k) {
        painter.save();
        painter.translate(double(int(k) % panels.columns * cellW), double(int(k) / panels.columns * cellH));
        panels.plots[k]->toPainter(&painter, cellW, cellH);
        painter.restore();
    }
}

bool writePng(const Panels& plot, const FigureExportRequest& request, QString* error) {
    QImage image(request.pixelSize, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paintPanels(plot, painter, logicalSize(request), QSizeF(request.pixelSize), false);
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

bool writePdf(const Panels& plot, const FigureExportRequest& request, QString* error) {
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
        paintPanels(plot, painter, layout, QSizeF(writer.width(), writer.height()), true);
    }
    if (!file.commit()) {
        setError(error, writeError(request.path, file.errorString()));
        return false;
    }
    return true;
}

bool writeSvg(const Panels& plot, const FigureExportRequest& request, QString* error) {
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
        paintPanels(plot, painter, layout, QSizeF(layout), true);
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

double toMillimetres(double value, LengthUnit unit) {
    switch (unit) {
    case LengthUnit::Centimetre:
        return value * 10.0;
    case LengthUnit::Inch:
        return value * 25.4;
    case LengthUnit::Millimetre:
        break;
    }
    return value;
}

QSize pixelSizeFor(QSizeF sizeMm, double dpi) {
    return {std::max(1, int(std::lround(sizeMm.width() / 25.4 * dpi))),
            std::max(1, int(std::lround(sizeMm.height() / 25.4 * dpi)))};
}

namespace {
// A&A: Instructions for authors, figure sizes; AAS: AASTeX column widths.
constexpr std::array<FigurePreset, 5> kPresets{{
    {"aa-88", QT_TRANSLATE_NOOP("FigurePreset", "A&A one column (88 mm)"), 88.0},
    {"aa-120", QT_TRANSLATE_NOOP("FigurePreset", "A&A 1.5 columns (120 mm)"), 120.0},
    {"aa-180", QT_TRANSLATE_NOOP("FigurePreset", "A&A two columns (180 mm)"), 180.0},
    {"aas-one", QT_TRANSLATE_NOOP("FigurePreset", "AAS one column (3.5 in)"), 3.5 * 25.4},
    {"aas-two", QT_TRANSLATE_NOOP("FigurePreset", "AAS two columns (7.1 in)"), 7.1 * 25.4},
}};
} // namespace

std::span<const FigurePreset> figurePresets() { return kPresets; }

const FigurePreset* figurePreset(const QString& id) {
    for (const FigurePreset& preset : kPresets)
        if (id == QLatin1String(preset.id))
            return &preset;
    return nullptr;
}

bool exportFigure(QCustomPlot& plot, const FigureExportRequest& request, QString* error) {
    QCustomPlot* const one[] = {&plot};
    return exportPanels(one, 1, request, error);
}

bool exportPanels(std::span<QCustomPlot* const> plots, int columns, const FigureExportRequest& request, QString* error) {
    if (plots.empty() || columns < 1) {
        setError(error, QCoreApplication::translate("FigureExport", "A figure needs at least one panel."));
        return false;
    }
    const Panels plot{plots, columns};
    const FontOverride fonts(plots, request.fontPointSize);
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
