#!/usr/bin/env bash
# The performance benchmarks (./dev bench; never part of ./dev test). See bench/README.md.
#
#   ./dev bench [--sizes 10k,100k,1m] [--runs N] [--native-only | --browser-only] [--no-sheetjs]
#               [--no-engines]
#
# 1. builds the native tools (profile release-native) and, once, the deterministic inputs
#    in bench/out/ (records_<size>.xlsx, roster_100k.xlsx; gitignored);
# 2. builds dist/ if it is missing (./dev build);
# 3. native: calamine's streaming parse alone vs our import + score, and `scorecard score`;
# 4. browser: headless Chromium, the engine worker vs SheetJS, tab memory, long tasks;
#    the first visit on a throttled line (bench/load.mjs);
#    then every engine (Chromium, Firefox ESR, WebKitGTK; served and file://) as a clerk
#    uses the app, on the largest workbook asked for (bench/engines.mjs);
# 5. writes bench/out/results.json and bench/out/results.md and prints the table;
# 6. a full run (all parts, sizes 10k, 100k and 1m, at least 3 runs) writes results.md into
#    docs/figures.md's Speed section (tools/figures.mjs); a partial run leaves it as it is.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
JOBS="${JOBS:-2}"
OUT="$ROOT/bench/out"
BIN="$CARGO_TARGET_DIR/release-native"
SIZES="10k,100k,1m"
RUNS=3
NATIVE=1
BROWSER=1
SHEETJS=""
ENGINES=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="${2:?--sizes needs a value}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --native-only) BROWSER=0; shift ;;
    --browser-only) NATIVE=0; shift ;;
    --no-sheetjs) SHEETJS="--no-sheetjs"; shift ;;
    --no-engines) ENGINES=0; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see ./dev bench --help)" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a positive number"
IFS=, read -r -a SIZE_LIST <<< "$SIZES"
for s in "${SIZE_LIST[@]}"; do [[ "$s" =~ ^[0-9]+[km]?$ ]] || die "bad size $s (use 10k, 100k, 1m, 3m)"; done
mkdir -p "$OUT"

say "building the native tools (release-native)"
cargo build -j "$JOBS" --profile release-native -p scorecard-bench -p scorecard-cli

missing=()
for s in "${SIZE_LIST[@]}"; do [ -f "$OUT/records_$s.xlsx" ] || missing+=("$s"); done
if [ ${#missing[@]} -gt 0 ] || [ ! -f "$OUT/roster_100k.xlsx" ]; then
  list="$(IFS=,; echo "${missing[*]:-10k}")"
  say "writing the benchmark workbooks ($list) into bench/out (once)"
  "$BIN/gen-workbooks" --out "$OUT" --sizes "$list"
fi
"$BIN/scorecard" profiles --format json > "$OUT/profiles.json"

if [ "$BROWSER" = 1 ] && [ ! -f "$ROOT/dist/assets.json" ]; then
  say "dist/ is missing: building it"
  "$ROOT/dev" build
fi

if [ "$NATIVE" = 1 ]; then
  rm -f "$OUT"/native_*.json
  for s in "${SIZE_LIST[@]}"; do
    say "native: records_$s.xlsx"
    runs="$RUNS"
    [ "$s" = 3m ] && runs=1
    "$BIN/bench-native" --runs "$runs" --label "records_$s" --cli "$BIN/scorecard" \
      "$OUT/records_$s.xlsx" > "$OUT/native_$s.json"
  done
  say "native: records_1m.xlsx + roster_100k.xlsx (with the monthly replay)"
  if [ -f "$OUT/records_1m.xlsx" ]; then
    "$BIN/bench-native" --runs "$RUNS" --replay --label "records_1m+roster" --cli "$BIN/scorecard" \
      "$OUT/records_1m.xlsx" "$OUT/roster_100k.xlsx" > "$OUT/native_1m+roster.json"
  fi
fi

if [ "$BROWSER" = 1 ]; then
  say "browser: headless Chromium"
  browser_sizes="$SIZES"
  [[ ",$SIZES," == *",1m,"* ]] && browser_sizes="$SIZES,1m+roster"
  node "$ROOT/bench/browser.mjs" --sizes "$browser_sizes" --runs "$RUNS" --out "$OUT" $SHEETJS
  say "browser: the first visit on Fast 4G and Slow 4G (CPU 4×)"
  node "$ROOT/bench/load.mjs" --runs "$RUNS" --out "$OUT"
  if [ "$ENGINES" = 1 ]; then
    largest="${SIZE_LIST[${#SIZE_LIST[@]}-1]}"
    say "browser: every engine, records_$largest.xlsx picked in the page"
    node "$ROOT/bench/engines.mjs" --sizes "$largest" --in "$OUT" --out "$OUT"
  fi
fi

node "$ROOT/bench/report.mjs" "$OUT" "$ROOT/dist/sizes.json"

full=1
for s in 10k 100k 1m; do [[ ",$SIZES," == *",$s,"* ]] || full=0; done
if [ "$NATIVE$BROWSER$ENGINES" = 111 ] && [ -z "$SHEETJS" ] && [ "$RUNS" -ge 3 ] && [ "$full" = 1 ]; then
  node "$ROOT/tools/figures.mjs" speed < "$OUT/results.md"
else
  say "a partial run: docs/figures.md left as it is (this run's figures: bench/out/results.md)"
fi
