// The engines half of `./dev bench`: the real app, as a clerk uses it, in Chromium, Firefox
// ESR and WebKitGTK through W3C WebDriver (tests/e2e/browsers.mjs), from the single saved
// file (file://, where WebKit's worker cannot read a picked file and the page sends it
// the bytes) and served. A workbook is picked in the file input; measured until the
// import summary shows every record, then until the scorecard shows X1:
//
// - the main thread's longest stall: a timer on the page that re-arms itself every tick;
//   the largest gap between two ticks bounds the longest task from above (no engine but
//   Chromium has long-task entries; WebDriver's own polls are short scripts);
// - the main thread's longest busy stretch, from its CPU time in /proc (busyWatch);
// - the browser's memory: every process below the driver, anonymous + shared RSS from
//   /proc, sampled every 50 ms (the peak of the sum, and of the largest process).
//
// usage: node bench/engines.mjs [--engines webkit,firefox,chromium] [--sizes 1m]
//                               [--builds file,served] [--in bench/out] [--out bench/out] [--timeout-s S]
// Writes OUT/engines.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINES } from '../tests/e2e/browsers.mjs';
import { descendants } from './procs.mjs';
import { startDriver, session } from '../tests/e2e/wd.mjs';
import { startServer, DIST } from '../tests/e2e/lib.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const NAMES = opt('--engines', 'webkit,firefox,chromium').split(',').filter(Boolean);
const SIZES = opt('--sizes', '1m').split(',').filter(Boolean);
const BUILDS = opt('--builds', 'file,served').split(',').filter(Boolean);
const OUT = path.resolve(opt('--out', path.join(ROOT, 'bench/out')));
const IN = path.resolve(opt('--in', path.join(ROOT, 'bench/out')));
const TIMEOUT_MS = Number(opt('--timeout-s', '900')) * 1000;

/** Anonymous + shared RSS of a process, KiB (0 once it is gone). */
function ownKib(pid) {
  try {
    const st = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = k => Number((st.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) || [0, 0])[1]);
    return kib('RssAnon') + kib('RssShmem');
  } catch {
    return 0;
  }
}

/** Samples the memory below `pid` every 50 ms until `stop()`; returns the peaks in KiB. */
function sampler(pid) {
  let total = 0;
  let largest = 0;
  const tick = () => {
    const each = descendants(pid).map(ownKib);
    total = Math.max(total, each.reduce((a, b) => a + b, 0));
    largest = Math.max(largest, ...each, 0);
  };
  const timer = setInterval(tick, 50);
  return { stop: () => { clearInterval(timer); tick(); return { total_kib: total, largest_kib: largest }; } };
}

/** The engine's content processes (one of them shows the page; busyWatch keeps the busiest). */
function contentProcesses(driverPid) {
  const isContent = (pid) => {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (['WebKitWebProces', 'Isolated Web Co', 'Web Content', 'file:// Content'].includes(comm)) return true;
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch { return false; }
  };
  return descendants(driverPid).filter(isContent);
}

/** CPU time (ms) of a process's main thread (the thread whose id is the process's). */
function mainThreadCpuMs(pid) {
  try {
    const st = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in USER_HZ (100) ticks
  } catch {
    return NaN;
  }
}

/**
 * The page's main thread from outside: every 50 ms, how much of the time it ran. A stretch
 * of windows in which it ran ≥ 80 % of the time is work on that thread (a long task, or
 * tasks back to back); the longest such stretch bounds the longest task from above, to
 * 50 ms. Unlike the heartbeat, it does not count time the thread waits or is not given a
 * core (WebKitGTK under xvfb paints with llvmpipe, software OpenGL, on the same 2 cores).
 */
function busyWatch(pids) {
  const t0 = performance.now();
  const each = pids.map(pid => ({ pid, last: { t: t0, cpu: mainThreadCpuMs(pid) }, used: 0, run: 0, longest: 0, stretches: [] }));
  const timer = setInterval(() => {
    for (const w of each) {
      const now = { t: performance.now(), cpu: mainThreadCpuMs(w.pid) };
      const wall = now.t - w.last.t;
      const cpu = now.cpu - w.last.cpu;
      if (cpu > 0) w.used += cpu;
      if (cpu >= 0.8 * wall) w.run += wall;
      else if (w.run > 0) {
        if (w.run >= 100) w.stretches.push([Math.round(w.run), Math.round(w.last.t - t0)]);
        w.longest = Math.max(w.longest, w.run);
        w.run = 0;
      }
      w.last = now;
    }
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      const page = each.sort((a, b) => b.used - a.used)[0];
      if (!page) return { longest_busy_ms: null, busy_stretches: [] };
      return {
        longest_busy_ms: Math.round(Math.max(page.longest, page.run)), busy_stretches: page.stretches.slice(0, 10),
        main_thread_cpu_ms: Math.round(page.used),
      };
    },
  };
}

