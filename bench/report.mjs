// Collects bench/out/native_*.json, browser.json, engines.json, load.json and
// dist/sizes.json into
// bench/out/results.json and bench/out/results.md (docs/figures.md's speed section), and
// prints the table with the targets.
//
// usage: node bench/report.mjs OUT_DIR [SIZES_JSON]
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const [outDir = 'bench/out', sizesPath = 'dist/sizes.json'] = process.argv.slice(2);
const read = (p) => { try { return JSON.parse(fs.readFileSync(p, 'utf8')); } catch { return null; } };

const native = fs.readdirSync(outDir).filter((f) => /^native_.*\.json$/.test(f))
  .map((f) => read(path.join(outDir, f))).filter(Boolean);
const browser = read(path.join(outDir, 'browser.json')) || { engine: [], sheetjs: [] };
const engines = (read(path.join(outDir, 'engines.json')) || { results: [] }).results;
const load = (read(path.join(outDir, 'load.json')) || { results: [] }).results;
const slow = load.find((r) => r.profile === 'Slow 4G');
const fast = load.find((r) => r.profile === 'Fast 4G');
const sizes = read(sizesPath);
const manifest = read(path.join(outDir, 'manifest.json'));

const order = (label) => {
  const m = /records_(\d+)([km]?)/.exec(label || '');
  const n = m ? Number(m[1]) * (m[2] === 'm' ? 1e6 : m[2] === 'k' ? 1e3 : 1) : 0;
  return n + (/roster/.test(label) ? 0.5 : 0);
};
native.sort((a, b) => order(a.label) - order(b.label));
// records_1m → 1m; records_1m+roster → 1m+roster (the browser's workload names).
const nativeBySize = Object.fromEntries(native.map((n) => [String(n.label).replace(/^records_/, ''), n]));

const f0 = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const f2 = (x) => (x == null ? '—' : x.toFixed(2));
const mib = (kib) => (kib == null ? '—' : (kib / 1024).toFixed(0));
const mb = (b) => (b == null ? '—' : (b / 1e6).toFixed(1));

// --- rows -----------------------------------------------------------------------
const nativeRows = native.map((n) => ({
  workload: n.label, mb: n.bytes / 1e6, cells: n.cells,
  calamine_ms: n.calamine_stream_ms, import_ms: n.import_ms, score_ms: n.score_ms,
  import_score_ms: n.import_score_ms, ratio: n.import_score_ratio,
  engine_score_ms: n.engine_score_ms, dashboard_ms: n.dashboard_ms, replay_ms: n.replay_ms,
  cli_ms: n.cli_score_ms, cli_ratio: n.cli_score_ratio, cpu: n.cpu || {},
  import_peak_mib: n.import_peak_rss_kib / 1024, cli_peak_mib: n.cli_peak_rss_kib / 1024,
}));
const browserRows = browser.engine.map((e) => {
  const n = nativeBySize[e.size];
  const s = browser.sheetjs.find((x) => x.size === e.size);
  return {
    size: e.size, error: e.error, total_ms: e.total_ms, import_ms: e.import_ms, score_ms: e.score_ms,
    vs_native_calamine: n && e.total_ms ? e.total_ms / n.calamine_stream_ms : null,
    cpu_ms: e.cpu_ms,
    cpu_vs_native_calamine: n && e.cpu_ms && n.cpu?.calamine_stream_ms ? e.cpu_ms / n.cpu.calamine_stream_ms : null,
    sheetjs_ms: s ? s.parse_ms : null, sheetjs_error: s ? s.error : null,
    sheetjs_over_ours: s && s.parse_ms && e.total_ms ? s.parse_ms / e.total_ms : null,
    sheetjs_cpu_ms: s ? s.cpu_ms : null,
    sheetjs_cpu_over_ours: s && s.cpu_ms && e.cpu_ms ? s.cpu_ms / e.cpu_ms : null,
    tab_peak_mib: e.tab_peak_kib / 1024, tab_before_mib: e.renderer_rss_before_kib / 1024,
    tab_anon_peak_mib: e.tab_anon_peak_kib ? e.tab_anon_peak_kib / 1024 : null,
    sheetjs_tab_peak_mib: s && s.tab_peak_kib ? s.tab_peak_kib / 1024 : null,
    sheetjs_tab_anon_peak_mib: s && s.tab_anon_peak_kib ? s.tab_anon_peak_kib / 1024 : null,
    longest_task_ms: e.longest_task_ms, init_ms: e.init_ms, warm_up_ms: e.warm_up_ms ?? null,
    first_total_ms: e.all_total_ms?.[0] ?? null, score_json_kb: e.score_json_bytes / 1024,
  };
});

