// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fuzzy comparison used by the science tests: |a − b| ≤ max(rel·|b|, abs).
#include <QTest>
#include <cmath>

namespace starlocus::test {

inline bool closeEnough(double actual, double expected, double rel, double abs) {
    return std::abs(actual - expected) <= std::max(rel * std::abs(expected), abs);
}

} // namespace starlocus::test

#define STARLOCUS_COMPARE_CLOSE(actual, expected, rel, abs)                                        \
    do {                                                                                           \
        const double a_ = (actual), e_ = (expected);                                               \
        if (!::starlocus::test::closeEnough(a_, e_, (rel), (abs)))                                 \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 (rel %4, abs %5)")               \
                                 .arg(QStringLiteral(#actual))                                     \
                                 .arg(a_, 0, 'g', 12)                                              \
                                 .arg(e_, 0, 'g', 12)                                              \
                                 .arg(double(rel))                                                 \
                                 .arg(double(abs))));                                              \
    } while (false)
