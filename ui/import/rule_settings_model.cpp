// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/rule_settings_model.h"

#include "core/bands/band_registry.h"
#include "core/common/input_error.h"
#include "ui/locale_number.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <cmath>
#include <optional>

namespace starlocus::ui {
namespace {

namespace imp = core::import;

QString fromView(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

// Top-level rows carry 0; a parameter row carries its rule's index + 1.
constexpr quintptr kTopLevel = 0;

QString numberText(double value) { return QLocale().toString(value, 'g', QLocale::FloatingPointShortest); }

QString kindText(imp::RuleKind kind) {
    switch (kind) {
    case imp::RuleKind::Validity:
        return RuleSettingsModel::tr("validity");
    case imp::RuleKind::StarCut:
        return RuleSettingsModel::tr("removes stars");
    case imp::RuleKind::BandCut:
        return RuleSettingsModel::tr("removes bands");
    case imp::RuleKind::Transform:
        return RuleSettingsModel::tr("changes values");
    case imp::RuleKind::Count:
        return RuleSettingsModel::tr("counts");
    }
    return {};
}

bool alwaysOn(std::size_t rule) { return imp::ruleTable()[rule].kind == imp::RuleKind::Validity; }

} // namespace

RuleSettingsModel::RuleSettingsModel(QObject* parent) : QAbstractItemModel(parent) {}

void RuleSettingsModel::setSettings(const core::import::RuleSettings& settings) {
    beginResetModel();
    settings_ = settings;
    endResetModel();
    emit settingsChanged();
}

bool RuleSettingsModel::setRuleEnabled(std::size_t rule, bool on) {
    if (rule >= imp::ruleTable().size() || alwaysOn(rule))
        return false;
    if (settings_.enabled(rule) == on)
        return true;
    settings_.setEnabled(imp::ruleTable()[rule].name, on);
    emit dataChanged(ruleIndex(rule, OnColumn), ruleIndex(rule, CountColumn));
    emit settingsChanged();
    return true;
}

bool RuleSettingsModel::setParameter(std::size_t rule, std::string_view name, double value) {
    if (rule >= imp::ruleTable().size() || !std::isfinite(value))
        return false;
    try {
        if (settings_.parameter(rule, name) == value)
            return true;
        settings_.setParameter(imp::ruleTable()[rule].name, name, value);
    } catch (const std::exception&) {
        return false;
    }
    const auto& parameters = imp::ruleTable()[rule].parameters;
    for (std::size_t p = 0; p < parameters.size(); ++p)
        if (parameters[p].name == name) {
            const QModelIndex at = index(int(p), ValueColumn, ruleIndex(rule));
            emit dataChanged(at, at);
        }
    emit settingsChanged();
    return true;
}

void RuleSettingsModel::setCounts(std::shared_ptr<const RuleCounts> counts) {
    counts_ = std::move(counts);
    stale_ = false;
    countsChanged();
}

void RuleSettingsModel::setCountsStale(bool stale) {
    if (stale_ == stale)
        return;
    stale_ = stale;
    countsChanged();
}

void RuleSettingsModel::countsChanged() {
    if (rowCount() > 0)
        emit dataChanged(index(0, CountColumn), index(rowCount() - 1, CountColumn));
}

QString RuleSettingsModel::countText(std::size_t rule) const {
    if (!settings_.enabled(rule))
        return tr("off");
    if (!counts_)
        return {};
    const imp::RuleCount& c = counts_->tally.rules[rule];
    std::size_t bands = 0;
    for (std::size_t b : c.bands)
        bands += b;
    if (c.stars == 0 && bands == 0)
        return QStringLiteral("0");
    QStringList parts;
    // Spelled out (not %n): the English text needs no translation file to read right.
    if (c.stars > 0)
        parts << (c.stars == 1 ? tr("1 star") : tr("%1 stars").arg(QLocale().toString(qulonglong(c.stars))));
    if (bands > 0)
        parts << (bands == 1 ? tr("1 band") : tr("%1 bands").arg(QLocale().toString(qulonglong(bands))));
    // Whether they are removed, changed or counted, the Kind column says.
    return parts.join(QStringLiteral(", "));
}

QModelIndex RuleSettingsModel::ruleIndex(std::size_t rule, int column) const {
    return createIndex(int(rule), column, kTopLevel);
}

QModelIndex RuleSettingsModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(imp::ruleTable().size()) ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel)
        return {};
    const auto rule = std::size_t(parent.row());
    if (row >= int(imp::ruleTable()[rule].parameters.size()))
        return {};
    return createIndex(row, column, quintptr(rule + 1));
}

QModelIndex RuleSettingsModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int RuleSettingsModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(imp::ruleTable().size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(imp::ruleTable()[std::size_t(parent.row())].parameters.size());
}

int RuleSettingsModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant RuleSettingsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == kTopLevel)
        return ruleData(std::size_t(index.row()), index.column(), role);
    return parameterData(std::size_t(index.internalId() - 1), std::size_t(index.row()), index.column(), role);
}

