// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/dense_layer.h"

#include <cmath>

namespace starlocus::core {

std::string_view activationName(Activation activation) {
    switch (activation) {
    case Activation::Linear: return "linear";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Tanh: return "tanh";
    case Activation::Exponential: return "exponential";
    }
    return "?";
}

std::optional<Activation> activationFromName(std::string_view name) {
    if (name == "linear")
        return Activation::Linear;
    if (name == "sigmoid")
        return Activation::Sigmoid;
    if (name == "tanh")
        return Activation::Tanh;
    if (name == "exponential" || name == "exp")
        return Activation::Exponential;
    return std::nullopt;
}

Eigen::VectorXd DenseLayer::preActivation(const Eigen::VectorXd& x) const {
    return kernelMatrix().transpose().lazyProduct(x) + biasVector();
}

Eigen::VectorXd DenseLayer::activate(Activation activation, const Eigen::VectorXd& z) {
    switch (activation) {
    case Activation::Linear: return z;
    case Activation::Sigmoid: return z.unaryExpr([](double v) { return 1.0 / (1.0 + std::exp(-v)); });
    case Activation::Tanh: return z.array().tanh().matrix();
    case Activation::Exponential: return z.array().exp().matrix();
    }
    return z;
}

Eigen::VectorXd DenseLayer::derivative(Activation activation, const Eigen::VectorXd& z,
                                       const Eigen::VectorXd& y) {
    switch (activation) {
    case Activation::Linear: return Eigen::VectorXd::Ones(z.size());
    case Activation::Sigmoid: return (y.array() * (1.0 - y.array())).matrix();
    case Activation::Tanh: return (1.0 - y.array().square()).matrix();
    case Activation::Exponential: return y;
    }
    return Eigen::VectorXd::Ones(z.size());
}

} // namespace starlocus::core
