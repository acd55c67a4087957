// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The paper's training procedure (§2–§4, METHOD.md §3–§4) as plain C++: the same
// trainer serves the CLI, the GUI (on a worker thread) and the tests.
//   for k = 1 … iterations:
//     epochs of Adam on the loss of Eq. 15 over the training stars in use
//     reddening update (Eqs. 8–9), covariance rebuild, χ²/dof cut → checkpoint
// Results depend only on (catalog, config): the seed drives the split, the
// initialisation and every shuffle through counter-based streams, and gradients are
// summed in a fixed order whatever the number of threads.
#include "core/catalog/catalog.h"
#include "core/training/epoch_schedule.h"
#include "core/training/rank_group.h"
#include "core/training/training_record.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace starlocus::core {

// A run that cannot go on (no usable star, a cut that leaves none, a diverging loss).
class TrainingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct TrainingResult {
    StellarModel model;
    TrainingCheckpoint final; // state after the last completed iteration
    EpochSchedule schedule;   // the epochs per iteration the run chose (or its checkpoint ran)
    bool stopped = false;     // stopped on request before the end
};

class Trainer {
public:
    Trainer(const Catalog& catalog, TrainingConfig config);

    // Written atomically after every completed iteration (empty: none).
    void setCheckpointPath(std::string path) { checkpointPath_ = std::move(path); }
    // Continue a checkpointed run; TrainingError if it belongs to another catalog.
    void resumeFrom(TrainingCheckpoint checkpoint);
    // Spread the run over these ranks (rank_group.h; default: this process alone). Every
    // rank calls run() with the same catalog and settings; rank 0 writes the checkpoints.
    // A checkpoint resumes on any number of ranks.
    void setRanks(RankGroup& ranks) { ranks_ = &ranks; }

    TrainingResult run(TrainingObserver& observer, TrainingControl& control);

private:
    const Catalog& catalog_;
    TrainingConfig config_;
    std::string checkpointPath_;
    std::optional<TrainingCheckpoint> resume_;
    RankGroup* ranks_ = nullptr;
    std::unique_ptr<RankGroup> singleProcess_;
};

// Content hash of a catalog (FNV-1a over every field): per-star results are only used
// with the catalog they were computed for.
std::uint64_t catalogContentHash(const Catalog& catalog);

} // namespace starlocus::core
