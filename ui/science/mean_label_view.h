// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fig. 7: the mean spectroscopic labels (Teff, log g, [Fe/H]) of the stars in each pixel of
// the predicted zero-reddening CMD M(θ̂) — the mapping from labels to photometry.
// Settings: color (BP-RP), magnitude (G), min_count (pixels with fewer stars are empty).
#include "ui/science/science_view.h"

namespace starlocus::ui {

class MeanLabelView : public ScienceView {
    Q_OBJECT
public:
    explicit MeanLabelView(QWidget* parent = nullptr);
    QString viewName() const override { return QStringLiteral("mean_labels"); }
    QString fileStem() const override { return QStringLiteral("fig07_mean_labels"); }
    QString title() const override { return tr("Fig. 7 — Mean labels across the predicted CMD"); }
    QSizeF defaultSizeMm() const override { return {180.0, 70.0}; }

protected:
    QString validateSetting(const QString& key, const QString& value) const override;
    void draw() override;
};

} // namespace starlocus::ui
