// Three sessions walk through all four steps in both languages, on a laptop (1366 × 768)
// and on a phone (390 × 844): the demo town, real exports (a volunteer-hours system's
// roster and attendance list from the corpus), and the same exports scored for another
// year (the banner saying the data is of 2019). On every screen: no sideways scrolling of
// the page, no text under 11 px, no table row of one line taller than 48 px, no column
// squeezed to a character a line, and in English no Chinese outside the user's data, the
// source documents' quotes and what the user named (layout.mjs). Screenshots go to
// tests/e2e/out/walk-*.png.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, ready, shot, corpusDir } from './lib.mjs';
import { layoutProblems } from './layout.mjs';

const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

/** Walks one session's screens; returns every problem found, by screen. */
async function walk(page, name, english) {
  const problems = [];
  const look = async (screen) => {
    for (const p of await layoutProblems(page, { english })) problems.push(`${screen}: ${p}`);
    await shot(page, `walk-${name}-${screen}`);
  };
  await page.click('[data-testid="step-context"]');
  await look('1-context');
  await page.click('[data-testid="step-import"]');
  await page.waitForSelector('[data-testid="import-summary"]');
  await page.$$eval('details', ds => ds.forEach(d => { d.open = true; }));
  await look('2-import');
  await page.click('[data-testid="step-scorecard"]');
  await page.waitForSelector('[data-testid="indicator-X1"]');
  await page.$$eval('.cards details', ds => ds.forEach(d => { d.open = true; }));
  await look('3-scorecard');
  for (const tab of ['charts', 'replay', 'whatif', 'stars']) {
    await page.click(`[data-testid="tab-${tab}"]`);
    await page.waitForTimeout(250);
    await look(`3-${tab}`);
  }
  await page.click('[data-testid="tab-cards"]');
  const rows = await page.$('[data-testid="show-rows"]');
  if (rows) {
    await rows.click();
    await page.waitForSelector('[data-testid="rows-table"]');
    await look('3-rows');
    await page.keyboard.press('Escape');
  }
  await page.click('[data-testid="step-export"]');
  await page.waitForSelector('[data-testid="print-summary"]');
  await look('4-export');
  return problems;
}

async function session(kind, lang, size, dir) {
  const srv = await startServer();
  const b = await launch({ viewport: SIZES[size] });
  const { page } = b;
  try {
    await page.goto(srv.base + '/');
    await ready(page);
    if (lang === 'en') await page.click('[data-testid="lang-switch"]');
    if (kind === 'demo') {
      await page.fill('[data-testid="ctx-year"]', '2017');
      await page.click('[data-testid="demo-hint-go"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '600');
    } else {
      await page.fill('[data-testid="ctx-organisation"]', '新繁镇');
      await page.fill('[data-testid="ctx-population"]', '60000');
      await page.fill('[data-testid="ctx-year"]', kind === 'other-year' ? '2020' : '2019');
      await page.click('[data-testid="step-import"]');
      await page.setInputFiles('[data-testid="file-input"]', ['志愿者信息导出.xlsx', '考勤明细.xlsx'].map(f => path.join(dir, f)));
      await page.waitForFunction(() => document.querySelector('[data-testid="summary-volunteers"]')?.textContent === '2,000');
      if (kind === 'other-year') await page.waitForSelector('[data-testid="year-mismatch"]');
    }
    const problems = await walk(page, `${kind}-${lang}-${size}`, lang === 'en');
    assert.deepEqual(b.errors, []);
    return problems;
  } finally {
    await b.close();
    await srv.close();
  }
}

test('the demo, another year and real exports: every screen, both languages, laptop and phone', async () => {
  const dir = corpusDir();
  const all = [];
  try {
    for (const kind of ['demo', 'exports', 'other-year']) {
      for (const lang of ['zh', 'en']) {
        for (const size of ['laptop', 'phone']) {
          for (const p of await session(kind, lang, size, dir)) all.push(`${kind} ${lang} ${size} ${p}`);
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(all, []);
});
