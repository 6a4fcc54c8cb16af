// The first slice: the page mounts, switches language, keeps the draft over a reload,
// and asks for nothing but its own files; the single-file build works from file://.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, ready, shot, foreign, DIST } from './lib.mjs';
import { townWorkbook } from './fixtures/town.mjs';

test('served page: mounts, switches language, keeps the draft, no foreign requests', async () => {
  const srv = await startServer();
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(srv.base + '/');
    await ready(page);
    assert.equal(await page.textContent('[data-testid="app-title"]'), '志愿服务自评台');
    await page.fill('[data-testid="ctx-organisation"]', '新繁镇');
    await page.selectOption('[data-testid="ctx-level"]', 'station');
    await shot(page, '01-start');
    await page.click('[data-testid="lang-switch"]');
    assert.equal(await page.textContent('[data-testid="app-title"]'), 'Volunteer Scorecard');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '新繁镇');
    assert.equal(await page.inputValue('[data-testid="ctx-level"]'), 'station');
    assert.equal(await page.textContent('[data-testid="app-title"]'), 'Volunteer Scorecard');
    assert.deepEqual(foreign(b.requests, srv.base), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});

test('single file from file:// mounts, keeps the draft and imports a workbook with no request at all', async () => {
  const b = await launch();
  try {
    const { page } = b;
    const url = 'file://' + path.join(DIST, 'volunteer-scorecard.html');
    await page.goto(url);
    await ready(page);
    assert.equal(await page.textContent('[data-testid="app-title"]'), '志愿服务自评台');
    await page.fill('[data-testid="ctx-organisation"]', '离线测试');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '离线测试');
    // Import a workbook offline: parsed by the embedded wasm, in its blob worker.
    await page.click('[data-testid="next"]');
    await page.setInputFiles('[data-testid="file-input"]', { name: '台账.xlsx', mimeType: 'application/octet-stream', buffer: townWorkbook() });
    await page.waitForSelector('[data-testid="import-summary"]');
    assert.equal(await page.textContent('[data-testid="summary-records"]'), '9');
    assert.equal(await page.textContent('[data-testid="summary-volunteers"]'), '11');
    const sheets = await page.$$eval('[data-testid="sheet-card"]', els => els.map(e => e.dataset.sheet));
    assert.deepEqual(sheets, ['注册志愿者', '服务记录', '活动记录', '培训']);
    assert.deepEqual(b.requests.filter(u => u !== url && !u.startsWith('blob:') && !u.startsWith('data:')), []);
    assert.deepEqual(b.errors, []);
    await shot(page, '02-single-file');
  } finally {
    await b.close();
  }
});

// The single file is windows-1252 (its wasm is raw bytes, tools/package.mjs): a server that
// forces UTF-8 on it must get a clear message, not a broken page; one that does not, works.
test('the single file says so when a server reads it as UTF-8, and works when served plainly', async () => {
  const forced = await startServer(DIST, { '.html': 'text/html; charset=utf-8' });
  const plain = await startServer(DIST, { '.html': 'text/html' });
  const b = await launch();
  try {
    await b.page.goto(forced.base + '/volunteer-scorecard.html');
    await b.page.waitForSelector('html[data-boot="failed"]', { timeout: 10000 });
    const msg = await b.page.textContent('#boot-msg');
    assert.ok(msg.includes('本文件未按原编码打开') && msg.includes('wrong text encoding'), msg);
    await b.page.goto(plain.base + '/volunteer-scorecard.html');
    await ready(b.page);
    assert.equal(await b.page.textContent('[data-testid="app-title"]'), '志愿服务自评台');
    assert.equal(await b.page.evaluate(() => document.characterSet), 'windows-1252');
    assert.ok(!b.errors.some(e => !/未按原编码|wrong text encoding/.test(e)), b.errors.join('\n'));
  } finally {
    await b.close();
    await forced.close();
    await plain.close();
  }
});

test('the engine runs in a Web Worker, served and from file://', async () => {
  const srv = await startServer();
  const b = await launch();
  try {
    await b.page.goto(srv.base + '/');
    await ready(b.page);
    await b.page.waitForSelector('[data-testid="engine"][data-engine="worker"]', { timeout: 10000 });
    await b.page.goto('file://' + path.join(DIST, 'volunteer-scorecard.html'));
    await ready(b.page);
    await b.page.waitForSelector('[data-testid="engine"][data-engine="worker"]', { timeout: 10000 });
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});

// Issue 19's small things a clerk notices, and one count of problems on both screens.
test('small things: the as-of hint of the chosen year, the demo on step 1, no missing glyph, a JSON help for a clerk, counts that read as counts and agree', async () => {
  const srv = await startServer();
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(srv.base + '/');
    await ready(page);
    await page.fill('[data-testid="ctx-year"]', '2017');
    assert.equal(await page.getAttribute('[data-testid="ctx-as-of"]', 'placeholder'), '2017-06-30', 'the hint is of the year chosen');
    assert.match(await page.textContent('[data-testid="demo-hint"]'), /示例/);
    await page.click('[data-testid="demo-hint-go"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '600');
    // the findings' counts of the import screen are the scorecard's
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X7"]');
    await page.waitForSelector('[data-testid="score-findings"] [data-testid="finding-counts"]');
    const scoreCounts = await page.textContent('[data-testid="score-findings"] [data-testid="finding-counts"]');
    // X7's team kinds read as counts, never as a fraction like a date (教育 12/1)
    const teams = await page.$$eval('[data-testid="indicator-X7"] .counts-list li', lis => lis.map(l => l.textContent));
    assert.ok(teams.length > 0 && teams.every(t => /\d+ 次 \/ 需 1$/.test(t.trim())), teams.join(' | '));
    await page.click('[data-testid="step-import"]');
    const importCounts = await page.textContent('[data-testid="findings-panel"] [data-testid="finding-counts"]');
    assert.equal(importCounts, scoreCounts);
    assert.ok(!importCounts.includes('未计入') || /未计入（行） \d/.test(importCounts), importCounts);
    await page.click('[data-testid="step-export"]');
    const print = await page.textContent('[data-testid="export-print"]');
    assert.ok(!/[\u{1F000}-\u{1FFFF}]/u.test(print), `no glyph the fonts lack: ${print}`);
    assert.ok(!(await page.textContent('[data-testid="export-screen"]').catch(() => page.textContent('body'))).includes('scorecard score'), 'the help does not speak of the command line');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});
