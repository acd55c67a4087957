#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds StarLocus optimised (Release, assertions kept) and runs every test; then builds
# the core, the CLI and their tests with AddressSanitizer + UndefinedBehaviorSanitizer
# and runs those too; then the trainer's and the GUI's worker-thread tests under
# ThreadSanitizer. Any failure or sanitizer finding fails the script.
# CI=true adds -Werror. STARLOCUS_SHARED_DIR points at the reference data (default:
# ../shared beside the source tree); STARLOCUS_REQUIRE_SHARED=1 makes its absence a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
export QT_QPA_PLATFORM=offscreen

echo "== release build =="
cmake --preset release -DSTARLOCUS_WERROR=$werror >/dev/null
cmake --build --preset release -j "$jobs"
echo "== release tests =="
ctest --preset release -j "$jobs" --timeout 900

echo "== ASan + UBSan build (core, CLI, their tests) =="
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
echo "== ASan + UBSan tests =="
ctest --preset asan -j "$jobs" --timeout 1800

echo "== ThreadSanitizer build (the trainer and the GUI's worker threads: their tests only) =="
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"
echo "== ThreadSanitizer tests =="
ctest --preset tsan --timeout 1800
