// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Figs. 8 and 9: colour–colour diagrams of the observed photometry (left) and the
// predicted dereddened, noiseless photometry M(θ̂) (right), each pixel coloured by the mean
// measured log g (Fig. 8) or [Fe/H] (Fig. 9), with the learned reddening vector projected
// onto the two colours as an arrow. One row per colour pair.
// Settings: pairs ("g-r:r-i,J-H:H-Ks": x-colour:y-colour, comma-separated), min_count.
#include "ui/science/science_view.h"

namespace starlocus::ui {

enum class ColorColorLabel { LogG, FeH };

class ColorColorView : public ScienceView {
    Q_OBJECT
public:
    explicit ColorColorView(ColorColorLabel label, QWidget* parent = nullptr);
    QString viewName() const override;
    QString fileStem() const override;
    QString title() const override;

protected:
    QString validateSetting(const QString& key, const QString& value) const override;
    void draw() override;

private:
    ColorColorLabel label_;
};

} // namespace starlocus::ui
