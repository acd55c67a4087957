// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Structure-aware edits of JSON text (the normalisation file, the Keras model_config and
// the checkpoint's config attribute): random bytes almost never keep JSON valid, so they
// stop at the parser; these edits keep it valid and change what the loaders check —
// types, array lengths, huge or non-finite-looking numbers, missing keys, renamed layer
// references, non-UTF-8 bytes inside strings.
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace starlocus::fuzz {

// One random edit; nullopt when `text` is not JSON.
std::optional<std::string> mutateJson(std::string_view text, std::mt19937_64& rng);

// Replaces a random subtree of `into` by a random subtree of `from` (crossover); nullopt
// when either is not JSON.
std::optional<std::string> crossOverJson(std::string_view into, std::string_view from, std::mt19937_64& rng);

} // namespace starlocus::fuzz
