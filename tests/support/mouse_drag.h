// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A left-button drag along a path of widget pixels, as a user draws a box (corner, middle,
// corner) or a lasso (the outline's points): press at the first point, move through the
// others, release at the last.
#include <QPoint>
#include <QTest>
#include <QWidget>

#include <initializer_list>

namespace starlocus::test {

inline void dragThrough(QWidget* widget, std::initializer_list<QPoint> path) {
    const QPoint* first = path.begin();
    const QPoint* last = path.end() - 1;
    QTest::mousePress(widget, Qt::LeftButton, Qt::NoModifier, *first);
    for (const QPoint* p = first + 1; p != path.end(); ++p)
        QTest::mouseMove(widget, *p);
    QTest::mouseRelease(widget, Qt::LeftButton, Qt::NoModifier, *last);
}

} // namespace starlocus::test
