#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages StarLocus needs to build, run and test.
# Uses sudo when not run as root. Safe to run again (apt-get install is idempotent).
#   scripts/install-deps.sh          install
#   scripts/install-deps.sh --list   print the package names, one per line (scripts/check-deps.py)
# scripts/check-deps.py fails when the build finds a file from a package that this list does
# not install: add the package here, not on your machine only.
set -euo pipefail
packages=(
  cmake ninja-build ccache g++ pkg-config
  # Qt Charts needs Qt OpenGL's CMake package, which qt6-charts-dev does not pull in.
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqcustomplot-dev
  libeigen3-dev libhdf5-dev nlohmann-json3-dev
  zlib1g-dev     # gzip-compressed CSV/ECSV tables (core/table)
  libcfitsio-dev # FITS tables (core/table)
  libexpat1-dev  # the streaming XML parser of the VOTable reader (core/table)
  libopenmpi-dev openmpi-bin  # training on MPI ranks (STARLOCUS_MPI, docs/SCALING.md); mpirun for its test
  fonts-dejavu-core
  poppler-utils  # pdftoppm: the tests render the exported PDF figures
  python3        # scripts/check-deps.py
  python3-astropy  # the table-import tests write FITS, ECSV and VOTable files with Astropy
  # scripts/fuzz.sh: clang's libFuzzer, and llvm-symbolizer for the triage of findings;
  # gdb reads the stack of a time-out or a deadly signal that libFuzzer could not unwind
  # (fuzz/triage.py: without it such an artifact counts as ours).
  clang libfuzzer-14-dev llvm-14 gdb
  # The Debian packages (scripts/build-package.sh, smoke-test-installed.sh): dpkg-shlibdeps and
  # dpkg-parsechangelog, lintian, the desktop-entry and AppStream validators, man -w.
  dpkg-dev lintian desktop-file-utils appstream file man-db
)

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--list]" >&2
  exit 2
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps: needs root to run apt-get, and sudo is not installed;" \
         "run it as root (su -c $0) or install sudo" >&2
    exit 1
  fi
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# apt-get update exits 0 even when no archive answered; -o APT::Update::Error-Mode=any makes
# a failed download an error so the message below is printed instead of a later, vaguer one.
missing_packages() {
  local p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || echo "$p"
  done
}
if ! "${as_root[@]}" apt-get update -qq -o APT::Update::Error-Mode=any; then
  missing=$(missing_packages | tr '\n' ' ')
  if [ -z "$missing" ]; then
    # Offline, but nothing to install: a second run on a set-up machine still succeeds.
    echo "install-deps: apt-get update failed (offline?), but all ${#packages[@]} packages are installed"
    exit 0
  fi
  echo "install-deps: apt-get update failed: is the Debian package archive reachable" \
       "(network, /etc/apt/sources.list)? Still missing: $missing" >&2
  exit 1
fi
if ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
  echo "install-deps: apt-get install failed for: ${packages[*]}" >&2
  exit 1
fi
echo "install-deps: ${#packages[@]} packages present"
