// A trainer's session with the demo town (载入示例数据), in Chromium: the context form is
// driven field by field (year, as-of date, profile, staff, unit type, stations), the demo
// goes into a draft of its own (the clerk's context stays untouched; real files dropped on
// it start a new draft), and every built-in profile is scored. The expected
// values are worked out here, from the demo workbook itself: `scorecard demo` writes the
// same bytes the page loads, and SheetJS reads them (plain string and date tests, not the
// app's importer or dictionaries). Then the replay, what-if, stars and chart tabs, the
// source clause on each card and the printed A4 summary.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import XLSX from 'xlsx';
import { startServer, launch, ready, shot, foreign, ROOT } from './lib.mjs';

const YEAR = 2017;
const CORPS = ['红色党员先锋服务队', '绿色产业技术服务队', '蓝色法律援助服务队', '黄色文明新风服务队',
  '橙色文化文艺服务队', '金色科教文卫服务队', '紫色扶贫帮困服务队'];

/** The demo workbook of a whole year (YEAR unless told), written by the command line. */
function demoBook(year = YEAR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-demo-'));
  const file = path.join(dir, 'demo.xlsx');
  const r = spawnSync('cargo', ['run', '-q', '-p', 'scorecard-cli', '--', 'demo', file, '--year', String(year)],
    { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return XLSX.read(fs.readFileSync(file), { type: 'buffer' });
}

/** A date cell: an Excel serial or one of the text forms (2017-03-05, 2017/3/5, 2017年3月5日, 2017.3.5). */
function dateOf(v) {
  if (typeof v === 'number') { const d = XLSX.SSF.parse_date_code(v); return { y: d.y, m: d.m, d: d.d }; }
  const m = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(String(v ?? ''));
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** The data rows of a sheet and a column finder: rows below the header whose `key` column holds a value. */
function table(wb, sheetName, key) {
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[sheetName], { header: 1, raw: true, defval: null });
  const top = rows.findIndex(r => r.includes(key));
  assert.ok(top >= 0, `${key} in ${sheetName}`);
  const col = (label) => {
    for (let i = top; i < top + 2; i++) { const c = rows[i].indexOf(label); if (c >= 0) return c; }
    throw new Error(`${label} not in ${sheetName}`);
  };
  const k = col(key);
  const data = rows.slice(top + 1).filter(r => r[0] !== '合计' && r[k] !== null && r[k] !== '' && (key.includes('日期') ? dateOf(r[k]) : true));
  return { data, col };
}

/** What the expected values are made of, from the workbook. */
function expectations(wb) {
  const roster = table(wb, '注册志愿者', '志愿者编号');
  const cum = roster.col('累计服务时长');
  const stars = [100, 300, 600, 1000, 1500];
  const distribution = [0, 0, 0, 0, 0, 0];
  for (const r of roster.data) distribution[stars.filter(t => parseFloat(r[cum]) + 1e-9 >= t).length]++;
  const acts = table(wb, '活动台账', '活动日期');
  const [date, team, station] = [acts.col('活动日期'), acts.col('志愿服务队'), acts.col('组织单位')];
  const [name] = [acts.col('活动名称')];
  const teamMonths = new Set();
  const perMonth = Array(12).fill(0);
  const fifths = new Set();
  const seen = new Set();
  for (const r of acts.data) {
    const d = dateOf(r[date]);
    // an activity is counted once per station, day and name
    const k = `${r[station]}|${d.y}-${d.m}-${d.d}|${r[name]}`;
    if (!seen.has(k)) perMonth[d.m - 1]++;
    seen.add(k);
    if (d.d === 5) fifths.add(d.m);
    CORPS.forEach((c, i) => { if (String(r[team] ?? '').includes(c)) teamMonths.add(`${d.m}-${i}`); });
  }
  const stations = [...new Set(acts.data.map(r => r[station]))];
  const records = table(wb, '服务时长明细', '服务时间').data.length;
  const trainings = table(wb, 'Sheet4', '培训日期').data.length;
  return { volunteers: roster.data.length, records, activities: acts.data.length, trainings, distribution,
    teamMonths: teamMonths.size, perMonth, fifths: fifths.size, stations };
}

/** 载入示例数据, then the import summary must show `want`'s four counts. */
async function loadDemo(page, want) {
  await page.click('[data-testid="load-sample"]');
  await page.waitForSelector('[data-testid="import-summary"]');
  const fmt = n => n.toLocaleString('en-US');
  assert.deepEqual(
    await page.$$eval('[data-testid^="summary-"]', els => Object.fromEntries(els.map(e => [e.dataset.testid, e.textContent]))),
    { 'summary-volunteers': fmt(want.volunteers), 'summary-records': fmt(want.records),
      'summary-activities': fmt(want.activities), 'summary-trainings': fmt(want.trainings) });
}

/** The drafts in storage once `ready(drafts)` holds (saves are debounced). */
async function savedDrafts(page, ready) {
  const read = () => page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('vscore:v2:draft:'))
    .map(k => JSON.parse(localStorage.getItem(k))));
  for (let i = 0; i < 50; i++) {
    const ds = await read();
    if (ready(ds)) return ds;
    await page.waitForTimeout(100);
  }
  return read();
}

