// The browser half of `./dev bench`: headless Chromium (playwright-core, Debian's
// /usr/bin/chromium) runs bench/page.html, which drives the app's engine worker through
// its real protocol and runs SheetJS on the same bytes.
//
// usage: node bench/browser.mjs [--sizes 10k,100k,1m,1m+roster] [--runs N] [--out bench/out]
//                               [--no-sheetjs] [--timeout-s S] [--dist DIR]
// A size `N+roster` imports records_N.xlsx together with roster_100k.xlsx.
// Writes OUT/browser.json. Every measurement gets a fresh browser (and profile directory),
// so a tab's peak memory is its own: VmHWM of the renderer process(es) from /proc, read
// right after the first run (later runs only add timings).
import http from 'node:http';
import fs from 'node:fs';
import { processTree } from './procs.mjs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const SIZES = opt('--sizes', '10k,100k,1m').split(',').filter(Boolean);
const RUNS = Math.max(1, Number(opt('--runs', '3')));
const OUT = path.resolve(opt('--out', path.join(ROOT, 'bench/out')));
const SHEETJS = !args.includes('--no-sheetjs');
const TIMEOUT_MS = Number(opt('--timeout-s', '600')) * 1000;
const DIST = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
const YEAR = 2017;
const TODAY = `${YEAR}-12-31`;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const profiles = JSON.parse(fs.readFileSync(path.join(OUT, 'profiles.json'), 'utf8'));
const PROFILE = profiles.find((p) => p.id === 'xindu2017-town');
if (!PROFILE) throw new Error('profiles.json lacks xindu2017-town');
const CONTEXT = { profile: PROFILE.id, year: YEAR, as_of: TODAY, population: 1000000 };

// --- a static server: the bench page, dist/, the workbooks, SheetJS ------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
function resolve(urlPath) {
  const p = decodeURIComponent(urlPath);
  if (p === '/') return path.join(ROOT, 'bench/page.html');
  if (p === '/page.js') return path.join(ROOT, 'bench/page.js');
  if (p === '/xlsx.full.min.js') return path.join(ROOT, 'node_modules/xlsx/dist/xlsx.full.min.js');
  if (p.startsWith('/dist/')) {
    // the page asks for the plain names; dist/ holds them named after their content
    const assets = JSON.parse(fs.readFileSync(path.join(DIST, 'assets.json'), 'utf8'));
    return path.join(DIST, assets[p.slice(6)] || p.slice(6));
  }
  if (p.startsWith('/files/')) return path.join(OUT, p.slice(7));
  return null;
}
const server = http.createServer((req, res) => {
  if (req.url === '/favicon.ico') { res.writeHead(204).end(); return; }
  const file = resolve(new URL(req.url, 'http://x').pathname);
  if (!file || file.includes('..') || !fs.existsSync(file)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'content-length': fs.statSync(file).size });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;

// --- memory of Chromium's renderer processes, from /proc ------------------------------
/** Renderer processes below this node process: [{pid, rss_kib, hwm_kib, anon_kib, file_kib}]. */
function renderers() {
  const tree = processTree();
  const out = [];
  const walk = (pid) => {
    for (const c of tree.get(pid) || []) {
      try {
        const cmd = fs.readFileSync(`/proc/${c}/cmdline`, 'utf8');
        if (cmd.includes('--type=renderer')) {
          const st = fs.readFileSync(`/proc/${c}/status`, 'utf8');
          const kib = (k) => Number((st.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) || [0, 0])[1]);
          const stat = fs.readFileSync(`/proc/${c}/stat`, 'utf8');
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          out.push({ pid: c, rss_kib: kib('VmRSS'), hwm_kib: kib('VmHWM'), anon_kib: kib('RssAnon'),
            file_kib: kib('RssFile'), shmem_kib: kib('RssShmem'),
            // utime + stime (fields 14, 15) in clock ticks of 10 ms: every thread (page, worker, compilers, GC)
            cpu_ms: (Number(f[11]) + Number(f[12])) * 10 });
        }
      } catch { /* gone */ }
      walk(c);
    }
  };
  walk(process.pid);
  return out;
}
const maxOf = (list, k) => list.reduce((m, r) => Math.max(m, r[k]), 0);

/** Samples the renderers' anonymous + shared-memory RSS every 20 ms while `fn` runs; the
 * peak is the tab's own memory (VmHWM also counts Chromium's binary and fonts, mapped
 * from files and shared with every tab). Also returns the renderers' CPU time spent. */
async function sampled(fn) {
  let peak = 0;
  const cpu = () => renderers().reduce((n, r) => n + r.cpu_ms, 0);
  const tick = () => {
    for (const r of renderers()) peak = Math.max(peak, r.anon_kib + r.shmem_kib);
  };
  const timer = setInterval(tick, 20);
  const c0 = cpu();
  try {
    const out = await fn();
    tick();
    return [out, peak, cpu() - c0];
  } finally {
    clearInterval(timer);
  }
}

