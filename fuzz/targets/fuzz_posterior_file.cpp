// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the photometric fit's posterior file (core/io/posterior_file.h), as
// `fit-stars` writes it and a later session reads it back.
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"

#include "core/common/input_error.h"
#include "core/io/posterior_file.h"

#include <cmath>
#include <string>

namespace core = starlocus::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("posteriors.h5", data, size);
    starlocus::fuzz::runLoader("posterior_file", [&] {
        const core::PosteriorFile file = core::readPosteriorFile(path);
        // What the reader promises: settings that validate, known statuses and flags.
        try {
            file.metadata.grid.validate();
        } catch (const core::InputError& e) {
            starlocus::fuzz::reportFinding("posterior_file", std::string("loaded grid settings that do not validate: ") + e.what());
        }
        for (const core::StarPosterior& p : file.posteriors) {
            if (std::size_t(p.status) > std::size_t(core::kLastPosteriorStatus))
                starlocus::fuzz::reportFinding("posterior_file", "loaded a status it does not know");
            std::uint32_t known = 0;
            for (core::PosteriorFlag flag : core::kPosteriorFlags)
                known |= flag;
            if ((p.flags & ~known) != 0)
                starlocus::fuzz::reportFinding("posterior_file", "loaded flag bits it does not know");
        }
    });
    return 0;
}
