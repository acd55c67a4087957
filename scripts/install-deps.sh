#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages StarLocus needs to build, run and test.
# Uses sudo when not run as root.
set -euo pipefail
packages=(
  cmake ninja-build ccache g++ pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqcustomplot-dev
  libeigen3-dev libhdf5-dev nlohmann-json3-dev
  fonts-dejavu-core
  poppler-utils  # pdftoppm: the tests render the exported PDF figures
)
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "install-deps: ${#packages[@]} packages present"
