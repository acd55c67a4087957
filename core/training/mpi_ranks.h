// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ranks of an `mpirun -np N` job (rank_group.h), in builds with STARLOCUS_MPI. The CLI
// asks for them; nothing else in the trainer knows MPI.
#include "core/training/rank_group.h"

#include <memory>
#include <string>

namespace starlocus::core {

// Whether this build can run on MPI.
bool mpiBuilt();
// Whether this process was started by mpirun/mpiexec (Open MPI, MPICH or PMIx variables).
bool launchedByMpi();
// MPI_COMM_WORLD as a rank group: initialises MPI, and finalises it when the group is
// destroyed. Null when the build has no MPI or the process was not started by mpirun (then
// the CLI runs alone, and `mpirun` need not exist).
std::unique_ptr<RankGroup> mpiRanksIfLaunched();
// Ends every rank of the job at once (MPI_Abort) with this exit code: a failure on one rank
// that the others would wait for for ever.
[[noreturn]] void abortAllRanks(int exitCode);

} // namespace starlocus::core
