// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The GUI executable's probe mode, `starlocus --probe-file KIND FILE [NORMALIZATION]`: the
// child process of ui/session/file_probe.h. It reads FILE as KIND (model, catalog, density,
// checkpoint, posteriors, file; table: every row streamed through its reader, printing rows=N)
// with the same core calls as the GUI's in-process loader, before any QApplication exists (no
// display, no plugins: it starts in a few tens of milliseconds), and exits 0 (readable), 2
// (InputError: its text as one line on standard error and `field=F` on standard output), 1
// (another error) or 64 (usage) — or dies by the signal that would otherwise have taken the GUI
// down.

namespace starlocus::gui {

// Whether argv asks for the probe mode (argv[1] is --probe-file).
bool isFileProbeInvocation(int argc, char* argv[]);
// Runs it; the return value is the exit code.
int runFileProbe(int argc, char* argv[]);

} // namespace starlocus::gui
