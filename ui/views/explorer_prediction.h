// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the explorer shows, asked of core::StellarModel and nothing more: the star's
// absolute magnitudes with reddening M + E·R (Eq. 2 without μ), its colours against G
// (the c-space entries of Eq. 5), R per band, and colour-magnitude tracks through it.
// Each number is one StellarModel::evaluate call; no science is redone here.
#include "core/catalog/catalog.h"
#include "core/model/stellar_model.h"

#include <Eigen/Core>
#include <cstddef>
#include <vector>

namespace starlocus::ui {

// The explorer's position: θ = (Teff [K], log g [dex], [Fe/H] [dex]) and reddening E.
struct ExplorerInput {
    Eigen::Vector3d theta{5780.0, 4.44, 0.0};
    double reddening = 0.0;
};

struct ExplorerPrediction {
    core::Vec13 absoluteMagnitudes; // M + E·R [mag], band order of core::bands()
    core::Vec13 colorsVsG;          // (band − G) of M + E·R [mag]; entry 0 is M_G + E·R_G
    core::Vec13 extinction;         // R = A/E per band
};

ExplorerPrediction predictStar(const core::StellarModel& model, const ExplorerInput& input);

// A colour-magnitude diagram: x = band `blue` − band `red`, y = band `magnitude`.
struct CmdBands {
    std::size_t blue = 1;      // BP
    std::size_t red = 2;       // RP
    std::size_t magnitude = 0; // G
    bool operator==(const CmdBands&) const = default;
};

struct CmdPoint {
    double color = 0.0;
    double magnitude = 0.0;
};

CmdPoint cmdPoint(const core::Vec13& absoluteMagnitudes, const CmdBands& bands);

// A model track: one label varied over [from, to] in `steps` points, the others and E
// held at `input`. `parameter` holds the varied label's values.
struct CmdTrack {
    std::vector<double> parameter;
    std::vector<double> color;
    std::vector<double> magnitude;
};

// label: 0 = Teff, 1 = log g, 2 = [Fe/H].
CmdTrack labelTrack(const core::StellarModel& model, const ExplorerInput& input, const CmdBands& bands,
                    int label, double from, double to, std::size_t steps);

// Zero-reddening predictions M(θ̂) of catalog stars with finite labels (Fig. 6, right):
// the locus the explorer draws behind its star. At most `maxStars`, evenly strided.
std::vector<core::Vec13> predictCatalogMagnitudes(const core::StellarModel& model, const core::Catalog& catalog,
                                                  std::size_t maxStars = 50000);

} // namespace starlocus::ui
