// Every engine a station or a trainer has: Chromium, Firefox ESR and WebKitGTK (Safari's
// engine), each served and from the single saved file (file://), through plain W3C
// WebDriver (wd.mjs: chromedriver, geckodriver, WebKitWebDriver with MiniBrowser under
// Xvfb). The core paths: the page mounts, an xlsx import, a GBK CSV, the scorecard, the
// xlsx report made in the page, a reload keeping the draft, the demo, and no request
// anywhere but the page's own files.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import XLSX from 'xlsx';
import { startServer, DIST } from './lib.mjs';
import { ENGINES } from './browsers.mjs';
import { startDriver, session } from './wd.mjs';
import { townWorkbook } from './fixtures/town.mjs';

/** The files a clerk picks, on disk (WebDriver gives a file input paths). */
function fixtures() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-engines-'));
  const xlsx = path.join(dir, '新繁镇台账.xlsx');
  fs.writeFileSync(xlsx, townWorkbook());
  return { dir, xlsx };
}

/** A GBK CSV (GBK bytes from SheetJS's code pages). */
async function gbkCsv(dir) {
  const cp = await import('xlsx/dist/cpexcel.full.mjs');
  const file = path.join(dir, '六月服务记录.csv');
  const text = '志愿者编号,姓名,服务日期,服务时长\r\nV01,张三,2017-06-02,2\r\nV02,李四,2017-06-03,1.5\r\n';
  fs.writeFileSync(file, Buffer.from(cp.utils.encode(936, text)));
  return file;
}

/** How long a step that needs the engine may take: WebKitGTK compiles the single file's
 *  engine slowly on a loaded 2-core CI machine (once past 60 s there); this test checks
 *  that the paths work, `./dev bench` how fast. */
const ENGINE_WAIT = 180000;

/** The core paths in one session. `url` is the served page or the single file. */
async function corePaths(s, url, files, served) {
  await s.go(url);
  await s.until(() => document.querySelector('[data-testid="app-title"]')?.textContent, [], 60000, 'the page to mount');
  await watchErrors(s);
  // the demo of a past year (in the blank first draft): the town's 600 volunteers
  await s.type('[data-testid="ctx-year"]', '2017');
  await s.click('[data-testid="demo-hint-go"]');
  await s.until(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '600', [], ENGINE_WAIT, 'the demo')
    .catch(async err => {
      // what the page showed instead, so a failure on CI says where it stopped
      const seen = await s.exec(() => ({
        volunteers: document.querySelector('[data-testid="summary-volunteers"]')?.textContent,
        year: document.querySelector('[data-testid="ctx-year"]')?.value,
        fatal: document.querySelector('.fatal')?.textContent,
        notices: [...document.querySelectorAll('[role="alert"], [role="status"]')].map(e => e.textContent).join(' | '),
      })).catch(e => e.message);
      err.message += ` (the page: ${JSON.stringify(seen)})`;
      throw err;
    });
  // then real files, in a new draft
  await s.click('[data-testid="drafts-open"]');
  await s.click('[data-testid="draft-new"]');
  await s.click('[data-testid="step-context"]');
  await s.type('[data-testid="ctx-organisation"]', '新繁镇');
  await s.type('[data-testid="ctx-year"]', '2017');
  await s.type('[data-testid="ctx-population"]', '100');
  await s.type('[data-testid="ctx-as-of"]', '2017-06-30');
  await s.click('[data-testid="step-import"]');
  // an xlsx import: the town's four tables
  await s.upload('[data-testid="file-input"]', [files.xlsx]);
  const summary = await s.until(() => {
    const q = id => document.querySelector(`[data-testid="${id}"]`)?.textContent;
    const err = document.querySelector('[data-testid="import-error"], [data-testid="file-error"]')?.textContent;
    return err ? { err } : q('summary-records') && q('summary-volunteers') !== '0' && { volunteers: q('summary-volunteers'), records: q('summary-records') };
  }, [], ENGINE_WAIT, 'the xlsx import');
  assert.equal(summary.err, undefined, `the xlsx import failed: ${summary.err}`);
  assert.deepEqual(summary, { volunteers: '11', records: '9' });
  // a GBK CSV beside it
  await s.upload('[data-testid="file-input"]', [files.csv]);
  const enc = await s.until(() => document.querySelector('[data-testid="file-card"][data-file="六月服务记录.csv"] [data-testid="file-encoding"]')?.textContent, [], 60000, 'the CSV');
  assert.equal(enc, 'GBK/GB18030');
  await s.until(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '11', [], 30000, '11 records');
  // the scorecard: X1 = 9 registered of 100 residents
  await s.click('[data-testid="step-scorecard"]');
  // a score of the new draft before its files arrived shows '—': wait for the one after them
  const x1 = await s.until(() => {
    const v = document.querySelector('[data-testid="indicator-X1"] [data-testid="value"]')?.textContent;
    return v && v !== '—' && v;
  }, [], 30000, 'X1');
  assert.equal(x1, '9%');
  // the xlsx report, made in the page: captured where the page hands it to the browser
  await s.click('[data-testid="step-export"]');
  await s.exec(() => {
    window.__blobs = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (b) => { window.__blobs.push(b); return make.call(URL, b); };
  });
  await s.until(() => !document.querySelector('[data-testid="export-xlsx"]')?.disabled, [], 30000, 'the export button');
  await s.click('[data-testid="export-xlsx"]');
  await s.until(() => window.__blobs.length > 0, [], 60000, 'the report');
  const b64 = await s.execAsync(() => new Promise((ok, no) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).split(',')[1]);
    r.onerror = () => no(r.error);
    r.readAsDataURL(window.__blobs[window.__blobs.length - 1]);
  }));
  const report = XLSX.read(Buffer.from(b64, 'base64'), { type: 'buffer' });
  assert.ok(report.SheetNames.length >= 3 && report.SheetNames.some(n => n.includes('X1')), report.SheetNames.join());
  assert.deepEqual(await errors(s), []);
  // a reload keeps the draft (saved while typing, debounced)
  await new Promise(r => setTimeout(r, 800));
  await s.refresh();
  await s.until(() => document.querySelector('[data-testid="app-title"]'), [], 60000, 'the reload');
  await watchErrors(s);
  await s.click('[data-testid="step-context"]');
  assert.equal(await s.exec(() => document.querySelector('[data-testid="ctx-organisation"]').value), '新繁镇');
  // nothing but the page's own files (and blob:/data: URLs it made) was asked for
  const resources = await s.exec(() => performance.getEntriesByType('resource').map(e => e.name));
  const own = served ? (u => u.startsWith(new URL(url).origin + '/')) : (u => u.startsWith('file:'));
  const foreign = resources.filter(u => !own(u) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await errors(s), []);
}

