// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fig. 11: reddening slopes E(b1−b2)/E(b2−b3) over consecutive band triples g r i z y J H Ks
// W1 W2: the learned vector at the mean labels with the 1σ (16–84 %) band over the stars,
// against the Schlafly et al. (2016) family for a range of R_V drawn as a labelled fan.
// Settings: rv_min (2.5), rv_max (4.5), rv_steps (5).
#include "ui/science/science_view.h"

namespace starlocus::ui {

class ReddeningSlopeView : public ScienceView {
    Q_OBJECT
public:
    explicit ReddeningSlopeView(QWidget* parent = nullptr);
    QString viewName() const override { return QStringLiteral("reddening_slopes"); }
    QString fileStem() const override { return QStringLiteral("fig11_reddening_slopes"); }
    QString title() const override { return tr("Fig. 11 — Reddening slopes against Schlafly et al. (2016)"); }
    QSizeF defaultSizeMm() const override { return {120.0, 85.0}; }

protected:
    QString validateSetting(const QString& key, const QString& value) const override;
    void draw() override;
};

} // namespace starlocus::ui
