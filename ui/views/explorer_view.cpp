// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/explorer_view.h"

#include "ui/plot/plot_frame.h"
#include "ui/session/session.h"
#include "ui/views/display_text.h"
#include "ui/views/explorer_cmd_plot.h"
#include "ui/views/explorer_label_controls.h"
#include "ui/views/explorer_prediction_model.h"
#include "ui/views/explorer_ranges.h"

#include <QEvent>
#include <QFontMetrics>
#include <QStyle>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace starlocus::ui {

ExplorerView::ExplorerView(Session* session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("explorerView"));
    stack_ = new QStackedWidget(this);

    emptyText_ = new QLabel(stack_);
    emptyText_->setObjectName(QStringLiteral("explorerEmptyText"));
    emptyText_->setAlignment(Qt::AlignCenter);
    emptyText_->setWordWrap(true);

    auto* content = new QSplitter(Qt::Horizontal, stack_);
    content->setObjectName(QStringLiteral("explorerSplitter"));
    left_ = new QWidget(content);
    QWidget* left = left_;
    labelsHeading_ = sectionHeading(QString(), left);
    controls_ = new ExplorerLabelControls(left);
    tableHeading_ = sectionHeading(QString(), left);
    table_ = new ExplorerPredictionModel(this);
    tableView_ = new QTableView(left);
    tableView_->setObjectName(QStringLiteral("explorerTable"));
    tableView_->setModel(table_);
    tableView_->verticalHeader()->setVisible(false);
    tableView_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    tableView_->horizontalHeader()->setStretchLastSection(true);
    tableView_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tableView_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tableView_->setAlternatingRowColors(true);
    tableView_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    tableView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tableView_->setWordWrap(false);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 0, 8, 8);
    leftLayout->addWidget(labelsHeading_);
    leftLayout->addWidget(controls_);
    leftLayout->addWidget(tableHeading_);
    leftLayout->addWidget(tableView_);
    leftLayout->addStretch(1);
    cmd_ = new ExplorerCmdPlot(content);
    content->addWidget(left);
    content->addWidget(cmd_);
    content->setStretchFactor(0, 0);
    content->setStretchFactor(1, 1);
    content->setCollapsible(1, false);

    stack_->addWidget(emptyText_);
    stack_->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    connect(controls_, &ExplorerLabelControls::inputChanged, this, &ExplorerView::updatePrediction);
    connect(cmd_, &ExplorerCmdPlot::bandsChanged, this, [this] {
        updateLocus();
        updatePrediction();
        cmd_->fitView();
        cmd_->redraw();
    });
    connect(session_, &Session::modelChanged, this, &ExplorerView::onModelChanged);
    connect(session_, &Session::catalogChanged, this, &ExplorerView::onCatalogChanged);
    retranslate();
    onCatalogChanged(); // ranges (and, with a model, everything else)
    onModelChanged();
    fitTable();
}

void ExplorerView::fitTable() {
    // The whole table without scrolling: the left column as wide as the table's columns
    // and the view as tall as its 13 rows. Each column is as wide as its widest cell or
    // header (the cells' text is known: band names and numbers like "−12.345").
    QHeaderView* header = tableView_->horizontalHeader();
    const QFontMetrics metrics(tableView_->font());
    const int padding = 2 * tableView_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tableView_) + 12;
    const int frame = 2 * tableView_->frameWidth();
    int width = frame;
    for (int c = 0; c < table_->columnCount(); ++c) {
        int cell = metrics.horizontalAdvance(QStringLiteral("−00.000 (sparse)").left(c == 4 ? 16 : 7));
        for (int r = 0; r < table_->rowCount(); ++r)
            cell = std::max(cell, metrics.horizontalAdvance(table_->index(r, c).data().toString()));
        const int column = std::max(cell + padding, header->sectionSizeHint(c));
        header->resizeSection(c, column);
        width += column;
    }
    tableView_->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
    const int rows = table_->rowCount() * tableView_->verticalHeader()->defaultSectionSize();
    tableView_->setFixedHeight(frame + header->sizeHint().height() + rows);
    tableView_->setMinimumWidth(width);
    const QMargins margins = left_->layout()->contentsMargins();
    left_->setMinimumWidth(std::max(width, controls_->sizeHint().width()) + margins.left() + margins.right());
}

