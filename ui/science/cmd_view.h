// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fig. 6: the colour–magnitude diagram of the observed photometry (left; absolute
// magnitudes from parallaxes) beside the predicted zero-reddening, noiseless CMD M(θ̂)
// (right), with the mean learned reddening vector R(θ̄) drawn as an arrow.
// Settings: color (default BP-RP), magnitude (G), xrange/yrange (auto or LOW:HIGH).
#include "ui/science/science_view.h"

namespace starlocus::ui {

class CmdView : public ScienceView {
    Q_OBJECT
public:
    explicit CmdView(QWidget* parent = nullptr);
    QString viewName() const override { return QStringLiteral("cmd"); }
    QString fileStem() const override { return QStringLiteral("fig06_cmd"); }
    QString title() const override { return tr("Fig. 6 — Observed and predicted CMD"); }

protected:
    QString validateSetting(const QString& key, const QString& value) const override;
    void draw() override;
};

} // namespace starlocus::ui
