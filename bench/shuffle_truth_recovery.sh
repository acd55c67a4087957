#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Does the block shuffle (train --shuffle-block N) learn what the free shuffle learns? One
# linear-extinction synthetic sky per case (as bench/truth_recovery.sh: N stars, default
# 300,000; the default schedule, the Keras start), trained with the free shuffle and with
# block shuffles, each with several training seeds: the free shuffle's seed-to-seed scatter
# is the yardstick for the difference between the shuffles (docs/VALIDATION.md). Each run
# is reported by bench/truth_recovery_report.py. Needs a release build of starlocus-cli and
# /usr/bin/python3 with h5py (python3-h5py).
# usage: [CASES="quiet"] [SHUFFLES="full 8192"] [SEEDS="1 2"] bench/shuffle_truth_recovery.sh BUILD_DIR [STARS] [WORKDIR]
set -euo pipefail
build=${1:?usage: shuffle_truth_recovery.sh BUILD_DIR [STARS] [WORKDIR]}
stars=${2:-300000}
work=${3:-$(mktemp -d)}
cli="$build/app/cli/starlocus-cli"
here=$(cd "$(dirname "$0")" && pwd)
for errors in ${CASES:-quiet}; do
  scale=1; [ "$errors" != survey ] && scale=0.1
  prior=1; [ "$errors" = quiet-prior ] && prior=0.3
  sky="$work/sky_${errors}.h5"
  [ -f "$sky" ] || "$cli" mock --stars "$stars" --seed 2026 --extinction linear \
    --label-error-scale "$scale" --parallax-error-scale "$scale" --prior-error-scale "$prior" \
    --out "$sky" > /dev/null
  for shuffle in ${SHUFFLES:-full 8192}; do
    for seed in ${SEEDS:-1 2}; do
      run="${errors}_shuffle-${shuffle}_seed-${seed}"
      "$cli" train --catalog "$sky" --out "$work/model_$run.h5" --init keras --seed "$seed" \
        --shuffle-block "$shuffle" --checkpoint '' --json > "$work/summary_$run.json"
      echo "== $stars stars, $errors (label and parallax sigma x $scale, prior sigma_E x $prior), shuffle $shuffle, seed $seed"
      /usr/bin/python3 "$here/truth_recovery_report.py" "$sky" "$work/model_$run.h5" "$work/summary_$run.json"
    done
  done
done
