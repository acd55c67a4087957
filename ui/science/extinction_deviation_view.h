// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fig. 10: how the learned extinction vector depends on the labels. Per band, ΔR/R =
// (R(θ̂) − R(θ̄))/R(θ̄) of every star against its Teff, as a 2-D histogram coloured by the mean
// log g per pixel (pixels with fewer than min_count stars white), with the theory curve
// of a blackbody seen through the band and the Fitzpatrick (1999) law over it, put on the
// same reference (R at the mean Teff).
// Settings: bands (comma-separated, default G,BP,RP,g), min_count (10).
#include "ui/science/science_view.h"

namespace starlocus::ui {

class ExtinctionDeviationView : public ScienceView {
    Q_OBJECT
public:
    explicit ExtinctionDeviationView(QWidget* parent = nullptr);
    QString viewName() const override { return QStringLiteral("extinction_deviation"); }
    QString fileStem() const override { return QStringLiteral("fig10_extinction_deviation"); }
    QString title() const override { return tr("Fig. 10 — ΔR/R against Teff"); }

protected:
    QString validateSetting(const QString& key, const QString& value) const override;
    void draw() override;
};

} // namespace starlocus::ui
