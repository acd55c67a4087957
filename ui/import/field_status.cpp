// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/field_status.h"

#include "core/common/input_error.h"
#include "core/import/expression.h"
#include "core/import/field_units.h"

#include <QCoreApplication>
#include <algorithm>

namespace starlocus::ui {
namespace {

struct FieldStatusText {
    Q_DECLARE_TR_FUNCTIONS(FieldStatusText)
};

QString fromView(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

} // namespace

std::vector<std::string> requiredAlternatives(const std::string& name) {
    // requiredFields() writes a choice as "var_teff|sigma_teff": either satisfies it.
    static const std::vector<std::string> required = core::import::requiredFields();
    for (const std::string& entry : required) {
        std::vector<std::string> names;
        for (std::size_t start = 0;;) {
            const std::size_t bar = entry.find('|', start);
            names.push_back(entry.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
            if (bar == std::string::npos)
                break;
            start = bar + 1;
        }
        if (std::find(names.begin(), names.end(), name) != names.end())
            return names;
    }
    return {};
}

bool isRequiredField(const std::string& name) { return !requiredAlternatives(name).empty(); }

FieldStatus fieldStatus(std::size_t field, const core::import::ColumnMapping& mapping,
                        const std::vector<core::table::ColumnInfo>& columns) {
    namespace imp = core::import;
    const imp::FieldInfo& info = imp::field(field);
    FieldStatus status;
    const auto it = mapping.fields.find(info.name);
    if (it == mapping.fields.end() || it->second.expression.empty()) {
        if (info.name == "atm_source" && !mapping.survey.empty()) {
            status.kind = FieldStatus::Kind::Mapped;
            status.text = FieldStatusText::tr("every star: %1 (the survey)").arg(QString::fromStdString(mapping.survey));
        } else if (info.name == "atm_source") {
            status.kind = FieldStatus::Kind::RequiredMissing;
            status.text = FieldStatusText::tr("required: map a column or choose the survey");
        } else if (const auto alternatives = requiredAlternatives(info.name); !alternatives.empty()) {
            QStringList others;
            std::string mappedOther;
            for (const std::string& other : alternatives)
                if (other != info.name) {
                    others << QString::fromStdString(other);
                    if (mapping.fields.contains(other))
                        mappedOther = other;
                }
            if (!mappedOther.empty()) {
                status.kind = FieldStatus::Kind::NotMapped;
                status.text = FieldStatusText::tr("not needed (%1 is mapped)").arg(QString::fromStdString(mappedOther));
            } else {
                status.kind = FieldStatus::Kind::RequiredMissing;
                status.text = others.isEmpty() ? FieldStatusText::tr("required: not mapped")
                                               : FieldStatusText::tr("required: map it or %1").arg(others.join(QStringLiteral(", ")));
            }
        } else {
            status.kind = FieldStatus::Kind::NotMapped;
            status.text = FieldStatusText::tr("not mapped");
        }
        return status;
    }
    const imp::FieldSource& source = it->second;
    imp::ColumnMapping alone;
    alone.fields[info.name] = source;
    try {
        const std::vector<imp::ResolvedField> resolved = imp::resolveMapping(alone, columns, "", "", false);
        const imp::ResolvedField& r = resolved.front();
        if (r.expression.isColumn() && source.unit.empty() && !r.columns.empty())
            status.sourceUnit = QString::fromStdString(columns[r.columns.front()].unit);
        else
            status.sourceUnit = QString::fromStdString(source.unit);
        if (!r.note.empty()) {
            status.kind = FieldStatus::Kind::MappedWithNote;
            status.text = FieldStatusText::tr("no unit: taken as %1").arg(fromView(imp::canonicalUnit(info.dimension)));
        } else {
            status.kind = FieldStatus::Kind::Mapped;
            status.text = r.factor != 1.0 ? FieldStatusText::tr("converted from %1 (× %2)").arg(status.sourceUnit).arg(r.factor)
                                          : QString();
        }
    } catch (const core::InputError& e) {
        status.kind = FieldStatus::Kind::Problem;
        status.text = QString::fromStdString(e.reason());
        status.sourceUnit = QString::fromStdString(source.unit);
        // A bare column that exists: its unit is what the user needs to see beside the problem.
        if (const auto c = imp::findColumn(columns, source.expression); c && source.unit.empty())
            status.sourceUnit = QString::fromStdString(columns[*c].unit);
    }
    return status;
}

} // namespace starlocus::ui
