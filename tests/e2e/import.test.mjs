// The import screen: templates, demo data, GBK CSV with a hand mapping that is remembered,
// header rows changed by hand, the failed-rows workbook, and cancelling a long import.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import XLSX from 'xlsx';
import { startServer, launch, ready, shot } from './lib.mjs';

async function withImport(fn) {
  const srv = await startServer();
  const b = await launch();
  try {
    await b.page.goto(srv.base + '/');
    await ready(b.page);
    await b.page.fill('[data-testid="ctx-year"]', '2017');
    await b.page.click('[data-testid="step-import"]');
    await fn(b.page, b);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

test('templates and the demo town', async () => {
  await withImport(async (page) => {
    const t = await download(page, 'download-template');
    assert.match(t.name, /\.xlsx$/);
    const wb = XLSX.read(t.bytes, { type: 'buffer' });
    assert.deepEqual(wb.SheetNames, ['填写说明', '志愿者名册', '服务记录', '活动记录', '培训记录']);
    const header = XLSX.utils.sheet_to_json(wb.Sheets['服务记录'], { header: 1 })[0];
    assert.ok(header.includes('服务日期') && header.includes('服务时长'), header.join());
    await page.click('[data-testid="load-sample"]');
    await page.waitForSelector('[data-testid="import-summary"]');
    assert.deepEqual(
      await page.$$eval('[data-testid^="summary-"]', els => Object.fromEntries(els.map(e => [e.dataset.testid, e.textContent]))),
      { 'summary-volunteers': '600', 'summary-records': '6,000', 'summary-activities': '144', 'summary-trainings': '24' });
    await shot(page, 'import-demo');
  });
});

test('data of another year: the page says so and offers to score that year', async () => {
  await withImport(async (page) => {
    await page.click('[data-testid="load-sample"]');
    await page.waitForSelector('[data-testid="import-summary"]');
    assert.equal(await page.$('[data-testid="year-mismatch"]'), null, 'the demo is of the year being scored');
    await page.click('[data-testid="step-context"]');
    await page.fill('[data-testid="ctx-year"]', '2018');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="scorecard"] [data-testid="year-mismatch"]');
    // every dated row of the demo is in 2017: 6,000 records + 144 activities + 24 trainings
    const text = await page.textContent('[data-testid="year-mismatch"]');
    assert.ok(text.includes('导入的数据中有 6,168 条（共 6,168 条有日期）在 2017 年，而考核年度是 2018 年'), text);
    await shot(page, 'import-year-mismatch');
    await page.click('[data-testid="use-data-year"]');
    await page.waitForSelector('[data-testid="year-mismatch"]', { state: 'detached' });
    await page.click('[data-testid="step-context"]');
    assert.equal(await page.inputValue('[data-testid="ctx-year"]'), '2017');
  });
});

test('a GBK CSV with unknown headers: mapped by hand, and the mapping is remembered', async () => {
  // GBK bytes from SheetJS's code pages (checked against Python's gbk codec: 编码 = b1e0 c2eb).
  const cp = await import('xlsx/dist/cpexcel.full.mjs');
  const gbk = (text) => Buffer.from(cp.utils.encode(936, text));
  assert.equal(gbk('编码').toString('hex'), 'b1e0c2eb');
  await withImport(async (page) => {
    // whole hours: no cell tells they are hours, so the sheet waits for the clerk
    const text = '编码,称呼,哪天,几个钟头\r\nV1,张三,2017-03-05,2\r\nV2,李四,2017-04-06,3\r\n';
    const bytes = gbk(text);
    await page.setInputFiles('[data-testid="file-input"]', { name: '三月记录.csv', mimeType: 'text/csv', buffer: bytes });
    await page.waitForSelector('[data-testid="sheet-card"]');
    assert.equal(await page.textContent('[data-testid="file-encoding"]'), 'GBK/GB18030');
    assert.equal(await page.getAttribute('[data-testid="sheet-card"]', 'data-role'), 'none');
    // not imported, but shown as it is (the header row and both records), and its warning
    // does not say "kept"
    assert.equal(await page.$$eval('[data-testid="preview-table"] tbody tr', rs => rs.length), 3);
    const sev = await page.textContent('[data-testid="finding-row"][data-kind="unknown_sheet"] .sev');
    assert.ok(sev.includes('需核对') && !sev.includes('已计入'), sev);
    // Say what it is, then what each column means.
    await page.selectOption('[data-testid="sheet-role"]', 'records');
    await page.waitForSelector('[data-testid="sheet-card"][data-role="records"]');
    const map = { A: 'volunteer_no', B: 'name', C: 'date', D: 'hours' };
    for (const [col, field] of Object.entries(map)) {
      await page.selectOption(`[data-testid="mapping-row"][data-column="${col}"] [data-testid="column-field"]`, field);
      await page.waitForFunction(([c, f]) => document.querySelector(`[data-testid="mapping-row"][data-column="${c}"] [data-testid="column-field"]`)?.value === f, [col, field]);
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '2');
    // Decoded, not mojibake: the headers and names read as typed.
    const card = await page.textContent('[data-testid="sheet-card"]');
    for (const word of ['编码', '几个钟头', '张三', '李四']) assert.ok(card.includes(word), `${word} in ${card}`);
    await shot(page, 'import-hand-mapping');
    // Next month's file with the same headers is mapped the same way, by itself.
    const text2 = '编码,称呼,哪天,几个钟头\r\nV1,张三,2017-05-05,1\r\n';
    const bytes2 = gbk(text2);
    await page.setInputFiles('[data-testid="file-input"]', { name: '五月记录.csv', mimeType: 'text/csv', buffer: bytes2 });
    await page.waitForSelector('[data-testid="file-card"][data-file="五月记录.csv"] [data-testid="sheet-card"][data-role="records"]');
    assert.equal(await page.textContent('[data-testid="file-card"][data-file="五月记录.csv"] [data-testid="role-source"]'), '沿用上次的设置');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '3');
  });
});

