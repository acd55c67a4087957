// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/output_files.h"

#include "app/cli/cli_arguments.h"
#include "core/common/input_error.h"

#include <cstdio>

namespace starlocus::cli {

NamedFile namedFile(const std::string& option, const std::string& path) {
    return {option, path, core::fileIdentity(path)};
}

// Every output: writable where it is (checked now, not after hours of training), and
// never one of the inputs or another output (`train --catalog a.h5 --out a.h5` replaced
// the catalog with the model). Writing the checkpoint over the --resume file is the
// one intended overlap: the run goes on checkpointing where it left off.
void checkOutputs(const std::vector<NamedFile>& outputs, const std::vector<NamedFile>& inputs) {
    for (std::size_t k = 0; k < outputs.size(); ++k) {
        const NamedFile& output = outputs[k];
        try {
            core::checkOutputPath(output.path);
        } catch (const core::InputError& e) {
            throw UsageError("option --" + output.option + ": " + e.what());
        }
        for (const NamedFile& input : inputs)
            if (output.identity.sameFileAs(input.identity) &&
                !(output.option == "checkpoint" && input.option == "resume"))
                throw UsageError("option --" + output.option + ": " + output.path + ": is also the --" +
                                 input.option + " file; refusing to overwrite it");
        for (std::size_t j = 0; j < k; ++j)
            if (output.identity.sameFileAs(outputs[j].identity))
                throw UsageError("option --" + output.option + ": " + output.path + ": is also the --" +
                                 outputs[j].option + " file; give each output its own file");
    }
}

// Locks held until the run has written its last file (a second run with the same outputs
// stops here at once instead of racing this one).
std::vector<std::unique_ptr<core::OutputLock>> lockOutputs(const std::string& command,
                                                        const std::vector<NamedFile>& outputs) {
    std::vector<std::unique_ptr<core::OutputLock>> locks;
    for (const NamedFile& output : outputs) {
        try {
            locks.push_back(std::make_unique<core::OutputLock>(output.path));
        } catch (const core::InputError& e) {
            throw UsageError("option --" + output.option + ": " + e.reason());
        }
        if (!locks.back()->held())
            std::fprintf(stderr,
                         "starlocus-cli %s: warning: the file system of %s has no locks; a second run "
                         "writing it would not be noticed\n",
                         command.c_str(), output.path.c_str());
    }
    return locks;
}

} // namespace starlocus::cli
