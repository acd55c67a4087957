// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one error type of the core: a file (or other input) that cannot be used.
// It names the file and the field so that the CLI can print one line and the GUI
// one message box; per-star defects are never errors (see likelihood/star_observation.h).
#include <stdexcept>
#include <string>

namespace starlocus::core {

class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::string field, std::string reason)
        : std::runtime_error(compose(file, field, reason)), file_(std::move(file)),
          field_(std::move(field)), reason_(std::move(reason)) {}

    const std::string& file() const { return file_; }
    const std::string& field() const { return field_; }
    const std::string& reason() const { return reason_; }

private:
    static std::string compose(const std::string& file, const std::string& field,
                               const std::string& reason) {
        std::string text = file.empty() ? std::string("<input>") : file;
        if (!field.empty())
            text += ": field '" + field + "'";
        text += ": " + reason;
        return text;
    }
    std::string file_;
    std::string field_;
    std::string reason_;
};

} // namespace starlocus::core