test('a sheet the import cannot place: its best guess in words, one click, remembered', async () => {
  await withImport(async (page) => {
    // dated themes and stations, no people: activity records or trainings
    const csv = '日期,主题,所属站点\r\n2017-03-02,敬老,新桥社区\r\n2017-03-09,助残,大丰社区\r\n2017-04-01,环保,新桥社区\r\n';
    await page.setInputFiles('[data-testid="file-input"]', { name: '三月.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('[data-testid="sheet-card"][data-role="none"] [data-testid="sheet-guess"]');
    assert.equal(await page.textContent('[data-testid="sheet-guess-text"]'),
      '看起来是一份 3 项的活动记录（日期、主题、所属站点）：作为活动记录导入？');
    await shot(page, 'import-guess');
    await page.click('[data-testid="sheet-guess-accept"]');
    await page.waitForSelector('[data-testid="sheet-card"][data-role="activities"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-activities"]')?.textContent === '3');
    assert.equal(await page.$('[data-testid="sheet-guess"]'), null, 'the guess is gone once answered');
    // the answer holds for sheets with the same headers: next month's file imports by itself
    const csv2 = '日期,主题,所属站点\r\n2017-05-06,助学,正因村\r\n';
    await page.setInputFiles('[data-testid="file-input"]', { name: '五月.csv', mimeType: 'text/csv', buffer: Buffer.from(csv2) });
    await page.waitForSelector('[data-testid="file-card"][data-file="五月.csv"] [data-testid="sheet-card"][data-role="activities"]');
    assert.equal(await page.textContent('[data-testid="file-card"][data-file="五月.csv"] [data-testid="role-source"]'), '沿用上次的设置');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-activities"]')?.textContent === '4');
  });
});

test('header rows set by hand, and the rows with problems as a workbook', async () => {
  await withImport(async (page) => {
    // A header on row 4 below a title and two notes; one bad date, one bad hours cell.
    const aoa = [['某社区服务记录'], ['说明：本表由系统导出'], ['导出时间 2017-07-01'],
      ['志愿者编号', '姓名', '服务日期', '服务时长'],
      ['V1', '张三', '2017-03-05', 2], ['V2', '李四', '2017-13-45', 3], ['V3', '王五', '2017-04-01', '三小时']];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '记录');
    await page.setInputFiles('[data-testid="file-input"]', { name: '记录.xlsx', mimeType: 'application/octet-stream', buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) });
    await page.waitForSelector('[data-testid="sheet-card"][data-role="records"]');
    assert.equal(await page.inputValue('[data-testid="header-first"]'), '4');
    assert.equal(await page.textContent('[data-testid="count-kept"]'), '1');
    assert.equal(await page.textContent('[data-testid="count-left-out"]'), '2');
    // The findings name row and column.
    const kinds = await page.$$eval('[data-testid="finding-row"]', rs => rs.map(r => r.dataset.kind));
    assert.ok(kinds.includes('unreadable_date') && kinds.includes('unreadable_hours'), kinds.join());
    assert.match(await page.textContent('[data-testid="findings-table"]'), /第 6 行.*服务日期|服务日期.*第 6 行/s);
    // Filters.
    await page.selectOption('[data-testid="filter-kind"]', 'unreadable_hours');
    assert.equal(await page.$$eval('[data-testid="finding-row"]', rs => rs.length), 1);
    // Moving the header to row 1 by hand makes the title the header: nothing is recognised.
    await page.fill('[data-testid="header-first"]', '1');
    await page.fill('[data-testid="header-last"]', '1');
    await page.click('[data-testid="header-apply"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="sheet-card"]')?.dataset.role === 'none');
    await page.click('text=恢复自动');
    await page.waitForSelector('[data-testid="sheet-card"][data-role="records"]');
    const f = await download(page, 'download-failed-rows');
    const rows = XLSX.utils.sheet_to_json(XLSX.read(f.bytes, { type: 'buffer' }).Sheets[XLSX.read(f.bytes, { type: 'buffer' }).SheetNames[0]], { header: 1 });
    const head = rows[0];
    assert.ok(head.includes('问题说明') && head.includes('服务日期'), head.join());
    assert.equal(rows.length - 1, 2, 'two rows with problems');
    assert.ok(JSON.stringify(rows).includes('2017-13-45'), 'the original text is kept');
  });
});