/** Installs the heartbeat: a 0-ms timer re-armed from itself, its largest gap kept. */
const HEARTBEAT = () => {
  const hb = { max: 0, over100: 0, ticks: 0, gaps: [], t0: performance.now() };
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    hb.ticks++;
    if (gap > hb.max) hb.max = gap;
    if (gap > 100) { hb.over100++; hb.gaps.push([Math.round(gap), Math.round(now - hb.t0)]); }
    if (!hb.stopped) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  window.__hb = hb;
};

async function measure(name, size, build, srv) {
  const file = path.join(IN, `records_${size}.xlsx`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `vscore-bench-${name}-`));
  const e = ENGINES[name](profile);
  const driver = await startDriver(e.driver[0], e.driver[1]);
  let s;
  try {
    s = await session(driver.url, e.caps);
    const version = s.capabilities.browserVersion;
    const url = build === 'served' ? srv.base + '/' : 'file://' + path.join(DIST, 'volunteer-scorecard.html');
    await s.go(url);
    await s.until(() => document.querySelector('[data-testid="app-title"]'), [], 60000, 'the page');
    await s.type('[data-testid="ctx-year"]', '2017');
    await s.type('[data-testid="ctx-population"]', '1000000');
    await s.type('[data-testid="ctx-as-of"]', '2017-12-31');
    await s.click('[data-testid="step-import"]');
    await s.exec(HEARTBEAT);
    const mem = sampler(driver.pid);
    const busy = busyWatch(contentProcesses(driver.pid));
    const t0 = Date.now();
    await s.exec(() => { window.__hb.t0 = performance.now(); });
    await s.upload('[data-testid="file-input"]', [file]);
    const want = { '10k': 10000, '100k': 100000, '1m': 1000000, '3m': 3000000 }[size];
    const records = await s.until(() => {
      const err = document.querySelector('[data-testid="import-error"], [data-testid="file-error"]')?.textContent;
      if (err) return { err };
      const n = Number((document.querySelector('[data-testid="summary-records"]')?.textContent || '').replace(/\D/g, ''));
      return n > 0 && { n };
    }, [], TIMEOUT_MS, 'the import');
    const importMs = Date.now() - t0;
    const importAt = await s.exec(() => Math.round(performance.now() - window.__hb.t0));
    if (records.err) throw new Error(records.err);
    await s.click('[data-testid="step-scorecard"]');
    await s.until(() => document.querySelector('[data-testid="indicator-X1"] [data-testid="value"]')?.textContent, [], TIMEOUT_MS, 'the scorecard');
    const totalMs = Date.now() - t0;
    const hb = await s.exec(() => { window.__hb.stopped = true; return window.__hb; });
    const peaks = mem.stop();
    const cpu = busy.stop();
    const r = {
      engine: name, version, build, size, records: records.n, records_wanted: want,
      import_ms: importMs, import_score_ms: totalMs,
      longest_stall_ms: Math.round(hb.max), stalls_over_100ms: hb.over100,
      // the page's main thread seen from /proc: its longest stretch of ≥ 80 % CPU, [length, at]
      longest_busy_ms: cpu.longest_busy_ms, busy_stretches: cpu.busy_stretches, main_thread_cpu_ms: cpu.main_thread_cpu_ms,
      // [length ms, ms since the file was picked when it ended]; the import was seen done at import_seen_ms
      stalls: hb.gaps.slice(0, 10), import_seen_ms: importAt, ticks: hb.ticks,
      peak_total_mib: Math.round(peaks.total_kib / 1024), peak_largest_process_mib: Math.round(peaks.largest_kib / 1024),
    };
    console.error(`  ${name} ${version} ${build} ${size}: ${r.records.toLocaleString('en-US')} records, import ${importMs} ms, ` +
      `+ scorecard ${totalMs} ms, main thread busy at most ${r.longest_busy_ms} ms ${JSON.stringify(r.busy_stretches)} (of ${r.main_thread_cpu_ms} ms CPU), longest main-thread stall ${r.longest_stall_ms} ms (${r.stalls_over_100ms} over 100 ms: ${JSON.stringify(r.stalls)}; import seen at ${importAt} ms), ` +
      `browser memory peak ${r.peak_total_mib} MiB (largest process ${r.peak_largest_process_mib} MiB)`);
    return r;
  } catch (err) {
    console.error(`  ${name} ${build} ${size}: ERROR ${err.message.split('\n')[0]}`);
    return { engine: name, build, size, error: err.message.split('\n')[0] };
  } finally {
    if (s) await s.close();
    await driver.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const srv = await startServer();
const results = [];
try {
  for (const size of SIZES) {
    if (!fs.existsSync(path.join(IN, `records_${size}.xlsx`))) { console.error(`  no records_${size}.xlsx: skipped`); continue; }
    for (const name of NAMES) {
      for (const build of BUILDS) results.push(await measure(name, size, build, srv));
    }
  }
} finally {
  await srv.close();
}
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'engines.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
console.error(`wrote ${path.join(OUT, 'engines.json')}`);
