// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/corner_plot.h"

#include "ui/inference/marginal_map_plot.h"
#include "ui/inference/marginal_plot.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace starlocus::ui {

CornerPlot::CornerPlot(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("cornerPlot"));
    key_ = new QLabel(this);
    key_->setObjectName(QStringLiteral("cornerKey"));
    key_->setWordWrap(true);
    auto* row1 = new QHBoxLayout;
    row1->setSpacing(2);
    for (PosteriorQuantity q : kPosteriorQuantities) {
        marginals_[std::size_t(q)] = new MarginalPlot(q, this);
        row1->addWidget(marginals_[std::size_t(q)], 1);
    }
    auto* row2 = new QHBoxLayout;
    row2->setSpacing(2);
    using Q = PosteriorQuantity;
    maps_ = {new MarginalMapPlot(Q::Teff, Q::LogG, this), new MarginalMapPlot(Q::Teff, Q::FeH, this),
             new MarginalMapPlot(Q::Mu, Q::Reddening, this)};
    for (MarginalMapPlot* map : maps_)
        row2->addWidget(map, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(key_);
    layout->addLayout(row1, 2);
    layout->addLayout(row2, 3);
    retranslate();
}

void CornerPlot::setResult(const StarFitResult& result) {
    for (MarginalPlot* m : marginals_)
        m->setResult(result);
    for (MarginalMapPlot* m : maps_)
        m->setResult(result);
}

void CornerPlot::clearResult() {
    for (MarginalPlot* m : marginals_)
        m->clearResult();
    for (MarginalMapPlot* m : maps_)
        m->clearResult();
}

void CornerPlot::redraw() {
    for (MarginalPlot* m : marginals_)
        m->replot(QCustomPlot::rpImmediateRefresh);
    for (MarginalMapPlot* m : maps_)
        m->replot(QCustomPlot::rpImmediateRefresh);
}

void CornerPlot::retranslate() {
    key_->setText(tr("Shaded: 16–84 %. Solid: median. Dotted, ×: MAP. Dashed, ★: catalog (spectroscopic "
                     "labels, Ê, μ of ϖ). Colour: density, peak 1."));
}

void CornerPlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
