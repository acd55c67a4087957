// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How many of the imported stars have each band, as Table 1 of the paper lists it: one row per
// band (Gaia G BP RP, PS1 g r i z y, 2MASS J H Ks, unWISE W1 W2) and ϖ/σ_ϖ ≥ 5, with the count
// and its share of the stars out; in two blocks of seven side by side, so that a count of
// millions fits in the width the rules leave.
#include "ui/import/rule_counts.h"

#include <QTableWidget>

namespace starlocus::ui {

class BandCoverageTable : public QTableWidget {
    Q_OBJECT
public:
    explicit BandCoverageTable(QWidget* parent = nullptr);

    // Null: no counts (the cells are emptied).
    void setCounts(const RuleCounts* counts);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
};

} // namespace starlocus::ui