void ExplorerView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    fitTable(); // style and fonts are final now
}

bool ExplorerView::hasModel() const { return session_->model() != nullptr; }

ExplorerInput ExplorerView::input() const { return controls_->input(); }

void ExplorerView::setDensity(std::shared_ptr<const ExplorerDensity> density) {
    table_->setDensity(std::move(density));
    updatePrediction();
    fitTable();
}

void ExplorerView::onModelChanged() {
    stack_->setCurrentIndex(hasModel() ? 1 : 0);
    recomputeCatalogMagnitudes();
    updateLocus();
    updatePrediction();
    fitTable();
    cmd_->fitView();
    cmd_->redraw();
}

void ExplorerView::onCatalogChanged() {
    const auto catalog = session_->catalog();
    ExplorerRanges ranges = catalog ? explorerRanges(*catalog) : defaultExplorerRanges();
    if (!ranges.fromCatalog)
        ranges.start = controls_->input(); // keep where the user was
    {
        const QSignalBlocker block(controls_); // one update below, not one per range
        controls_->setRanges(ranges);
    }
    recomputeCatalogMagnitudes();
    updateLocus();
    updatePrediction();
    cmd_->fitView();
    cmd_->redraw();
}

void ExplorerView::recomputeCatalogMagnitudes() {
    // When the model or the catalog changes (~1 µs per star), never on a slider move.
    const auto model = session_->model();
    const auto catalog = session_->catalog();
    if (model && catalog)
        catalogMagnitudes_ = predictCatalogMagnitudes(*model, *catalog);
    else
        catalogMagnitudes_.clear();
}

void ExplorerView::updateLocus() {
    if (catalogMagnitudes_.empty()) {
        cmd_->setLocus({}, {});
        return;
    }
    const CmdBands bands = cmd_->bands();
    std::vector<double> color(catalogMagnitudes_.size()), magnitude(catalogMagnitudes_.size());
    for (std::size_t i = 0; i < catalogMagnitudes_.size(); ++i) {
        const CmdPoint p = cmdPoint(catalogMagnitudes_[i], bands);
        color[i] = p.color;
        magnitude[i] = p.magnitude;
    }
    cmd_->setLocus(color, magnitude);
}

void ExplorerView::updatePrediction() {
    const auto model = session_->model();
    if (!model) {
        table_->clearPrediction();
        cmd_->clearStar();
        return;
    }
    const ExplorerInput at = controls_->input();
    const ExplorerPrediction prediction = predictStar(*model, at);
    table_->setPrediction(prediction, at);
    const CmdBands bands = cmd_->bands();
    cmd_->setStar(cmdPoint(prediction.absoluteMagnitudes, bands));
    const ExplorerRange teff = controls_->range(ExplorerLabelControls::Teff);
    const ExplorerRange logg = controls_->range(ExplorerLabelControls::LogG);
    cmd_->setTracks(labelTrack(*model, at, bands, 0, teff.min, teff.max, kTrackSteps),
                    labelTrack(*model, at, bands, 1, logg.min, logg.max, kTrackSteps));
    cmd_->keepStarInView();
    cmd_->redraw();
    emit updated();
}

void ExplorerView::retranslate() {
    emptyText_->setText(tr("Open a stellar model to explore what it predicts for any T<sub>eff</sub>, log g, "
                           "[Fe/H] and reddening E."));
    labelsHeading_->setText(tr("Stellar labels and reddening"));
    tableHeading_->setText(tr("Predicted absolute magnitudes (μ = 0)"));
    fitTable();
}

void ExplorerView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
