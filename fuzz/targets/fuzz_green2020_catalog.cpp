// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Green2020 catalog reader (core/io/green2020_catalog.h), then what
// `train` does next with the stars: the label normalisation and the first per-star
// covariances (hostile numbers reach the likelihood code there).
#include "fuzz/support/expected_failure.h"
#include "fuzz/support/input_file.h"

#include "core/catalog/label_statistics.h"
#include "core/io/green2020_catalog.h"
#include "core/training/trainer.h"
#include "core/training/training_state.h"

namespace core = starlocus::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = starlocus::fuzz::writeInputFile("catalog.h5", data, size);
    starlocus::fuzz::runLoader("green2020_catalog", [&] {
        const core::Catalog catalog = core::readGreen2020Catalog(path);
        (void)core::catalogContentHash(catalog);
        if (catalog.size() == 0 || catalog.size() > 4096)
            return;
        const core::LabelNormalization norm = core::labelNormalizationOf(catalog);
        core::TrainingConfig config;
        config.threads = 1;
        std::vector<core::StarSample> samples;
        (void)core::initialState(catalog, norm, config, samples);
    });
    return 0;
}
