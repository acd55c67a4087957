// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import dialog's rule list: one row per rule of the paper's §3 (core::import::ruleTable(),
// in the order the import applies them), with a check box (the validity rules are always on:
// theirs is disabled), its kind, its paper reference, its summary as the tooltip, and the live
// count of what it removes or changes on the loaded tables. A rule's parameters (label offsets,
// σ cuts, the reddening prior's distances, …) are its child rows, each editable with its unit.
#include "core/import/import_rules.h"
#include "ui/import/rule_counts.h"

#include <QAbstractItemModel>
#include <memory>

namespace starlocus::ui {

class RuleSettingsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { OnColumn, RuleColumn, KindColumn, ReferenceColumn, ValueColumn, CountColumn, ColumnCount };

    explicit RuleSettingsModel(QObject* parent = nullptr);

    const core::import::RuleSettings& settings() const { return settings_; }
    void setSettings(const core::import::RuleSettings& settings);
    // Switches a rule on or off (an always-on rule stays on); false when not possible.
    bool setRuleEnabled(std::size_t rule, bool on);
    bool setParameter(std::size_t rule, std::string_view name, double value);

    // The counts of the last finished count; `stale` greys them while a recount runs.
    void setCounts(std::shared_ptr<const RuleCounts> counts);
    void setCountsStale(bool stale);
    std::shared_ptr<const RuleCounts> counts() const { return counts_; }
    // What the count column says for a rule ("1 star", "12 bands", "0", "off", …).
    QString countText(std::size_t rule) const;
    // The rule's paper reference and summary, for the panel's detail line.
    static QString ruleDescription(std::size_t rule);

    QModelIndex ruleIndex(std::size_t rule, int column = OnColumn) const; // column 0 holds the parameters

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void settingsChanged();

private:
    QVariant ruleData(std::size_t rule, int column, int role) const;
    QVariant parameterData(std::size_t rule, std::size_t parameter, int column, int role) const;
    void countsChanged();

    core::import::RuleSettings settings_;
    std::shared_ptr<const RuleCounts> counts_;
    bool stale_ = false;
};

} // namespace starlocus::ui
