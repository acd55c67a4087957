// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The synthetic sky of issue 4: a catalog in the Green2020 layout whose truth is known,
// the app's embedded default data and the ground truth of the recovery tests (docs/MOCK.md).
//
//   MockSky sky(config, seed);   // sky.catalog(), sky.truth(), sky.normalization()
//
// Deterministic for (config, seed) whatever the number of threads: star i draws only from
// the counter-based stream (seed, i) (counter_random.h), and the label normalisation is a
// serial pass over the finished catalog.
#include "core/catalog/catalog.h"
#include "core/mock/mock_sky_config.h"
#include "core/mock/passband_table.h"
#include "core/model/label_normalization.h"

#include <array>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

namespace starlocus::core {

// What makes a star an outlier of the true model (the χ² cut's work, §4).
enum class MockOutlier : std::uint8_t {
    None = 0,
    UnresolvedBinary = 1, // photometry is the combined light of a dwarf/subgiant and a cooler companion
    WrongLabels = 2,      // the catalog labels scatter around another star's θ
};

// The truth beside the catalog, one entry per star.
struct MockTruth {
    std::vector<std::array<double, 3>> theta;                  // true Teff, log g, [Fe/H]
    std::vector<double> reddening;                             // true E (F99 E(B−V))
    std::vector<double> distanceModulus;                       // μ
    std::vector<std::array<double, kBandCount>> absMag;        // M(θ) of the (primary) star
    std::vector<std::array<double, kBandCount>> reddeningVector; // R(θ), linear limit
    std::vector<std::array<double, kBandCount>> extinction;    // A applied (E·R, or Eq. B19)
    std::vector<MockOutlier> outlier;
    std::vector<std::uint8_t> branch;                          // Branch (stellar_population.h)

    void resize(std::size_t n);
    std::size_t size() const { return theta.size(); }
};

// Thrown when the progress callback asks to stop.
class MockSkyCancelled : public std::runtime_error {
public:
    MockSkyCancelled() : std::runtime_error("synthetic sky cancelled") {}
};

class MockSky {
public:
    // Called on the constructing thread between blocks of stars; return false to stop
    // (the constructor then throws MockSkyCancelled).
    using Progress = std::function<bool(std::size_t done, std::size_t total)>;

    // Validates the config (InputError naming the field) and generates the sky.
    MockSky(const MockSkyConfig& config, std::uint64_t seed, const Progress& progress = {});

    const MockSkyConfig& config() const { return config_; }
    std::uint64_t seed() const { return seed_; }
    const Catalog& catalog() const { return catalog_; }
    const MockTruth& truth() const { return truth_; }
    // Median / standard deviation of the catalog labels (also in catalog().labelMedian/Std).
    const LabelNormalization& normalization() const { return normalization_; }

private:
    void generate(const PassbandTable& table, std::size_t begin, std::size_t end);

    MockSkyConfig config_;
    std::uint64_t seed_;
    Catalog catalog_;
    MockTruth truth_;
    LabelNormalization normalization_;
};


} // namespace starlocus::core
