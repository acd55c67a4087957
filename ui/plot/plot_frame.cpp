// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/plot_frame.h"

#include "ui/plot/density_layer.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

namespace starlocus::ui {

PlotFrame::PlotFrame(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("plotFrame"));
    setMinimumSize(240, 200);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    xAxis2->setVisible(true); // a closed box with ticks on all sides, labels left/bottom
    yAxis2->setVisible(true);
    xAxis2->setTickLabels(false);
    yAxis2->setTickLabels(false);
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), xAxis2, qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), yAxis2, qOverload<const QCPRange&>(&QCPAxis::setRange));
    for (QCPAxis* axis : {xAxis, yAxis, xAxis2, yAxis2}) {
        axis->setTickLengthIn(5);
        axis->setSubTickLengthIn(3);
        axis->setTickLengthOut(0);
        axis->setSubTickLengthOut(0);
    }
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.1);
    xAxis->setLabelFont(labelFont);
    yAxis->setLabelFont(labelFont);
    xAxis->setTickLabelFont(font());
    yAxis->setTickLabelFont(font());
    legend->setFont(font());
    legend->setIconSize(18, 10);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignBottom);

    colorBar_ = std::make_unique<ColorBar>(this);
    colorBar_->scale()->axis()->setLabelFont(labelFont);
    colorBar_->scale()->axis()->setTickLabelFont(font());
    theme_ = themeFor(palette());
    applyTheme();
}

PlotFrame::~PlotFrame() = default;

QString PlotFrame::axisTitle(const QString& quantity, const QString& unit) {
    return unit.isEmpty() ? quantity : QStringLiteral("%1 [%2]").arg(quantity, unit);
}

void PlotFrame::setAxisTitles(const QString& xTitle, const QString& yTitle) {
    xAxis->setLabel(xTitle);
    yAxis->setLabel(yTitle);
}

void PlotFrame::setMagnitudeAxes(bool xIsMagnitude, bool yIsMagnitude) {
    for (auto [axis, reversed] : {std::pair{xAxis, xIsMagnitude}, std::pair{xAxis2, xIsMagnitude},
                                  std::pair{yAxis, yIsMagnitude}, std::pair{yAxis2, yIsMagnitude}})
        axis->setRangeReversed(reversed);
}

void PlotFrame::setTheme(PlotTheme theme) {
    followsSystem_ = false;
    theme_ = theme;
    applyTheme();
}

void PlotFrame::followSystemTheme() {
    followsSystem_ = true;
    theme_ = themeFor(palette());
    applyTheme();
}

void PlotFrame::setColorMap(ColorMapName name) {
    colorMap_ = name;
    colorBar_->setColorMap(name);
    if (density_)
        density_->restyle();
    emit styleChanged();
    replot();
}

DensityLayer* PlotFrame::densityLayer() {
    if (!density_) {
        density_ = std::make_unique<DensityLayer>(this);
        density_->restyle();
    }
    return density_.get();
}

void PlotFrame::setHomeRanges(const QCPRange& x, const QCPRange& y) {
    home_ = std::pair{x, y};
    xAxis->setRange(x);
    yAxis->setRange(y);
}

void PlotFrame::resetView() {
    if (home_) {
        xAxis->setRange(home_->first);
        yAxis->setRange(home_->second);
    } else {
        rescaleAxes();
    }
    replot();
}

void PlotFrame::setTextSource(std::function<void(PlotFrame&)> source) {
    textSource_ = std::move(source);
    retranslate();
}

void PlotFrame::retranslate() {
    if (textSource_)
        textSource_(*this);
    replot();
}

bool PlotFrame::exportFigure(const FigureExportRequest& request, QString* error) {
    return ui::exportFigure(*this, request, error);
}

void PlotFrame::applyTheme() {
    palette_ = ui::plotPalette(theme_);
    setBackground(QBrush(palette_.background));
    axisRect()->setBackground(QBrush(palette_.background));
    for (QCPAxis* axis : {xAxis, yAxis, xAxis2, yAxis2}) {
        axis->setBasePen(QPen(palette_.ink, 1));
        axis->setTickPen(QPen(palette_.ink, 1));
        axis->setSubTickPen(QPen(palette_.ink, 1));
        axis->setTickLabelColor(palette_.ink);
        axis->setLabelColor(palette_.ink);
        axis->grid()->setPen(QPen(palette_.grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->grid()->setSubGridPen(QPen(palette_.subGrid, 1, Qt::DotLine));
    }
    legend->setBrush(QBrush(palette_.legendBackground));
    legend->setBorderPen(QPen(palette_.grid));
    legend->setTextColor(palette_.ink);
    colorBar_->applyPalette(palette_);
    if (density_)
        density_->restyle();
    emit styleChanged();
    replot();
}

void PlotFrame::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange && followsSystem_ && themeFor(palette()) != theme_) {
        theme_ = themeFor(palette());
        applyTheme();
    }
}

void PlotFrame::mouseDoubleClickEvent(QMouseEvent* event) {
    QCustomPlot::mouseDoubleClickEvent(event);
    resetView();
}

void PlotFrame::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Reset View"), this, &PlotFrame::resetView);
    menu.addAction(tr("Export Figure…"), this, &PlotFrame::chooseExportFile);
    menu.addSeparator();
    QMenu* themeMenu = menu.addMenu(tr("Background"));
    auto* themes = new QActionGroup(themeMenu);
    auto addTheme = [&](const QString& text, std::optional<PlotTheme> theme) {
        QAction* action = themeMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(theme ? (!followsSystem_ && theme_ == *theme) : followsSystem_);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] {
            if (theme)
                setTheme(*theme);
            else
                followSystemTheme();
        });
    };
    addTheme(tr("Follow Desktop"), std::nullopt);
    addTheme(tr("Light"), PlotTheme::Light);
    addTheme(tr("Dark"), PlotTheme::Dark);
    QMenu* mapMenu = menu.addMenu(tr("Colour Map"));
    auto* maps = new QActionGroup(mapMenu);
    for (ColorMapName name : {ColorMapName::Viridis, ColorMapName::Magma, ColorMapName::Cividis}) {
        QAction* action = mapMenu->addAction(colorMapId(name));
        action->setCheckable(true);
        action->setChecked(colorMap_ == name);
        maps->addAction(action);
        connect(action, &QAction::triggered, this, [this, name] { setColorMap(name); });
    }
    menu.exec(event->globalPos());
}

void PlotFrame::chooseExportFile() {
    QString selectedFilter;
    const QString pdf = tr("PDF (*.pdf)"), svg = tr("SVG (*.svg)"), png = tr("PNG image, 300 DPI (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Figure"), QString(),
                                                QStringList{pdf, svg, png}.join(QStringLiteral(";;")), &selectedFilter);
    if (path.isEmpty())
        return;
    std::optional<FigureFormat> format = figureFormatForPath(path);
    if (!format) {
        format = selectedFilter == pdf ? FigureFormat::Pdf : selectedFilter == svg ? FigureFormat::Svg : FigureFormat::Png;
        path += format == FigureFormat::Pdf ? QStringLiteral(".pdf")
                : format == FigureFormat::Svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    }
    // The figure as it looks on screen: the same layout, at 300 DPI for PNG.
    const double dpi = *format == FigureFormat::Png ? 300.0 : 96.0;
    const QSize pixels(int(width() * dpi / 96.0), int(height() * dpi / 96.0));
    QString error;
    if (!exportFigure({path, *format, pixels, dpi, std::nullopt}, &error))
        QMessageBox::warning(this, tr("Could not export the figure"), error);
}

} // namespace starlocus::ui