// --- targets --------------------------------------------------------------------
const b1m = browserRows.find((r) => r.size === '1m');
const b10k = browserRows.find((r) => r.size === '10k');
const n1m = nativeBySize['1m'];
const check = (name, value, target, ok, unit = '', why = '') => ({ name, value, target, met: value == null ? null : ok(value), unit, why });
// The least a first visit can take on a line before any work: the page's bytes (index.html,
// app.js, the glue, the page's wasm, as brotli) at the line's speed, after two round trips
// (the page, then the wasm it asks for).
const lineFloor = (r) => (r?.line && sizes?.page_brotli ? 2 * r.line.latency + (sizes.page_brotli / r.line.bytesPerSec) * 1000 : null);
// The paint waits for no wasm: what moves it is the fresh browser profile's start (fonts,
// processes), so the spread of the runs says more than the median.
const paintWhy = () => {
  const all = load.flatMap((r) => (r.all || []).map((a) => a.first?.painted)).filter((x) => x != null);
  return all.length ? `the runs ranged ${f0(Math.min(...all))}–${f0(Math.max(...all))} ms: a fresh browser's start, not the page's bytes` : '';
};
const floorWhy = (r) => (lineFloor(r) == null ? '' : `the line alone takes ${f0(lineFloor(r))} ms: ` +
  `${f0(sizes.page_brotli / 1024)} KB at ${f0(r.line.bytesPerSec / 1024)} KB/s after two round trips of ${r.line.latency} ms; ` +
  `then the wasm is instantiated and the app mounted at a quarter CPU`);
const targets = [
  check('Chromium 1M import + score ÷ native calamine stream (wall)', b1m?.vs_native_calamine, '≤ 1.5×', (v) => v <= 1.5, '×'),
  check('… the same in CPU time', b1m?.cpu_vs_native_calamine, '≤ 1.5×', (v) => v <= 1.5, '×'),
  check('SheetJS parse ÷ our 1M import + score, Chromium (wall)', b1m?.sheetjs_over_ours, '≥ 3.5×', (v) => v >= 3.5, '×'),
  check('… the same in CPU time', b1m?.sheetjs_cpu_over_ours, '≥ 3.5×', (v) => v >= 3.5, '×'),
  check('Tab peak memory, 1M: renderer VmHWM (MiB)', b1m?.tab_peak_mib, '≤ 300', (v) => v <= 300),
  check('… the tab\'s own memory: peak anonymous + shared RSS (MiB)', b1m?.tab_anon_peak_mib, '≤ 300', (v) => v <= 300),
  check('Longest main-thread task during an import (ms)',
    browserRows.length ? Math.max(...browserRows.filter((r) => !r.error).map((r) => r.longest_task_ms)) : null,
    '< 100', (v) => v < 100),
  check('Every engine and build, 1M picked in the page: longest main-thread busy stretch (ms)',
    engines.some((e) => e.longest_busy_ms != null) ? Math.max(...engines.filter((e) => !e.error).map((e) => e.longest_busy_ms)) : null,
    '< 100', (v) => v < 100),
  check('… the longest the page did not answer a timer, any engine (ms)',
    engines.some((e) => e.longest_stall_ms != null) ? Math.max(...engines.filter((e) => !e.error).map((e) => e.longest_stall_ms)) : null,
    '< 100', (v) => v < 100),
  check('10k import + score in the page, median of the runs (ms)', b10k?.total_ms, '≤ 150', (v) => v <= 150),
  check('… the first import after the page loaded (ms)', b10k?.first_total_ms, '≤ 150', (v) => v <= 150),
  check('Native `scorecard score` 1M ÷ calamine stream (wall)', n1m?.cli_score_ratio, '≤ 1.2×', (v) => v <= 1.2, '×'),
  check('… the same in CPU time', n1m?.cpu?.cli_score_ratio, '≤ 1.2×', (v) => v <= 1.2, '×'),
  check('First visit, Slow 4G + CPU 4×: the context form typed into (ms)', slow?.usable_ms, '≤ 2,500', (v) => v <= 2500, '', floorWhy(slow)),
  check('First visit, Fast 4G + CPU 4×: the context form typed into (ms)', fast?.usable_ms, '≤ 1,000', (v) => v <= 1000, '', floorWhy(fast)),
  check('First visit, something useful painted, slower of the two (ms)',
    slow && fast ? Math.max(slow.painted_ms, fast.painted_ms) : null, '≤ 500', (v) => v <= 500, '', paintWhy()),
  check('First visit, Slow 4G: the engine ready for an import (ms)', slow?.engine_ms, '≤ 8,000', (v) => v <= 8000),
  check('Repeat visit usable, slower of the two (ms)',
    slow && fast ? Math.max(slow.repeat_usable_ms, fast.repeat_usable_ms) : null, '≤ 600', (v) => v <= 600),
  // Issue 22 replaced the size targets (600 / 900 KB) by the load times above: sizes stay as figures.
  { name: 'Served, brotli: what the page needs before it is usable (KB)', value: sizes?.page_brotli ? sizes.page_brotli / 1024 : null, target: 'figure', met: 'info' },
  { name: '… and the engine the worker fetches meanwhile (KB)', value: sizes?.engine_brotli ? sizes.engine_brotli / 1024 : null, target: 'figure', met: 'info' },
  { name: 'Single-file HTML (KB)', value: sizes ? sizes.single_file / 1024 : null, target: 'figure', met: 'info' },
];

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
  `load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;
const results = { date: new Date().toISOString(), machine, chromium: browser.chromium, seed: manifest?.seed,
  native: nativeRows, browser: browserRows, engines, load, sizes, targets, raw: { native, browser } };
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));

// --- markdown -------------------------------------------------------------------
const md = [];
md.push(`Measured ${results.date.slice(0, 10)} on ${machine}; Chromium ${browser.chromium ?? '—'}. ` +
  `Medians of ${browser.runs ?? '?'} runs. Inputs: \`gen-workbooks\` (seed ${manifest?.seed ?? 2017}), ` +
  'profile xindu2017-town, year 2017, as of 2017-12-31, population 1,000,000.');
