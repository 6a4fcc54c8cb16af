#!/usr/bin/env bash
# The size floor (./dev floor; never part of ./dev test). Builds the page of src/main.rs four
# times, each adding crates to the last, exactly as ./dev build builds the app (release
# wasm32, wasm-bindgen, wasm-opt -Oz with the app's flags, gzip -9), and prints what each
# costs, beside the app's own dist/sizes.json when there is one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/floor"
# cargo reads the workspace's .cargo/config.toml (erase_components, simd128) from the cwd
cd "$ROOT"
: "${WASM_OPT_FLAGS:?run it as ./dev floor, which sets the wasm-opt flags of the app}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
JOBS="${JOBS:-2}"
OUT="$ROOT/bench/out/floor"
mkdir -p "$OUT"

variants=(
  "ui|leptos (a counter)"
  "ui,read|+ calamine (every cell of an xlsx, xls or ods)"
  "ui,read,write|+ rust_xlsxwriter (a workbook of text, numbers, dates)"
  "ui,read,write,text|+ encoding_rs (GBK) + serde_json (a record both ways)"
)
rows=()
for v in "${variants[@]}"; do
  features="${v%%|*}"; label="${v#*|}"
  printf '\033[1m==> floor: %s\033[0m\n' "$label" >&2
  cargo build -j "$JOBS" --quiet --release --target wasm32-unknown-unknown \
    --manifest-path "$HERE/Cargo.toml" --features "$features"
  dir="$OUT/${features//,/-}"
  rm -rf "$dir" && mkdir -p "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name floor \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/size-floor.wasm"
  # shellcheck disable=SC2086 # the flags are words
  "$ROOT/node_modules/.bin/wasm-opt" $WASM_OPT_FLAGS "$dir/floor_bg.wasm" -o "$dir/floor_bg.wasm"
  rows+=("$label|$dir")
done

node - "$ROOT" "${rows[@]}" <<'JS'
const fs = require('node:fs'), zlib = require('node:zlib'), path = require('node:path');
const [root, ...rows] = process.argv.slice(2);
const kb = (n) => Math.round(n / 1024).toLocaleString('en-US');
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
console.log('| page | wasm KB | wasm + JS KB gzipped |');
console.log('|---|--:|--:|');
for (const row of rows) {
  const [label, dir] = row.split('|');
  const wasm = fs.readFileSync(path.join(dir, 'floor_bg.wasm'));
  const js = fs.readFileSync(path.join(dir, 'floor.js'));
  console.log(`| ${label} | ${kb(wasm.length)} | ${kb(gz(wasm) + gz(js))} |`);
}
const sizes = path.join(root, 'dist', 'sizes.json');
if (fs.existsSync(sizes)) {
  const s = JSON.parse(fs.readFileSync(sizes, 'utf8'));
  console.log(`| the app (dist/sizes.json) | ${kb(s.wasm_raw)} | ${kb(s.wasm_gzip + s.js_gzip)} |`);
}
JS
