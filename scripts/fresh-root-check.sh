#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the README's set-up commands in a throw-away Debian 12 root, the way a new user's
# machine sees them: only Debian's minimal base system (mmdebstrap --variant=minbase, from
# the package archive this machine's apt already uses), a clean clone of the committed tree,
# and nothing else. A package the project forgets in install-deps.sh fails here.
#
#   scripts/fresh-root-check.sh [--app] [--tests] [--ccache] [--keep DIR]
#
# --app     the first command: install, build and start the app (started offscreen with
#           --screenshot, so it renders its start-up window to a PNG and exits)
# --tests   the second command: install, build and run every test
#           (default: both, in one root, in that order)
# --ccache  share this machine's ccache directory with the root (faster; the cache holds
#           compiled objects only, never a package or a header)
# --keep DIR  build the root in DIR and leave it there (default: a temporary directory,
#           removed afterwards)
# Needs root and mmdebstrap (apt-get install mmdebstrap). The reference data (../shared, or
# $STARLOCUS_SHARED_DIR) is bind-mounted read-only beside the clone when present.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
run_app=0 run_tests=0 use_ccache=0 keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --app) run_app=1 ;;
    --tests) run_tests=1 ;;
    --ccache) use_ccache=1 ;;
    --keep) keep="$2"; shift ;;
    *) echo "usage: $0 [--app] [--tests] [--ccache] [--keep DIR]" >&2; exit 2 ;;
  esac
  shift
done
[ $run_app -eq 0 ] && [ $run_tests -eq 0 ] && run_app=1 && run_tests=1
[ "$(id -u)" -eq 0 ] || { echo "fresh-root-check: must run as root (chroot, mounts)" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "fresh-root-check: needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 2; }

# The README's two commands, read from the README itself so this check follows it.
readme_commands() {
  awk '/^## Set up on a fresh Debian 12 machine/{on=1} on&&/^```sh/{getline; print; n++} n==2{exit}' \
    "$source_dir/README.md"
}
mapfile -t commands < <(readme_commands)
[ ${#commands[@]} -eq 2 ] || { echo "fresh-root-check: could not read two set-up commands from README.md" >&2; exit 2; }
app_command="${commands[0]}"
test_command="${commands[1]}"
case "$app_command" in
  *app/gui/starlocus) ;;
  *) echo "fresh-root-check: the README's first command no longer ends by starting the app: $app_command" >&2; exit 2 ;;
esac

root="${keep:-$(mktemp -d /var/tmp/starlocus-fresh-root.XXXXXX)}"
mkdir -p "$root"
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  [ -z "$keep" ] && rm -rf --one-file-system "$root"
}
trap cleanup EXIT

apt_sources=/etc/apt/sources.list.d/debian.sources
[ -f "$apt_sources" ] || apt_sources=/etc/apt/sources.list
echo "== fresh-root-check: Debian 12 minbase root in $root (sources: $apt_sources)"
mmdebstrap --variant=minbase --mode=root --quiet bookworm "$root" "$apt_sources"
echo "   base system: $(chroot "$root" dpkg-query -W | wc -l) packages"

# A clean clone of what is committed, as CI gets it; the work tree's uncommitted files stay out.
git clone --quiet --no-local "$source_dir" "$root/src/starlocus"
echo "   clone: $(git -C "$root/src/starlocus" log -1 --format='%h %s')"

shared="${STARLOCUS_SHARED_DIR:-$source_dir/../shared}"
if [ -d "$shared" ]; then
  mkdir -p "$root/src/shared"
  mount --bind "$shared" "$root/src/shared" && mounted+=("$root/src/shared")
  mount -o remount,bind,ro "$root/src/shared"
fi
for fs in proc sys dev dev/pts; do
  mkdir -p "$root/$fs"
  mount --bind "/$fs" "$root/$fs" && mounted+=("$root/$fs")
done
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
env_vars=(HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8)
[ -d "$shared" ] && env_vars+=(STARLOCUS_REQUIRE_SHARED=1)
if [ $use_ccache -eq 1 ]; then
  host_cache="$(ccache --get-config cache_dir 2>/dev/null || echo "$HOME/.cache/ccache")"
  mkdir -p "$root/root/.cache/ccache" "$host_cache"
  mount --bind "$host_cache" "$root/root/.cache/ccache" && mounted+=("$root/root/.cache/ccache")
  # The compiler in the root is the same Debian package; compare it by content, and let
  # paths under the clone hash like paths under any other checkout.
  env_vars+=(CCACHE_DIR=/root/.cache/ccache CCACHE_COMPILERCHECK=content CCACHE_BASEDIR=/src CCACHE_NOHASHDIR=1)
fi

in_root() {
  chroot "$root" /usr/bin/env -i "${env_vars[@]}" bash -c "cd /src/starlocus && $1"
}
status=0
if [ $run_app -eq 1 ]; then
  echo "== first command (offscreen, with --screenshot so the app exits): $app_command"
  start=$SECONDS
  if in_root "QT_QPA_PLATFORM=offscreen; export QT_QPA_PLATFORM; $app_command --screenshot /tmp/start-up.png" \
      && [ -s "$root/tmp/start-up.png" ]; then
    cp "$root/tmp/start-up.png" "${TMPDIR:-/tmp}/fresh-root-start-up.png"
    echo "== first command: passed in $((SECONDS - start)) s; screenshot ${TMPDIR:-/tmp}/fresh-root-start-up.png"
  else
    echo "== first command: FAILED after $((SECONDS - start)) s"; status=1
  fi
fi
if [ $run_tests -eq 1 ] && [ $status -eq 0 ]; then
  echo "== second command: $test_command"
  start=$SECONDS
  if in_root "$test_command"; then
    echo "== second command: passed in $((SECONDS - start)) s"
  else
    echo "== second command: FAILED after $((SECONDS - start)) s"; status=1
  fi
fi
echo "   packages in the root at the end: $(chroot "$root" dpkg-query -W | wc -l)"
exit $status