const status = (page, id) => page.getAttribute(`[data-testid="indicator-${id}"]`, 'data-status');
const value = (page, id) => page.textContent(`[data-testid="indicator-${id}"] [data-testid="value"]`);
const waitStatus = (page, id, st) => page.waitForSelector(`[data-testid="indicator-${id}"][data-status="${st}"]`);

async function useProfile(page, id) {
  await page.click('[data-testid="step-context"]');
  await page.selectOption('[data-testid="ctx-profile"]', id);
  await page.click('[data-testid="step-scorecard"]');
  await page.waitForSelector('[data-testid="scorecard"]');
}

test('the demo town, every profile, the extra tabs and the A4 print', async () => {
  const want = expectations(demoBook());
  // what the plan of the demo promises, seen in the workbook
  assert.equal(want.fifths, 12, 'an activity on the 5th of every month');
  assert.ok(want.teamMonths > 40 && want.teamMonths < 84, `${want.teamMonths} team-months`);
  assert.equal(want.stations.length, 6);

  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  try {
    await page.goto(srv.base + '/');
    await ready(page);
    // 1. A clerk's own context: the demo must not touch it.
    await page.fill('[data-testid="ctx-organisation"]', '新繁镇');
    await page.fill('[data-testid="ctx-year"]', String(YEAR));
    await page.fill('[data-testid="ctx-as-of"]', `${YEAR}-12-31`);
    await page.selectOption('[data-testid="ctx-profile"]', 'civilised-city');
    await page.fill('[data-testid="ctx-staff"]', '1200');
    await page.selectOption('[data-testid="ctx-unit-type"]', 'party_government');
    await page.click('[data-testid="next"]');

    // 2. The demo, in a draft of its own (the year and profile kept): the same counts as the
    // workbook the command line wrote, the demo town's context.
    await loadDemo(page, want);
    await page.click('[data-testid="step-context"]');
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '示例镇（演示数据）');
    assert.equal(await page.inputValue('[data-testid="ctx-population"]'), '6000');
    assert.equal(await page.inputValue('[data-testid="ctx-staff"]'), '640', "the demo's headcount, not the clerk's");
    assert.equal(await page.inputValue('[data-testid="ctx-profile"]'), 'civilised-city');
    // the clerk's draft is still there, as it was
    const drafts = await savedDrafts(page, ds => ds.length === 2 && ds.some(d => d.demo));
    assert.deepEqual(drafts.map(d => [d.demo === true, d.context.organisation, d.context.staff]).sort(),
      [[false, '新繁镇', 1200], [true, '示例镇（演示数据）', 640]]);
    // a trainer adjusts the demo's own context
    await page.fill('[data-testid="ctx-staff"]', '1200');
    await page.selectOption('[data-testid="ctx-unit-type"]', 'party_government');
    await page.click('[data-testid="step-scorecard"]');

    // 3. 文明城市: C1 = 600 / 6,000 = 10 % ≥ 10 %; C2 = 600 / 1,200 = 50 % < 60 % (党政机关),
    // once the adjusted context is scored (scoring waits for typing to pause)
    await page.waitForSelector('[data-testid="indicator-C1"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-C2"] [data-testid="value"]')?.textContent === '50%');
    assert.equal(await page.$('[data-testid="summary-needs_input"][data-count="0"]') !== null, true, 'nothing to fill in');
    assert.equal(await status(page, 'C1'), 'met');
    assert.equal(await value(page, 'C1'), '10%');
    assert.equal(await status(page, 'C2'), 'not_met');
    assert.equal(await value(page, 'C2'), '50%');
    // The checklists come answered, each with its last item "no": C4 is short by that one.
    assert.equal(await status(page, 'C4'), 'not_met');
    const noes = await page.$$('[data-testid="indicator-C4"] [data-testid="check-no"]:checked');
    assert.equal(noes.length, 1);
    await shot(page, 'demo-01-civilised-city');
    // 企事业单位: 50 % ≥ 50 %. And ticking the one "no" meets C4.
    await page.click('[data-testid="step-context"]');
    await page.selectOption('[data-testid="ctx-unit-type"]', 'enterprise');
    await page.click('[data-testid="step-scorecard"]');
    await waitStatus(page, 'C2', 'met');
    const key = await page.$eval('[data-testid="indicator-C4"] [data-testid="check-no"]:checked', e => e.closest('[data-testid="check-item"]').dataset.key);
    await page.check(`[data-testid="indicator-C4"] [data-testid="check-item"][data-key="${key}"] [data-testid="check-yes"]`);
    await waitStatus(page, 'C4', 'met');

    // 4. 乡镇2021: T1 counts team-months with an activity (from the 服务队 cells); the
    // service day on the 5th meets T2 every month.
    await useProfile(page, 'town2021');
    await page.waitForSelector('[data-testid="indicator-T1"]');
    assert.equal(await status(page, 'T1'), 'not_met');
    assert.match(await value(page, 'T1'), new RegExp(`^${want.teamMonths}\\b`));
    assert.equal(await status(page, 'T2'), 'met');
    assert.match(await page.textContent('[data-testid="indicator-T1"] [data-testid="source-quote"]'), /红色党员先锋服务队/);
    await shot(page, 'demo-02-town2021');

    // 5. 梅列2017: all 15 sub-themes, and 3-5 and 12-5 (both on the 5th).
    await useProfile(page, 'meilie2017');
    await waitStatus(page, 'M1', 'met');
    assert.equal(await status(page, 'M2'), 'met');
    // 6. 区级部门: D1 = 600 / 1,200 = 50 % < 90 %.
    await useProfile(page, 'xindu2017-dept');
    await waitStatus(page, 'D1', 'not_met');
    assert.equal(await value(page, 'D1'), '50%');
    // 7. 广安2015: December's report answered no.
    await useProfile(page, 'guangan2015');
    await waitStatus(page, 'G2', 'not_met');
    assert.match(await page.textContent('[data-testid="indicator-G2"]'), /2017-12/);

    // 8. 新都2017 镇(街道): X1 = 600 / 6,000 = 10 %; 13 % of 6,000 is 780, so 180 more.
    await useProfile(page, 'xindu2017-town');
    await waitStatus(page, 'X1', 'not_met');
    assert.equal(await value(page, 'X1'), '10%');
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="gap"]'), /180 人/);
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="source-cite"]'), /新都2017/);
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="source-quote"]'), /≥13%/);
    assert.equal(await page.$$eval('[data-testid="summary-needs_input"]', els => els.map(e => e.dataset.count).join()), '0');

    // X1's drill-down lists 200 of the 600 volunteers (the cap) and says so, on screen and
    // in the last line of its CSV; every listed row is in the CSV.
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="show-rows"]'), /（600 行）/);
    await page.click('[data-testid="indicator-X1"] [data-testid="show-rows"]');
    await page.waitForSelector('[data-testid="rows-table"]');
    assert.equal(await page.$$eval('[data-testid="rows-table"] tbody tr', rs => rs.length), 200);
    const cutNote = await page.textContent('[data-testid="rows-cut"]');
    assert.equal(cutNote, '共 600 行，只列出前 200 行。');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="rows-csv"]')]);
    const csvLines = fs.readFileSync(await csvDownload.path(), 'utf8').trim().split('\r\n');
    assert.equal(csvLines.length, 1 + 200 + 2, 'header, 200 rows, a blank line, the note');
    assert.equal(csvLines.at(-2), '');
    assert.equal(csvLines.at(-1), cutNote);
    await page.click('[data-testid="rows-close"]');

    // Replay: twelve ended months; registrations never pass 10 %, so X1 is short in each.
    await page.click('[data-testid="tab-replay"]');
    await page.waitForSelector('[data-testid="replay-row"][data-indicator="X1"]');
    const x1 = await page.$$eval('[data-testid="replay-row"][data-indicator="X1"] td', tds => tds.map(t => [t.dataset.month, t.dataset.status]));
    assert.deepEqual(x1, Array.from({ length: 12 }, (_, i) => [`${YEAR}-${String(i + 1).padStart(2, '0')}`, 'not_met']));
    await shot(page, 'demo-03-replay');

    // What-if: at 31 December no months are left; 180 registrations close X1.
    await page.click('[data-testid="tab-whatif"]');
    await page.waitForSelector('[data-testid="whatif-plan"]');
    assert.equal(await page.textContent('[data-testid="whatif-registered"]'), '600');
    assert.equal(await page.textContent('[data-testid="whatif-days-left"]'), '0');
    assert.match(await page.textContent('[data-testid="whatif-step"]'), /新增注册志愿者 180 人，注册率达到 13%/);
    await shot(page, 'demo-04-whatif');

    // Stars: the national scale over the roster's 累计服务时长.
    await page.click('[data-testid="tab-stars"]');
    await page.waitForSelector('[data-testid="stars-row"]');
    const dist = await page.$$eval('[data-testid="stars-row"]', rs => rs.map(r => Number(r.dataset.count)));
    assert.deepEqual(dist, want.distribution);
    await shot(page, 'demo-05-stars');

    // Charts: the year-end hours target is 25 h × 600; the activity target line is
    // 2 a month × 6 stations; the bars are the workbook's activities per month.
    await page.click('[data-testid="tab-charts"]');
    await page.waitForSelector('[data-testid="hours-target"]');
    assert.equal(await page.getAttribute('[data-testid="hours-target"]', 'data-year-end'), '15000.0');
    assert.equal(await page.getAttribute('[data-testid="activities-target"]', 'data-target'), '12');
    const bars = await page.$$eval('[data-testid="activities-bar"]', rs => rs.map(r => Number(r.dataset.count)));
    assert.deepEqual(bars, want.perMonth);
    await shot(page, 'demo-06-charts');
    await page.click('[data-testid="tab-cards"]');

    // 9. Stations named in the context: only those are assessed.
    const two = want.stations.slice(0, 2);
    await page.click('[data-testid="step-context"]');
    await page.fill('[data-testid="ctx-stations"]', two.join('\n'));
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="indicator-X5"] [data-testid="station-row"]').length === n, two.length);
    const rows = await page.$$eval('[data-testid="indicator-X5"] [data-testid="station-row"]', rs => rs.map(r => r.dataset.station));
    assert.deepEqual(rows, two);

    // 10. The A4 summary: printing hides the app around it; the PDF is A4 landscape.
    await page.click('[data-testid="step-export"]');
    await page.waitForSelector('[data-testid="print-summary"]');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('[data-testid="export-screen"]'), false);
    assert.equal(await page.isVisible('[data-testid="print-summary"]'), true);
    const printed = await page.textContent('[data-testid="print-summary"]');
    for (const id of ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8']) assert.ok(printed.includes(id), `${id} printed`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    assert.ok(box, 'a page size in the PDF');
    // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt
    assert.ok(Math.abs(+box[1] - 841.9) < 2 && Math.abs(+box[2] - 595.3) < 2, `${box[1]} × ${box[2]}`);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
    await shot(page, 'demo-07-print');
    await page.emulateMedia({ media: 'screen' });

    assert.deepEqual(foreign(b.requests, srv.base), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});

