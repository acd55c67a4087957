// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every science view, in figure order (Figs. 6, 7, 8, 9, 10, 11, 12): the one list the
// tab, starlocus-figures and the tests share.
#include <QStringList>
#include <QWidget>
#include <vector>

namespace starlocus::ui {

class ScienceView;

std::vector<ScienceView*> makeScienceViews(QWidget* parent);

// Their names (ScienceView::viewName), in the same order, without making widgets: the
// command line knows them before there is a window (--help needs no display).
QStringList scienceViewNames();

} // namespace starlocus::ui
