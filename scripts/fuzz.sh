#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes StarLocus's file loaders with libFuzzer under ASan + UBSan (docs/RELIABILITY.md).
#
#   scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options...]
#       Configures and builds build/fuzz (preset "fuzz") as needed, writes the seed corpus
#       with our own writers (plus the published Green2020 files when they are there), fuzzes
#       each target for SECONDS (0: no time limit, e.g. with -runs=N) in libFuzzer's fork mode
#       so that a crash inside libhdf5 does not end the run, then triages every artifact
#       (fuzz/triage.py). Exit 1 when any finding is in our code; libhdf5 crashes are listed.
#   scripts/fuzz.sh --regressions [TARGET|all]
#       Replays fuzz/corpus/regressions/<target>/* once each; exit 1 when any still fails.
#
# Targets: green2020_catalog keras_model model_file training_checkpoint density_grid
# normalization_json posterior_file text_table votable fits_table import_mapping. Environment:
# STARLOCUS_FUZZ_BUILD (build folder, default build/fuzz), STARLOCUS_SHARED_DIR (published
# files, default ../shared), STARLOCUS_FUZZ_NO_SHARED=1 (seeds from our writers only: findings
# are then safe to commit), STARLOCUS_FUZZ_JOBS (build jobs, default 2), STARLOCUS_FUZZ_MAX_LEN
# (default twice the largest seed), STARLOCUS_FUZZ_TIMEOUT (seconds per input, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${STARLOCUS_FUZZ_BUILD:-$root/build/fuzz}
all_targets=(green2020_catalog keras_model model_file training_checkpoint density_grid normalization_json posterior_file
             text_table votable fits_table import_mapping)
declare -A published=([green2020_catalog]=green2020_test_data_small.h5 [keras_model]=green2020_nn_model.h5
                      [density_grid]=green2020_input_density.h5
                      [normalization_json]=green2020_theta_normalization.json)

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# libhdf5 loses memory on the error paths of damaged files: those leaks are the library's.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/fuzz/lsan.supp}
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v llvm-symbolizer >/dev/null; then
  export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer)
fi

