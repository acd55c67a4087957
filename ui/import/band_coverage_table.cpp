// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/band_coverage_table.h"

#include "core/bands/band_registry.h"

#include <QHeaderView>
#include <QLocale>

namespace starlocus::ui {
namespace {

constexpr int kEntries = int(core::kBandCount) + 1; // the bands, then the parallax
constexpr int kRows = (kEntries + 1) / 2;
constexpr int kBlockColumns = 3; // band, stars, share

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment, bool bold = false) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled);
    if (bold) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    return item;
}

QString entryName(int entry) {
    if (entry < int(core::kBandCount)) {
        const auto name = core::bands()[std::size_t(entry)].name;
        return QString::fromUtf8(name.data(), qsizetype(name.size()));
    }
    return BandCoverageTable::tr("ϖ/σ ≥ 5");
}

} // namespace

BandCoverageTable::BandCoverageTable(QWidget* parent) : QTableWidget(kRows, 2 * kBlockColumns, parent) {
    setObjectName(QStringLiteral("bandCoverageTable"));
    const QStringList block = {tr("Band"), tr("Stars"), tr("Share")};
    setHorizontalHeaderLabels(block + block);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setToolTip(tr("Stars out with a usable measurement in each band (Table 1 of the paper), and with a parallax "
                  "of at least 5σ"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCounts(nullptr);
}

void BandCoverageTable::setCounts(const RuleCounts* counts) {
    const QLocale locale;
    for (int e = 0; e < kEntries; ++e) {
        const int row = e % kRows, column = (e / kRows) * kBlockColumns;
        setItem(row, column, cell(entryName(e), Qt::AlignLeft, true));
        if (!counts) {
            setItem(row, column + 1, cell(QStringLiteral("–"), Qt::AlignRight));
            setItem(row, column + 2, cell(QString(), Qt::AlignRight));
            continue;
        }
        const std::size_t n =
            e < int(core::kBandCount) ? counts->bandCoverage[std::size_t(e)] : counts->parallaxSnrAtLeast5;
        setItem(row, column + 1, cell(locale.toString(qulonglong(n)), Qt::AlignRight));
        setItem(row, column + 2,
                cell(counts->starsOut > 0 ? locale.toString(100.0 * double(n) / double(counts->starsOut), 'f', 1) +
                                                QStringLiteral(" %")
                                          : QString(),
                     Qt::AlignRight));
    }
}

QSize BandCoverageTable::sizeHint() const {
    const int height =
        horizontalHeader()->sizeHint().height() + kRows * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
    return {QTableWidget::sizeHint().width(), height};
}

QSize BandCoverageTable::minimumSizeHint() const { return {240, sizeHint().height()}; }

} // namespace starlocus::ui
