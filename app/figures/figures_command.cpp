// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/figures_command.h"

#include "app/cli/cli.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/model_option.h"
#include "core/common/input_error.h"
#include "core/io/green2020_catalog.h"
#include "ui/plot/figure_export.h"
#include "ui/science/science_data.h"
#include "ui/science/science_view.h"
#include "ui/science/science_views.h"

#include <QApplication>
#include <QDir>
#include <QWidget>
#include <memory>
#include <ostream>

namespace starlocus::figures {

namespace {

// A QApplication for headless rendering, made once the arguments are known to be good: the
// offscreen platform unless the caller chose one (a figure needs no display, and a machine
// without one would otherwise stop in Qt's xcb plugin).
QApplication& application() {
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        return *app;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "starlocus-figures";
    static char* argv[] = {name, nullptr};
    static QApplication app(argc, argv);
    return app;
}

struct FormatChoice {
    ui::FigureFormat format;
    const char* suffix;
};

std::vector<FormatChoice> parseFormats(const std::string& text) {
    std::vector<FormatChoice> formats;
    for (const QString& f : QString::fromStdString(text).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (f == QLatin1String("pdf"))
            formats.push_back({ui::FigureFormat::Pdf, ".pdf"});
        else if (f == QLatin1String("svg"))
            formats.push_back({ui::FigureFormat::Svg, ".svg"});
        else if (f == QLatin1String("png"))
            formats.push_back({ui::FigureFormat::Png, ".png"});
        else
            throw cli::UsageError("--format: '" + f.toStdString() + "' is not pdf, svg or png");
    }
    if (formats.empty())
        throw cli::UsageError("--format: no format given");
    return formats;
}

} // namespace

int runFigures(const std::vector<std::string>& rawArgs, std::ostream& out) {
    // --set may repeat; the strict reader takes every other option once.
    std::vector<std::string> args;
    std::vector<std::pair<QString, QString>> sets;
    for (std::size_t i = 0; i < rawArgs.size(); ++i) {
        if (rawArgs[i] != "--set") {
            args.push_back(rawArgs[i]);
            continue;
        }
        if (i + 1 >= rawArgs.size())
            throw cli::UsageError("--set needs KEY=VALUE");
        const QString kv = QString::fromStdString(rawArgs[++i]);
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw cli::UsageError("--set: expected KEY=VALUE, got '" + rawArgs[i] + "'");
        sets.emplace_back(kv.left(eq), kv.mid(eq + 1));
    }
    std::set<std::string> valued = cli::kModelOptions;
    valued.insert({"catalog", "out", "format", "view", "preset", "dpi", "font-size"});
    const cli::CliArguments a(args, valued, {"csv"});
    const std::string catalogPath = a.required("catalog");
    const std::string outDir = a.required("out");
    const std::vector<FormatChoice> formats = parseFormats(a.value("format").value_or("pdf"));
    const std::optional<std::string> viewName = a.value("view");
    if (!sets.empty() && !viewName)
        throw cli::UsageError("--set needs --view NAME (settings belong to one view)");
    const double dpi = a.number("dpi").value_or(150.0);
    if (!(dpi >= 30.0 && dpi <= 2400.0))
        throw cli::UsageError("--dpi: expected 30 to 2400");
    const std::optional<double> fontPoints = a.number("font-size");
    if (fontPoints && !(*fontPoints >= 4.0 && *fontPoints <= 30.0))
        throw cli::UsageError("--font-size: expected 4 to 30 points");
    const ui::FigurePreset* preset = nullptr;
    if (auto id = a.value("preset")) {
        preset = ui::figurePreset(QString::fromStdString(*id));
        if (!preset)
            throw cli::UsageError("--preset: unknown preset '" + *id + "' (aa-88, aa-120, aa-180, aas-one, aas-two)");
    }

    application();
    auto model = std::make_shared<const core::StellarModel>(cli::loadModelOption(a));
    const core::Catalog catalog = core::readGreen2020Catalog(catalogPath);
    if (catalog.size() == 0)
        throw core::InputError(catalogPath, "data", "the catalog has no stars");
    const auto data = ui::makeScienceData(model, catalog, QString::fromStdString(a.required("model")),
                                          QString::fromStdString(a.value("normalization").value_or("")),
                                          QString::fromStdString(catalogPath));

    QWidget host;
    std::vector<ui::ScienceView*> views = ui::makeScienceViews(&host);
    std::vector<ui::ScienceView*> chosen;
    for (ui::ScienceView* v : views)
        if (!viewName || v->viewName().toStdString() == *viewName)
            chosen.push_back(v);
    if (chosen.empty()) {
        std::string names;
        for (ui::ScienceView* v : views)
            names += (names.empty() ? "" : ", ") + v->viewName().toStdString();
        throw cli::UsageError("--view: unknown view '" + *viewName + "' (views: " + names + ")");
    }
    if (!QDir().mkpath(QString::fromStdString(outDir)))
        throw core::InputError(outDir, "", "cannot create the output folder");

    std::string problems;
    for (ui::ScienceView* v : chosen) {
        for (const auto& [key, value] : sets) {
            QString error;
            if (!v->setSetting(key, value, &error))
                throw cli::UsageError("--set " + key.toStdString() + ": " + error.toStdString());
        }
        v->setData(data);
        QSizeF size = v->defaultSizeMm();
        if (preset)
            size = QSizeF(preset->widthMm, preset->widthMm * size.height() / size.width());
        // Lay the panels out at the figure's size (96 logical DPI), as the export paints them.
        v->resize(int(size.width() / 25.4 * 96.0), int(size.height() / 25.4 * 96.0));
        for (const FormatChoice& f : formats) {
            ui::FigureExportRequest request;
            request.path = QDir(QString::fromStdString(outDir)).filePath(v->fileStem() + QLatin1String(f.suffix));
            request.format = f.format;
            request.dpi = dpi;
            request.pixelSize = ui::pixelSizeFor(size, dpi);
            request.fontPointSize = fontPoints;
            QString error;
            if (!v->exportFigure(request, a.flag("csv"), &error))
                throw core::InputError(request.path.toStdString(), "", error.toStdString());
            out << request.path.toStdString() << '\n';
        }
        for (const QString& note : v->notes())
            problems += (problems.empty() ? "" : "; ") + v->fileStem().toStdString() + ": " +
                        note.simplified().toStdString();
    }
    // The figures are written (each says in place what is missing); the exit code says so too.
    if (!problems.empty())
        throw core::InputError(catalogPath, "", problems);
    return cli::kExitOk;
}

} // namespace starlocus::figures