test('a long import shows rows per second and can be cancelled; the earlier data stays', async () => {
  await withImport(async (page) => {
    const small = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(small, XLSX.utils.aoa_to_sheet([['志愿者编号', '服务日期', '服务时长'], ['V1', '2017-01-02', 2]]), '记录');
    await page.setInputFiles('[data-testid="file-input"]', { name: 'small.xlsx', mimeType: 'application/octet-stream', buffer: XLSX.write(small, { type: 'buffer', bookType: 'xlsx' }) });
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '1');
    const rows = [['志愿者编号', '姓名', '活动名称', '服务日期', '服务时长']];
    for (let i = 0; i < 300000; i++) rows.push([`V${i % 5000}`, '张三', '社区巡逻', `2017-0${1 + (i % 9)}-1${i % 10}`, 1 + (i % 4)]);
    const big = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(big, XLSX.utils.aoa_to_sheet(rows), '记录');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-big-'));
    const file = path.join(dir, 'big.xlsx');
    fs.writeFileSync(file, XLSX.write(big, { type: 'buffer', bookType: 'xlsx' }));
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForSelector('[data-testid="import-progress"]');
    await page.waitForFunction(() => Number((document.querySelector('[data-testid="progress-rows"]')?.textContent || '0').replace(/,/g, '')) > 0, null, { timeout: 30000 });
    await shot(page, 'import-progress');
    await page.click('[data-testid="import-cancel"]');
    await page.waitForSelector('[data-testid="import-progress"]', { state: 'detached' });
    await page.waitForSelector('[data-testid="notice-cancelled"]');
    assert.equal(await page.$('[data-testid="file-card"][data-file="big.xlsx"]'), null);
    // The engine came back with the small file's data: scoring still sees its record.
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X3"]');
    await page.click('[data-testid="step-import"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '1');
  });
});
