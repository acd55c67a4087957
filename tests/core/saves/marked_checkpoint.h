// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A checkpoint whose every array carries the same mark k, so a file read back can be
// checked for being one whole save (all of save k) rather than a mix or a truncation.
#include "core/training/training_record.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace starlocus::test {

core::TrainingCheckpoint markedCheckpoint(std::uint64_t mark, std::size_t stars);

// The mark of a checkpoint read back; an empty string when its arrays are one save,
// else what disagrees.
std::string inconsistencyOf(const core::TrainingCheckpoint& checkpoint, std::size_t stars);

} // namespace starlocus::test
