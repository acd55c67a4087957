// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Good files made by our own writers (never from ../shared), and the HDF5 edits that break
// them one way at a time, for the loader-validation tests.
#include "core/model/stellar_model.h"
#include "core/training/training_record.h"

#include <hdf5.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace starlocus::test {

// A 3 → 4 (sigmoid) → 13 model with small, non-zero, deterministic weights.
core::StellarModel smallModel();

// The model in the layout of the authors' Keras 2.2.4 file (model_config + model_weights),
// with the same layer names as green2020_nn_model.h5 (theta, E, LT, stellar_model_hidden_k,
// BM, R, E_R, BA, B_M_plus_A, LT_B_M_plus_A).
void writeKerasModel(const std::string& path, const core::StellarModel& model);
nlohmann::json kerasModelConfig(const core::StellarModel& model);

// A checkpoint after one completed iteration of a (hidden 32, 32) run over `stars` stars.
core::TrainingCheckpoint smallCheckpoint(std::size_t stars = 10);

// Edits of an existing file (each opens it read-write and closes it again).
void replaceStringAttribute(const std::string& file, const std::string& object, const std::string& name,
                            const std::string& value);
void replaceDoubleAttribute(const std::string& file, const std::string& object, const std::string& name,
                            const std::vector<double>& value);
// Overwrites element `index` of a numeric dataset with `value` (in the dataset's own type)
// and removes its checksum attribute (array_checksum.h) if it has one.
void overwriteElement(const std::string& file, const std::string& dataset, std::size_t index, double value);
// Replaces a dataset by one of the same name and type with a huge, never-written shape
// (chunked, so the file stays small): a damaged dimension.
void replaceWithHugeDataset(const std::string& file, const std::string& dataset, const std::vector<hsize_t>& shape);
// Rewrites the file's model_config attribute (Keras) through `edit`.
void editKerasConfig(const std::string& file, const std::function<void(nlohmann::json&)>& edit);
nlohmann::json& kerasLayer(nlohmann::json& config, const std::string& name);

// The whole file's bytes, and writing them back.
std::vector<char> readBytes(const std::string& file);
void writeBytes(const std::string& file, const std::vector<char>& bytes);

} // namespace starlocus::test
