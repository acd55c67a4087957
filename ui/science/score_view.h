// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fig. 12: scores Δ(X−Y)/σ (Eq. 18, best-fit reddening) of a colour against Teff, log g,
// [Fe/H] and the best-fit E, as 2-D histograms with the running 16/50/84 % percentiles.
// One row of four panels per colour.
// Settings: colors (comma-separated, default r-G), score_range (5: the y axis is ±5).
#include "ui/science/science_view.h"

namespace starlocus::ui {

class ScoreView : public ScienceView {
    Q_OBJECT
public:
    explicit ScoreView(QWidget* parent = nullptr);
    QString viewName() const override { return QStringLiteral("scores"); }
    QString fileStem() const override { return QStringLiteral("fig12_scores"); }
    QString title() const override { return tr("Fig. 12 — Colour scores against labels and reddening"); }
    QSizeF defaultSizeMm() const override;

protected:
    QString validateSetting(const QString& key, const QString& value) const override;
    void draw() override;
};

} // namespace starlocus::ui
