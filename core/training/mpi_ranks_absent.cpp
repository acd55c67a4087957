// SPDX-License-Identifier: GPL-3.0-or-later
// mpi_ranks.h in a build without MPI: the CLI always runs as one process.
#include "core/training/mpi_ranks.h"

#include <cstdlib>

namespace starlocus::core {

bool mpiBuilt() { return false; }
bool launchedByMpi() { return false; }
std::unique_ptr<RankGroup> mpiRanksIfLaunched() { return nullptr; }
void abortAllRanks(int exitCode) { std::_Exit(exitCode); }

} // namespace starlocus::core
