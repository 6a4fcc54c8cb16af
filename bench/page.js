// The page side of the browser benchmark (see bench/README.md). Everything is driven by
// bench/browser.mjs through `window.bench`; nothing runs on its own.
//
// Our path is the app's: the compiled WebAssembly.Module is sent to dist/worker.js with
// {kind:'init'}, files travel as Blobs beside a JSON `import` request, then a `score`
// request follows (src/engine/protocol.rs, worker.rs). The page JSON-parses every message
// it gets (progress and answers), as the app's page must.

const longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

let worker = null;
let nextId = 1;
const pending = new Map();
let dead = null;

let warmed = null;
const warmedOnce = new Promise((r) => { warmed = r; });

function onMessage(e) {
  const d = e.data || {};
  if (d.warmed !== undefined) { warmed(d.warmed); return; }
  if (d.fatal) { dead = 'fatal: ' + d.fatal; for (const p of pending.values()) p.reject(new Error(dead)); return; }
  const p = pending.get(d.id);
  if (!p) return;
  if (d.progress !== undefined) { p.progress.push(JSON.parse(d.progress)); return; }
  pending.delete(d.id);
  p.resolve({ response: JSON.parse(d.response), bytes: d.bytes });
}

function call(request, files) {
  if (dead) return Promise.reject(new Error(dead));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const entry = { resolve, reject, progress: [] };
    entry.resolve = (v) => resolve({ ...v, progress: entry.progress });
    pending.set(id, entry);
    const msg = { id, request: JSON.stringify(request) };
    if (files) msg.files = files;
    worker.postMessage(msg);
  });
}

async function fetchBlobs(urls) {
  const out = [];
  for (const u of urls) {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`${u}: HTTP ${r.status}`);
    out.push(await r.blob());
  }
  return out;
}

window.bench = {
  /** Compiles the wasm, starts the worker and waits for its first answer. Returns ms. */
  async init() {
    const t0 = performance.now();
    const module = await WebAssembly.compileStreaming(fetch('/dist/volunteer_scorecard_engine_bg.wasm'));
    worker = new Worker('/dist/worker.js', { type: 'module' });
    worker.onmessage = onMessage;
    worker.onerror = (e) => {
      dead = 'worker error: ' + (e.message || 'unknown');
      for (const p of pending.values()) p.reject(new Error(dead));
      pending.clear();
      e.preventDefault();
    };
    worker.postMessage({ kind: 'init', module });
    const pong = await call('ping');
    const ms = performance.now() - t0;
    // The worker warms its engine up after its first answer (src/engine/worker.rs), while a
    // clerk would be choosing files; the page is "loaded" once that is done.
    const records = await warmedOnce;
    document.getElementById('state').textContent = 'ready';
    return { ms, warm_ms: performance.now() - t0 - ms, warm_records: records, version: pong.response.pong.version };
  },

  /** Import + score of the files at `urls`, timed from the import request to the score answer. */
  async engine(urls, names, context, profile, today) {
    const blobs = await fetchBlobs(urls);
    const bytes = blobs.reduce((n, b) => n + b.size, 0);
    longtasks.length = 0;
    const t0 = performance.now();
    let imported, scored, t1;
    try {
      imported = await call({ import: { names, options: {} } }, blobs);
      t1 = performance.now();
      scored = await call({ score: { context, profile, today } });
    } catch (e) {
      return { error: String(e.message || e), after_ms: performance.now() - t0, bytes };
    }
    const t2 = performance.now();
    // Long tasks are reported a little after they end.
    await new Promise((r) => setTimeout(r, 50));
    const during = longtasks.filter((l) => l.start >= t0 - 1 && l.start <= t2);
    // Responses are externally tagged (src/engine/protocol.rs): {"imported": {...}}.
    const kindOf = (r) => (typeof r === 'string' ? r : Object.keys(r)[0]);
    const ir0 = imported.response, sr0 = scored.response;
    const ik = kindOf(ir0), sk = kindOf(sr0);
    const ir = ir0[ik], sr = sr0[sk];
    return {
      bytes,
      import_ms: t1 - t0,
      score_ms: t2 - t1,
      total_ms: t2 - t0,
      progress_messages: imported.progress.length,
      longest_task_ms: during.reduce((m, l) => Math.max(m, l.duration), 0),
      long_tasks: during.length,
      import_kind: ik,
      score_kind: sk,
      failed: ik === 'failed' ? ir : (sk === 'failed' ? sr : null),
      records: ir.records, volunteers: ir.volunteers,
      indicators: sr.card ? sr.card.indicators.length : null,
      import_json_bytes: JSON.stringify(ir).length,
      score_json_bytes: JSON.stringify(sr).length,
    };
  },

  /** SheetJS parse alone of the same files (bytes fetched before the clock starts). */
  async sheetjs(urls) {
    const bufs = [];
    for (const u of urls) bufs.push(new Uint8Array(await (await fetch(u)).arrayBuffer()));
    const t0 = performance.now();
    const refs = [];
    for (const b of bufs) {
      const wb = XLSX.read(b, { type: 'array', dense: true, cellHTML: false, cellText: false, cellFormula: false });
      for (const n of wb.SheetNames) refs.push(wb.Sheets[n]['!ref']);
    }
    return { ms: performance.now() - t0, refs };
  },
};
document.getElementById('state').textContent = 'loaded';
