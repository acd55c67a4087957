// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One fully connected layer as Keras stores it: kernel (inputs × outputs, row-major),
// y = act(x·K + b).
#include <Eigen/Core>
#include <Eigen/StdVector>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace starlocus::core {

enum class Activation { Linear, Sigmoid, Tanh, Exponential };

std::string_view activationName(Activation activation);
// Accepts the names Keras writes ("linear", "sigmoid", "tanh", "exponential") and "exp".
std::optional<Activation> activationFromName(std::string_view name);

// Weights in memory aligned for the vector units: with unknown alignment Eigen peels
// differently from one allocation to the next, and the last bit of a sum would then
// depend on where the heap put the array (results must be reproducible run to run).
using WeightVector = std::vector<double, Eigen::aligned_allocator<double>>;

struct DenseLayer {
    std::string name;
    int inputs = 0;
    int outputs = 0;
    WeightVector kernel; // inputs × outputs, row-major
    WeightVector bias;   // outputs
    Activation activation = Activation::Linear;

    using KernelMap = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;
    KernelMap kernelMatrix() const { return KernelMap(kernel.data(), inputs, outputs); }
    Eigen::Map<const Eigen::VectorXd> biasVector() const { return {bias.data(), outputs}; }

    // Pre-activation z = Kᵀx + b.
    Eigen::VectorXd preActivation(const Eigen::VectorXd& x) const;
    // act(z), and act'(z) expressed through the output where that is exact.
    static Eigen::VectorXd activate(Activation activation, const Eigen::VectorXd& z);
    static Eigen::VectorXd derivative(Activation activation, const Eigen::VectorXd& z,
                                      const Eigen::VectorXd& y);
    bool operator==(const DenseLayer&) const = default;
};

} // namespace starlocus::core
