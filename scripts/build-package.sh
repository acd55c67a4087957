#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages starlocus and starlocus-cli with CPack and checks them with
# lintian (docs/PACKAGING.md).
#
# usage: scripts/build-package.sh [BUILD_DIR]      (default: build/release)
#
# A configured BUILD_DIR is reused: only what the packages contain is built (target
# starlocus_package_files), so after the CI's release build this is quick. A missing one is
# configured like the release preset. Prints the .deb paths; fails on any lintian error.
# Needs: cmake, ninja-build, dpkg-dev (dpkg-shlibdeps), lintian; desktop-file-utils
# and appstream for the optional checks of the desktop entry and the AppStream metadata.
# JOBS sets the build's parallelism (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)
build_dir=${1:-build/release}
jobs=${JOBS:-$(nproc)}

fail() {
  echo "build-package: $*" >&2
  exit 1
}

missing=()
for tool in cmake cpack dpkg-shlibdeps lintian gzip; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || fail "missing tools: ${missing[*]} (apt-get install cmake dpkg-dev lintian)"

echo "== configure ($build_dir) =="
if [ -f "$build_dir/CMakeCache.txt" ]; then
  # Configure again: picks up packaging changes and tools installed since.
  cmake "$build_dir" >/dev/null
elif [ "$build_dir" = build/release ]; then
  cmake --preset release >/dev/null
else
  # The release preset's settings in another directory (presets fix their binaryDir).
  cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -g1" -DCMAKE_C_FLAGS_RELEASE=-O2 >/dev/null
fi

echo "== build the packaged files =="
cmake --build "$build_dir" -j "$jobs" --target starlocus_package_files

echo "== check the desktop entry and the AppStream metadata =="
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate resources/starlocus.desktop || fail "resources/starlocus.desktop is not valid"
  echo "desktop-file-validate: resources/starlocus.desktop ok"
else
  echo "desktop-file-validate not installed (desktop-file-utils): desktop entry not checked"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net resources/io.github.starlocus.StarLocus.metainfo.xml ||
    fail "resources/io.github.starlocus.StarLocus.metainfo.xml is not valid"
else
  echo "appstreamcli not installed (appstream): AppStream metadata not checked"
fi

echo "== cpack -G DEB =="
cpack_log=$(mktemp)
trap 'rm -f "$cpack_log"' EXIT
if ! (cd "$build_dir" && cpack -G DEB) >"$cpack_log" 2>&1; then
  cat "$cpack_log" >&2
  fail "cpack failed"
fi
cat "$cpack_log"
# "CPack: - package: /abs/path/x.deb generated."
mapfile -t debs < <(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' "$cpack_log")
[ ${#debs[@]} -gt 0 ] || fail "cpack reported no .deb"

echo "== packages =="
for deb in "${debs[@]}"; do
  echo "$deb"
  dpkg-deb --field "$deb" Package Version Depends | sed 's/^/  /'
done

echo "== lintian =="
# --fail-on error: warnings are listed (docs/PACKAGING.md says why each remains) but pass.
if ! lintian --fail-on error --display-info "${debs[@]}"; then
  fail "lintian reports errors"
fi
echo "lintian: no errors"
