// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/band_coverage_table.h"

#include "core/bands/band_registry.h"

#include <QHeaderView>
#include <QLocale>

namespace starlocus::ui {
namespace {

constexpr int kColumns = int(core::kBandCount) + 1; // the bands, then the parallax

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignCenter);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

} // namespace

BandCoverageTable::BandCoverageTable(QWidget* parent) : QTableWidget(2, kColumns, parent) {
    setObjectName(QStringLiteral("bandCoverageTable"));
    QStringList bands;
    for (std::size_t b = 0; b < core::kBandCount; ++b)
        bands << QString::fromUtf8(core::bands()[b].name.data(), qsizetype(core::bands()[b].name.size()));
    bands << tr("ϖ/σ ≥ 5");
    setHorizontalHeaderLabels(bands);
    setVerticalHeaderLabels({tr("stars"), tr("share")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(36);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setToolTip(tr("Stars out with a usable measurement in each band (Table 1 of the paper), and with a parallax "
                  "of at least 5σ"));
    setCounts(nullptr);
}

void BandCoverageTable::setCounts(const RuleCounts* counts) {
    const QLocale locale;
    for (int c = 0; c < kColumns; ++c) {
        if (!counts) {
            setItem(0, c, cell(QStringLiteral("–")));
            setItem(1, c, cell(QString()));
            continue;
        }
        const std::size_t n = c < int(core::kBandCount) ? counts->bandCoverage[std::size_t(c)] : counts->parallaxSnrAtLeast5;
        setItem(0, c, cell(locale.toString(qulonglong(n))));
        setItem(1, c, cell(counts->starsOut > 0
                               ? locale.toString(100.0 * double(n) / double(counts->starsOut), 'f', 0) + QStringLiteral(" %")
                               : QString()));
    }
}

QSize BandCoverageTable::sizeHint() const {
    const int height = horizontalHeader()->sizeHint().height() + 2 * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
    return {QTableWidget::sizeHint().width(), height};
}

} // namespace starlocus::ui
