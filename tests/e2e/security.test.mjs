// Trust: hostile text renders as text, exports cannot run formulas, the page cannot reach
// the network, IDs are masked on every screen, a crashed engine recovers, hostile files
// get a message and leave the page usable.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import XLSX from 'xlsx';
import { startServer, launch, ready, shot, foreign, ROOT, DIST } from './lib.mjs';
import { townWorkbook } from './fixtures/town.mjs';

const EVIL = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';

function evilWorkbook() {
  const wb = XLSX.utils.book_new();
  const roster = [['志愿者编号', '姓名', '所属站点', '注册日期'],
    ['V1', EVIL, SCRIPT, '2017-01-01'], ['V2', '=HYPERLINK("http://evil","点我")', EVIL, '2017-01-01']];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(roster), '<b>名册');
  const acts = [['活动名称', '活动日期', '所属站点'], ['@SUM(1+1)' + EVIL, '2017-02-01', SCRIPT], ['+cmd|calc', '2017-02-02', EVIL]];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(acts), '活动');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
}

async function open(b, srv) {
  await b.page.goto(srv.base + '/');
  await ready(b.page);
  await b.page.fill('[data-testid="ctx-year"]', '2017');
  await b.page.fill('[data-testid="ctx-as-of"]', '2017-06-30');
  await b.page.fill('[data-testid="ctx-population"]', '100');
  await b.page.click('[data-testid="step-import"]');
}

test('HTML and script in cells, sheet names and file names render as text; exports are neutralised', async () => {
  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  const dialogs = [];
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss(); });
  try {
    await open(b, srv);
    await page.setInputFiles('[data-testid="file-input"]', { name: '<svg onload=alert(1)>.xlsx', mimeType: 'application/octet-stream', buffer: evilWorkbook() });
    await page.waitForSelector('[data-testid="import-summary"]');
    await page.$$eval('details', ds => ds.forEach(d => { d.open = true; }));
    assert.ok((await page.textContent('[data-testid="import-screen"] ~ [data-testid="file-card"]')).includes('<svg onload=alert(1)>.xlsx'));
    assert.ok((await page.textContent('[data-testid="preview-table"]')).includes(EVIL));
    assert.ok((await page.textContent('body')).includes('<b>名册'));
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"]');
    await page.$$eval('details', ds => ds.forEach(d => { d.open = true; }));
    await page.click('[data-testid="indicator-X1"] [data-testid="show-rows"]');
    await page.waitForSelector('[data-testid="rows-table"]');
    assert.ok((await page.textContent('[data-testid="rows-table"]')).includes(EVIL));
    await page.click('[data-testid="rows-close"]');
    await page.click('[data-testid="tab-charts"]');
    await page.waitForSelector('[data-testid="chart-hours"]');
    await shot(page, 'security-injection');
    // Nothing ran, nothing was created from the text.
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$$eval('img, script:not([type]), svg[onload]', els => els.filter(e => e.getAttribute('src') === 'x' || e.hasAttribute('onload') || (e.textContent || '').includes('__pwned')).length), 0);
    assert.deepEqual(dialogs, []);
    // Exports: formula-looking text is written as text with a leading apostrophe.
    await page.click('[data-testid="step-export"]');
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
    const wb = XLSX.read(fs.readFileSync(await d.path()), { type: 'buffer', cellFormula: true });
    const cells = wb.SheetNames.flatMap(n => Object.entries(wb.Sheets[n]).filter(([k]) => !k.startsWith('!')).map(([, c]) => c));
    assert.ok(cells.every(c => c.f === undefined), 'no formula in the report');
    const texts = cells.filter(c => typeof c.v === 'string').map(c => c.v);
    assert.ok(texts.some(t => t.startsWith("'=HYPERLINK")), 'the =HYPERLINK name is neutralised');
    assert.ok(!texts.some(t => /^[=+@]/.test(t) || /^-[^0-9]/.test(t)), texts.filter(t => /^[=+\-@]/.test(t)).join(' | '));
    const [c] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const csv = fs.readFileSync(await c.path(), 'utf8');
    assert.ok(!/(^|,)"?[=+@]/m.test(csv), 'no CSV field starts with = + @');
    assert.deepEqual(foreign(b.requests, srv.base), []);
  } finally {
    await b.close();
    await srv.close();
  }
});

