#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages built by scripts/build-package.sh and runs the installed
# programs from PATH (never the build tree): the published model, a small synthetic sky
# trained for one short iteration, Fig. 6 from starlocus-figures, a GUI screenshot, and the
# checks that starlocus-cli has no GUI libraries and that the man page and desktop entry are
# in place.
#
# usage: scripts/smoke-test-installed.sh [DEB_DIR]   (default: build/release)
#
# DEB_DIR holds starlocus-cli_*.deb and starlocus_*.deb. The packages stay installed; remove
# them with `apt-get remove -y starlocus starlocus-cli`. The published model and catalog are
# looked for in $STARLOCUS_SHARED_DIR/green2020 or ../shared/green2020; without them those
# parts are skipped unless STARLOCUS_REQUIRE_SHARED=1. Uses sudo when not run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
deb_dir=${1:-build/release}

fail() {
  echo "smoke-test: FAILED: $*" >&2
  exit 1
}
step() { echo "== $* =="; }
# Each check runs in a subshell (its fail() ends only that check); all run, failures are
# listed at the end and make the exit status non-zero.
failed=()
run_check() {
  local name=$1
  shift
  step "$name"
  if ! ("$@"); then
    failed+=("$name")
  fi
}

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

step "install the packages"
shopt -s nullglob
cli_debs=("$deb_dir"/starlocus-cli_*.deb)
gui_debs=("$deb_dir"/starlocus_*.deb)
shopt -u nullglob
[ ${#cli_debs[@]} -eq 1 ] || fail "expected one starlocus-cli_*.deb in $deb_dir, found ${#cli_debs[@]}"
[ ${#gui_debs[@]} -eq 1 ] || fail "expected one starlocus_*.deb in $deb_dir, found ${#gui_debs[@]}"
# apt-get wants a path with a slash to take a file instead of a package name.
cli_deb=$(realpath "${cli_debs[0]}")
gui_deb=$(realpath "${gui_debs[0]}")
# --reinstall: a rebuilt package keeps its version, and apt would keep the installed files.
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --reinstall "$cli_deb" "$gui_deb" ||
  fail "apt-get install of $cli_deb $gui_deb"

# The programs must come from the packages, not from a build tree on PATH.
for program in starlocus-cli starlocus; do
  path=$(command -v "$program") || fail "$program is not on PATH after installing"
  owner=$(dpkg-query -S "$path" 2>/dev/null | cut -d: -f1) || true
  [ -n "$owner" ] || fail "$path (first $program on PATH) belongs to no package; is a build tree on PATH?"
  echo "$program: $path (package $owner)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

check_cli_libraries() {
  gui_libs=$(ldd "$(command -v starlocus-cli)" | grep -E 'libQt6Widgets|libQt6Gui|libQt6Charts|libqcustomplot' || true)
  [ -z "$gui_libs" ] || fail "starlocus-cli links GUI libraries:
$gui_libs"
  depends=$(dpkg-query -W -f='${Depends}' starlocus-cli)
  echo "starlocus-cli Depends: $depends"
  if grep -Eq 'libqt6(widgets|gui|charts)|libqcustomplot' <<<"$depends"; then
    fail "the starlocus-cli package depends on GUI libraries: $depends"
  fi
  echo "ok: no libQt6Widgets, libQt6Gui, libQt6Charts, libqcustomplot"
}

check_man_page() {
  if command -v man >/dev/null; then
    man -w starlocus-cli || fail "man -w starlocus-cli finds no page"
  else
    [ -f /usr/share/man/man1/starlocus-cli.1.gz ] || fail "/usr/share/man/man1/starlocus-cli.1.gz missing"
    echo "/usr/share/man/man1/starlocus-cli.1.gz"
  fi
}

check_desktop_entry() {
  desktop=/usr/share/applications/starlocus.desktop
  [ -f "$desktop" ] || fail "$desktop missing"
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
    echo "desktop-file-validate: ok"
  else
    echo "desktop-file-validate not installed (desktop-file-utils): $desktop present, not validated"
  fi
}

# The authors' published files (never in the repository): $STARLOCUS_SHARED_DIR or ../shared.
shared=${STARLOCUS_SHARED_DIR:-}
if [ -z "$shared" ] && [ -d "$repo/../shared" ]; then
  shared=$(cd "$repo/../shared" && pwd)
fi
model=${shared:+$shared/green2020/green2020_nn_model.h5}
normalization=${shared:+$shared/green2020/green2020_theta_normalization.json}
catalog=${shared:+$shared/green2020/green2020_test_data_small.h5}

check_published_model() {
  if [ -n "$shared" ] && [ -f "$model" ] && [ -f "$normalization" ]; then
    out=$(starlocus-cli predict --model "$model" --normalization "$normalization" \
      --teff 5780 --logg 4.44 --feh 0 --E 1 --json) || fail "starlocus-cli predict on $model"
    # The Sun's G magnitude at E = 1 (tests/support/published_model.h: 7.2703366).
    g=$(tr -d ' \n' <<<"$out" | grep -o '"mag_color":\[[^],]*' | sed 's/.*\[//') # (pretty-printed JSON)
    [ -n "$g" ] || fail "predict --json printed no mag_color"
    awk -v g="$g" 'BEGIN { d = g - 7.2703366; exit !(d < 1e-4 && d > -1e-4) }' ||
      fail "predicted G of the Sun is $g, the published model gives 7.2703366"
    echo "ok: G(Sun, E=1) = $g"
  elif [ "${STARLOCUS_REQUIRE_SHARED:-}" = 1 ]; then
    fail "the published model is required (STARLOCUS_REQUIRE_SHARED=1) but not found:" \
      "set STARLOCUS_SHARED_DIR (looked for ${model:-../shared/green2020/green2020_nn_model.h5}" \
      "and green2020_theta_normalization.json beside it)"
  else
    echo "skipped: no published model (set STARLOCUS_SHARED_DIR or put it in ../shared/green2020)"
  fi
}

check_mock_and_train() {
  starlocus-cli mock --stars 2000 --seed 1 --out sky.h5 || fail "starlocus-cli mock"
  [ -s sky.h5 ] || fail "mock wrote no sky.h5"
  starlocus-cli train --catalog sky.h5 --out model.h5 --iterations 1 --epochs 2 --threads 2 --seed 1 ||
    fail "starlocus-cli train"
  [ -s model.h5 ] || fail "train wrote no model.h5"
  starlocus-cli predict --model model.h5 --teff 5780 --logg 4.44 --feh 0 >/dev/null ||
    fail "starlocus-cli predict on the model just trained"
  echo "ok: trained model.h5 ($(stat -c %s model.h5) bytes) predicts"
}

check_figures() {
  command -v starlocus-figures >/dev/null || {
    echo "starlocus-figures not in this build of the starlocus package: skipped"
    return 0
  }
  starlocus-figures --version || fail "starlocus-figures --version"
  if [ -n "$shared" ] && [ -f "$model" ] && [ -f "$catalog" ]; then
    starlocus-figures --model "$model" --catalog "$catalog" --out figs --view cmd --format png ||
      fail "starlocus-figures on the published model and catalog"
    [ -s figs/fig06_cmd.png ] || fail "starlocus-figures wrote no figs/fig06_cmd.png"
    echo "ok: figs/fig06_cmd.png, $(file -b figs/fig06_cmd.png)"
  elif [ "${STARLOCUS_REQUIRE_SHARED:-}" = 1 ]; then
    fail "the published model and catalog are required (STARLOCUS_REQUIRE_SHARED=1) but not found"
  else
    echo "figure rendering skipped: no published model and catalog"
  fi
}

check_gui_screenshot() {
  QT_QPA_PLATFORM=offscreen timeout 600 starlocus --demo --screenshot shot.png ||
    fail "starlocus --demo --screenshot shot.png (exit $?)"
  [ -f shot.png ] || fail "no screenshot written"
  size=$(stat -c %s shot.png)
  info=$(file -b shot.png)
  echo "shot.png: $size bytes, $info"
  [[ "$info" == "PNG image data, "* ]] || fail "shot.png is not a PNG: $info"
  width=$(sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\).*/\1/p' <<<"$info")
  height=$(sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\).*/\2/p' <<<"$info")
  # A real window (menus, plots, the sky's points) is hundreds of pixels wide and compresses
  # to tens of kB; a blank or failed grab is tiny.
  if [ "${width:-0}" -lt 400 ] || [ "${height:-0}" -lt 300 ]; then
    fail "screenshot only ${width}x${height}"
  fi
  [ "$size" -ge 20000 ] || fail "screenshot only $size bytes: an empty window?"
}

run_check "starlocus-cli links no GUI library" check_cli_libraries
run_check "man page" check_man_page
run_check "desktop entry" check_desktop_entry
run_check "starlocus-cli predict on the published model" check_published_model
run_check "starlocus-cli mock + train (one short iteration)" check_mock_and_train
run_check "starlocus-figures (Fig. 6 of the published model)" check_figures
run_check "starlocus --demo --screenshot (offscreen)" check_gui_screenshot

if [ ${#failed[@]} -gt 0 ]; then
  printf 'smoke-test: %d check(s) FAILED:\n' "${#failed[@]}" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "smoke-test: all checks passed"
