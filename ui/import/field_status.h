// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether one import field is usable as mapped, judged by the core's own resolveMapping on that
// field alone: the mapping table then shows, per field, exactly the error the import would stop
// with (a column that does not exist, a text column for a number, a unit that cannot be
// converted, an expression that does not parse), not only the first one.
#include "core/import/column_mapping.h"

#include <QString>
#include <string>
#include <cstddef>
#include <vector>

namespace starlocus::ui {

struct FieldStatus {
    enum class Kind {
        Mapped,          // usable
        MappedWithNote,  // usable, with a note (a column without a unit, taken as the field's)
        NotMapped,       // optional and not mapped: the rule that reads it does nothing
        RequiredMissing, // required and not mapped: the import cannot start
        Problem,         // mapped, but the import would stop on it
    };
    Kind kind = Kind::NotMapped;
    QString text;       // what the status column says (the note or the core's reason)
    QString sourceUnit; // the unit the values come in (a bare column's own, or the spec's)
    bool usable() const { return kind == Kind::Mapped || kind == Kind::MappedWithNote; }
};

// `field` indexes importFields(). atm_source counts as mapped when the mapping names a survey.
FieldStatus fieldStatus(std::size_t field, const core::import::ColumnMapping& mapping,
                        const std::vector<core::table::ColumnInfo>& columns);

// Whether `name` is one of core::import::requiredFields() (alone, or as one of a choice:
// var_teff or sigma_teff).
bool isRequiredField(const std::string& name);
// The fields of the requirement `name` belongs to (itself included), empty when none.
std::vector<std::string> requiredAlternatives(const std::string& name);

} // namespace starlocus::ui