usage() { sed -n '3,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

targets_of() {
  if [ "$1" = all ]; then echo "${all_targets[@]}"; return; fi
  for t in "${all_targets[@]}"; do [ "$t" = "$1" ] && { echo "$t"; return; }; done
  echo "fuzz.sh: unknown target '$1' (${all_targets[*]} or all)" >&2; exit 2
}

build_fuzzers() {
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" --preset fuzz >/dev/null
  fi
  cmake --build "$build" --target starlocus_fuzzers -j "${STARLOCUS_FUZZ_JOBS:-2}"
}

# Seeds are made at run time, never committed: they follow the writers, and nothing derived
# from the published files enters the repository.
make_seeds() {
  local seeds=$build/fuzz-seeds maker=$build/fuzz/make_seed_corpus
  if [ ! -f "$seeds/.stamp" ] || [ "$maker" -nt "$seeds/.stamp" ]; then
    rm -rf "$seeds" && mkdir -p "$seeds"
    "$maker" "$seeds"
    touch "$seeds/.stamp"
  fi
  rm -rf "$build/fuzz-seeds-published" "$build/fuzz-published-once"
  local shared=${STARLOCUS_SHARED_DIR:-$root/../shared}/green2020
  if [ "${STARLOCUS_FUZZ_NO_SHARED:-0}" != 1 ] && [ -d "$shared" ]; then
    for t in "${!published[@]}"; do
      local f=$shared/${published[$t]}
      [ -f "$f" ] || continue
      # The published catalog and density grid (1.5-1.8 MB) would drag every execution
      # down to ~12/s: they are run once, unmutated, and the fuzzing uses the small seeds.
      if [ "$(stat -c %s "$f")" -le 262144 ]; then
        mkdir -p "$build/fuzz-seeds-published/$t" && cp "$f" "$build/fuzz-seeds-published/$t/"
      else
        mkdir -p "$build/fuzz-published-once/$t" && cp "$f" "$build/fuzz-published-once/$t/"
      fi
    done
  fi
}

seed_dirs() {
  echo "$build/fuzz-seeds/$1"
  [ -d "$build/fuzz-seeds-published/$1" ] && echo "$build/fuzz-seeds-published/$1"
  [ -d "$root/fuzz/corpus/regressions/$1" ] && echo "$root/fuzz/corpus/regressions/$1"
  return 0
}

fuzz_one() {
  local t=$1 seconds=$2; shift 2
  # The table readers' libraries (CFITSIO, expat) check what malloc returns: an absurd size
  # read from a damaged header then fails as it does in the program (NULL, an error), not as
  # ASan's "allocation size too big" report.
  local ASAN_OPTIONS=$ASAN_OPTIONS
  case $t in text_table|votable|fits_table) ASAN_OPTIONS=$ASAN_OPTIONS:allocator_may_return_null=1 ;; esac
  export ASAN_OPTIONS
  local corpus=$build/fuzz-corpus/$t art=$build/fuzz-artifacts/$t/$(date +%Y%m%d-%H%M%S)
  mkdir -p "$corpus" "$art"
  mapfile -t dirs < <(seed_dirs "$t")
  local largest
  largest=$(find "${dirs[@]}" -type f ! -name 'README*' -printf '%s\n' | sort -n | tail -1)
  local max_len=${STARLOCUS_FUZZ_MAX_LEN:-$(( ${largest:-2048} * 2 > 4096 ? ${largest:-2048} * 2 : 4096 ))}
  # libhdf5 loops for ever on some damaged global heaps (H5HG): each such input holds the job
  # for the whole time-out, so it is short; no loader needs a second on these inputs.
  local timeout=${STARLOCUS_FUZZ_TIMEOUT:-3}
  local time_limit=()
  [ "$seconds" -gt 0 ] && time_limit=(-max_total_time="$seconds")
  echo "== fuzz_$t: ${seconds}s, corpus $corpus, max_len $max_len, artifacts $art"
  local status=0 published_status=0
  if [ -d "$build/fuzz-published-once/$t" ]; then
    for f in "$build/fuzz-published-once/$t"/*; do
      "$build/fuzz/fuzz_$t" -rss_limit_mb=2048 "$f" >"$art/published-once.log" 2>&1 \
        && echo "fuzz_$t: published $(basename "$f") loads without a finding" \
        || { echo "fuzz_$t: FINDING on the published $(basename "$f") (log $art/published-once.log)"; status=1;
             published_status=1; }
    done
  fi
  # Unsymbolised reports while fuzzing: every crashed job would otherwise start llvm-symbolizer
  # on the whole binary (about a second each); the triage replays every artifact symbolised.
  ASAN_OPTIONS=$ASAN_OPTIONS:symbolize=0 \
  "$build/fuzz/fuzz_$t" -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 -timeout="$timeout" \
    -rss_limit_mb=2048 -max_len="$max_len" -artifact_prefix="$art/" "${time_limit[@]}" "$@" \
    "$corpus" "${dirs[@]}" >"$art/fuzz.log" 2>&1 || status=$?
  # Crashed jobs never reach the exit handler that removes their input folder.
  for d in /dev/shm/starlocus-fuzz-* "${TMPDIR:-/tmp}"/starlocus-fuzz-*; do
    [ -d "$d" ] && ! kill -0 "${d##*-}" 2>/dev/null && rm -rf "$d"
  done
  grep -E '^#[0-9]+: cov' "$art/fuzz.log" | tail -1 | sed "s/^/fuzz_$t: /" || true
  echo "fuzz_$t: libFuzzer exit $status, $(find "$corpus" -type f | wc -l) corpus files, log $art/fuzz.log"
  mapfile -t found < <(find "$art" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
                                                       -o -name 'oom-*' \) | sort)
  if [ "${#found[@]}" -eq 0 ]; then
    echo "fuzz_$t: no artifacts"
    return $status
  fi
  # The parent's log keeps each crashed job's ERROR line: the only trace of a crash inside
  # the mutator (empty artifact), which triage cannot replay.
  grep -E 'ERROR:|runtime error:' "$art/fuzz.log" | sed 's/.*\(==[0-9]*==ERROR\)/\1/' | sort | uniq -c \
    | sed "s/^/fuzz_$t: job error: /" >"$art/job-errors.txt" || true
  # With artifacts, libFuzzer's exit code only says that some job crashed: whether that is a
  # finding is the triage's call (a crash inside libhdf5, or in the mutator while it parsed a
  # damaged file, is listed, not failed). The published files' run above still counts.
  local triaged=0
  STARLOCUS_FUZZ_TIMEOUT=$timeout python3 "$root/fuzz/triage.py" "$build/fuzz/fuzz_$t" "${found[@]}" \
    --examples "$art/library-examples" \
    | tee "$art/triage.txt" || triaged=1
  [ "${published_status:-0}" -ne 0 ] && triaged=1
  return $triaged
}

replay_regressions() {
  local t=$1 failed=0 n=0
  local dir=$root/fuzz/corpus/regressions/$t
  [ -d "$dir" ] || return 0
  while IFS= read -r -d '' f; do
    n=$((n + 1))
    if ! "$build/fuzz/fuzz_$t" -timeout=25 -rss_limit_mb=2048 "$f" >/dev/null 2>&1; then
      failed=$((failed + 1))
      python3 "$root/fuzz/triage.py" "$build/fuzz/fuzz_$t" "$f" | grep -v '^triage:' || true
    fi
  done < <(find "$dir" -type f ! -name 'README*' -print0 | sort -z)
  echo "regressions fuzz_$t: $n file(s), $failed failing"
  [ "$failed" -eq 0 ]
}

[ $# -ge 1 ] || usage
# The triage decides what fails a run: it must still tell our code from the libraries'.
python3 "$root/fuzz/triage.py" --self-test
if [ "$1" = --regressions ]; then
  build_fuzzers
  status=0
  for t in $(targets_of "${2:-all}"); do replay_regressions "$t" || status=1; done
  exit $status
fi
[ $# -ge 2 ] || usage
which_targets=$(targets_of "$1")
seconds=$2
shift 2
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
build_fuzzers
make_seeds
status=0
for t in $which_targets; do fuzz_one "$t" "$seconds" "$@" || status=1; done
exit $status