test('the demo of the current year is the town as it stands today', async () => {
  // The page's clock says 2026-11-24; the year and as-of date are left as they come (this
  // year, blank = today). What the demo should hold is read from the whole year's
  // workbook of the command line: the rows dated on or before that day.
  const [year, cut] = [2026, { y: 2026, m: 11, d: 24 }];
  const wb = demoBook(year);
  const upTo = (sheet, key, label) => {
    const t = table(wb, sheet, key);
    const c = t.col(label);
    const ymd = x => x.y * 10000 + x.m * 100 + x.d;
    return t.data.filter(r => { const x = dateOf(r[c]); return x && ymd(x) <= ymd(cut); }).length;
  };
  const want = {
    volunteers: upTo('注册志愿者', '志愿者编号', '注册时间'),
    records: upTo('服务时长明细', '服务时间', '服务时间'),
    activities: upTo('活动台账', '活动日期', '活动日期'),
    trainings: upTo('Sheet4', '培训日期', '培训日期'),
  };
  assert.ok(want.records < 6000 && want.records > 4500, `${want.records} records by 11-24`);
  assert.ok(want.activities > 6 * 20 && want.activities <= 6 * 22, `${want.activities}: two a month at each station to October, some of November`);

  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  try {
    await page.clock.setFixedTime(new Date('2026-11-24T12:00:00Z'));
    await page.goto(srv.base + '/');
    await ready(page);
    assert.equal(await page.inputValue('[data-testid="ctx-year"]'), String(year));
    await page.click('[data-testid="next"]');
    await loadDemo(page, want);
    assert.ok((await page.textContent('[data-testid="file-card"]')).includes('示例镇志愿服务数据2026（截至11月24日）.xlsx'));
    await page.click('[data-testid="step-context"]');
    assert.equal(await page.inputValue('[data-testid="ctx-as-of"]'), '', 'the as-of date stays blank: today');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"]');
    assert.equal(await page.textContent('[data-testid="as-of"]'), '2026年11月24日');
    const head = await page.textContent('[data-testid="scorecard"]');
    assert.ok(!head.includes('考核年度已结束'), 'the year is not over on 11-24');
    assert.ok(!head.includes('晚于截止日期'), 'no record is later than today');
    await shot(page, 'demo-current-year');
    // A station falling short names its indicators; each goes to its card, from any tab.
    assert.equal(await page.textContent('[data-testid="short-pill"]'), '永丰村 (X10)', 'the demo answers one X10 item no');
    await page.click('[data-testid="tab-charts"]');
    await page.click('[data-testid="short-link"]');
    await page.waitForSelector('[data-testid="indicator-X10"]');
    assert.equal(await page.getAttribute('[data-testid="tab-cards"]', 'aria-selected'), 'true');
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-testid="indicator-X10"]').getBoundingClientRect();
      return Math.abs(r.top) < 2 && window.scrollY > 0;
    });

    // The charts' unit (小时, 次) sits clear of the top tick's number.
    await page.click('[data-testid="tab-charts"]');
    await page.waitForSelector('[data-testid="chart-hours"] .unit');
    for (const chart of ['chart-hours', 'chart-activities']) {
      const [unit, top] = await page.$$eval(`[data-testid="${chart}"] .axis`, ([axis]) => {
        const box = e => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
        const ticks = [...axis.querySelectorAll('.tick')].map(box).sort((a, b) => a.top - b.top);
        return [box(axis.querySelector('.unit')), ticks[0]];
      });
      const apart = unit.bottom <= top.top || unit.right <= top.left || top.right <= unit.left;
      assert.ok(apart, `${chart}: unit ${JSON.stringify(unit)} overlaps top tick ${JSON.stringify(top)}`);
    }

    // Periods as a reader writes them: the replay's ten ended months, 乡镇2021 T2's months.
    await page.click('[data-testid="tab-replay"]');
    await page.waitForSelector('[data-testid="replay-table"]');
    const months = () => page.$$eval('[data-testid="replay-table"] thead th[data-month]', es => es.map(e => e.textContent));
    assert.deepEqual(await months(), ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月']);
    // … and in English, with no Chinese left in X8's holiday lists.
    await page.click('[data-testid="lang-switch"]');
    assert.deepEqual(await months(), ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct']);
    await page.click('[data-testid="tab-cards"]');
    const x8 = await page.textContent('[data-testid="indicator-X8"] .counts-list');
    assert.ok(x8.includes("New Year's Day") && !/[\u4e00-\u9fff]/.test(x8), x8);
    const x8missing = await page.$('[data-testid="indicator-X8"] [data-testid="missing"]');
    if (x8missing) assert.ok(!/[\u4e00-\u9fff]/.test(await x8missing.textContent()), await x8missing.textContent());
    await shot(page, 'demo-current-year-en');
    await useProfile(page, 'town2021');
    await page.waitForSelector('[data-testid="indicator-T2"] .per-label');
    const perLabels = () => page.$$eval('[data-testid="indicator-T2"] .per-label', es => es.map(e => e.textContent));
    assert.deepEqual((await perLabels()).slice(0, 3), ['Jan', 'Feb', 'Mar']);
    await page.click('[data-testid="lang-switch"]');
    assert.deepEqual((await perLabels()).slice(0, 3), ['1月', '2月', '3月']);
    assert.deepEqual(foreign(b.requests, srv.base), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});

test('real files dropped on the demo go to a new draft: nothing real is scored as the demo', async () => {
  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  try {
    await page.goto(srv.base + '/');
    await ready(page);
    await page.fill('[data-testid="ctx-year"]', String(YEAR));
    await page.click('[data-testid="next"]');
    await page.click('[data-testid="load-sample"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '600');
    // a population typed wrong (100 residents, 600 registered): 需核对, never met, and said
    await page.click('[data-testid="step-context"]');
    await page.fill('[data-testid="ctx-population"]', '100');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"][data-status="needs_input"] [data-testid="status-pill"][data-check="1"]');
    assert.equal((await page.textContent('[data-testid="indicator-X1"] [data-testid="status-pill"]')).trim(), '⚠ 需核对');
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="gap"]'), /注册志愿者人数（600）多于常住人口（100）/);
    assert.match(await page.textContent('[data-testid="indicator-X1"] [data-testid="needs-input"]'), /请核对：常住人口/);
    assert.ok(Number(await page.textContent('[data-testid="score-findings"] [data-testid="count-check"]')) >= 1);
    assert.ok((await page.textContent('[data-testid="score-findings"]')).includes('多于常住人口'));
    await page.click('[data-testid="step-import"]');
    // a station's real roster of three
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['姓名', '证件号码', '所属站点'],
      ['张伟', '11010519491231002X', '新桥社区'], ['王芳', '110105194912310038', '新桥社区'], ['李娜', '110105194912310046', '新桥社区']]), '名册');
    await page.setInputFiles('[data-testid="file-input"]', { name: '新桥名册.xlsx', mimeType: 'application/octet-stream',
      buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) });
    await page.waitForSelector('[data-testid="notice-left_demo"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '3');
    assert.equal(await page.$$eval('[data-testid="file-card"]', cs => cs.map(c => c.dataset.file).join()), '新桥名册.xlsx');
    await page.click('[data-testid="step-context"]');
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '', "not the demo's name");
    assert.equal(await page.inputValue('[data-testid="ctx-population"]'), '', "nor its population");
    assert.equal(await page.inputValue('[data-testid="ctx-year"]'), String(YEAR));
    // the demo is still whole in its own draft
    const drafts = (await savedDrafts(page, ds => ds.length === 2 && ds.every(d => d.files.length > 0)))
      .map(d => [d.demo === true, d.files.map(f => f.name).join()]).sort();
    assert.deepEqual(drafts[0], [false, '新桥名册.xlsx']);
    assert.equal(drafts[1][0], true);
    assert.match(drafts[1][1], /示例镇/);
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"]');
    assert.ok(!(await page.textContent('[data-testid="scorecard"]')).includes('示例镇'));
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});
