// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/stellar_model.h"

#include "core/common/input_error.h"

#include <algorithm>
#include <cmath>

namespace starlocus::core {
namespace {

constexpr int kPaddedOutputs = 16; // 13 bands padded to four AVX registers of doubles

void requireShape(const DenseLayer& layer, int inputs, int outputs, const std::string& file) {
    if (layer.inputs != inputs || layer.outputs != outputs)
        throw InputError(file, layer.name,
                         "layer is " + std::to_string(layer.inputs) + " → " + std::to_string(layer.outputs) +
                             ", expected " + std::to_string(inputs) + " → " + std::to_string(outputs));
    if (layer.kernel.size() != std::size_t(inputs) * std::size_t(outputs) ||
        layer.bias.size() != std::size_t(outputs))
        throw InputError(file, layer.name, "kernel or bias size does not match the layer shape");
}

// Hidden layers up to this width are evaluated in inline storage: no heap allocation per
// star (the reddening update and `evaluate` call this millions of times).
constexpr int kInlineWidth = 64;
using InlineVector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kInlineWidth, 1>;
using InlineJacobian = Eigen::Matrix<double, Eigen::Dynamic, 3, 0, kInlineWidth, 3>;

template <typename Vec>
void activateInPlace(Activation activation, Vec& z) {
    switch (activation) {
    case Activation::Linear: return;
    case Activation::Sigmoid: z = (1.0 + (-z.array()).exp()).inverse().matrix(); return; // vectorised exp
    case Activation::Tanh: z = z.array().tanh().matrix(); return;
    case Activation::Exponential: z = z.array().exp().matrix(); return;
    }
}

// act'(z) through the output y = act(z) where that is exact.
template <typename Vec>
Vec activationSlope(Activation activation, const Vec& y) {
    switch (activation) {
    case Activation::Linear: return Vec::Ones(y.size());
    case Activation::Sigmoid: return (y.array() * (1.0 - y.array())).matrix();
    case Activation::Tanh: return (1.0 - y.array().square()).matrix();
    case Activation::Exponential: return y;
    }
    return Vec::Ones(y.size());
}

template <typename Vec, typename Jac>
ModelEvaluation evaluateLayers(const std::vector<DenseLayer>& hidden, const DenseLayer& colorOutput,
                               const DenseLayer& extinction, const Eigen::Vector3d& x, bool withJacobian) {
    ModelEvaluation out;
    Vec h = x;
    Jac jac = Jac::Identity(3, 3); // ∂h/∂x, chained layer by layer
    Vec y;
    Jac next;
    for (const DenseLayer& layer : hidden) {
        y.noalias() = layer.kernelMatrix().transpose() * h; // noalias: no heap temporary
        y += layer.biasVector();
        activateInPlace(layer.activation, y);
        if (withJacobian) {
            // Small products: coefficient-based (lazy) beats the blocked GEMM path here.
            next.noalias() = layer.kernelMatrix().transpose().lazyProduct(jac);
            next.array().colwise() *= activationSlope(layer.activation, y).array();
            jac.swap(next);
        }
        h.swap(y);
    }
    out.colorMagnitudes.noalias() = colorOutput.kernelMatrix().transpose() * h;
    out.colorMagnitudes += colorOutput.biasVector();
    out.extinction.noalias() = extinction.kernelMatrix().transpose() * x;
    out.extinction = (out.extinction + extinction.biasVector()).array().exp().matrix();
    if (withJacobian) {
        out.colorJacobianX.noalias() = colorOutput.kernelMatrix().transpose().lazyProduct(jac);
        // d exp(z)/dz = exp(z) = R.
        out.extinctionJacobianX.noalias() = out.extinction.asDiagonal() * extinction.kernelMatrix().transpose();
        out.hasJacobian = true;
    }
    return out;
}

// Σ_k c_k · (row k of a row-major In × Out kernel) = Kᵀc, as In vector updates of all Out
// outputs at once: independent accumulators, so the multiply-adds pipeline. Eigen's
// coefficient-based Kᵀ·c instead runs one serial chain of In multiply-adds per packet of
// outputs, bound by the adder's latency (measured: most of the model's time).
template <int In, int Out, typename Coefficients>
Eigen::Matrix<double, Out, 1> sumOfKernelRows(const double* kernel, const Coefficients& c) {
    const Eigen::Map<const Eigen::Matrix<double, In, Out, Eigen::RowMajor>> k(kernel);
    Eigen::Matrix<double, Out, 1> acc = Eigen::Matrix<double, Out, 1>::Zero();
    for (int i = 0; i < In; ++i)
        acc += c[i] * k.row(i).transpose();
    return acc;
}

// Kᵀ·c₁ and Kᵀ·c₂ for a kernel whose rows are padded to 16 columns, in one pass over its
// rows. With 13 outputs a single sum is one chain of In steps through four registers,
// bound by the adder's latency; two sums side by side give the adder two independent chains.
template <int In, typename C1, typename C2>
void twoSumsOfPaddedRows(const double* kernel, const C1& c1, const C2& c2, Vec13& out1, Vec13& out2) {
    using Row = Eigen::Matrix<double, kPaddedOutputs, 1>;
    Row a = Row::Zero(), b = Row::Zero();
    for (int i = 0; i < In; ++i) {
        const Eigen::Map<const Row> row(kernel + i * kPaddedOutputs);
        a += c1[i] * row;
        b += c2[i] * row;
    }
    out1 = a.template head<int(kBandCount)>();
    out2 = b.template head<int(kBandCount)>();
}

// The paper's layout (every hidden layer the same width W, 32 in the paper) with sizes
// known to the compiler (the reddening update evaluates the model with its Jacobian once
// per star per iteration).
template <int W>
ModelEvaluation evaluateFixedWidth(const std::vector<DenseLayer>& hidden, const DenseLayer& colorOutput,
                                   const double* colorOutputPadded, const DenseLayer& extinction,
                                   const Eigen::Vector3d& x, bool withJacobian) {
    using VecW = Eigen::Matrix<double, W, 1>;
    using JacW = Eigen::Matrix<double, W, 3>;
    ModelEvaluation out;
    const DenseLayer& first = hidden.front();
    const Eigen::Map<const Eigen::Matrix<double, 3, W, Eigen::RowMajor>> k1(first.kernel.data());
    VecW h = k1.transpose() * x + Eigen::Map<const VecW>(first.bias.data());
    activateInPlace(first.activation, h);
    JacW jac;
    if (withJacobian) // ∂h/∂x of the first layer: its kernel, rows scaled by act'
        jac = activationSlope(first.activation, h).asDiagonal() * k1.transpose();
    for (std::size_t l = 1; l < hidden.size(); ++l) {
        const DenseLayer& layer = hidden[l];
        VecW y = sumOfKernelRows<W, W>(layer.kernel.data(), h) + Eigen::Map<const VecW>(layer.bias.data());
        activateInPlace(layer.activation, y);
        if (withJacobian) {
            const VecW slope = activationSlope(layer.activation, y);
            JacW next;
            for (int a = 0; a < 3; ++a)
                next.col(a) = slope.cwiseProduct(sumOfKernelRows<W, W>(layer.kernel.data(), jac.col(a)));
            jac = next;
        }
        h = y;
    }
    const Eigen::Map<const Eigen::Matrix<double, 3, int(kBandCount), Eigen::RowMajor>> ke(extinction.kernel.data());
    out.extinction = (ke.transpose() * x + Eigen::Map<const Vec13>(extinction.bias.data())).array().exp().matrix();
    if (withJacobian) {
        Vec13 values, column;
        twoSumsOfPaddedRows<W>(colorOutputPadded, h, jac.col(0), values, column);
        out.colorMagnitudes = values + Eigen::Map<const Vec13>(colorOutput.bias.data());
        out.colorJacobianX.col(0) = column;
        twoSumsOfPaddedRows<W>(colorOutputPadded, jac.col(1), jac.col(2), values, column);
        out.colorJacobianX.col(1) = values;
        out.colorJacobianX.col(2) = column;
        out.extinctionJacobianX.noalias() = out.extinction.asDiagonal() * ke.transpose();
        out.hasJacobian = true;
    } else {
        out.colorMagnitudes = sumOfKernelRows<W, int(kBandCount)>(colorOutput.kernel.data(), h) +
                              Eigen::Map<const Vec13>(colorOutput.bias.data());
    }
    return out;
}

} // namespace

StellarModel::StellarModel(LabelNormalization normalization, std::vector<DenseLayer> hiddenLayers,
                           DenseLayer colorOutput, DenseLayer extinctionLayer, ModelProvenance provenance)
    : normalization_(normalization), hidden_(std::move(hiddenLayers)), colorOutput_(std::move(colorOutput)),
      extinction_(std::move(extinctionLayer)), provenance_(std::move(provenance)) {
    const std::string& file = provenance_.sourceFile;
    for (int k = 0; k < 3; ++k)
        if (!(normalization_.stddev[k] > 0.0) || !std::isfinite(normalization_.stddev[k]) ||
            !std::isfinite(normalization_.median[k]))
            throw InputError(file, "theta_std", "normalisation must be finite with σ > 0");
    int width = 3;
    for (const DenseLayer& layer : hidden_) {
        requireShape(layer, width, layer.outputs, file);
        width = layer.outputs;
    }
    requireShape(colorOutput_, width, int(kBandCount), file);
    if (colorOutput_.activation != Activation::Linear)
        throw InputError(file, colorOutput_.name, "the B·M output layer must be linear");
    requireShape(extinction_, 3, int(kBandCount), file);
    if (extinction_.activation != Activation::Exponential)
        throw InputError(file, extinction_.name, "the R layer must have an exponential activation");
    colorOutputPadded_.assign(std::size_t(colorOutput_.inputs) * kPaddedOutputs, 0.0);
    for (std::size_t i = 0; i < std::size_t(colorOutput_.inputs); ++i)
        std::copy_n(colorOutput_.kernel.begin() + std::ptrdiff_t(i * kBandCount), kBandCount,
                    colorOutputPadded_.begin() + std::ptrdiff_t(i * kPaddedOutputs));
}

std::size_t StellarModel::parameterCount() const {
    std::size_t n = colorOutput_.kernel.size() + colorOutput_.bias.size() + extinction_.kernel.size() +
                    extinction_.bias.size();
    for (const DenseLayer& layer : hidden_)
        n += layer.kernel.size() + layer.bias.size();
    return n;
}

ModelEvaluation StellarModel::evaluateNormalized(const Eigen::Vector3d& x, bool withJacobian) const {
    constexpr int kPaperWidth = 32;
    if (!hidden_.empty() && std::all_of(hidden_.begin(), hidden_.end(),
                                        [](const DenseLayer& layer) { return layer.outputs == kPaperWidth; }))
        return evaluateFixedWidth<kPaperWidth>(hidden_, colorOutput_, colorOutputPadded_.data(), extinction_, x,
                                               withJacobian);
    for (const DenseLayer& layer : hidden_)
        if (layer.outputs > kInlineWidth)
            return evaluateLayers<Eigen::VectorXd, Eigen::MatrixX3d>(hidden_, colorOutput_, extinction_, x,
                                                                      withJacobian);
    return evaluateLayers<InlineVector, InlineJacobian>(hidden_, colorOutput_, extinction_, x, withJacobian);
}

Vec13 StellarModel::absoluteMagnitudes(const Eigen::Vector3d& theta) const {
    return fromColorSpace(evaluate(theta, false).colorMagnitudes);
}

Vec13 StellarModel::extinctionVector(const Eigen::Vector3d& theta) const {
    return evaluate(theta, false).extinction;
}

Mat13x3 StellarModel::colorPredictionJacobian(const Eigen::Vector3d& theta, double e) const {
    const Mat13x3 jx = evaluate(theta, true).colorPredictionJacobianX(e);
    // x = (θ − med)/σ  ⇒  ∂/∂θ = ∂/∂x · 1/σ
    const Eigen::Vector3d invStd(1.0 / normalization_.stddev[0], 1.0 / normalization_.stddev[1],
                                 1.0 / normalization_.stddev[2]);
    return jx * invStd.asDiagonal();
}

void requireFinitePrediction(const StellarModel& model, const std::string& file, const std::string& field) {
    const auto& m = model.normalization().median;
    const ModelEvaluation eval = model.evaluate(Eigen::Vector3d(m[0], m[1], m[2]), false);
    if (!eval.colorMagnitudes.allFinite() || !eval.extinction.allFinite())
        throw InputError(file, field,
                         "the weights give a non-finite prediction at the median labels (an overflow, e.g. a "
                         "huge bias before the extinction layer's exp)");
}

} // namespace starlocus::core
