// Custom profiles: copy a built-in one, edit a threshold and a dictionary, see the score
// follow, export it as JSON and import it back after clearing everything.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, ready, shot } from './lib.mjs';
import { townWorkbook } from './fixtures/town.mjs';

test('copy, edit, export and import a custom profile', async () => {
  const srv = await startServer();
  const b = await launch();
  const { page } = b;
  page.on('dialog', d => d.accept());
  try {
    await page.goto(srv.base + '/');
    await ready(page);
    await page.fill('[data-testid="ctx-year"]', '2017');
    await page.fill('[data-testid="ctx-as-of"]', '2017-06-30');
    await page.fill('[data-testid="ctx-population"]', '100');
    await page.click('[data-testid="step-import"]');
    await page.setInputFiles('[data-testid="file-input"]', { name: 'town.xlsx', mimeType: 'application/octet-stream', buffer: townWorkbook() });
    await page.waitForSelector('[data-testid="import-summary"]');
    await page.click('[data-testid="step-context"]');
    // Built-in profiles cannot be edited; a copy can.
    assert.equal(await page.$('[data-testid="custom-editor"]'), null);
    await page.click('[data-testid="profile-copy"]');
    await page.waitForSelector('[data-testid="custom-editor"]');
    assert.match(await page.inputValue('[data-testid="ctx-profile"]'), /^custom-/);
    // X1: 13 % → 9 %: 9 registered of 100 residents now meets it.
    const x1 = '[data-testid="threshold-row"][data-indicator="X1"] [data-testid="threshold-input"]';
    assert.equal(await page.inputValue(x1), '13');
    await page.fill(x1, '9');
    await page.press(x1, 'Tab');
    // Out of range is refused with a message, and changes nothing.
    const x5 = '[data-testid="threshold-row"][data-indicator="X5"] [data-testid="threshold-input"]';
    await page.fill(x5, '2.5');
    await page.press(x5, 'Tab');
    await page.waitForSelector('[data-testid="custom-editor"] [role="alert"]');
    // A theme alias: 议事 now counts as 党员志愿服务 (the town's activities are 社区议事…).
    const themes = await page.inputValue('[data-testid="dict-themes"]');
    await page.fill('[data-testid="dict-themes"]', themes.replace(/^党员志愿服务：?(.*)$/m, (_, a) => `党员志愿服务：${a ? a + '、' : ''}议事`));
    await page.press('[data-testid="dict-themes"]', 'Tab');
    await shot(page, 'profile-editor');
    await page.click('[data-testid="step-scorecard"]');
    await page.waitForSelector('[data-testid="indicator-X1"][data-status="met"]');
    await page.$$eval('[data-testid="indicator-X6"] details', ds => ds.forEach(d => { d.open = true; }));
    // 新桥社区 ran 社区议事 in each of six months → 6 of 党员志愿服务.
    await page.click('[data-testid="tab-charts"]');
    const grid = await page.innerText('[data-testid="chart-coverage"]');
    assert.match(grid, /党员志愿服务/);
    assert.match(grid, /新桥社区[^\n]*✔ 6/);
    await page.click('[data-testid="tab-cards"]');
    // Export, clear everything, import it back.
    await page.click('[data-testid="step-context"]');
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="profile-export"]')]);
    const json = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
    assert.equal(json.based_on, 'xindu2017-town');
    await page.click('[data-testid="clear-all"]');
    await page.waitForSelector('[data-testid="notice-cleared"]');
    assert.equal(await page.inputValue('[data-testid="ctx-profile"]'), 'xindu2017-town');
    await page.setInputFiles('[data-testid="profile-import"]', { name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    await page.waitForSelector('[data-testid="custom-editor"]');
    assert.equal(await page.inputValue(x1), '9');
    // A broken profile file is refused with the reasons, nothing changes.
    await page.setInputFiles('[data-testid="profile-import"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"id":"x","indicators":[{"id":"X1"}]}') });
    await page.waitForSelector('[data-testid="notice-profile"]');
    assert.match(await page.innerText('[data-testid="notice-profile"]'), /无法导入/);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});
