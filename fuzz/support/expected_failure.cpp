// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/support/expected_failure.h"

#include "core/common/input_error.h"
#include "core/training/trainer.h"

#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <memory>
#include <typeinfo>

namespace starlocus::fuzz {

void reportFinding(const std::string& target, const std::string& what) {
    std::fprintf(stderr, "starlocus-fuzz finding: %s: %s\n", target.c_str(), what.c_str());
    std::fflush(stderr);
    std::abort();
}

namespace detail {

bool isExpected(const std::exception& e) {
    return dynamic_cast<const core::InputError*>(&e) != nullptr ||
           dynamic_cast<const core::TrainingError*>(&e) != nullptr;
}

void reportUnexpected(const char* target, const std::exception* e) {
    if (!e)
        reportFinding(target, "an exception that is not a std::exception escaped the loader");
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> type(abi::__cxa_demangle(typeid(*e).name(), nullptr, nullptr, &status),
                                                std::free);
    reportFinding(target, std::string("uncaught ") + (status == 0 ? type.get() : typeid(*e).name()) + ": " +
                              e->what());
}

} // namespace detail
} // namespace starlocus::fuzz
