// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Promises a successful load keeps (issue #14, item 2: every number read from a model,
// checkpoint or normalisation file is checked finite and in range). A load that returns
// something breaking them is a "silent wrong result" and reported as a finding. Only facts
// that hold whatever limits the loaders choose are checked here: finiteness, σ that can
// divide (1/σ finite), a learning-rate scale in (0, 1], sizes that agree with the layout.
#include "core/diagnostics/density_grid.h"
#include "core/model/stellar_model.h"
#include "core/training/training_record.h"

namespace starlocus::fuzz {

void checkNormalization(const char* target, const core::LabelNormalization& normalization);
// Also evaluates the model at its median labels: predictions must be finite there.
void checkModel(const char* target, const core::StellarModel& model);
// Also builds the model its parameters describe, as resuming does first.
void checkCheckpoint(const char* target, const core::TrainingCheckpoint& checkpoint);
void checkDensityGrid(const char* target, const core::DensityGrid& grid);

} // namespace starlocus::fuzz
