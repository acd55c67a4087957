#include "core/model/stellar_model.h"

#include "core/common/input_error.h"

#include <cmath>

namespace starlocus::core {
namespace {

void requireShape(const DenseLayer& layer, int inputs, int outputs, const std::string& file) {
    if (layer.inputs != inputs || layer.outputs != outputs)
        throw InputError(file, layer.name,
                         "layer is " + std::to_string(layer.inputs) + " → " + std::to_string(layer.outputs) +
                             ", expected " + std::to_string(inputs) + " → " + std::to_string(outputs));
    if (layer.kernel.size() != std::size_t(inputs) * std::size_t(outputs) ||
        layer.bias.size() != std::size_t(outputs))
        throw InputError(file, layer.name, "kernel or bias size does not match the layer shape");
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
}

std::size_t StellarModel::parameterCount() const {
    std::size_t n = colorOutput_.kernel.size() + colorOutput_.bias.size() + extinction_.kernel.size() +
                    extinction_.bias.size();
    for (const DenseLayer& layer : hidden_)
        n += layer.kernel.size() + layer.bias.size();
    return n;
}

ModelEvaluation StellarModel::evaluateNormalized(const Eigen::Vector3d& x, bool withJacobian) const {
    ModelEvaluation out;
    Eigen::VectorXd h = x;
    Eigen::MatrixXd jac = Eigen::MatrixXd::Identity(3, 3); // ∂h/∂x, chained layer by layer
    for (const DenseLayer& layer : hidden_) {
        const Eigen::VectorXd z = layer.preActivation(h);
        const Eigen::VectorXd y = DenseLayer::activate(layer.activation, z);
        if (withJacobian) {
            // Small products: coefficient-based (lazy) beats the blocked GEMM path here;
            // lazy products do not guard against aliasing, hence the explicit temporary.
            Eigen::MatrixXd next = DenseLayer::derivative(layer.activation, z, y).asDiagonal() *
                                   layer.kernelMatrix().transpose().lazyProduct(jac);
            jac.swap(next);
        }
        h = y;
    }
    out.colorMagnitudes = colorOutput_.preActivation(h);
    const Eigen::VectorXd zr = extinction_.preActivation(x);
    out.extinction = zr.array().exp().matrix();
    if (withJacobian) {
        out.colorJacobianX = colorOutput_.kernelMatrix().transpose().lazyProduct(jac);
        // d exp(z)/dz = exp(z) = R.
        out.extinctionJacobianX = out.extinction.asDiagonal() * extinction_.kernelMatrix().transpose();
        out.hasJacobian = true;
    }
    return out;
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

} // namespace starlocus::core
