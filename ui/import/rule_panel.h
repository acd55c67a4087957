// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import dialog's rules: the rule list with its parameters and live counts
// (RuleSettingsModel), the reddening prior's mode (auto, paper, given; §3.3), stars in and out,
// and the band coverage of the stars out (Table 1 of the paper).
#include "core/import/import_rules.h"
#include "ui/import/rule_counts.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace starlocus::ui {

class BandCoverageTable;
class RuleSettingsModel;

class RulePanel : public QWidget {
    Q_OBJECT
public:
    explicit RulePanel(QWidget* parent = nullptr);

    const core::import::RuleSettings& settings() const;
    RuleSettingsModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    QComboBox* reddeningBox() const { return reddening_; }
    QLabel* summaryLabel() const { return summary_; }
    BandCoverageTable* coverage() const { return coverage_; }

    // A count runs (`rows` read so far, -1 when just asked for).
    void showCounting(qint64 rows);
    void showCounts(std::shared_ptr<const RuleCounts> counts);
    // The count could not be made: `message` says why (a mapping or file problem).
    void showCountProblem(const QString& message);
    void clearCounts();

signals:
    void settingsChanged();

private:
    RuleSettingsModel* model_;
    QTreeView* view_;
    QComboBox* reddening_;
    QPushButton* defaults_;
    QLabel* detail_;
    QLabel* summary_;
    QLabel* status_;
    BandCoverageTable* coverage_;
};

} // namespace starlocus::ui
