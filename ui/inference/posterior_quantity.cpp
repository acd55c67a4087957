// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/posterior_quantity.h"

#include "ui/plot/plot_frame.h"

#include <QCoreApplication>

namespace starlocus::ui {

namespace {
// The translation context of the quantities' names.
struct PosteriorQuantityText {
    Q_DECLARE_TR_FUNCTIONS(PosteriorQuantityText)
};
} // namespace

QString quantitySymbol(PosteriorQuantity q) {
    switch (q) {
    case PosteriorQuantity::Teff:
        return PosteriorQuantityText::tr("Teff");
    case PosteriorQuantity::LogG:
        return PosteriorQuantityText::tr("log g");
    case PosteriorQuantity::FeH:
        return PosteriorQuantityText::tr("[Fe/H]");
    case PosteriorQuantity::Mu:
        return PosteriorQuantityText::tr("μ");
    case PosteriorQuantity::Reddening:
        return PosteriorQuantityText::tr("E");
    }
    return {};
}

QString quantityUnit(PosteriorQuantity q) {
    switch (q) {
    case PosteriorQuantity::Teff:
        return PosteriorQuantityText::tr("K");
    case PosteriorQuantity::LogG:
    case PosteriorQuantity::FeH:
        return PosteriorQuantityText::tr("dex");
    case PosteriorQuantity::Mu:
        return PosteriorQuantityText::tr("mag");
    case PosteriorQuantity::Reddening:
        return PosteriorQuantityText::tr("mag"); // E is scaled like E(B−V) (§2)
    }
    return {};
}

QString quantityAxisTitle(PosteriorQuantity q) {
    return PlotFrame::axisTitle(quantitySymbol(q), quantityUnit(q));
}

int quantityDecimals(PosteriorQuantity q) {
    switch (q) {
    case PosteriorQuantity::Teff:
        return 0;
    case PosteriorQuantity::Reddening:
        return 3;
    default:
        return 2;
    }
}

bool quantityAxisReversed(PosteriorQuantity q, bool vertical) {
    return vertical ? q == PosteriorQuantity::LogG : q == PosteriorQuantity::Teff;
}

const core::PosteriorMarginals::Axis& marginalOf(const core::PosteriorMarginals& m, PosteriorQuantity q) {
    switch (q) {
    case PosteriorQuantity::Teff:
        return m.teff;
    case PosteriorQuantity::LogG:
        return m.logg;
    case PosteriorQuantity::FeH:
        return m.feh;
    case PosteriorQuantity::Mu:
        return m.mu;
    case PosteriorQuantity::Reddening:
        break;
    }
    return m.reddening;
}

const core::PosteriorInterval& intervalOf(const core::StarPosterior& p, PosteriorQuantity q) {
    switch (q) {
    case PosteriorQuantity::Teff:
        return p.teff;
    case PosteriorQuantity::LogG:
        return p.logg;
    case PosteriorQuantity::FeH:
        return p.feh;
    case PosteriorQuantity::Mu:
        return p.mu;
    case PosteriorQuantity::Reddening:
        break;
    }
    return p.reddening;
}

double mapValueOf(const core::StarPosterior& p, PosteriorQuantity q) {
    switch (q) {
    case PosteriorQuantity::Teff:
        return p.mapTheta[0];
    case PosteriorQuantity::LogG:
        return p.mapTheta[1];
    case PosteriorQuantity::FeH:
        return p.mapTheta[2];
    case PosteriorQuantity::Mu:
        return p.mapMu;
    case PosteriorQuantity::Reddening:
        break;
    }
    return p.mapE;
}

double referenceOf(const StarReference& r, PosteriorQuantity q) {
    switch (q) {
    case PosteriorQuantity::Teff:
        return r.theta[0];
    case PosteriorQuantity::LogG:
        return r.theta[1];
    case PosteriorQuantity::FeH:
        return r.theta[2];
    case PosteriorQuantity::Mu:
        return r.mu;
    case PosteriorQuantity::Reddening:
        break;
    }
    return r.reddening;
}

} // namespace starlocus::ui
