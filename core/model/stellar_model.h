// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StellarModel: the network of Green et al. (2020), Fig. 3.
//   x = (θ − θ_med)/θ_std
//   stellar sector:    x → hidden layers → linear Dense(13) = B·M(θ)
//   extinction sector: x → Dense(13, exp) = R(θ)
//   output:            B·(M + E·R)
// Evaluated in double precision; the trainer keeps its own float32 copy for the hot loop.
#include "core/model/color_transform.h"
#include "core/model/dense_layer.h"
#include "core/model/label_normalization.h"

#include <string>
#include <vector>

namespace starlocus::core {

struct ModelProvenance {
    std::string origin;      // "keras-import", "starlocus-training", ...
    std::string sourceFile;  // file this model was read from (empty while only in memory)
    std::string description; // free text (e.g. Keras version, training summary)
    std::string trainedOn;   // catalog the weights were trained on (StarLocus training only)
    // What the user should know about the file it was read from, e.g. that it has no
    // checksums (written before StarLocus stored them). Shown beside the model, not errors.
    std::vector<std::string> notes = {};

    // Without it StellarModel's defaulted == is silently deleted (clang says so).
    bool operator==(const ModelProvenance&) const = default;
};

// Everything the likelihood needs about the model at one θ.
struct ModelEvaluation {
    Vec13 colorMagnitudes;   // B·M(θ)
    Vec13 extinction;        // R(θ), magnitude space
    Mat13x3 colorJacobianX;  // ∂(B·M)/∂x
    Mat13x3 extinctionJacobianX; // ∂R/∂x
    bool hasJacobian = false;

    // B·(M + E·R)
    Vec13 colorPrediction(double e) const { return colorMagnitudes + e * toColorSpace(extinction); }
    // ∂B(M + E·R)/∂x
    Mat13x3 colorPredictionJacobianX(double e) const {
        return colorJacobianX + e * toColorSpace(extinctionJacobianX);
    }
};

class StellarModel {
public:
    StellarModel() = default;
    // Throws InputError (file = provenance.sourceFile) when the layer shapes do not chain
    // 3 → … → 13 or the extinction layer is not 3 → 13.
    StellarModel(LabelNormalization normalization, std::vector<DenseLayer> hiddenLayers,
                 DenseLayer colorOutput, DenseLayer extinctionLayer, ModelProvenance provenance);

    const LabelNormalization& normalization() const { return normalization_; }
    const std::vector<DenseLayer>& hiddenLayers() const { return hidden_; }
    const DenseLayer& colorOutputLayer() const { return colorOutput_; }
    const DenseLayer& extinctionLayer() const { return extinction_; }
    const ModelProvenance& provenance() const { return provenance_; }
    std::size_t parameterCount() const;

    // Evaluate at normalized labels x (and the Jacobians w.r.t. x when asked).
    ModelEvaluation evaluateNormalized(const Eigen::Vector3d& x, bool withJacobian) const;
    ModelEvaluation evaluate(const Eigen::Vector3d& theta, bool withJacobian) const {
        return evaluateNormalized(normalization_.normalize(theta), withJacobian);
    }

    Vec13 absoluteMagnitudes(const Eigen::Vector3d& theta) const; // M(θ)
    Vec13 extinctionVector(const Eigen::Vector3d& theta) const;   // R(θ)
    // ∂B(M + E·R)/∂θ in physical units (per K, per dex, per dex).
    Mat13x3 colorPredictionJacobian(const Eigen::Vector3d& theta, double e) const;

    bool operator==(const StellarModel&) const = default;

private:
    LabelNormalization normalization_;
    std::vector<DenseLayer> hidden_;
    DenseLayer colorOutput_;
    DenseLayer extinction_;
    ModelProvenance provenance_;
    // colorOutput_'s kernel with every row padded from 13 to 16 columns (zeros): whole AVX
    // registers for the output layer of the fixed-width evaluation.
    std::vector<double> colorOutputPadded_;
};

// InputError(file, field) when the prediction at the normalisation's median labels is not
// finite. Finite weights can still overflow: a bias of 2·10⁹ before R's exp gave R = ∞ for
// every star (found by fuzz_keras_model). The loaders call it; a model in training is not
// an input and is not checked here.
void requireFinitePrediction(const StellarModel& model, const std::string& file, const std::string& field);

} // namespace starlocus::core