test('the Content-Security-Policy blocks every request to anywhere else, in both builds', async () => {
  const srv = await startServer();
  const trap = await startServer(); // another origin: anything reaching it is a leak
  const b = await launch();
  const { page } = b;
  try {
    for (const url of [srv.base + '/', 'file://' + path.join(DIST, 'volunteer-scorecard.html')]) {
      await page.goto(url);
      await ready(page);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, url.startsWith('file:') ? /connect-src 'none'/ : /connect-src 'self'/);
      assert.doesNotMatch(csp, /https?:|\*/);
      const blocked = await page.evaluate(async (target) => {
        const out = {};
        try { await fetch(target + '/x'); out.fetch = 'sent'; } catch (e) { out.fetch = 'blocked'; }
        const img = new Image();
        out.img = await new Promise(r => { img.onload = () => r('loaded'); img.onerror = () => r('blocked'); img.src = target + '/x.png'; });
        out.ws = await new Promise(r => {
          try {
            const ws = new WebSocket(target.replace('http', 'ws') + '/ws');
            ws.onopen = () => r('open');
            ws.onerror = () => r('blocked');
          } catch (e) { r('blocked'); }
        });
        try { out.beacon = navigator.sendBeacon(target + '/beacon', 'id=110101199001011234') ? 'queued' : 'blocked'; } catch (e) { out.beacon = 'blocked'; }
        try { await new Promise((ok, no) => { const s = document.createElement('script'); s.onload = ok; s.onerror = no; s.src = target + '/x.js'; document.head.append(s); }); out.script = 'loaded'; } catch (e) { out.script = 'blocked'; }
        return out;
      }, trap.base);
      assert.equal(blocked.fetch, 'blocked');
      assert.equal(blocked.img, 'blocked');
      assert.equal(blocked.ws, 'blocked');
      assert.equal(blocked.script, 'blocked');
    }
    await page.waitForTimeout(300);
    assert.deepEqual(trap.requests, [], 'nothing reached the other origin');
  } finally {
    await b.close();
    await srv.close();
    await trap.close();
  }
});

test('IDs and phone numbers are masked on every screen but the import preview', async () => {
  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  const long = /\d{11,}/;
  try {
    await open(b, srv);
    await page.setInputFiles('[data-testid="file-input"]', { name: 'town.xlsx', mimeType: 'application/octet-stream', buffer: townWorkbook() });
    await page.waitForSelector('[data-testid="import-summary"]');
    // The import screen with its previews closed, then each scorecard tab and dialog.
    assert.doesNotMatch(await page.innerText('body'), long, 'import screen');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"]');
    await page.$$eval('.card details', ds => ds.forEach(d => { d.open = true; }));
    assert.doesNotMatch(await page.innerText('body'), long, 'scorecard');
    for (const tab of ['tab-charts', 'tab-replay', 'tab-whatif', 'tab-stars']) {
      await page.click(`[data-testid="${tab}"]`);
      await page.waitForTimeout(300);
      await page.$$eval('details', ds => ds.forEach(d => { d.open = true; }));
      assert.doesNotMatch(await page.innerText('body'), long, tab);
    }
    await page.click('[data-testid="tab-cards"]');
    for (const id of ['X1', 'X2', 'X3']) {
      await page.click(`[data-testid="indicator-${id}"] [data-testid="show-rows"]`);
      await page.waitForSelector('[data-testid="rows-table"]');
      assert.doesNotMatch(await page.innerText('[data-testid="rows-dialog"]'), long, `rows of ${id}`);
      await page.click('[data-testid="rows-close"]');
    }
    await page.click('[data-testid="step-export"]');
    assert.doesNotMatch(await page.innerText('body'), long, 'export');
    // The preview is the one place with full IDs (the clerk fixes the source sheet with it).
    await page.click('[data-testid="step-import"]');
    await page.$$eval('details.preview', ds => ds.forEach(d => { d.open = true; }));
    assert.match(await page.innerText('[data-testid="preview-table"]'), /11010519491231002X/);
  } finally {
    await b.close();
    await srv.close();
  }
});