QVariant RuleSettingsModel::ruleData(std::size_t rule, int column, int role) const {
    const imp::RuleInfo& info = imp::ruleTable()[rule];
    if (role == Qt::ToolTipRole) {
        QString tip = QStringLiteral("<b>%1</b> (%2)<br>%3")
                          .arg(fromView(info.name), fromView(info.reference).toHtmlEscaped(),
                               fromView(info.summary).toHtmlEscaped());
        if (alwaysOn(rule))
            tip += QStringLiteral("<br><i>%1</i>").arg(tr("Always on: it drops values no star can have."));
        if (column == CountColumn && counts_ && settings_.enabled(rule)) {
            const imp::RuleCount& c = counts_->tally.rules[rule];
            QStringList perBand;
            for (std::size_t b = 0; b < core::kBandCount; ++b)
                if (c.bands[b] > 0)
                    perBand << QStringLiteral("%1 %2").arg(fromView(core::bands()[b].name)).arg(c.bands[b]);
            if (!perBand.isEmpty())
                tip += QStringLiteral("<br>%1").arg(tr("bands: %1").arg(perBand.join(QStringLiteral(", "))));
            if (info.name == "reddening_prior")
                tip += QStringLiteral("<br>%1").arg(tr("regimes: sfd %1, b19 %2, default %3")
                                                        .arg(counts_->tally.regimes[0])
                                                        .arg(counts_->tally.regimes[1])
                                                        .arg(counts_->tally.regimes[2]));
        }
        return tip;
    }
    switch (column) {
    case OnColumn:
        if (role == Qt::CheckStateRole)
            return settings_.enabled(rule) ? Qt::Checked : Qt::Unchecked;
        return {};
    case RuleColumn:
        if (role == Qt::DisplayRole)
            return fromView(info.name);
        return {};
    case KindColumn:
        if (role == Qt::DisplayRole)
            return kindText(info.kind);
        return {};
    case ReferenceColumn:
        // The section only ("§3.2"); the source it cites is in the tooltip and the detail line.
        if (role == Qt::DisplayRole) {
            const QString reference = fromView(info.reference);
            return reference.section(QStringLiteral(" ("), 0, 0);
        }
        return {};
    case CountColumn:
        if (role == Qt::DisplayRole)
            return countText(rule);
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ForegroundRole) {
            if (stale_ || !settings_.enabled(rule))
                return QBrush(QApplication::palette().color(QPalette::Disabled, QPalette::Text));
            const bool removes = info.kind == imp::RuleKind::StarCut || info.kind == imp::RuleKind::BandCut ||
                                 info.kind == imp::RuleKind::Validity;
            if (removes && counts_ && counts_->tally.rules[rule].total() > 0)
                return QBrush(QColor(0xc6, 0x28, 0x28));
            return {};
        }
        if (role == Qt::FontRole && !stale_) {
            QFont bold;
            bold.setBold(counts_ && counts_->tally.rules[rule].total() > 0 && settings_.enabled(rule));
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant RuleSettingsModel::parameterData(std::size_t rule, std::size_t parameter, int column, int role) const {
    const imp::RuleParameter& p = imp::ruleTable()[rule].parameters[parameter];
    switch (column) {
    case RuleColumn:
        if (role == Qt::DisplayRole)
            return fromView(p.name);
        if (role == Qt::ToolTipRole)
            return tr("Paper's value: %1 %2").arg(numberText(p.defaultValue), fromView(p.unit));
        return {};
    case ValueColumn: {
        const double v = settings_.parameter(rule, p.name);
        if (role == Qt::DisplayRole)
            return p.unit.empty() ? numberText(v) : numberText(v) + QLatin1Char(' ') + fromView(p.unit);
        if (role == Qt::EditRole)
            return numberText(v);
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::FontRole && v != p.defaultValue) {
            QFont bold;
            bold.setBold(true); // changed from the paper's value
            return bold;
        }
        if (role == Qt::ToolTipRole)
            return tr("Paper's value: %1 %2").arg(numberText(p.defaultValue), fromView(p.unit));
        return {};
    }
    default:
        return {};
    }
}

QString RuleSettingsModel::ruleDescription(std::size_t rule) {
    const imp::RuleInfo& info = imp::ruleTable()[rule];
    QString text = QStringLiteral("<b>%1</b> (%2): %3")
                       .arg(fromView(info.name), fromView(info.reference).toHtmlEscaped(),
                            fromView(info.summary).toHtmlEscaped());
    if (alwaysOn(rule))
        text += QStringLiteral(" <i>%1</i>").arg(tr("Always on: it drops values no star can have."));
    return text;
}

bool RuleSettingsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid())
        return false;
    if (index.internalId() == kTopLevel) {
        if (index.column() != OnColumn || role != Qt::CheckStateRole)
            return false;
        return setRuleEnabled(std::size_t(index.row()), Qt::CheckState(value.toInt()) == Qt::Checked);
    }
    if (index.column() != ValueColumn || role != Qt::EditRole)
        return false;
    const auto rule = std::size_t(index.internalId() - 1);
    const auto number = value.typeId() == QMetaType::Double ? std::optional<double>(value.toDouble())
                                                            : parseLocaleNumber(value.toString());
    if (!number)
        return false;
    return setParameter(rule, imp::ruleTable()[rule].parameters[std::size_t(index.row())].name, *number);
}

Qt::ItemFlags RuleSettingsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kTopLevel) {
        const auto rule = std::size_t(index.row());
        if (index.column() == OnColumn)
            return alwaysOn(rule) ? Qt::ItemFlags(Qt::NoItemFlags) // drawn disabled: it cannot be switched off
                                  : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    }
    const auto rule = std::size_t(index.internalId() - 1);
    Qt::ItemFlags f = Qt::ItemIsSelectable;
    if (settings_.enabled(rule))
        f |= Qt::ItemIsEnabled; // a switched-off rule's parameters do nothing: greyed
    if (index.column() == ValueColumn && settings_.enabled(rule))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant RuleSettingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == CountColumn)
        return tr("On the loaded tables, with this mapping and these settings: stars or bands each rule removes "
                  "(a star is counted by the first rule that removes it), or changes");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OnColumn:
        return tr("On");
    case RuleColumn:
        return tr("Rule");
    case KindColumn:
        return tr("Kind");
    case ReferenceColumn:
        return tr("Paper");
    case ValueColumn:
        return tr("Value");
    case CountColumn:
        return tr("Removes / changes");
    default:
        return {};
    }
}

} // namespace starlocus::ui
