// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/file_probe_mode.h"

#include "core/common/input_error.h"
#include "core/diagnostics/density_grid_file.h"
#include "core/io/green2020_catalog.h"
#include "core/io/posterior_file.h"
#include "core/io/training_checkpoint.h"
#include "core/table/table_reader.h"
#include "ui/session/file_probe.h"
#include "ui/session/model_file_read.h"

#include <QString>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace starlocus::gui {
namespace {

// One line: the GUI shows the last line of standard error as the message.
void printMessage(const char* text) {
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r')
            c = ' ';
    std::fprintf(stderr, "%s\n", line.c_str());
}

// Every row through the reader, as the import will read it: a damaged block deep in the file
// crashes CFITSIO (or expat) here, in the child, not in the GUI.
void streamTable(const std::string& file) {
    const auto reader = core::table::openTable(file);
    core::table::TableChunk chunk;
    std::size_t rows = 0;
    while (reader->next(chunk, 65536))
        rows += chunk.rows;
    std::printf("rows=%zu\n", rows);
    std::fflush(stdout);
}

void readAs(ui::ProbeKind kind, const std::string& file, const std::string& normalization) {
    switch (kind) {
    case ui::ProbeKind::Model:
        (void)ui::readModelFile(file, normalization);
        return;
    case ui::ProbeKind::Catalog:
        (void)core::readGreen2020Catalog(file);
        return;
    case ui::ProbeKind::DensityGrid:
        (void)core::readDensityGrid(file);
        return;
    case ui::ProbeKind::Checkpoint:
        (void)core::loadTrainingCheckpoint(file);
        return;
    case ui::ProbeKind::Posteriors:
        (void)core::readPosteriorFile(file);
        return;
    case ui::ProbeKind::AnyFile: {
        // As SessionLoader::loadFile decides; the GUI needs the answer to word a failure.
        const bool model = ui::hasModelLayout(file);
        std::printf("read-as=%s\n", model ? "model" : "catalog");
        std::fflush(stdout); // before a crash in the read below
        readAs(model ? ui::ProbeKind::Model : ui::ProbeKind::Catalog, file, normalization);
        return;
    }
    case ui::ProbeKind::Table:
        streamTable(file);
        return;
    }
}

} // namespace

bool isFileProbeInvocation(int argc, char* argv[]) { return argc >= 2 && std::strcmp(argv[1], "--probe-file") == 0; }

int runFileProbe(int argc, char* argv[]) {
#ifdef __linux__
    // A crash here is the expected outcome of a corrupt file, not a bug to debug: no core dump.
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    const auto kind = argc >= 4 ? ui::probeKindFromName(QString::fromLocal8Bit(argv[2])) : std::nullopt;
    if (!kind || argc > 5) {
        printMessage("usage: starlocus --probe-file model|catalog|density|checkpoint|posteriors|file|table FILE [NORMALIZATION]");
        return 64;
    }
    const std::string file = argv[3];
    const std::string normalization = argc == 5 ? argv[4] : "";
    try {
        readAs(*kind, file, normalization);
        return 0;
    } catch (const core::InputError& e) {
        std::printf("field=%s\n", e.field().c_str());
        printMessage(e.what());
        return 2;
    } catch (const std::exception& e) {
        printMessage(e.what());
        return 1;
    } catch (...) {
        printMessage((file + ": unknown error while reading the file").c_str());
        return 1;
    }
}

} // namespace starlocus::gui
