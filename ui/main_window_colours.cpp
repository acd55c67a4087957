// SPDX-License-Identifier: GPL-3.0-or-later
// View ▸ Colours: the desktop's palette, or StarLocus's light or dark one (ui/colour_scheme).
#include "ui/main_window.h"

#include <QActionGroup>
#include <QMenu>

namespace starlocus::ui {

void MainWindow::addColoursMenu(QMenu* view) {
    QMenu* colours = view->addMenu(tr("&Colours"));
    colours->setObjectName(QStringLiteral("coloursMenu"));
    colourActions_ = new QActionGroup(this);
    colourActions_->setExclusive(true);
    const struct {
        ColourScheme scheme;
        QString text;
    } choices[] = {{ColourScheme::System, tr("As the &Desktop")},
                   {ColourScheme::Light, tr("&Light")},
                   {ColourScheme::Dark, tr("D&ark")}};
    for (const auto& choice : choices) {
        QAction* action = colours->addAction(choice.text);
        action->setObjectName(QStringLiteral("colours_%1Action").arg(colourSchemeName(choice.scheme)));
        action->setCheckable(true);
        action->setChecked(choice.scheme == colourScheme_);
        action->setData(colourSchemeName(choice.scheme));
        colourActions_->addAction(action);
        connect(action, &QAction::triggered, this, [this, scheme = choice.scheme] { setColourScheme(scheme); });
    }
}

void MainWindow::setColourScheme(ColourScheme scheme) {
    colourScheme_ = scheme;
    applyColourScheme(scheme);
    if (colourActions_)
        for (QAction* action : colourActions_->actions())
            action->setChecked(action->data().toString() == colourSchemeName(scheme));
}

} // namespace starlocus::ui
