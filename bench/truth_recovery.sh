#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Full truth-recovery benchmark of issue 5 (docs/VALIDATION.md): a linear-extinction
# synthetic sky of N stars (default 300,000), the default schedule (20 × 25 epochs), the
# Keras start (R = 1: nothing taken from the truth), three times: with the surveys'
# errors; with label and parallax σ shrunk tenfold ("quiet"); and quiet with the reddening
# prior's σ_E also shrunk to 0.3 ("quiet-prior"), docs/VALIDATION.md says why. Needs a release build of starlocus-cli
# and /usr/bin/python3 with h5py (python3-h5py).
# TRAIN_ARGS adds options to every training run (e.g. TRAIN_ARGS="--batch 64": how another
# batch size recovers the truth); SEED is the training seed (default 1; the sky's stays 2026).
# usage: [CASES="survey quiet quiet-prior"] [TRAIN_ARGS=…] [SEED=…] bench/truth_recovery.sh BUILD_DIR [STARS] [WORKDIR]
set -euo pipefail
build=${1:?usage: truth_recovery.sh BUILD_DIR [STARS] [WORKDIR]}
stars=${2:-300000}
work=${3:-$(mktemp -d)}
cli="$build/app/cli/starlocus-cli"
here=$(cd "$(dirname "$0")" && pwd)
for errors in ${CASES:-survey quiet quiet-prior}; do
  scale=1; [ "$errors" != survey ] && scale=0.1
  prior=1; [ "$errors" = quiet-prior ] && prior=0.3
  sky="$work/sky_${errors}.h5"; model="$work/model_${errors}.h5"
  "$cli" mock --stars "$stars" --seed 2026 --extinction linear \
    --label-error-scale "$scale" --parallax-error-scale "$scale" --prior-error-scale "$prior" \
    --out "$sky" > /dev/null
  # shellcheck disable=SC2086 # TRAIN_ARGS is a list of options
  "$cli" train --catalog "$sky" --out "$model" --init keras --seed "${SEED:-1}" ${TRAIN_ARGS:-} --json > "$work/summary_${errors}.json"
  echo "== $stars stars, $errors (label and parallax sigma x $scale, prior sigma_E x $prior), default schedule${TRAIN_ARGS:+ with $TRAIN_ARGS}, Keras start"
  /usr/bin/python3 "$here/truth_recovery_report.py" "$sky" "$model" "$work/summary_${errors}.json"
done
