// The whole flow a clerk goes through, in Chromium: context → import a realistic workbook →
// scorecard (statuses checked against hand-computed values in fixtures/town.mjs) → reload
// mid-way and continue → tick a checklist → export xlsx/CSV/JSON and read them back.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import XLSX from 'xlsx';
import { startServer, launch, ready, shot, foreign, ROOT } from './lib.mjs';
import { townWorkbook, YEAR, AS_OF, POPULATION } from './fixtures/town.mjs';
import { workspaceVersion } from '../../tools/version.mjs';

const status = (page, id) => page.getAttribute(`[data-testid="indicator-${id}"]`, 'data-status');
const count = async (page, st) => Number(await page.getAttribute(`[data-testid="summary-${st}"]`, 'data-count'));

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

test('context → import → scorecard → reload → checklist → export', async () => {
  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  try {
    await page.goto(srv.base + '/');
    await ready(page);
    // 1. Context.
    await page.fill('[data-testid="ctx-organisation"]', '新繁镇');
    await page.fill('[data-testid="ctx-year"]', String(YEAR));
    await page.fill('[data-testid="ctx-as-of"]', AS_OF);
    await page.fill('[data-testid="ctx-population"]', '１００'); // full-width digits are fine
    await shot(page, 'flow-01-context');
    await page.click('[data-testid="next"]');

    // 2. Import.
    await page.setInputFiles('[data-testid="file-input"]', {
      name: '新繁镇志愿服务台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: townWorkbook(),
    });
    await page.waitForSelector('[data-testid="import-summary"]');
    assert.equal(await page.textContent('[data-testid="summary-volunteers"]'), '11');
    assert.equal(await page.textContent('[data-testid="summary-records"]'), '9');
    assert.equal(await page.textContent('[data-testid="summary-activities"]'), '23');
    assert.equal(await page.textContent('[data-testid="summary-trainings"]'), '2');
    const roles = await page.$$eval('[data-testid="sheet-card"]', els => els.map(e => e.dataset.role));
    assert.deepEqual(roles, ['volunteers', 'records', 'activities', 'trainings']);
    // The sheet list: each sheet's name and used size (title + blank + header + rows + 合计).
    const sheets = await page.$$eval('[data-testid="sheet-card"]', els => els.map(e => [e.dataset.sheet, e.dataset.rows, e.dataset.cols]));
    assert.deepEqual(sheets, [['注册志愿者', '15', '8'], ['服务记录', '13', '5'], ['活动记录', '27', '3'], ['培训', '6', '5']]);
    assert.match(await page.textContent('[data-testid="sheet-card"][data-sheet="注册志愿者"] h4'), /15 行 × 8 列/);
    // Each sheet's 合计 row is skipped and counted.
    const skipped = await page.$$eval('[data-testid="count-skipped"]', els => els.map(e => e.textContent));
    assert.deepEqual(skipped, ['1', '1', '1', '1']);
    await shot(page, 'flow-02-import');

    // 3. Reload mid-way: the files come back from the draft, nothing to redo.
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="import-summary"]');
    assert.equal(await page.textContent('[data-testid="summary-records"]'), '9');
    assert.equal(await page.inputValue('[data-testid="file-input"]'), '');
    await page.click('[data-testid="to-scorecard"]');

    // 4. The scorecard, as computed by hand in fixtures/town.mjs.
    await page.waitForSelector('[data-testid="indicator-X1"]');
    const expected = { X1: 'not_met', X2: 'not_met', X3: 'behind', X4: 'not_met', X5: 'not_met',
      X6: 'in_progress', X7: 'in_progress', X8: 'in_progress', X10: 'needs_input', X11: 'needs_input' };
    for (const [id, st] of Object.entries(expected)) assert.equal(await status(page, id), st, id);
    assert.equal(await page.$('[data-testid="indicator-X9"]'), null, 'X9 not shown without material columns');
    assert.deepEqual(
      [await count(page, 'met'), await count(page, 'not_met'), await count(page, 'behind'), await count(page, 'in_progress'), await count(page, 'needs_input')],
      [0, 4, 1, 3, 1]);
    assert.equal(await page.textContent('[data-testid="indicator-X1"] [data-testid="value"]'), '9%');
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="gap"]'), /4 人/);
    assert.match(await page.textContent('[data-testid="indicator-X2"] [data-testid="value"]'), /55\.[56]%/);
    assert.match(await page.textContent('[data-testid="indicator-X2"] [data-testid="gap"]'), /2 人|2 名/);
    assert.equal(await page.textContent('[data-testid="indicator-X3"] [data-testid="value"]'), '2.1 小时');
    // 25 h × 181 / 365 = 12.4 h per head by 30 June, 49.6 % of the year's 25 h
    assert.equal(await page.textContent('[data-testid="indicator-X3"] [data-testid="prorated"]'), '人均 12.4 小时（全年 25 小时的 49.6%）');
    const x5 = await page.$$eval('[data-testid="indicator-X5"] [data-testid="station-row"]', rs => rs.map(r => [r.dataset.station, r.dataset.status]));
    assert.deepEqual(x5, [['新桥社区', 'met'], ['大丰社区', 'not_met']]);
    assert.match(await page.textContent('[data-testid="stations-short"]'), /大丰社区.*X4.*X5|大丰社区.*X5/);
    await shot(page, 'flow-03-scorecard');

    // Drill-down: the rows behind X1, IDs masked.
    await page.click('[data-testid="indicator-X1"] [data-testid="show-rows"]');
    await page.waitForSelector('[data-testid="rows-table"]');
    const rowsText = await page.textContent('[data-testid="rows-table"]');
    assert.ok(rowsText.includes('1101**********002X'), 'ID masked');
    assert.ok(!rowsText.includes('11010519491231002X'), 'no full ID');
    assert.ok(!rowsText.includes('13800000001'), 'no full phone');
    assert.equal(await page.$('[data-testid="rows-cut"]'), null, 'every row listed: no note');
    await shot(page, 'flow-04-rows');
    await page.click('[data-testid="rows-close"]');

    // 5. Tick every X10 item: X10 becomes met, and stays so after a reload.
    const yes = await page.$$('[data-testid="indicator-X10"] [data-testid="check-yes"]');
    assert.equal(yes.length, 8, '2 stations × 4 items');
    for (const y of yes) await y.check();
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-X10"]')?.dataset.status === 'met');
    assert.equal(await count(page, 'met'), 1);
    assert.equal(await count(page, 'needs_input'), 0);
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="indicator-X10"][data-status="met"]');

    // Charts and the other tabs render.
    await page.click('[data-testid="tab-charts"]');
    await page.waitForSelector('[data-testid="chart-hours"] svg');
    await shot(page, 'flow-05-charts');
    await page.click('[data-testid="tab-replay"]');
    await page.waitForSelector('[data-testid="replay-table"]');
    await shot(page, 'flow-06-replay');
    await page.click('[data-testid="tab-whatif"]');
    await page.waitForSelector('[data-testid="whatif-plan"]');
    await shot(page, 'flow-07-whatif');
    await page.click('[data-testid="tab-stars"]');
    await page.waitForSelector('[data-testid="stars"]');
    await page.click('[data-testid="tab-cards"]');

    // 6. Export.
    await page.click('[data-testid="step-export"]');
    await shot(page, 'flow-08-export');
    const xlsx = await download(page, 'export-xlsx');
    assert.match(xlsx.name, /新繁镇2017.*\.xlsx$/);
    const wb = XLSX.read(xlsx.bytes, { type: 'buffer' });
    assert.equal(wb.SheetNames[0], '汇总');
    // One sheet per indicator shown (X9 is not), then the stations and the findings.
    const perIndicator = wb.SheetNames.filter(n => /^X\d+ /.test(n)).map(n => n.split(' ')[0]);
    assert.deepEqual(perIndicator, ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8', 'X10', 'X11']);
    assert.ok(wb.SheetNames.includes('各站点') && wb.SheetNames.includes('问题清单'), wb.SheetNames.join());
    const findingsText = JSON.stringify(XLSX.utils.sheet_to_json(wb.Sheets['问题清单'], { header: 1 }));
    assert.match(findingsText, /合计/, 'the skipped 合计 rows are listed');
    const summary = XLSX.utils.sheet_to_json(wb.Sheets['汇总'], { header: 1, raw: false });
    const x1 = summary.find(r => r[0] === 'X1');
    assert.ok(x1 && x1.includes('未达标'), JSON.stringify(x1));
    const x10 = summary.find(r => r[0] === 'X10');
    assert.ok(x10 && x10.includes('达标'), JSON.stringify(x10));
    const allText = JSON.stringify(wb.SheetNames.map(n => XLSX.utils.sheet_to_json(wb.Sheets[n], { header: 1 })));
    assert.ok(!allText.includes('11010519491231002X') && !allText.includes('13800000001'), 'report masks IDs and phones');
    const csv = await download(page, 'export-csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV has a UTF-8 BOM');
    assert.match(csv.bytes.toString('utf8'), /X1,/);
    const csvText = csv.bytes.toString('utf8');
    // every export names the release that made it
    const VERSION = workspaceVersion();
    assert.match(csvText.trim().split('\n').pop(), new RegExp(`^生成,志愿服务自评台 v${VERSION.replace(/\./g, '\\.')},`));
    assert.ok(summary[1].join('').includes(`生成：志愿服务自评台 v${VERSION}`), JSON.stringify(summary[1]));
    assert.ok(!csvText.includes('11010519491231002X') && !csvText.includes('13800000001'), 'CSV masks IDs and phones');
    const ctx = await download(page, 'export-context');
    const json = JSON.parse(ctx.bytes.toString('utf8'));
    assert.equal(json.population, POPULATION);
    assert.equal(json.made_by, `志愿服务自评台 v${VERSION}`);
    assert.equal(json.as_of, AS_OF);
    assert.equal(Object.values(json.checklist).filter(v => v === true).length, 8);
    // The same context, scored in batch by the command line, gives the page's statuses.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-cli-'));
    fs.writeFileSync(path.join(dir, 'ctx.json'), ctx.bytes);
    fs.writeFileSync(path.join(dir, 'town.xlsx'), townWorkbook());
    const cli = spawnSync('cargo', ['run', '-q', '-p', 'scorecard-cli', '--', 'score', '--context', path.join(dir, 'ctx.json'),
      '--format', 'json', path.join(dir, 'town.xlsx')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const batch = JSON.parse(cli.stdout);
    assert.deepEqual(Object.fromEntries(batch.indicators.map(i => [i.id, i.status])),
      { ...expected, X10: 'met' }, 'CLI statuses equal the page\'s');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'flow-09-print');
    await page.emulateMedia({ media: 'screen' });

    // 7. English switch.
    await page.click('[data-testid="lang-switch"]');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"]');
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="status-pill"]'), /Not met/);
    await shot(page, 'flow-10-english');

    assert.deepEqual(foreign(b.requests, srv.base), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});