/** From now on, the page's uncaught errors and rejections are kept for `errors`. */
async function watchErrors(s) {
  await s.exec(() => {
    window.__errs = [];
    window.addEventListener('error', e => window.__errs.push(String(e.message)));
    window.addEventListener('unhandledrejection', e => window.__errs.push(String(e.reason)));
  });
}

/** The errors seen since `watchErrors`, and the app's fatal message if it shows one. */
async function errors(s) {
  return s.exec(() => [...window.__errs, document.querySelector('.fatal')?.textContent].filter(Boolean));
}

for (const engine of Object.keys(ENGINES)) {
  test(`${engine}: served and from file://, the core paths work`, async () => {
    const files = fixtures();
    files.csv = await gbkCsv(files.dir);
    const srv = await startServer();
    try {
    for (const served of [true, false]) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), `vscore-${engine}-`));
      const e = ENGINES[engine](profile);
      const driver = await startDriver(e.driver[0], e.driver[1]);
      let s;
      try {
        s = await session(driver.url, e.caps);
        const url = served ? srv.base + '/' : 'file://' + path.join(DIST, 'volunteer-scorecard.html');
        await corePaths(s, url, files, served);
      } catch (err) {
        err.message = `${engine} ${served ? 'served' : 'file://'}: ${err.message}`;
        throw err;
      } finally {
        if (s) await s.close();
        await driver.stop();
        fs.rmSync(profile, { recursive: true, force: true });
      }
    }
    // served: the server saw only the app's own files
    assert.deepEqual(srv.requests.filter(u => !/^\/(index\.html|(app|worker|volunteer_scorecard(_page|_engine)?(_bg)?|style)\.[0-9a-f]{10}\.(js|wasm|css)|sw\.js|manifest\.webmanifest|icon-(192|512)\.png)?(\?.*)?$/.test(u)), []);
    } finally {
      // a failure must not leave the server holding the test process open
      await srv.close();
      fs.rmSync(files.dir, { recursive: true, force: true });
    }
  });
}
