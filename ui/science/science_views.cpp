// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/science_views.h"

#include "ui/science/cmd_view.h"
#include "ui/science/color_color_view.h"
#include "ui/science/extinction_deviation_view.h"
#include "ui/science/mean_label_view.h"
#include "ui/science/reddening_slope_view.h"
#include "ui/science/score_view.h"

namespace starlocus::ui {

std::vector<ScienceView*> makeScienceViews(QWidget* parent) {
    return {new CmdView(parent),
            new MeanLabelView(parent),
            new ColorColorView(ColorColorLabel::LogG, parent),
            new ColorColorView(ColorColorLabel::FeH, parent),
            new ExtinctionDeviationView(parent),
            new ReddeningSlopeView(parent),
            new ScoreView(parent)};
}

QStringList scienceViewNames() {
    return {QStringLiteral("cmd"),
            QStringLiteral("mean_labels"),
            QStringLiteral("color_color_logg"),
            QStringLiteral("color_color_feh"),
            QStringLiteral("extinction_deviation"),
            QStringLiteral("reddening_slopes"),
            QStringLiteral("scores")};
}

} // namespace starlocus::ui
