// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files a command writes, checked before it does any work and locked while it runs:
// writable where they are, never one of its inputs (`train --catalog a.h5 --out a.h5`
// replaced the catalog with the model) nor another output, and not written by a second
// run at the same time.
#include "core/io/output_lock.h"
#include "core/io/output_path.h"

#include <memory>
#include <string>
#include <vector>

namespace starlocus::cli {

// A file the command reads or writes, by the option that names it.
struct NamedFile {
    std::string option;
    std::string path;
    core::FileIdentity identity;
};

NamedFile namedFile(const std::string& option, const std::string& path);

// UsageError naming the option when an output cannot be written or is an input or another
// output. Writing --checkpoint over the --resume file is the one intended overlap: a
// resumed training run goes on checkpointing where it left off.
void checkOutputs(const std::vector<NamedFile>& outputs, const std::vector<NamedFile>& inputs);

// Locks held until the command has written its last file (a second run with the same
// outputs stops at once instead of racing this one); `command` names it in warnings.
std::vector<std::unique_ptr<core::OutputLock>> lockOutputs(const std::string& command,
                                                        const std::vector<NamedFile>& outputs);

} // namespace starlocus::cli
