// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/color_transform.h"

namespace starlocus::core {

Mat13 colorTransformMatrix() {
    Mat13 b = Mat13::Identity();
    for (Eigen::Index i = 1; i < Eigen::Index(kBandCount); ++i)
        b(i, 0) = -1.0;
    return b;
}

} // namespace starlocus::core
