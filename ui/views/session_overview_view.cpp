// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/session_overview_view.h"

#include "ui/session/session.h"
#include "ui/views/catalog_summary_panel.h"
#include "ui/views/model_summary_panel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace starlocus::ui {

SessionOverviewView::SessionOverviewView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("sessionOverview"));
    stack_ = new QStackedWidget(this);

    // Welcome page: nothing is open yet.
    auto* welcome = new QWidget(stack_);
    welcome->setObjectName(QStringLiteral("sessionEmptyState"));
    auto* icon = new QLabel(welcome);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/starlocus.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto* heading = new QLabel(tr("Nothing is open yet"), welcome);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(
        tr("<p>StarLocus follows Green et al., <i>Data-Driven Stellar Models</i>: a neural network maps "
           "spectroscopic labels (T<sub>eff</sub>, log g, [Fe/H]) to absolute magnitudes in 13 passbands "
           "from Gaia, Pan-STARRS 1, 2MASS and unWISE, together with the dust extinction vector R.</p>"
           "<p>Open a <b>stellar model</b> (the published Keras file green2020_nn_model.h5 with its "
           "normalisation JSON, or a StarLocus model file) and/or a <b>catalog</b> of stars in the "
           "published HDF5 layout (e.g. green2020_test_data_small.h5) to see what they contain.</p>"),
        welcome);
    text->setObjectName(QStringLiteral("sessionEmptyText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setFixedWidth(640);
    auto* openModel = new QPushButton(tr("Open Model…"), welcome);
    openModel->setObjectName(QStringLiteral("welcomeOpenModelButton"));
    auto* openCatalog = new QPushButton(tr("Open Catalog…"), welcome);
    openCatalog->setObjectName(QStringLiteral("welcomeOpenCatalogButton"));
    connect(openModel, &QPushButton::clicked, this, [this] {
        if (openModel_)
            openModel_->trigger();
    });
    connect(openCatalog, &QPushButton::clicked, this, [this] {
        if (openCatalog_)
            openCatalog_->trigger();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(openModel);
    buttons->addWidget(openCatalog);
    buttons->addStretch();
    auto* welcomeLayout = new QVBoxLayout(welcome);
    welcomeLayout->addStretch();
    welcomeLayout->addWidget(icon);
    welcomeLayout->addWidget(heading);
    auto* textRow = new QHBoxLayout; // a fixed-width paragraph, centred
    textRow->addStretch();
    textRow->addWidget(text);
    textRow->addStretch();
    welcomeLayout->addLayout(textRow);
    welcomeLayout->addSpacing(12);
    welcomeLayout->addLayout(buttons);
    welcomeLayout->addStretch();

    // Overview page: both panels, scrollable when the window is small.
    auto* scroll = new QScrollArea(stack_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* panels = new QWidget(scroll);
    modelPanel_ = new ModelSummaryPanel(session_, panels);
    catalogPanel_ = new CatalogSummaryPanel(session_, panels);
    auto* panelLayout = new QHBoxLayout(panels);
    panelLayout->addWidget(modelPanel_, 5);
    panelLayout->addWidget(catalogPanel_, 7);
    scroll->setWidget(panels);

    stack_->addWidget(welcome);
    stack_->addWidget(scroll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    connect(session_, &Session::modelChanged, this, &SessionOverviewView::updatePage);
    connect(session_, &Session::catalogChanged, this, &SessionOverviewView::updatePage);
    updatePage();
}

void SessionOverviewView::setOpenActions(QAction* openModel, QAction* openCatalog) {
    openModel_ = openModel;
    openCatalog_ = openCatalog;
    modelPanel_->setOpenAction(openModel);
    catalogPanel_->setOpenAction(openCatalog);
}

bool SessionOverviewView::isShowingEmptyState() const { return stack_->currentIndex() == 0; }

void SessionOverviewView::updatePage() {
    stack_->setCurrentIndex(session_->model() || session_->catalog() ? 1 : 0);
}

} // namespace starlocus::ui
