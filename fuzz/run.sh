#!/usr/bin/env bash
# Fuzzes the importer: every cargo-fuzz target for SECONDS each (default 60).
#
#   fuzz/run.sh [SECONDS]          (or ./dev fuzz [SECONDS])
#   FUZZ_TARGETS="import_xls cell_parsers" fuzz/run.sh 300   only some targets
#
# cargo-fuzz needs nightly flags; this machine has stable rustc only, so RUSTC_BOOTSTRAP=1
# lets stable accept them (with AddressSanitizer). Inputs that crash, run out of memory
# (> 2 GiB) or time out (> 20 s) are copied to crates/domain/tests/fixtures/fuzz/<target>/,
# where `cargo test --test domain hostile_fuzz_regressions` replays them: commit them with the fix.
# The corpus grows in fuzz/corpus/<target>/ (not committed); fuzz/seeds/<target>/ seeds it.
# Exit status: 0 when nothing was found, 1 when some target found a crash.
set -euo pipefail

SECONDS_EACH="${1:-60}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
FIXTURES="$ROOT/crates/domain/tests/fixtures/fuzz"
TARGET_DIR="${FUZZ_TARGET_DIR:-$HERE/target}"
TRIPLE="$(rustc -vV | awk '/^host:/ {print $2}')"
export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS="${JOBS:-2}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! command -v cargo-fuzz >/dev/null; then
  say "installing cargo-fuzz (about a minute)"
  cargo install cargo-fuzz --locked
fi

cd "$HERE"
mapfile -t ALL < <(cargo fuzz list)
TARGETS=(${FUZZ_TARGETS:-${ALL[@]}})
say "building ${#TARGETS[@]} targets (release, AddressSanitizer) into $TARGET_DIR"
cargo fuzz build --target-dir "$TARGET_DIR"

found=0
for t in "${TARGETS[@]}"; do
  corpus="$HERE/corpus/$t"
  artifacts="$HERE/artifacts/$t"
  mkdir -p "$corpus" "$artifacts" "$HERE/seeds/$t"
  say "$t: ${SECONDS_EACH}s"
  # -fork=1 with -ignore_*: keep fuzzing after a crash, writing every crashing input.
  "$TARGET_DIR/$TRIPLE/release/$t" "$corpus" "$HERE/seeds/$t" \
    -artifact_prefix="$artifacts/" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
    -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 -print_final_stats=1 \
    >"$HERE/artifacts/$t.log" 2>&1 || true
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$HERE/artifacts/$t.log" | sed "s/^/    /" >&2 || true
  shopt -s nullglob
  for a in "$artifacts"/crash-* "$artifacts"/oom-* "$artifacts"/timeout-* "$artifacts"/leak-*; do
    mkdir -p "$FIXTURES/$t"
    cp "$a" "$FIXTURES/$t/"
    echo "CRASH in $t: $(basename "$a") copied to crates/domain/tests/fixtures/fuzz/$t/ (log: fuzz/artifacts/$t.log)" >&2
    rm "$a"
    found=1
  done
  shopt -u nullglob
done
if [ "$found" = 1 ]; then
  say "crashes found: reproduce with cargo test -p scorecard-domain --test domain hostile_fuzz_regressions"
  exit 1
fi
say "no crash in ${#TARGETS[@]} targets × ${SECONDS_EACH}s"
