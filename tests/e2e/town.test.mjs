// 汇总报送 in the browser: two stations make their report files on the export screen, four
// more with `scorecard pack`; the town enters its passphrase, drops the six report files,
// and gets the same scorecard as from the six stations' workbooks; no report file holds a
// name, ID or phone number; a wrong passphrase says so and is fixed without re-choosing files.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import XLSX from 'xlsx';
import { startServer, launch, ready, shot, ROOT } from './lib.mjs';

const PASS = '示例镇-2017-报送口令';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The native command line (built by the native tests; built here if missing). */
function cli(args) {
  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(target, 'debug', 'scorecard');
  if (!fs.existsSync(bin)) spawnSync('cargo', ['build', '-q', '-p', 'scorecard-cli'], { cwd: ROOT, stdio: 'inherit' });
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

/** Every name, ID and phone number in a station's workbook (the columns headed so). */
function people(file) {
  const wb = XLSX.read(fs.readFileSync(file));
  const out = new Set();
  for (const name of wb.SheetNames) {
    const rows = XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: false, defval: '' });
    const h = rows.findIndex((r) => r.some((c) => /姓名|证件号码|身份证|手机|联系电话/.test(String(c))));
    if (h < 0) continue;
    const cols = rows[h].map((c, i) => (/姓名|证件号码|身份证|手机|联系电话/.test(String(c)) ? i : -1)).filter((i) => i >= 0);
    for (const r of rows.slice(h + 1)) for (const i of cols) if (String(r[i]).trim().length >= 2) out.add(String(r[i]).trim());
  }
  return out;
}

function assertNothingPersonal(text, who, what) {
  for (const p of who) assert.ok(!text.includes(p), `${what} holds ${p}`);
  const plain = text.replace(/"[0-9a-f]{16}"/g, '""'); // codes are 16 hex digits
  assert.doesNotMatch(plain, /\d{17}[\dXx]/, `${what} holds an ID number`);
  assert.doesNotMatch(plain, /(?<!\d)1[3-9]\d{9}(?!\d)/, `${what} holds a phone number`);
}

async function context(page, organisation) {
  await page.fill('[data-testid="ctx-organisation"]', organisation);
  await page.fill('[data-testid="ctx-year"]', '2017');
  await page.fill('[data-testid="ctx-as-of"]', '2017-12-31');
  await page.fill('[data-testid="ctx-population"]', '6000');
  await page.click('[data-testid="next"]');
}