async function withBrowser(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] || await context.newPage();
  const state = { crashed: false, errors: [] };
  page.on('crash', () => { state.crashed = true; });
  page.on('pageerror', (e) => state.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') state.errors.push(m.text()); });
  page.setDefaultTimeout(TIMEOUT_MS);
  try {
    await page.goto(BASE + '/');
    await page.waitForFunction(() => window.bench !== undefined);
    return await fn(page, state);
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

/** `1m` → records_1m.xlsx; `1m+roster` → records_1m.xlsx and roster_100k.xlsx. */
function filesOf(size) {
  const [n, ...extra] = size.split('+');
  return [`records_${n}.xlsx`, ...extra.map((e) => (e === 'roster' ? 'roster_100k.xlsx' : `${e}.xlsx`))];
}

async function measureEngine(size) {
  const names = filesOf(size);
  const urls = names.map((n) => `${BASE}/files/${n}`);
  return withBrowser(async (page, state) => {
    const init = await page.evaluate(() => window.bench.init());
    const before = renderers();
    const runs = [];
    let peak = null;
    let anonPeak = null;
    for (let i = 0; i < RUNS; i++) {
      let r;
      try {
        const [out, p, cpu] = await sampled(() => page.evaluate(([u, n, c, p, t]) => window.bench.engine(u, n, c, p, t),
          [urls, names, CONTEXT, PROFILE, TODAY]));
        r = { ...out, cpu_ms: cpu };
        if (i === 0) anonPeak = p;
      } catch (e) {
        r = { error: String(e.message || e).split('\n')[0] };
      }
      if (state.crashed) r = { ...r, error: 'the tab crashed (renderer gone)' };
      if (i === 0) peak = renderers();
      runs.push(r);
      console.error(`  engine ${size} run ${i + 1}: ` + (r.error ? `ERROR ${r.error}` :
        `import ${r.import_ms.toFixed(0)} ms + score ${r.score_ms.toFixed(0)} ms = ${r.total_ms.toFixed(0)} ms ` +
        `(renderer CPU ${r.cpu_ms} ms), ` +
        `longest main-thread task ${r.longest_task_ms.toFixed(0)} ms`));
      if (r.error) break;
    }
    const ok = runs.filter((r) => !r.error);
    return {
      size, files: names,
      init_ms: r1(init.ms),
      warm_up_ms: r1(init.warm_ms),
      runs: ok.length,
      error: runs.find((r) => r.error)?.error ?? null,
      errors: state.errors.slice(0, 5),
      import_ms: r1(median(ok.map((r) => r.import_ms))),
      score_ms: r1(median(ok.map((r) => r.score_ms))),
      total_ms: r1(median(ok.map((r) => r.total_ms))),
      all_total_ms: ok.map((r) => r1(r.total_ms)),
      cpu_ms: median(ok.map((r) => r.cpu_ms)),
      all_cpu_ms: ok.map((r) => r.cpu_ms),
      longest_task_ms: r1(Math.max(0, ...ok.map((r) => r.longest_task_ms))),
      long_tasks: Math.max(0, ...ok.map((r) => r.long_tasks)),
      progress_messages: ok[0]?.progress_messages ?? null,
      records: ok[0]?.records ?? null,
      import_json_bytes: ok[0]?.import_json_bytes ?? null,
      score_json_bytes: ok[0]?.score_json_bytes ?? null,
      renderer_rss_before_kib: maxOf(before, 'rss_kib'),
      renderer_anon_before_kib: maxOf(before.map((r) => ({ v: r.anon_kib + r.shmem_kib })), 'v'),
      tab_peak_kib: peak ? maxOf(peak, 'hwm_kib') : null,
      tab_anon_peak_kib: anonPeak,
      renderers: peak ? peak.map(({ pid, hwm_kib, anon_kib, file_kib, shmem_kib }) =>
        ({ pid, hwm_kib, anon_kib, file_kib, shmem_kib })) : null,
    };
  });
}

async function measureSheetJS(size) {
  const urls = filesOf(size).map((n) => `${BASE}/files/${n}`);
  return withBrowser(async (page, state) => {
    const before = renderers();
    const times = [];
    let peak = null, refs = null, error = null, anonPeak = null;
    const cpus = [];
    for (let i = 0; i < RUNS; i++) {
      try {
        const [r, p, cpu] = await sampled(() => page.evaluate((u) => window.bench.sheetjs(u), urls));
        if (i === 0) anonPeak = p;
        times.push(r.ms);
        cpus.push(cpu);
        refs = r.refs;
        console.error(`  sheetjs ${size} run ${i + 1}: ${r.ms.toFixed(0)} ms (renderer CPU ${cpu} ms)`);
      } catch (e) {
        error = state.crashed ? 'the tab crashed (renderer gone)' : String(e.message || e).split('\n')[0];
        console.error(`  sheetjs ${size} run ${i + 1}: ERROR ${error}`);
        break;
      }
      if (i === 0) peak = renderers();
    }
    return {
      size, runs: times.length, error, refs,
      parse_ms: r1(median(times)),
      cpu_ms: median(cpus),
      renderer_rss_before_kib: maxOf(before, 'rss_kib'),
      tab_peak_kib: peak ? maxOf(peak, 'hwm_kib') : null,
      tab_anon_peak_kib: anonPeak,
    };
  });
}

const results = { chromium: null, runs: RUNS, engine: [], sheetjs: [] };
try {
  for (const size of SIZES) {
    const absent = filesOf(size).filter((n) => !fs.existsSync(path.join(OUT, n)));
    if (absent.length) { console.error(`  no ${absent.join(', ')}: ${size} skipped`); continue; }
    console.error(`browser: ${size}`);
    results.engine.push(await measureEngine(size));
    if (SHEETJS && !size.startsWith('3m')) results.sheetjs.push(await measureSheetJS(size));
  }
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  results.chromium = b.version();
  await b.close();
} finally {
  server.close();
}
fs.writeFileSync(path.join(OUT, 'browser.json'), JSON.stringify(results, null, 2));
console.error(`wrote ${path.join(OUT, 'browser.json')}`);
