// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What counts as a correct answer to bad input: core::InputError (and TrainingError where a
// loaded record goes on to the trainer). Any other exception escaping a loader — a library's
// exception text, std::bad_alloc, std::out_of_range — and any broken promise about what a
// successful load returns is a finding: it aborts, so libFuzzer saves the input and the
// stack, and the triage (fuzz/triage.py) files it under our code.
#include <exception>
#include <string>

namespace starlocus::fuzz {

// Prints "starlocus-fuzz finding: <target>: <what>" and aborts.
[[noreturn]] void reportFinding(const std::string& target, const std::string& what);

// Runs `load`; returns true when it succeeded, false on an expected error, aborts otherwise.
template <typename Load> bool runLoader(const char* target, Load&& load);

namespace detail {
[[noreturn]] void reportUnexpected(const char* target, const std::exception* e);
bool isExpected(const std::exception& e);
} // namespace detail

template <typename Load> bool runLoader(const char* target, Load&& load) {
    try {
        load();
        return true;
    } catch (const std::exception& e) {
        if (detail::isExpected(e))
            return false;
        detail::reportUnexpected(target, &e);
    } catch (...) {
        detail::reportUnexpected(target, nullptr);
    }
}

} // namespace starlocus::fuzz
