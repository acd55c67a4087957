// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/explorer_validity.h"

#include "core/diagnostics/density_grid_file.h"
#include "core/diagnostics/training_density.h"
#include "core/io/keras_model_import.h"
#include "ui/session/session.h"

#include <QDir>
#include <QFileInfo>

#include <exception>

namespace starlocus::ui {

ValiditySource validitySourceOf(const Session& session) {
    ValiditySource source;
    if (!session.model())
        return source;
    const QString modelPath = session.modelOrigin().path;
    if (!modelPath.isEmpty()) {
        const QFileInfo beside(QFileInfo(modelPath).absoluteDir().filePath(QLatin1String(kAuthorsDensityFileName)));
        if (beside.isFile()) {
            source.modelFile = modelPath;
            source.densityFile = beside.absoluteFilePath();
        }
    }
    source.catalog = session.catalog();
    return source;
}

ValidityResult loadValidityDensity(const ValiditySource& source) {
    ValidityResult result;
    try {
        // The grid only for the authors' own (Keras) model: our model files were trained on
        // a catalog whose KDE is the right density for them.
        if (!source.densityFile.isEmpty() && core::isKerasModelFile(source.modelFile.toStdString()))
            result.density = std::make_shared<GridExplorerDensity>(core::readDensityGrid(source.densityFile.toStdString()));
        else if (source.catalog && source.catalog->size() > 0)
            result.density = std::make_shared<GridExplorerDensity>(core::trainingDensity(*source.catalog));
    } catch (const std::exception& e) {
        result.error = QString::fromStdString(e.what());
    }
    return result;
}

} // namespace starlocus::ui
