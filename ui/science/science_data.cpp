// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/science_data.h"

#include "core/io/model_file.h"

#include <exception>
#include <optional>

namespace starlocus::ui {

namespace {

std::shared_ptr<const ScienceData> assemble(std::shared_ptr<const core::StellarModel> model, const core::Catalog& catalog,
                                            const core::TrainingCheckpoint* record, const QString& modelPath,
                                            const QString& normalizationPath, const QString& catalogPath) {
    auto data = std::make_shared<ScienceData>();
    data->model = std::move(model);
    data->products = core::computeScienceProducts(*data->model, catalog, record);
    data->modelPath = modelPath;
    data->normalizationPath = normalizationPath;
    data->catalogPath = catalogPath;
    return data;
}

} // namespace

std::shared_ptr<const ScienceData> makeScienceData(const ScienceInput& input) {
    return assemble(input.model, *input.catalog, input.trainingRecord.get(), input.modelPath, input.normalizationPath,
                    input.catalogPath);
}

std::shared_ptr<const ScienceData> makeScienceData(std::shared_ptr<const core::StellarModel> model,
                                                   const core::Catalog& catalog, const QString& modelPath,
                                                   const QString& normalizationPath, const QString& catalogPath) {
    std::optional<core::TrainingCheckpoint> record;
    if (!modelPath.isEmpty()) {
        try {
            record = core::loadTrainingRecord(modelPath.toStdString());
        } catch (const std::exception&) {
            // A Keras file (or any model without our `training` group): no split, all stars.
            record.reset();
        }
    }
    return assemble(std::move(model), catalog, record ? &*record : nullptr, modelPath, normalizationPath, catalogPath);
}

} // namespace starlocus::ui
