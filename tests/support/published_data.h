// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads the authors' published model (with its normalisation) and the 10,000 published
// test stars, or skips / fails the current test like STARLOCUS_SHARED_FILE.
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "tests/support/shared_data.h"

// The three published files' paths as std::string (for tests that run the programs on them).
#define STARLOCUS_PUBLISHED_PATHS(modelPath, normPath, catalogPath)                                          \
    do {                                                                                                     \
        STARLOCUS_SHARED_FILE(publishedModel_, "green2020/green2020_nn_model.h5");                           \
        STARLOCUS_SHARED_FILE(publishedNorm_, "green2020/green2020_theta_normalization.json");               \
        STARLOCUS_SHARED_FILE(publishedCatalog_, "green2020/green2020_test_data_small.h5");                  \
        (modelPath) = publishedModel_.toStdString();                                                         \
        (normPath) = publishedNorm_.toStdString();                                                           \
        (catalogPath) = publishedCatalog_.toStdString();                                                     \
    } while (false)

#define STARLOCUS_LOAD_PUBLISHED(model, catalog)                                                             \
    do {                                                                                                     \
        STARLOCUS_SHARED_FILE(modelPath_, "green2020/green2020_nn_model.h5");                                \
        STARLOCUS_SHARED_FILE(normPath_, "green2020/green2020_theta_normalization.json");                    \
        STARLOCUS_SHARED_FILE(catalogPath_, "green2020/green2020_test_data_small.h5");                       \
        (model) = ::starlocus::core::loadAnyModel(modelPath_.toStdString(), normPath_.toStdString());        \
        (catalog) = ::starlocus::core::readGreen2020Catalog(catalogPath_.toStdString());                     \
    } while (false)
