// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/rule_panel.h"

#include "ui/import/band_coverage_table.h"
#include "ui/import/rule_settings_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeView>
#include <QItemSelectionModel>
#include <QVBoxLayout>

namespace starlocus::ui {
namespace {

namespace imp = core::import;

QString countText(std::size_t n) { return QLocale().toString(qulonglong(n)); }

} // namespace

RulePanel::RulePanel(QWidget* parent) : QWidget(parent), model_(new RuleSettingsModel(this)) {
    setObjectName(QStringLiteral("rulePanel"));
    view_ = new QTreeView(this);
    view_->setObjectName(QStringLiteral("ruleView"));
    view_->setModel(model_);
    view_->setTreePosition(RuleSettingsModel::RuleColumn);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::SelectedClicked);
    QHeaderView* header = view_->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RuleSettingsModel::RuleColumn, QHeaderView::Stretch);
    header->resizeSection(RuleSettingsModel::OnColumn, 30);
    header->resizeSection(RuleSettingsModel::KindColumn, 100);
    header->resizeSection(RuleSettingsModel::ReferenceColumn, 44);
    header->resizeSection(RuleSettingsModel::ValueColumn, 80);
    header->resizeSection(RuleSettingsModel::CountColumn, 135);
    header->setMinimumSectionSize(24);

    reddening_ = new QComboBox(this);
    reddening_->setObjectName(QStringLiteral("reddeningBox"));
    reddening_->addItem(tr("auto: given when ebv_prior is mapped, else as the paper"), int(imp::ReddeningMode::Auto));
    reddening_->addItem(tr("paper: from SFD, Bayestar19 and the parallax (§3.3)"), int(imp::ReddeningMode::Paper));
    reddening_->addItem(tr("given: ebv_prior and ebv_prior_err as mapped"), int(imp::ReddeningMode::Given));
    reddening_->setToolTip(tr("How each star's reddening prior Ê, σ_E is made"));
    reddening_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    reddening_->setMinimumContentsLength(24);
    connect(reddening_, &QComboBox::currentIndexChanged, this, [this] {
        imp::RuleSettings settings = model_->settings();
        settings.setReddeningMode(imp::ReddeningMode(reddening_->currentData().toInt()));
        model_->setSettings(settings);
    });
    auto* reddeningLabel = new QLabel(tr("&Reddening prior:"), this);
    reddeningLabel->setBuddy(reddening_);

    defaults_ = new QPushButton(tr("Paper's &Values"), this);
    defaults_->setObjectName(QStringLiteral("ruleDefaultsButton"));
    defaults_->setToolTip(tr("Every rule on, with the paper's parameters"));
    connect(defaults_, &QPushButton::clicked, this, [this] {
        model_->setSettings(imp::RuleSettings{});
        const QSignalBlocker block(reddening_);
        reddening_->setCurrentIndex(reddening_->findData(int(imp::ReddeningMode::Auto)));
    });
    connect(model_, &RuleSettingsModel::settingsChanged, this, &RulePanel::settingsChanged);

    // The selected rule in words: its paper reference and what it does.
    detail_ = new QLabel(this);
    detail_->setObjectName(QStringLiteral("ruleDetailLabel"));
    detail_->setWordWrap(true);
    detail_->setTextFormat(Qt::RichText);
    detail_->setMinimumHeight(detail_->fontMetrics().lineSpacing() * 2);
    detail_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        QModelIndex rule = current;
        while (rule.parent().isValid())
            rule = rule.parent();
        detail_->setText(rule.isValid() ? RuleSettingsModel::ruleDescription(std::size_t(rule.row()))
                                        : tr("Select a rule to read what it does; double-click a parameter to "
                                             "change it."));
    });
    detail_->setText(tr("Select a rule to read what it does; double-click a parameter to change it."));

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("starsInOutLabel"));
    summary_->setTextFormat(Qt::RichText);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("countStatusLabel"));
    status_->setWordWrap(true);
    coverage_ = new BandCoverageTable(this);

    auto* top = new QHBoxLayout;
    top->addWidget(reddeningLabel);
    top->addWidget(reddening_, 1);
    top->addWidget(defaults_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(detail_);
    layout->addWidget(summary_);
    layout->addWidget(status_);
    layout->addWidget(coverage_);
    clearCounts();
}

const core::import::RuleSettings& RulePanel::settings() const { return model_->settings(); }

void RulePanel::showCounting(qint64 rows) {
    model_->setCountsStale(true);
    status_->setStyleSheet(QString());
    status_->setText(rows < 0 ? tr("Counting…") : tr("Counting… %1 rows read").arg(QLocale().toString(rows)));
}

void RulePanel::showCounts(std::shared_ptr<const RuleCounts> counts) {
    model_->setCounts(counts);
    const std::size_t removed = counts->rowsIn - counts->starsOut;
    summary_->setText(tr("Stars in: <b>%1</b> rows &nbsp;→&nbsp; stars out: <b>%2</b> &nbsp;(%3 removed)")
                          .arg(countText(counts->rowsIn), countText(counts->starsOut), countText(removed)));
    status_->setStyleSheet(QString());
    status_->setText(counts->starsOut == 0 ? tr("No star passes the rules: switch rules off or change their "
                                                "parameters.")
                                           : QString());
    if (counts->starsOut == 0)
        status_->setStyleSheet(QStringLiteral("color: #c62828"));
    coverage_->setCounts(counts.get());
}

void RulePanel::showCountProblem(const QString& message) {
    model_->setCounts(nullptr);
    summary_->setText(tr("Stars in: – &nbsp;→&nbsp; stars out: –"));
    status_->setStyleSheet(QStringLiteral("color: #c62828"));
    status_->setText(tr("Cannot count: %1").arg(message));
    coverage_->setCounts(nullptr);
}

void RulePanel::clearCounts() {
    model_->setCounts(nullptr);
    summary_->setText(tr("Stars in: – &nbsp;→&nbsp; stars out: –"));
    status_->setStyleSheet(QString());
    status_->setText(QString());
    coverage_->setCounts(nullptr);
}

} // namespace starlocus::ui
