// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/saves/marked_checkpoint.h"

#include "core/training/network_parameters.h"

namespace starlocus::test {
namespace {

float parameterMark(std::uint64_t mark) {
    return 1e-3f * float(mark % 1000);
}
double reddeningMark(std::uint64_t mark) {
    return 1e-3 * double(mark % 1000);
}

} // namespace

core::TrainingCheckpoint markedCheckpoint(std::uint64_t mark, std::size_t stars) {
    core::TrainingCheckpoint cp;
    const core::NetworkLayout layout(cp.config.hiddenLayers);
    cp.completedIterations = 1;
    cp.starsProcessed = mark;
    cp.elapsedSeconds = double(mark);
    cp.normalization.median = {5000.0, 4.0, 0.0};
    cp.normalization.stddev = {1000.0, 1.0, 0.5};
    cp.parameters.assign(layout.size, parameterMark(mark));
    cp.adam = core::AdamState(layout.size);
    cp.adam.m.assign(layout.size, parameterMark(mark));
    cp.adam.v.assign(layout.size, parameterMark(mark));
    cp.adam.step = std::int64_t(mark);
    for (std::size_t i = 0; i < stars; ++i) {
        cp.state.split.push_back(core::Split(i % 3));
        cp.state.usable.push_back(1);
        cp.state.inUse.push_back(1);
        cp.state.reddening.push_back(reddeningMark(mark));
        cp.state.reddeningVar.push_back(1e-4);
        cp.state.chi2Dof.push_back(1.0);
    }
    for (int e = 1; e <= cp.config.epochsPerIteration; ++e)
        cp.history.epochs.push_back({1, e, 1.0, 1.1, 1e-3, double(e), 1e5});
    cp.history.iterations.push_back({1, 100.0, 1.2, 0.05, stars, 0, 0.0, 1e-3});
    cp.catalogHash = mark;
    cp.catalogSource = "marked checkpoint";
    return cp;
}

std::string inconsistencyOf(const core::TrainingCheckpoint& cp, std::size_t stars) {
    const std::uint64_t mark = cp.starsProcessed;
    if (cp.catalogHash != mark || cp.adam.step != std::int64_t(mark) || cp.elapsedSeconds != double(mark))
        return "scalars of different saves";
    if (cp.state.size() != stars || cp.parameters.size() != cp.adam.m.size())
        return "wrong sizes";
    for (float p : cp.parameters)
        if (p != parameterMark(mark))
            return "parameters of another save";
    for (double e : cp.state.reddening)
        if (e != reddeningMark(mark))
            return "reddening of another save";
    return "";
}

} // namespace starlocus::test
