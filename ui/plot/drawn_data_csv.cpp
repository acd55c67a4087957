// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/drawn_data_csv.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>
#include <qcustomplot.h>

#include <cmath>

namespace starlocus::ui {

namespace {

QString quoted(QString text) {
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString number(double v) { return std::isfinite(v) ? QString::number(v, 'g', 9) : QString(); }

void writeRow(QTextStream& out, int panel, const QString& series, const char* kind, double x, double y, double value) {
    out << panel << ',' << quoted(series) << ',' << kind << ',' << number(x) << ',' << number(y) << ','
        << number(value) << '\n';
}

} // namespace

bool writeDrawnDataCsv(std::span<QCustomPlot* const> panels, const QString& path, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = QCoreApplication::translate("FigureExport", "Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << "panel,series,kind,x,y,value\n";
    for (std::size_t p = 0; p < panels.size(); ++p) {
        QCustomPlot* plot = panels[p];
        for (int k = 0; k < plot->plottableCount(); ++k) {
            QCPAbstractPlottable* plottable = plot->plottable(k);
            if (!plottable->visible())
                continue;
            const QString name = plottable->name();
            if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
                for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
                    writeRow(out, int(p), name, "point", it->key, it->value, NAN);
            } else if (auto* curve = qobject_cast<QCPCurve*>(plottable)) {
                for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
                    writeRow(out, int(p), name, "point", it->key, it->value, NAN);
            } else if (auto* map = qobject_cast<QCPColorMap*>(plottable)) {
                QCPColorMapData* data = map->data();
                for (int iy = 0; iy < data->valueSize(); ++iy)
                    for (int ix = 0; ix < data->keySize(); ++ix) {
                        const double v = data->cell(ix, iy);
                        if (!std::isfinite(v))
                            continue;
                        double x = 0.0, y = 0.0;
                        data->cellToCoord(ix, iy, &x, &y);
                        writeRow(out, int(p), name, "cell", x, y, v);
                    }
            }
        }
    }
    out.flush();
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("FigureExport", "Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace starlocus::ui