md.push('');
md.push('**Native** (one process, bytes in memory; `scorecard score` is a separate process reading the files):');
md.push('');
md.push('| workload | MB | calamine stream ms (CPU) | import ms | score ms | import+score ms (CPU) | ÷ calamine (CPU) | all views ms: one by one / shared | replay ms | `scorecard score` ms (CPU) | ÷ calamine (CPU) | import peak MiB |');
md.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const r of nativeRows) {
  md.push(`| ${r.workload} | ${mb(r.mb * 1e6)} | ${f0(r.calamine_ms)} (${f0(r.cpu.calamine_stream_ms)}) | ${f0(r.import_ms)} | ` +
    `${f0(r.score_ms)} | ${f0(r.import_score_ms)} (${f0(r.cpu.import_score_ms)}) | ${f2(r.ratio)} (${f2(r.cpu.import_score_ratio)}) | ` +
    `${f0(r.engine_score_ms)} / ${f0(r.dashboard_ms)} | ${f0(r.replay_ms)} | ` +
    `${f0(r.cli_ms)} (${f0(r.cpu.cli_score_ms)}) | ${f2(r.cli_ratio)} (${f2(r.cpu.cli_score_ratio)}) | ${mib(r.import_peak_mib * 1024)} |`);
}
md.push('');
md.push('**Chromium** (headless; the engine worker through its real protocol, vs SheetJS `XLSX.read` on the same bytes):');
md.push('');
md.push('| records | import ms | score ms | import+score ms (renderer CPU) | ÷ native calamine (CPU) | SheetJS ms (CPU) | SheetJS ÷ ours (CPU) | tab VmHWM MiB: ours / SheetJS | tab own peak MiB: ours / SheetJS | longest main-thread task ms | worker start + warm-up ms | first import + score ms |');
md.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
const m = (x) => (x == null ? '—' : mib(x * 1024));
for (const r of browserRows) {
  if (r.error) {
    md.push(`| ${r.size} | ${r.error} | | | | | | ${m(r.tab_peak_mib)} | ${m(r.tab_anon_peak_mib)} | | | |`);
    continue;
  }
  md.push(`| ${r.size} | ${f0(r.import_ms)} | ${f0(r.score_ms)} | ${f0(r.total_ms)} (${f0(r.cpu_ms)}) | ` +
    `${f2(r.vs_native_calamine)} (${f2(r.cpu_vs_native_calamine)}) | ` +
    `${r.sheetjs_error ? r.sheetjs_error : `${f0(r.sheetjs_ms)} (${f0(r.sheetjs_cpu_ms)})`} | ` +
    `${f2(r.sheetjs_over_ours)} (${f2(r.sheetjs_cpu_over_ours)}) | ` +
    `${m(r.tab_peak_mib)} / ${m(r.sheetjs_tab_peak_mib)} | ${m(r.tab_anon_peak_mib)} / ${m(r.sheetjs_tab_anon_peak_mib)} | ` +
    `${f0(r.longest_task_ms)} | ${f0(r.init_ms)} + ${f0(r.warm_up_ms)} | ${f0(r.first_total_ms)} |`);
}
md.push('');
if (engines.length) {
  md.push('**Every engine** (W3C WebDriver, the real app: the workbook picked in the file input, until the import summary and then the scorecard show; `bench/engines.mjs`):');
  md.push('');
  md.push('| engine | build | records | import ms | + scorecard ms | main thread: longest busy ms (CPU ms) | longest timer gap ms (over 100 ms: [ms, at]) | browser memory peak MiB (largest process) |');
  md.push('|---|---|--:|--:|--:|--:|--:|--:|');
  for (const e of engines) {
    const name = `${e.engine} ${e.version ?? ''}`.trim();
    if (e.error) { md.push(`| ${name} | ${e.build} | ${e.size} | ${e.error} | | | | |`); continue; }
    md.push(`| ${name} | ${e.build} | ${f0(e.records)} | ${f0(e.import_ms)} | ${f0(e.import_score_ms)} | ` +
      `${f0(e.longest_busy_ms)} (${f0(e.main_thread_cpu_ms)}) | ${f0(e.longest_stall_ms)} (${JSON.stringify(e.stalls)}) | ` +
      `${f0(e.peak_total_mib)} (${f0(e.peak_largest_process_mib)}) |`);
  }
  md.push('');
}
if (load.length) {
  md.push('**First visit on a slow line** (served as `./dev serve` serves it; headless Chromium, the CPU 4× slower through DevTools, the line made by the server for the page, its worker and its service worker alike; `bench/load.mjs`, medians):');
  md.push('');
  md.push('| line, CPU | painted ms | context form typed into ms | engine ready ms | repeat visit usable ms | transferred KB |');
  md.push('|---|--:|--:|--:|--:|--:|');
  for (const r of load) {
    md.push(`| ${r.profile}, ${r.cpu_slowdown}× | ${f0(r.painted_ms)} | ${f0(r.usable_ms)} | ${f0(r.engine_ms)} | ${f0(r.repeat_usable_ms)} | ${f0(r.transferred_kb)} |`);
  }
  md.push('');
}
if (sizes) {
  md.push(`**Size**: wasm ${(sizes.wasm_raw / 1024).toFixed(0)} KB (${(sizes.wasm_gzip / 1024).toFixed(0)} KB gzipped), ` +
    `shipped wasm + JS + CSS + HTML ${(sizes.shipped_gzip / 1024).toFixed(0)} KB gzipped, ` +
    `single-file HTML ${(sizes.single_file / 1024).toFixed(0)} KB.`);
  md.push('');
}
md.push('| target | measured | wanted | |');
md.push('|---|--:|--:|---|');
for (const t of targets) {
  const v = t.value == null ? '—' : (t.unit === '×' ? f2(t.value) + '×' : f0(t.value));
  // a missed target says by how much, and why where the bench knows
  const by = typeof t.value === 'number' ? Math.abs(t.value - Number(String(t.target).replace(/[^0-9.]/g, ''))) : null;
  const verdict = t.met === 'info' ? '' : t.met == null ? 'not measured' : t.met ? 'met'
    : `**missed** by ${t.unit === '×' ? f2(by) + '×' : f0(by)}${t.why ? ` (${t.why})` : ''}`;
  md.push(`| ${t.name} | ${v} | ${t.target} | ${verdict} |`);
}
fs.writeFileSync(path.join(outDir, 'results.md'), md.join('\n') + '\n');
console.log(md.join('\n'));
