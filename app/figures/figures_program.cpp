// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/figures_program.h"

#include "app/cli/cli.h"
#include "app/figures/figures_command.h"
#include "ui/plot/figure_export.h"
#include "ui/science/science_views.h"

#include <QStringList>

#include <algorithm>
#include <initializer_list>
#include <ostream>
#include <string>

namespace starlocus::figures {
namespace {

constexpr const char* kProgram = "starlocus-figures";

// "label name, name, ..." wrapped before column 90, continued under the first name.
std::string wrappedList(const std::string& label, const QStringList& names) {
    const std::string indent(label.size(), ' ');
    std::string text, line = label;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const std::string word = ' ' + names[i].toStdString() + (i + 1 < names.size() ? "," : "");
        if (line.size() + word.size() > 90) {
            text += line + '\n';
            line = indent;
        }
        line += word;
    }
    return text + line + '\n';
}

// packaging/man_page.cmake turns this into the man page: the "usage:" line and its indented
// continuation lines become the SYNOPSIS, the rest the DESCRIPTION.
void printHelp(std::ostream& out) {
    std::string presets;
    for (const ui::FigurePreset& p : ui::figurePresets())
        presets += (presets.empty() ? "" : ", ") + std::string(p.id);
    const std::string views = wrappedList("views:", ui::scienceViewNames());
    out << "usage: starlocus-figures --model FILE [--normalization FILE] --catalog FILE --out DIR\n"
           "                         [--format pdf,svg,png] [--view NAME [--set KEY=VALUE ...]]\n"
           "                         [--preset ID] [--dpi N] [--font-size PT] [--csv]\n"
           "Renders the paper's Figs. 6-12 (StarLocus's science views) for a model and a catalog to\n"
           "DIR/fig06_cmd.pdf ... fig12_scores.pdf and prints the path of each file written.\n"
           "No display is needed: it renders offscreen unless QT_QPA_PLATFORM is set.\n"
           "\n"
           "options:\n"
           "  --model FILE          stellar model (Keras .h5 or StarLocus model file)\n"
           "  --normalization FILE  label normalisation JSON of a Keras model (default: found beside it)\n"
           "  --catalog FILE        catalog in the Green et al. HDF5 layout\n"
           "  --out DIR             output folder (created when missing)\n"
           "  --format LIST         comma-separated pdf, svg, png (default pdf)\n"
           "  --view NAME           only this view (NAME below)\n"
           "  --set KEY=VALUE       a setting of that view (repeatable; docs/SCIENCE_VIEWS.md)\n"
           "  --preset ID           journal column width: "
        << presets << "\n"
        << "  --dpi N               PNG resolution, 30 to 2400 (default 150)\n"
           "  --font-size PT        tick-label size in points, 4 to 30\n"
           "  --csv                 also write what is drawn, as CSV beside each figure\n"
           "  -h, --help            show this help\n"
           "  --version             show the version\n"
           "\n"
        << views << "\n"
        << "exit codes: 0 ok, 2 bad input (one line naming the file and the field; a figure that\n"
           "cannot show everything is still written, with the note inside; also an input that needs\n"
           "more memory than this machine has), 1 internal error (a bug: please report it)\n";
}

bool contains(const std::vector<std::string>& args, std::initializer_list<const char*> names) {
    return std::any_of(args.begin(), args.end(), [&](const std::string& a) {
        return std::any_of(names.begin(), names.end(), [&](const char* n) { return a == n; });
    });
}

} // namespace

int runFiguresProgram(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        printHelp(err);
        return cli::kExitBadInput;
    }
    if (contains(args, {"-h", "--help"})) {
        printHelp(out);
        return cli::kExitOk;
    }
    if (contains(args, {"--version"})) {
        out << kProgram << ' ' << STARLOCUS_VERSION << '\n';
        return cli::kExitOk;
    }
    return cli::runReportingErrors(kProgram, &runFigures, args, out, err);
}

} // namespace starlocus::figures
