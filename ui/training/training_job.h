// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one training run is given and what it leaves: passed between the GUI thread and
// the worker as immutable values (ARCHITECTURE.md "Contracts"), registered as metatypes
// so that they cross threads in queued signals.
#include "core/catalog/catalog.h"
#include "core/model/stellar_model.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"
#include "core/training/training_record.h"

#include <QMetaType>
#include <QString>
#include <memory>

namespace starlocus::ui {

struct TrainingJob {
    std::shared_ptr<const core::Catalog> catalog; // kept alive for the whole run
    core::TrainingConfig config;
    QString checkpointPath;       // written after every iteration (empty: none)
    QString resumeCheckpointPath; // continue this checkpoint's run (empty: a new run)
};

struct TrainingOutcome {
    std::shared_ptr<const core::StellarModel> model;
    std::shared_ptr<const core::TrainingCheckpoint> final; // state after the last completed iteration
    bool stopped = false;
};

} // namespace starlocus::ui

Q_DECLARE_METATYPE(starlocus::core::EpochEvent)
Q_DECLARE_METATYPE(starlocus::core::IterationEvent)
Q_DECLARE_METATYPE(starlocus::core::TrainingHistory)
Q_DECLARE_METATYPE(starlocus::core::TrainingConfig)
Q_DECLARE_METATYPE(starlocus::ui::TrainingJob)
Q_DECLARE_METATYPE(starlocus::ui::TrainingOutcome)
