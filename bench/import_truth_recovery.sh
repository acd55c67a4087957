#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Done-when of issue 15 (docs/IMPORT.md, docs/PERFORMANCE.md): a model trained on an IMPORTED
# raw cross-match recovers the truth as well as one trained on the mock's own catalog. One
# linear-extinction synthetic sky of N stars (default 300,000), written twice: as the mock's
# Green2020 catalog and as survey-native tables (`mock --raw`, default defect rate: 0.5 % of
# the stars and bands fail one §3 rule each); the tables are imported with the presets and
# every rule on; both catalogs are trained with the default schedule and the Keras start, and
# bench/truth_recovery_report.py reports each against the truth. Needs a release build of
# starlocus-cli and /usr/bin/python3 with h5py (python3-h5py).
# usage: bench/import_truth_recovery.sh BUILD_DIR [STARS] [WORKDIR] [FORMAT]
set -euo pipefail
build=${1:?usage: import_truth_recovery.sh BUILD_DIR [STARS] [WORKDIR] [FORMAT]}
stars=${2:-300000}
work=${3:-$(mktemp -d)}
format=${4:-csv}
cli="$build/app/cli/starlocus-cli"
here=$(cd "$(dirname "$0")" && pwd)
ext=$format; [ "$format" = votable ] && ext=vot
"$cli" mock --stars "$stars" --seed 2026 --extinction linear --raw "$format" --out "$work/sky" > /dev/null
"$cli" import "$work/sky_lamost.$ext" "$work/sky_apogee.$ext" "$work/sky_galah.$ext" \
  --out "$work/imported.h5" --report "$work/import_report.json" > "$work/import.txt"
cat "$work/import.txt"
for which in catalog imported; do
  if [ "$which" = catalog ]; then catalog="$work/sky_catalog.h5"; else catalog="$work/imported.h5"; fi
  "$cli" train --catalog "$catalog" --out "$work/model_$which.h5" --init keras --seed 1 --json > "$work/summary_$which.json"
  echo "== $stars stars, trained on the mock's $which ($(basename "$catalog")), default schedule, Keras start"
  # The truth (R of Teff, linear mode) is read from the mock's own file for both models.
  /usr/bin/python3 "$here/truth_recovery_report.py" "$work/sky_catalog.h5" "$work/model_$which.h5" "$work/summary_$which.json"
done
