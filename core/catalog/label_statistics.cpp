// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/label_statistics.h"

#include "core/common/input_error.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace starlocus::core {

LabelNormalization labelNormalizationOf(const Catalog& catalog) {
    std::vector<std::size_t> finite;
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        const auto& t = catalog.theta[i];
        if (std::isfinite(t[0]) && std::isfinite(t[1]) && std::isfinite(t[2]))
            finite.push_back(i);
    }
    if (finite.size() < 2)
        throw InputError(catalog.sourceFile, "atm_param", "fewer than two stars with finite labels: nothing to normalise");
    LabelNormalization norm;
    std::vector<double> values(finite.size());
    for (std::size_t k = 0; k < 3; ++k) {
        double sum = 0.0;
        for (std::size_t j = 0; j < finite.size(); ++j) {
            values[j] = catalog.theta[finite[j]][k];
            sum += values[j];
        }
        const double mean = sum / double(values.size());
        double squares = 0.0;
        for (double v : values)
            squares += (v - mean) * (v - mean);
        // numpy's median: the mean of the two middle values for an even count.
        const std::size_t mid = values.size() / 2;
        std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
        double median = values[mid];
        if (values.size() % 2 == 0)
            median = 0.5 * (median + *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid)));
        if (!(squares > 0.0))
            throw InputError(catalog.sourceFile, "atm_param",
                             "label " + std::to_string(k) + " has the same value for every star: it cannot be normalised");
        norm.median[k] = median;
        norm.stddev[k] = std::sqrt(squares / double(values.size()));
    }
    return norm;
}

} // namespace starlocus::core
