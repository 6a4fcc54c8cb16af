// A station's first real morning (issue 28), in Chromium: a trainer with a projector and a
// phone, a station clerk with her own files, a town clerk with report files. Every
// expectation is worked out here from the generated workbooks (SheetJS), not from the app.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import XLSX from 'xlsx';
import { startServer, launch, ready, shot, OUT, ROOT } from './lib.mjs';

const YEAR = 2017;

/** One browser on the served app: `fn` gets the page and the server's address; the page
 *  must end with no error in its console. */
async function session(options, fn) {
  const srv = await startServer();
  const b = await launch(options);
  try {
    await fn(b.page, srv.base);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
}

/** Opens the page with the demo town loaded, scored under `profile`, on the cards tab. */
async function demo(page, base, profile = 'xindu2017-town') {
  await page.goto(base + '/');
  await ready(page);
  await page.fill('[data-testid="ctx-year"]', String(YEAR));
  await page.click('[data-testid="demo-hint-go"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '600');
  await page.click('[data-testid="step-context"]');
  await page.selectOption('[data-testid="ctx-profile"]', profile);
  await page.fill('[data-testid="ctx-as-of"]', `${YEAR}-09-20`);
  await page.click('[data-testid="step-scorecard"]');
  await page.waitForSelector('[data-testid="cards"] article [data-testid="value"]');
  await page.waitForTimeout(800); // the score of the last change is in
}

test('on a wall: people below a target are closed and masked, presentation mode moves card by card', async () => {
  await session({}, async (page, base) => {
    await demo(page, base, 'civilised-city');
    const c3 = '[data-testid="indicator-C3"]';
    await page.waitForSelector(`${c3} [data-testid="people-list"]`);
    // closed, and no name of the list is on the card's text as written
    assert.equal(await page.$eval(`${c3} [data-testid="people-list"]`, (d) => d.open), false);
    await page.click(`${c3} [data-testid="people-list"] summary`);
    const masked = await page.$$eval(`${c3} [data-testid="people-name"]`, (ns) => ns.map((n) => n.textContent));
    assert.ok(masked.length > 0);
    for (const n of masked) assert.match(n, /^.\*+$/u, `masked: ${n}`);
    assert.equal(await page.locator(`${c3} [data-testid="missing"]`).count(), 0, 'no second list naming them');
    await page.check(`${c3} [data-testid="people-reveal"]`);
    const shown = await page.$$eval(`${c3} [data-testid="people-name"]`, (ns) => ns.map((n) => n.textContent));
    shown.forEach((n, i) => { assert.equal(n[0], masked[i][0]); assert.ok(!n.includes('*'), n); });
    // the as-of box's placeholder is the date blank stands for (the demo's year is over)
    await page.click('[data-testid="step-context"]');
    assert.equal(await page.getAttribute('[data-testid="ctx-as-of"]', 'placeholder'), `留空即年末：${YEAR}-12-31`);
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="present"]');

    // presentation: one card at a time, large type, keys
    const ids = await page.$$eval('[data-testid="cards"] > article', (as) => as.map((a) => a.dataset.testid.replace('indicator-', '')));
    await page.click('[data-testid="present"]');
    await page.waitForSelector('[data-testid="presentation"]');
    const card = async () => (await page.getAttribute('[data-testid="presentation"] article', 'data-testid')).replace('indicator-', '');
    assert.equal(await card(), ids[0]);
    assert.equal(await page.locator('[data-testid="presentation"] article').count(), 1, 'one card per view');
    assert.equal((await page.textContent('[data-testid="present-pos"]')).trim(), `1 / ${ids.length}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await card(), ids[2]);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await card(), ids[1]);
    await page.keyboard.press('End');
    assert.equal(await card(), ids[ids.length - 1]);
    const big = await page.$eval('[data-testid="presentation"] h3', (h) => parseFloat(getComputedStyle(h).fontSize));
    assert.ok(big >= 1.8 * 16.5, `large type: ${big} px against the page's 16.5 px`);
    assert.match(await page.textContent('[data-testid="present-next"]'), /^下一个 →$/);
    const cite = await page.$eval('[data-testid="presentation"] [data-testid="source-cite"]', (e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(cite >= 18, `the source clause reads on a wall: ${cite} px`);
    await shot(page, 'morning-presentation');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-testid="presentation"]').count(), 0);
    // on the page the source clause is body-sized too
    const pageCite = await page.$eval('[data-testid="cards"] [data-testid="source-cite"]', (e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(pageCite >= 14, `source clause ${pageCite} px`);
    // no emoji-only glyph in the page
    assert.ok(!(await page.textContent('body')).includes('⛔'));
  });
});

test('on a phone: month charts fit the screen, drill-down rows stay one line', async () => {
  await session({ viewport: { width: 390, height: 844 } }, async (page, base) => {
    await demo(page, base);
    await page.click('[data-testid="tab-charts"]');
    await page.waitForSelector('[data-testid="chart-hours"] svg');
    for (const id of ['chart-hours', 'chart-activities']) {
      const m = await page.$eval(`[data-testid="${id}"]`, (f) => {
        const svg = f.querySelector('svg').getBoundingClientRect();
        const ticks = [...f.querySelectorAll('text.tick')].filter((t) => /^(\d+月|[A-Z][a-z]{2})$/.test(t.textContent));
        const last = ticks[ticks.length - 1].getBoundingClientRect();
        const labels = [...f.querySelectorAll('text.tick')].map((t) => t.getBoundingClientRect());
        const overlaps = ticks.slice(1).filter((t, i) => t.getBoundingClientRect().left < ticks[i].getBoundingClientRect().right).length;
        return { svgRight: svg.right, width: innerWidth, ticks: ticks.length, lastRight: last.right, overlaps,
          leftmost: Math.min(...labels.map((r) => r.left)),
          tickPx: Math.min(...ticks.map((t) => t.getBoundingClientRect().height)) };
      });
      assert.equal(m.ticks, 12, id);
      assert.ok(m.svgRight <= m.width, `${id} inside the screen: ${m.svgRight} > ${m.width}`);
      assert.ok(m.lastRight <= m.width, `${id}: December is on screen (${m.lastRight})`);
      assert.ok(m.tickPx >= 11, `${id} labels ≥ 11 px: ${m.tickPx}`);
      assert.equal(m.overlaps, 0, `${id}: month labels apart`);
      assert.ok(m.leftmost >= 0, `${id}: the axis labels are on screen (${m.leftmost})`);
    }
    await shot(page, 'morning-phone-charts');
    await page.click('[data-testid="tab-cards"]');
    await page.click('[data-testid="indicator-X3"] [data-testid="show-rows"]');
    await page.waitForSelector('[data-testid="rows-table"] tbody tr');
    const heights = await page.$$eval('[data-testid="rows-table"] tbody tr', (rs) => rs.slice(0, 20).map((r) => r.getBoundingClientRect().height));
    assert.ok(Math.max(...heights) < 60, `rows one line high: ${Math.max(...heights)} px`);
    await shot(page, 'morning-phone-rows');
  });
});

/** A station's own files: a roster, and an activity ledger without a station column (two
 *  activities in every month of YEAR), as a station keeps them. */
function stationBooks() {
  const roster = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(roster, XLSX.utils.aoa_to_sheet([['志愿者编号', '姓名', '注册日期'],
    ...Array.from({ length: 30 }, (_, i) => [`XF${String(i + 1).padStart(3, '0')}`, `测试者${i + 1}`, `${YEAR - 1}-03-01`])]), '志愿者名册');
  const ledger = XLSX.utils.book_new();
  const rows = [['活动名称', '日期', '参与人数']];
  for (let m = 1; m <= 12; m++) for (const d of [6, 20]) rows.push([`${m}月邻里议事${d}`, `${YEAR}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 12]);
  XLSX.utils.book_append_sheet(ledger, XLSX.utils.aoa_to_sheet(rows), '活动台账');
  const buf = (wb) => XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
  return [{ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: buf(roster) },
    { name: '活动台账.xlsx', mimeType: 'application/octet-stream', buffer: buf(ledger) }];
}

for (const stations of [['幸福社区志愿服务站'], []]) {
  test(`a station scores its own ledger (${stations.length ? 'its name as its one station' : 'no station list'}): its rows are its own`, async () => {
    await session({}, async (page, base) => {
      await page.goto(base + '/');
      await ready(page);
      await page.fill('[data-testid="ctx-organisation"]', '幸福社区志愿服务站');
      await page.selectOption('[data-testid="ctx-level"]', 'station');
      await page.fill('[data-testid="ctx-year"]', String(YEAR));
      await page.fill('[data-testid="ctx-as-of"]', `${YEAR}-12-31`);
      await page.fill('[data-testid="ctx-population"]', '200');
      await page.fill('[data-testid="ctx-stations"]', stations.join('\n'));
      await page.click('[data-testid="next"]');
      await page.setInputFiles('[data-testid="file-input"]', stationBooks());
      await page.waitForFunction(() => document.querySelector('[data-testid="summary-activities"]')?.textContent === '24');
      await page.click('[data-testid="step-scorecard"]');
      const x5 = '[data-testid="indicator-X5"]';
      await page.waitForSelector(`${x5} [data-testid="value"]`);
      await page.waitForTimeout(800);
      // two activities in each of the 12 months: met, at the station itself
      assert.equal(await page.getAttribute(x5, 'data-status'), 'met', await page.textContent(x5));
      assert.equal(await page.locator(`${x5} [data-testid="needs-input"]`).count(), 0);
      // no per-station indicator asks for a station list: the station is the organisation
      for (const id of ['X4', 'X5', 'X6', 'X10']) {
        const needs = await page.locator(`[data-testid="indicator-${id}"] [data-testid="needs-input"]`).allTextContents();
        assert.ok(!needs.some((t) => t.includes('站点')), `${id}: ${needs}`);
      }
      // and the line under the summary speaks of stations that were computed
      assert.doesNotMatch(await page.textContent('[data-testid="stations-short"]'), /需补充站点名单/);
      await shot(page, `morning-station-${stations.length}`);
    });
  });
}

const xlsxFile = (name, wb) => ({ name, mimeType: 'application/octet-stream', buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) });

/** Opens the import step of a fresh draft for YEAR. */
async function toImport(page, base) {
  await page.goto(base + '/');
  await ready(page);
  await page.fill('[data-testid="ctx-year"]', String(YEAR));
  await page.fill('[data-testid="ctx-as-of"]', `${YEAR}-12-31`);
  await page.fill('[data-testid="ctx-population"]', '500');
  await page.click('[data-testid="next"]');
}

test('files that look empty where they are: a used range to XEU renders its 38 columns', async () => {
  // 38 columns of data, 120 rows; the stored used range reaches XEU (16,375 columns), and
  // every row has an empty text cell out there, as sheets formatted across whole rows do
  const head = ['志愿者编号', '姓名', '注册日期', ...Array.from({ length: 35 }, (_, i) => `备注${i + 1}`)];
  const aoa = [head, ...Array.from({ length: 120 }, (_, i) => [`W${i + 1}`, `测试${i + 1}`, `${YEAR - 1}-05-01`, ...Array(35).fill('x')])];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  for (let r = 1; r <= aoa.length; r++) ws[`XEU${r}`] = { t: 's', v: '' };
  ws['!ref'] = `A1:XEU${aoa.length + 50}`;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '名册');
  await session({}, async (page, base) => {
    await toImport(page, base);
    await page.setInputFiles('[data-testid="file-input"]', xlsxFile('宽表.xlsx', wb));
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '120');
    const card = '[data-testid="sheet-card"][data-sheet="名册"]';
    assert.equal(await page.getAttribute(card, 'data-cols'), '38');
    assert.equal(await page.locator(`${card} [data-testid="mapping-row"]`).count(), 38);
    assert.equal(await page.locator(`${card} [data-testid="preview-table"] thead th`).count(), 38 + 2);
    // the page answers at once: typing into a box of step 1 after going back
    await page.click('[data-testid="step-context"]');
    await page.fill('[data-testid="ctx-population"]', '600');
    await page.click('[data-testid="step-import"]');
    await page.waitForSelector(card);
  });
});

test('an .xls whose rows below the data hold formula zeros: 19 activities, no blank row to fix, one count of problems', async () => {
  // the native suite's fixture: 19 activities, then 324 rows whose formulas all gave 0
  const xls = fs.readFileSync(`${ROOT}/crates/domain/tests/fixtures/formula_zeros.xls`);
  await session({}, async (page, base) => {
    await toImport(page, base);
    await page.setInputFiles('[data-testid="file-input"]', { name: '活动台账.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-activities"]')?.textContent === '19');
    const kinds = await page.$$eval('[data-testid="finding-row"]', (rs) => rs.map((r) => r.dataset.kind));
    assert.ok(!kinds.some((k) => k.startsWith('missing')), kinds.join());
    // the file card's counts are the findings panel's counts for that file, class by class,
    // once the score (whose findings both include) is in
    await page.selectOption('[data-testid="filter-file"]', '活动台账.xls');
    const counts = (sel) => page.$$eval(`${sel} [data-testid^="count-"]`, (ns) => ns.map((n) => [n.dataset.testid, n.textContent]));
    await page.waitForSelector('[data-testid="findings-panel"] [data-testid="finding-counts"] [data-testid="count-out-of-period"]');
    const card = await counts('[data-testid="file-finding-counts"]');
    const panel = await counts('[data-testid="findings-panel"] [data-testid="finding-counts"]');
    assert.deepEqual(card, panel);
    // the 19 activities are of 2024, not of the year scored: one finding says so
    assert.deepEqual(card, [['count-out-of-period', '1']]);
  });
});

test('day-first dates: read when the cells prove it, asked for when they do not', async () => {
  const roster = [['志愿者编号', '姓名', '注册日期'], ...Array.from({ length: 6 }, (_, i) => [`D${i + 1}`, `日期${i + 1}`, `${YEAR - 1}-01-01`])];
  // file 1: 21/06 proves day first; 03/04 is then 3 April
  const proven = [['志愿者编号', '姓名', '服务日期', '服务时长'],
    ['D1', '日期1', `21/06/${YEAR}`, 2], ['D2', '日期2', `03/04/${YEAR}`, 3], ['D3', '日期3', `15/11/${YEAR}`, 1.5]];
  // file 2: every date fits both orders
  const open = [['志愿者编号', '姓名', '服务日期', '服务时长'],
    ['D4', '日期4', `03/04/${YEAR}`, 4], ['D5', '日期5', `05/06/${YEAR}`, 1], ['D6', '日期6', `07/08/${YEAR}`, 2]];
  const book = (sheets) => { const wb = XLSX.utils.book_new(); for (const [n, a] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(a), n); return wb; };
  await session({}, async (page, base) => {
    await toImport(page, base);
    await page.setInputFiles('[data-testid="file-input"]', [xlsxFile('名册.xlsx', book([['名册', roster]])),
      xlsxFile('时长一.xlsx', book([['时长', proven]])), xlsxFile('时长二.xlsx', book([['时长', open]]))]);
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '6');
    const one = '[data-testid="file-card"][data-file="时长一.xlsx"]';
    const two = '[data-testid="file-card"][data-file="时长二.xlsx"]';
    await page.waitForSelector(`${one} [data-testid="date-order"]`);
    assert.equal(await page.getAttribute(`${one} [data-testid="date-order"]`, 'data-how'), 'cells');
    assert.match(await page.textContent(`${one} [data-testid="date-order"]`), /21\/06\/2017/);
    assert.equal(await page.textContent(`${one} [data-testid="count-kept"]`), '3');
    // the open file: nothing read yet, the choice offered
    assert.equal(await page.getAttribute(`${two} [data-testid="date-order"]`, 'data-how'), 'ambiguous');
    assert.equal(await page.textContent(`${two} [data-testid="count-kept"]`), '0');
    await page.selectOption(`${two} [data-testid="date-order-choice"]`, 'dmy');
    await page.waitForFunction((sel) => document.querySelector(`${sel} [data-testid="count-kept"]`)?.textContent === '3', two);
    assert.equal(await page.getAttribute(`${two} [data-testid="date-order"]`, 'data-how'), 'hand');
    assert.equal(await page.textContent('[data-testid="summary-records"]'), '6');
    // the choice is in the draft: a reload keeps it
    await page.waitForTimeout(1200);
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '6', null, { timeout: 20000 });
    await shot(page, 'morning-dates');
  });
});

test('a matrix over three sheets: hours and dates typed once, a default for the rest', async () => {
  const acts = ['流浪狗之家', '敬老院探访', '社区清洁', '图书整理'];
  const counts = [[[2, 1, 0, 1], [1, 0, 2, 0]], [[1, 2, 0, 0], [2, 0, 1, 1]], [[3, 0, 1, 0], [0, 2, 0, 1]]];
  const wb = XLSX.utils.book_new();
  const roster = [['志愿者编号', '姓名', '注册日期']];
  counts.forEach((people, s) => {
    const aoa = [['姓名', '学号', ...acts]];
    people.forEach((c, p) => {
      const no = `M${s + 1}${p + 1}`;
      roster.push([no, `矩阵${s + 1}${p + 1}`, `${YEAR - 1}-01-01`]);
      aoa.push([`矩阵${s + 1}${p + 1}`, no, ...c.map((x) => x || null)]);
    });
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), ['一部', '二部', '三部'][s]);
  });
  const rb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(rb, XLSX.utils.aoa_to_sheet(roster), '名册');
  // by hand: participations per activity, and hours with 3 h for the first, 2 h (default) for the rest
  const per = acts.map((_, a) => counts.flat().reduce((n, c) => n + c[a], 0));
  const participations = per.reduce((a, b) => a + b, 0);
  await session({}, async (page, base) => {
    await toImport(page, base);
    await page.setInputFiles('[data-testid="file-input"]', [xlsxFile('名册.xlsx', rb), xlsxFile('参与统计.xlsx', wb)]);
    await page.waitForSelector('[data-testid="matrix-panel"]');
    assert.equal(await page.locator('[data-testid="matrix-row"]').count(), 4, 'each activity once');
    assert.equal(await page.locator('[data-testid="matrix-sheet-panel"]:not([data-testid="matrix-panel"]) [data-testid="matrix-sheet-hours"]').count(), 0, 'no boxes per sheet');
    await page.fill('[data-testid="matrix-default-hours"]', '2');
    await page.fill('[data-testid="matrix-row"] >> nth=0 >> [data-testid="matrix-hours"]', '3');
    for (let i = 0; i < 4; i++) await page.fill(`[data-testid="matrix-row"] >> nth=${i} >> [data-testid="matrix-date"]`, `${YEAR}-0${i + 3}-10`);
    assert.equal(await page.textContent('[data-testid="matrix-missing"]'), '');
    await page.click('[data-testid="matrix-confirm"]');
    await page.waitForSelector('[data-testid="matrix-panel"][data-confirmed="true"]');
    await page.waitForFunction((n) => document.querySelector('[data-testid="summary-records"]')?.textContent === String(n), participations);
    // the hours reach X3: 3 h × the first activity's participations + 2 h × the rest
    const hours = 3 * per[0] + 2 * (participations - per[0]);
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X3"] [data-testid="value"]');
    await page.waitForTimeout(800);
    const perHead = hours / 6;
    assert.match(await page.textContent('[data-testid="indicator-X3"] [data-testid="value"]'), new RegExp(`^${perHead.toFixed(1).replace('.0', '(\\.0)?')}`));
  });
});

test('numbers that agree: pro-rated hours, a drill-down\'s count, the what-if and X3, a card\'s problems and the list', async () => {
  await session({}, async (page, base) => {
    await demo(page, base, 'civilised-city');
    // C3: hours per head by now, never a percentage above 100
    const pro = await page.textContent('[data-testid="indicator-C3"] [data-testid="prorated"]');
    assert.match(pro, /小时/);
    for (const m of pro.matchAll(/([\d,.]+)%/g)) assert.ok(parseFloat(m[1].replace(/,/g, '')) <= 100, pro);
    // every card's 查看明细（N 行） opens N rows (up to the 200 a dialog lists)
    // (and below, on the default profile: the what-if's hours are X3's)
    for (const id of ['X3', 'C1', 'C2', 'C3']) {
      const btn = `[data-testid="indicator-${id}"] [data-testid="show-rows"]`;
      if (!(await page.locator(btn).count())) continue;
      const n = parseInt((await page.textContent(btn)).replace(/[^\d]/g, ''), 10);
      await page.click(btn);
      await page.waitForSelector('[data-testid="rows-table"] tbody tr');
      const rows = await page.$$eval('[data-testid="rows-table"] tbody tr', (rs) => rs.length);
      assert.equal(rows, Math.min(n, 200), `${id}: ${n} said, ${rows} listed`);
      await page.click('[data-testid="rows-close"]');
    }
    await page.click('[data-testid="step-context"]');
    await page.selectOption('[data-testid="ctx-profile"]', 'xindu2017-town');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X3"] [data-testid="gap"]');
    await page.waitForTimeout(800);
    const gap = await page.textContent('[data-testid="indicator-X3"] [data-testid="gap"]');
    const need = /全年还需 ([\d,]+(?:\.\d+)?) 小时/.exec(gap);
    await page.click('[data-testid="tab-whatif"]');
    await page.waitForSelector('[data-testid="whatif"]');
    const whatif = await page.textContent('[data-testid="whatif"]');
    assert.ok(need && whatif.includes(`${need[1]} 小时`), `X3 says «${gap}», the what-if «${whatif.slice(0, 300)}»`);
  });
});

test('the town\'s morning: a typed passphrase counts before the field is left; a refused file names its station', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-morning-town-'));
  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(target, 'debug', 'scorecard');
  if (!fs.existsSync(bin)) spawnSync('cargo', ['build', '-q', '-p', 'scorecard-cli'], { cwd: ROOT, stdio: 'inherit' });
  const run = (args) => { const r = spawnSync(bin, args, { encoding: 'utf8' }); assert.equal(r.status, 0, r.stderr); };
  run(['demo', path.join(dir, 'demo.xlsx'), '--year', '2017', '--by-station', path.join(dir, 'st')]);
  const stations = fs.readdirSync(path.join(dir, 'st')).sort();
  const name = (f) => f.replace(/志愿服务台账2017\.xlsx$/, '');
  const reports = [];
  stations.slice(0, 3).forEach((f, i) => {
    // the third station used another town's passphrase, and wrote its file as .pack
    fs.writeFileSync(path.join(dir, 'pass.txt'), i === 2 ? '别的镇的口令-2017' : '示例镇-2017-报送口令');
    const out = path.join(dir, `${name(f)}.${i === 2 ? 'pack' : 'json'}`);
    run(['pack', '--profile', 'xindu2017-town', '--year', '2017', '--as-of', '2017-12-31', '--station', name(f),
      '--passphrase-file', path.join(dir, 'pass.txt'), '--output', out, path.join(dir, 'st', f)]);
    reports.push({ name: path.basename(out), mimeType: 'application/octet-stream', buffer: fs.readFileSync(out) });
  });
  await session({}, async (page, base) => {
    await page.goto(base + '/');
    await ready(page);
    await page.fill('[data-testid="ctx-organisation"]', '示例镇');
    await page.fill('[data-testid="ctx-year"]', '2017');
    await page.fill('[data-testid="ctx-as-of"]', '2017-12-31');
    await page.fill('[data-testid="ctx-population"]', '3000');
    await page.fill('[data-testid="ctx-stations"]', stations.slice(0, 3).map(name).join('\n'));
    await page.click('[data-testid="next"]');
    assert.match(await page.getAttribute('[data-testid="file-input"]', 'accept'), /\.pack/);
    await page.click('[data-testid="town-panel"] summary');
    const box = '[data-testid="town-panel"] [data-testid="town-passphrase"]';
    await page.click(box);
    await page.keyboard.type('示例镇-2017-报送口令');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'town-passphrase', 'still in the box');
    await page.setInputFiles('[data-testid="file-input"]', reports);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-summary"][data-counted="true"]').length === 2);
    const errors = await page.$$eval('[data-testid="file-error"]', (els) => els.map((e) => e.textContent));
    assert.equal(errors.length, 1, errors.join('|'));
    assert.ok(!errors[0].includes('请输入口令'), errors[0]);
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="missing-stations"]');
    const refused = name(stations[2]);
    assert.deepEqual(await page.$$eval('[data-testid="missing-station"]', (ls) => ls.map((l) => l.dataset.station)), [refused]);
    await page.waitForSelector('[data-testid="indicator-X4"] [data-testid="value"]');
    await page.waitForTimeout(800);
    assert.notEqual(await page.getAttribute('[data-testid="indicator-X4"]', 'data-status'), 'met');
    assert.match(await page.textContent('[data-testid="indicator-X4"]'), new RegExp(refused));
    // findings on report files never show a code or a row number of a station's file
    const findings = await page.$$eval('[data-testid="score-findings"] li', (ls) => ls.map((l) => l.textContent));
    for (const f of findings) {
      assert.doesNotMatch(f, /[0-9a-f]{16}/, f);
      assert.doesNotMatch(f, /请删除重复的一行/, f);
    }
    await shot(page, 'morning-town');
  });
});

test('the A4 summary of the demo prints on one page, nothing cut', async () => {
  await session({}, async (page, base) => {
    await demo(page, base);
    await page.click('[data-testid="step-export"]');
    await page.waitForSelector('[data-testid="print-summary"]');
    await page.emulateMedia({ media: 'print' });
    const rows = await page.$$eval('[data-testid="print-summary"] tbody tr', (rs) => rs.length);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(`${OUT}/morning-print.pdf`, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `${rows} indicators on ${pages} pages`);
    // every indicator's gap is there in full (no line clamped away)
    const clipped = await page.$$eval('[data-testid="print-summary"] td', (tds) => tds.filter((t) => t.scrollHeight > t.clientHeight + 1).length);
    assert.equal(clipped, 0);
    await page.emulateMedia({ media: 'screen' });
  });
});