test('a crashed engine is restarted with the data restored; the page stays usable', async () => {
  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  try {
    await open(b, srv);
    await page.setInputFiles('[data-testid="file-input"]', { name: 'town.xlsx', mimeType: 'application/octet-stream', buffer: townWorkbook() });
    await page.waitForSelector('[data-testid="import-summary"]');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"]');
    const [worker] = page.workers();
    assert.ok(worker, 'the engine runs in a worker');
    // Kill the engine the way a wasm trap does: an uncaught error in the worker.
    await worker.evaluate(() => setTimeout(() => { throw new Error('boom'); }, 0)).catch(() => {});
    await page.waitForTimeout(300);
    // The next request restarts it with the last import; the score is the same.
    await page.click('[data-testid="step-context"]');
    await page.fill('[data-testid="ctx-population"]', '90');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-X1"] [data-testid="value"]')?.textContent === '10%');
    assert.equal(await page.getAttribute('[data-testid="indicator-X5"]', 'data-status'), 'not_met');

    // Now a crash *while* a request is pending (what a wasm trap mid-score does): the
    // worker throws on the next score request. The user is told, on the screen they are on.
    const [w2] = page.workers().slice(-1);
    await w2.evaluate(() => {
      const handler = self.onmessage;
      self.onmessage = (e) => {
        if (e.data && typeof e.data.request === 'string' && 'score' in Object(JSON.parse(e.data.request))) {
          self.onmessage = handler;
          throw new Error('trap while scoring');
        }
        return handler.call(self, e);
      };
    });
    await page.click('[data-testid="step-context"]');
    await page.fill('[data-testid="ctx-population"]', '80');
    await page.waitForSelector('[data-testid="notice-engine"]');
    assert.match(await page.textContent('[data-testid="notice-engine"]'), /后台计算意外停止.*已自动重启/);
    // And it was restarted with the import: the next change scores (9 / 75 = 12 %).
    await page.fill('[data-testid="ctx-population"]', '75');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-X1"] [data-testid="value"]')?.textContent === '12%');
  } finally {
    await b.close();
    await srv.close();
  }
});

/** The hostile files, generated by the domain's own test (bombs are not committed). */
function hostileFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-hostile-'));
  const r = spawnSync('cargo', ['test', '-q', '-p', 'scorecard-domain', '--test', 'domain', 'hostile::write_hostile_fixtures', '--', '--ignored'],
    { cwd: ROOT, env: { ...process.env, HOSTILE_OUT: dir }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const expected = Object.fromEntries(fs.readFileSync(path.join(dir, 'expected.tsv'), 'utf8').trim().split('\n').map(l => l.split('\t')));
  return { dir, expected };
}

test('hostile files: each gets a clear message quickly and the page stays usable', async () => {
  const { dir: HOSTILE, expected } = hostileFiles();
  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  try {
    await open(b, srv);
    const files = Object.keys(expected);
    const timings = [];
    assert.ok(files.length >= 15, files.join());
    for (const name of files) {
      const t0 = Date.now();
      await page.setInputFiles('[data-testid="file-input"]', { name, mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(HOSTILE, name)) });
      await page.waitForSelector(`[data-testid="file-card"][data-file="${name}"]`, { timeout: 60000 });
      const ms = Date.now() - t0;
      const sel = `[data-testid="file-card"][data-file="${name}"]`;
      const want = expected[name];
      if (want === 'ok') {
        assert.equal(await page.$(`${sel} [data-testid="file-error"], ${sel} .sheet-card > .error`), null, `${name} reads`);
      } else {
        // A whole-file error, or the failing sheet's error, in Chinese.
        const err = await page.innerText(want.startsWith('sheet:') ? `${sel} .sheet-card > .error` : `${sel} [data-testid="file-error"]`);
        assert.match(err, /[\u4e00-\u9fff]/, `${name}: ${err}`);
        if (want.startsWith('too_large') || want.startsWith('sheet:too_large')) assert.match(err, /超过|过大|太多|太长/, `${name}: ${err}`);
        if (want === 'encrypted') assert.match(err, /密码/, err);
      }
      timings.push(`${name} ${ms} ms`);
      await page.click(`[data-testid="file-card"][data-file="${name}"] [data-testid="remove-file"]`);
      await page.waitForSelector(`[data-testid="file-card"][data-file="${name}"]`, { state: 'detached' });
    }
    console.log('# hostile files in Chromium:', timings.join('; '));
    await shot(page, 'security-hostile');
    // Still usable: a good file imports.
    await page.setInputFiles('[data-testid="file-input"]', { name: 'town.xlsx', mimeType: 'application/octet-stream', buffer: townWorkbook() });
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '9');
    assert.deepEqual(b.errors.filter(e => !/boom/.test(e)), []);
  } finally {
    await b.close();
    await srv.close();
  }
});