/** The scorecard once it has settled (a re-score follows an import by a quarter second). */
async function scorecard(page) {
  await page.click('[data-testid="step-scorecard"]');
  await page.waitForSelector('[data-testid^="indicator-"]');
  const read = () => page.$$eval('[data-testid^="indicator-"]', (els) =>
    els.map((e) => [e.dataset.testid, e.dataset.status, e.querySelector('[data-testid="value"]')?.textContent ?? '']));
  let last = await read();
  for (;;) {
    await page.waitForTimeout(700);
    const now = await read();
    const busy = await page.$('[role="status"]:has-text("计算")');
    if (!busy && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

test('a town scores six stations from six report files, as from their workbooks; nothing personal leaves a station', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-town-'));
  cli(['demo', path.join(dir, 'demo.xlsx'), '--year', '2017', '--by-station', path.join(dir, 'st')]);
  const stations = fs.readdirSync(path.join(dir, 'st')).sort().map((f) => path.join(dir, 'st', f));
  assert.equal(stations.length, 6);
  const name = (f) => path.basename(f).replace(/志愿服务台账2017\.xlsx$/, '');
  fs.writeFileSync(path.join(dir, 'pass.txt'), PASS);
  const reports = [];
  // four stations with the command line
  for (const f of stations.slice(2)) {
    const out = path.join(dir, `报送_${name(f)}.json`);
    cli(['pack', '--profile', 'xindu2017-town', '--year', '2017', '--as-of', '2017-12-31', '--station', name(f),
      '--passphrase-file', path.join(dir, 'pass.txt'), '--output', out, f]);
    reports.push({ name: path.basename(out), mimeType: 'application/json', buffer: fs.readFileSync(out) });
  }
  const srv = await startServer();
  try {
    // two stations in the browser, each on its own computer (a fresh profile)
    for (const f of stations.slice(0, 2)) {
      const b = await launch();
      try {
        await b.page.goto(srv.base + '/');
        await ready(b.page);
        await context(b.page, name(f));
        await b.page.setInputFiles('[data-testid="file-input"]', { name: path.basename(f), mimeType: XLSX_MIME, buffer: fs.readFileSync(f) });
        await b.page.waitForSelector('[data-testid="import-summary"]');
        await b.page.click('[data-testid="step-export"]');
        assert.ok(await b.page.isDisabled('[data-testid="export-report-file"]'), 'no passphrase, no report file');
        await b.page.fill('[data-testid="export-report-item"] [data-testid="town-passphrase"]', PASS);
        await b.page.press('[data-testid="export-report-item"] [data-testid="town-passphrase"]', 'Tab');
        if (f === stations[0]) await shot(b.page, 'town-01-station-export');
        const [d] = await Promise.all([b.page.waitForEvent('download'), b.page.click('[data-testid="export-report-file"]')]);
        assert.match(d.suggestedFilename(), new RegExp(`^报送_${name(f)}_2017年截至12月31日\\.json$`));
        reports.unshift({ name: d.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync(await d.path()) });
        // not remembered unless asked
        assert.equal(await b.page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('passphrase')).length), 0);
      } finally {
        await b.close();
      }
    }
    reports.sort((a, b) => a.name.localeCompare(b.name));
    assert.equal(reports.length, 6);
    for (const r of reports) {
      const f = stations.find((s) => r.name.includes(name(s)));
      const who = people(f);
      // the scan has something to look for: the station's names, IDs and phones were found
      assert.ok(who.size > 50, `${r.name}: ${who.size} people's cells read from ${f}`);
      assertNothingPersonal(r.buffer.toString('utf8'), who, r.name);
    }

    // the town: first with a wrong passphrase, then the right one, without choosing the files again
    const town = await launch();
    const raw = await launch();
    try {
      const { page } = town;
      await page.goto(srv.base + '/');
      await ready(page);
      await context(page, '示例镇');
      await page.click('[data-testid="town-panel"] summary');
      await page.fill('[data-testid="town-panel"] [data-testid="town-passphrase"]', '另一个镇的口令2017');
      await page.press('[data-testid="town-panel"] [data-testid="town-passphrase"]', 'Tab');
      await page.setInputFiles('[data-testid="file-input"]', reports);
      await page.waitForSelector('[data-testid="file-error"]');
      const errors = await page.$$eval('[data-testid="file-error"]', (els) => els.map((e) => e.textContent));
      assert.equal(errors.length, 6);
      assert.ok(errors.every((e) => e.includes('这个报送文件使用了不同的口令')), errors[0]);
      await page.fill('[data-testid="town-panel"] [data-testid="town-passphrase"]', PASS);
      await page.click('[data-testid="town-apply"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-summary"][data-counted="true"]').length === 6);
      assert.equal(await page.$('[data-testid="file-error"]'), null);
      assert.equal(await page.textContent('[data-testid="summary-volunteers"]'), '600');
      assert.match(await page.textContent('.import-summary'), /服务记录（报送文件按人按月汇总）/);
      assert.ok(await page.isVisible('[data-testid="town-codes-note"]'));
      await shot(page, 'town-02-import');
      const fromReports = await scorecard(page);
      await shot(page, 'town-03-scorecard');

      // the same six stations' workbooks, imported together
      await raw.page.goto(srv.base + '/');
      await ready(raw.page);
      await context(raw.page, '示例镇');
      await raw.page.setInputFiles('[data-testid="file-input"]',
        stations.map((f) => ({ name: path.basename(f), mimeType: XLSX_MIME, buffer: fs.readFileSync(f) })));
      await raw.page.waitForSelector('[data-testid="import-summary"]');
      assert.equal(await raw.page.textContent('[data-testid="summary-volunteers"]'), '600');
      const fromWorkbooks = await scorecard(raw.page);
      assert.ok(fromWorkbooks.length >= 8, JSON.stringify(fromWorkbooks));
      assert.deepEqual(fromReports, fromWorkbooks);

      // remembered only when asked: ticked, it is there after a reload, and the stored report
      // files count again by themselves
      await page.click('[data-testid="step-import"]');
      await page.check('[data-testid="town-panel"] [data-testid="town-remember"]');
      await page.reload();
      await ready(page);
      await page.click('[data-testid="step-import"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-summary"][data-counted="true"]').length === 6);
      assert.equal(await page.inputValue('[data-testid="town-panel"] [data-testid="town-passphrase"]'), PASS);
      // the town's report exports as for raw data
      await page.click('[data-testid="step-export"]');
      const [x] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
      const book = XLSX.read(fs.readFileSync(await x.path()));
      assert.ok(book.SheetNames.length > 3, book.SheetNames.join());
    } finally {
      await town.close();
      await raw.close();
    }
  } finally {
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
