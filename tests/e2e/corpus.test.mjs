// The corpus of real header shapes through the page (issue 18): files the native corpus
// test writes (crates/domain/tests/domain/corpus.rs, write_corpus_files) are dropped on the import
// screen as a clerk would. A volunteer-hours system's roster and attendance list are read
// with no hand mapping and each mapping says why; a participation matrix is confirmed once
// and its counts become service records.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, ready, shot, corpusDir } from './lib.mjs';

// The matrix's counts as the generator makes them (crates/domain/tests/domain/support/corpus/mod.rs),
// worked out here on their own.
const ROWS = 60, ACTIVITIES = 45;
const count = (r, a) => { const x = (r * 31 + a * 17) % 11; return x === 0 ? 2 : (x <= 2 ? 1 : 0); };

test('real header shapes: mapped without a hand, each mapping says why, a matrix confirmed once', async () => {
  const dir = corpusDir();
  const srv = await startServer();
  const b = await launch({ viewport: { width: 1366, height: 900 } });
  const { page } = b;
  try {
    await page.goto(srv.base + '/');
    await ready(page);
    await page.fill('[data-testid="ctx-year"]', '2019');
    await page.click('[data-testid="step-import"]');
    const files = ['志愿者信息导出.xlsx', '考勤明细.xlsx', '青协参与统计.xlsx'].map(f => path.join(dir, f));
    await page.setInputFiles('[data-testid="file-input"]', files);
    const card = (file) => `[data-testid="file-card"][data-file="${file}"]`;
    await page.waitForSelector(`${card('青协参与统计.xlsx')} [data-testid="matrix-sheet-panel"]`);
    assert.equal(await page.getAttribute(`${card('志愿者信息导出.xlsx')} [data-testid="sheet-card"]`, 'data-role'), 'volunteers');
    assert.equal(await page.getAttribute(`${card('考勤明细.xlsx')} [data-testid="sheet-card"]`, 'data-role'), 'records');
    // the roster's mapping, with its reasons
    const mapping = await page.$$eval(`${card('志愿者信息导出.xlsx')} [data-testid="mapping-row"]`, rows => rows.map(r => ({
      header: r.children[1].textContent, field: r.querySelector('select').value,
      why: r.querySelector('[data-testid="mapping-why"]')?.dataset.kind || '', text: r.querySelector('[data-testid="mapping-why"]')?.textContent || '',
    })));
    const by = Object.fromEntries(mapping.map(m => [m.header, m]));
    assert.deepEqual(
      ['用户姓名', '证件号码', '手机号码', '归口单位', '建立时间', '服务时长'].map(h => [h, by[h].field, by[h].why]),
      [['用户姓名', 'name', 'head_word'], ['证件号码', 'id_number', 'synonym'], ['手机号码', 'phone', 'synonym'],
        ['归口单位', 'station', 'head_word'], ['建立时间', 'registered_on', 'head_word'], ['服务时长', 'cumulative_hours', 'synonym']]);
    assert.ok(by['用户姓名'].text.includes('中心词「姓名」') && by['用户姓名'].text.includes('修饰词「用户」'), by['用户姓名'].text);
    assert.equal(by['工作单位'].field, '', 'a workplace is no station');
    // the attendance list: 考勤日 is the service date, the row counter 编号 is left alone
    const att = await page.$$eval(`${card('考勤明细.xlsx')} [data-testid="mapping-row"]`, rows =>
      Object.fromEntries(rows.map(r => [r.children[1].textContent, r.querySelector('select').value])));
    assert.equal(att['考勤日'], 'date');
    assert.equal(att['编号'], '');
    // the matrix: hours from its second sheet, holidays' dates in 2019, the rest typed once
    const panel = `${card('青协参与统计.xlsx')} [data-testid="matrix-sheet-panel"]`;
    assert.equal(await page.$$eval(`${panel} [data-testid="matrix-sheet-row"]`, rs => rs.length), ACTIVITIES);
    const row = (i) => `${panel} [data-testid="matrix-sheet-row"]:nth-child(${i + 1})`;
    assert.equal(await page.inputValue(`${row(0)} [data-testid="matrix-sheet-hours"]`), '3');
    assert.equal(await page.inputValue(`${row(2)} [data-testid="matrix-sheet-date"]`), '2019-03-12', '植树节');
    assert.equal(await page.inputValue(`${row(0)} [data-testid="matrix-sheet-date"]`), '', '流浪狗之家 names no day');
    assert.match(await page.textContent(`${panel} [data-testid="matrix-sheet-missing"]`), /缺少单次时长或日期/);
    await shot(page, 'corpus-import-matrix');
    await page.fill(`${panel} [data-testid="matrix-sheet-fill-date"]`, '2019-10-01');
    await page.click(`${panel} [data-testid="matrix-sheet-fill"]`);
    assert.equal(await page.textContent(`${panel} [data-testid="matrix-sheet-missing"]`), '');
    await page.click(`${panel} [data-testid="matrix-sheet-confirm"]`);
    await page.waitForSelector(`${card('青协参与统计.xlsx')} [data-testid="matrix-sheet-panel"][data-confirmed="true"]`);
    let times = 0;
    for (let r = 0; r < ROWS; r++) for (let a = 0; a < ACTIVITIES; a++) times += count(r, a);
    const done = await page.textContent(`${card('青协参与统计.xlsx')} [data-testid="matrix-sheet-done"]`);
    assert.ok(done.includes(`已转为服务记录 ${times.toLocaleString('en-US')} 条`), done);
    // the import's totals: 2,000 + 60 volunteers, 300 attendance records + the matrix's, 45 activities
    await page.waitForFunction((want) => document.querySelector('[data-testid="summary-records"]')?.textContent === want,
      (300 + times).toLocaleString('en-US'));
    assert.equal(await page.textContent('[data-testid="summary-volunteers"]'), '2,060');
    assert.equal(await page.textContent('[data-testid="summary-activities"]'), String(ACTIVITIES));
    // the confirmation lives in the draft: a reload keeps it
    await page.reload();
    await ready(page);
    await page.click('[data-testid="step-import"]');
    await page.waitForSelector(`${card('青协参与统计.xlsx')} [data-testid="matrix-sheet-panel"][data-confirmed="true"]`, { timeout: 30000 });
    await shot(page, 'corpus-import-confirmed');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
