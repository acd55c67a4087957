// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/catalog_summary_panel.h"

#include "core/bands/band_registry.h"
#include "ui/session/session.h"
#include "ui/views/display_text.h"
#include "ui/views/fact_table.h"

#include <QAction>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace starlocus::ui {
namespace {

QLabel* valueLabel(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString percentText(std::size_t part, std::size_t whole) {
    return whole == 0 ? QStringLiteral("—")
                      : CatalogSummaryPanel::tr("%1 %").arg(numberText(100.0 * double(part) / double(whole), 1));
}

QList<QStringList> countRows(const std::vector<std::pair<std::string, std::size_t>>& counts, std::size_t total) {
    QList<QStringList> rows;
    for (const auto& [value, n] : counts)
        rows << QStringList{value.empty() ? CatalogSummaryPanel::tr("(empty)") : QString::fromStdString(value),
                            countText(n), percentText(n, total)};
    return rows;
}

} // namespace

CatalogSummaryPanel::CatalogSummaryPanel(Session* session, QWidget* parent)
    : QGroupBox(tr("Catalog"), parent), session_(session) {
    setObjectName(QStringLiteral("catalogSummaryPanel"));
    stack_ = new QStackedWidget(this);

    auto* empty = new QWidget(stack_);
    auto* emptyLayout = new QVBoxLayout(empty);
    auto* emptyText = new QLabel(
        tr("No catalog is open. A catalog holds, per star, spectroscopic labels (Teff, log g, [Fe/H]), "
           "apparent magnitudes in up to 13 bands (Gaia, Pan-STARRS 1, 2MASS, unWISE), a parallax "
           "and a reddening prior. Open a file in the published Green et al. HDF5 layout, e.g. "
           "green2020_test_data_small.h5."),
        empty);
    emptyText->setObjectName(QStringLiteral("catalogEmptyText"));
    emptyText->setWordWrap(true);
    openButton_ = new QPushButton(tr("Open Catalog…"), empty);
    openButton_->setObjectName(QStringLiteral("openCatalogButton"));
    connect(openButton_, &QPushButton::clicked, this, [this] {
        if (openAction_)
            openAction_->trigger();
    });
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(openButton_, 0, Qt::AlignLeft);
    emptyLayout->addStretch();

    auto* content = new QWidget(stack_);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    fileValue_ = valueLabel(QStringLiteral("catalogFileValue"), content);
    folderValue_ = valueLabel(QStringLiteral("catalogFolderValue"), content);
    starCountValue_ = valueLabel(QStringLiteral("catalogStarCountValue"), content);
    reddeningFitValue_ = valueLabel(QStringLiteral("catalogReddeningFitValue"), content);
    form->addRow(tr("File:"), fileValue_);
    form->addRow(tr("Folder:"), folderValue_);
    form->addRow(tr("Stars:"), starCountValue_);
    form->addRow(tr("Reddening posterior (r_fit):"), reddeningFitValue_);
    layout->addLayout(form);
    form_ = form;

    // Two columns: labels and sources on the left, the 13 bands on the right.
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    auto* left = new QVBoxLayout;
    left->addWidget(sectionHeading(tr("Spectroscopic labels"), content));
    labelTable_ = new FactTable(content);
    labelTable_->setObjectName(QStringLiteral("catalogLabelTable"));
    labelTable_->setColumns({tr("Label"), tr("Min"), tr("Median"), tr("Max")}, {1, 2, 3});
    left->addWidget(labelTable_);
    left->addWidget(sectionHeading(tr("Reddening prior source (r_source)"), content));
    rSourceTable_ = new FactTable(content);
    rSourceTable_->setObjectName(QStringLiteral("catalogRSourceTable"));
    rSourceTable_->setColumns({tr("Source"), tr("Stars"), tr("Share")}, {1, 2});
    left->addWidget(rSourceTable_);
    left->addWidget(sectionHeading(tr("Label source (atm_source)"), content));
    atmSourceTable_ = new FactTable(content);
    atmSourceTable_->setObjectName(QStringLiteral("catalogAtmSourceTable"));
    atmSourceTable_->setColumns({tr("Survey"), tr("Stars"), tr("Share")}, {1, 2});
    left->addWidget(atmSourceTable_);
    left->addStretch();

    auto* right = new QVBoxLayout;
    right->addWidget(sectionHeading(tr("Observed magnitudes per band"), content));
    bandTable_ = new FactTable(content);
    bandTable_->setObjectName(QStringLiteral("catalogBandTable"));
    bandTable_->setColumns({tr("Band"), tr("Survey"), tr("Stars"), tr("Share")}, {2, 3});
    right->addWidget(bandTable_);
    right->addStretch();

    grid->addLayout(left, 0, 0);
    grid->addLayout(right, 0, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addStretch();

    stack_->addWidget(empty);
    stack_->addWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(stack_);

    connect(session_, &Session::catalogChanged, this, &CatalogSummaryPanel::showCatalog);
    showCatalog();
}

void CatalogSummaryPanel::setOpenAction(QAction* openCatalog) { openAction_ = openCatalog; }

void CatalogSummaryPanel::showCatalog() {
    const auto catalog = session_->catalog();
    const auto summary = session_->catalogSummary();
    if (!catalog || !summary) {
        stack_->setCurrentIndex(0);
        return;
    }
    // The session knows the file a catalog was read from; the synthetic sky has none (its
    // sourceFile, "mock:N:seedS", is a name, not a path: no folder for it).
    const QString path = session_->catalogPath();
    const QFileInfo source(path);
    fileValue_->setText(path.isEmpty() ? tr("none: a synthetic sky (%1)").arg(QString::fromStdString(catalog->sourceFile))
                                       : source.fileName());
    fileValue_->setToolTip(path.isEmpty() ? QString() : source.absoluteFilePath());
    folderValue_->setText(path.isEmpty() ? QString() : wrappablePath(source.absolutePath()));
    form_->setRowVisible(folderValue_, !path.isEmpty());
    const std::size_t n = summary->starCount;
    starCountValue_->setText(countText(n));
    reddeningFitValue_->setText(summary->hasReddeningFit ? tr("present") : tr("absent"));

    QList<QStringList> labels;
    for (std::size_t k = 0; k < 3; ++k) {
        const LabelRange& r = summary->labels[k];
        const int d = kLabelDisplays[k].decimals;
        labels << QStringList{labelName(k), numberText(r.min, d), numberText(r.median, d), numberText(r.max, d)};
    }
    labelTable_->setRows(labels);

    QList<QStringList> bandRows;
    const auto registry = core::bands();
    for (std::size_t b = 0; b < core::kBandCount; ++b)
        bandRows << QStringList{fromView(registry[b].displayName), fromView(core::surveyName(registry[b].survey)),
                                countText(summary->observedPerBand[b]), percentText(summary->observedPerBand[b], n)};
    bandTable_->setRows(bandRows);
    rSourceTable_->setRows(countRows(summary->rSourceCounts, n));
    atmSourceTable_->setRows(countRows(summary->atmSourceCounts, n));
    stack_->setCurrentIndex(1);
}

} // namespace starlocus::ui
