// Storage faults: corrupted drafts, older schemas, a full store, a disabled store, two tabs,
// and 清除本机数据. Each must be reported, and nothing the user typed may be lost.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, ready, shot } from './lib.mjs';

async function withApp(fn, opts) {
  const srv = await startServer();
  const b = await launch(opts);
  try {
    await b.page.goto(srv.base + '/');
    await ready(b.page);
    await fn(b, srv);
  } finally {
    await b.close();
    await srv.close();
  }
}

const keys = (page) => page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('vscore:')).sort());
const saved = (page) => page.waitForSelector('[data-testid="save-state"].ok');

test('a corrupted draft is reported, kept byte for byte, and can be downloaded', async () => {
  await withApp(async ({ page }) => {
    const raw = '{"version":2,"context":{"organisation":"半截';
    await page.evaluate((raw) => {
      localStorage.setItem('vscore:v2:draft:dbroken', raw);
      localStorage.setItem('vscore:v2:current', 'dbroken');
    }, raw);
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="notice-broken"]');
    await page.click('[data-testid="drafts-open"]');
    await page.waitForSelector('[data-testid="draft-row-broken"]');
    await shot(page, 'storage-broken-draft');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="draft-download-raw"]')]);
    const fs = await import('node:fs');
    assert.equal(fs.readFileSync(await download.path(), 'utf8'), raw);
    assert.equal(await page.evaluate(() => localStorage.getItem('vscore:v2:draft:dbroken')), raw);
    // The app carries on with a fresh draft and does not overwrite the broken one.
    await page.click('[data-testid="drafts-close"]');
    await page.fill('[data-testid="ctx-organisation"]', '新的草稿');
    await saved(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('vscore:v2:draft:dbroken')), raw);
  });
});

test('a draft saved by the first release is migrated and the old key removed', async () => {
  await withApp(async ({ page }) => {
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('vscore:v1:draft', JSON.stringify({ version: 1, context: { organisation: '旧版草稿', level: 'station', year: 2016 } }));
    });
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="notice-migrated"]');
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '旧版草稿');
    assert.equal(await page.inputValue('[data-testid="ctx-year"]'), '2016');
    assert.equal(await page.inputValue('[data-testid="ctx-level"]'), 'station');
    const k = await keys(page);
    assert.ok(!k.includes('vscore:v1:draft'), k.join());
    assert.ok(k.some(x => x.startsWith('vscore:v2:draft:')), k.join());
  });
});

test('a full store says what was not saved, and saves again once there is room', async () => {
  await withApp(async ({ page }) => {
    await page.fill('[data-testid="ctx-organisation"]', '满了吗');
    await saved(page);
    // Fill the origin's quota with another app's data.
    await page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; ; i++) { try { localStorage.setItem('other:' + i, chunk); } catch (e) { break; } }
      for (let n = 1024; n >= 1; n = Math.floor(n / 2)) {
        for (let i = 0; ; i++) { try { localStorage.setItem('other:s' + n + ':' + i, 'x'.repeat(n)); } catch (e) { break; } }
      }
    });
    await page.fill('[data-testid="ctx-organisation"]', '满了吗？这是一段很长的名称'.repeat(20));
    await page.waitForSelector('[data-testid="notice-full"]');
    await page.waitForSelector('[data-testid="save-state"].failed');
    await shot(page, 'storage-full');
    // The text is still on the page: nothing typed was lost.
    assert.ok((await page.inputValue('[data-testid="ctx-organisation"]')).startsWith('满了吗？'));
    await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('other:')).forEach(k => localStorage.removeItem(k)));
    await page.fill('[data-testid="ctx-organisation"]', '有空间了');
    await saved(page);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '有空间了');
  });
});

test('with storage disabled the page works and says drafts will not survive', async () => {
  const srv = await startServer();
  const b = await launch();
  try {
    await b.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await b.page.goto(srv.base + '/');
    await ready(b.page);
    await b.page.waitForSelector('[data-testid="notice-storage_off"]');
    await b.page.fill('[data-testid="ctx-organisation"]', '无存储');
    assert.equal(await b.page.inputValue('[data-testid="ctx-organisation"]'), '无存储');
    await b.page.click('[data-testid="step-import"]');
    await b.page.click('[data-testid="step-context"]');
    assert.equal(await b.page.inputValue('[data-testid="ctx-organisation"]'), '无存储');
    assert.deepEqual(b.errors, []);
    await shot(b.page, 'storage-disabled');
  } finally {
    await b.close();
    await srv.close();
  }
});

test('two tabs on one draft: the second is warned and can keep its text as a copy', async () => {
  await withApp(async ({ page, context }, srv) => {
    await page.fill('[data-testid="ctx-organisation"]', '甲页');
    await saved(page);
    const tab2 = await context.newPage();
    await tab2.goto(srv.base + '/');
    await ready(tab2);
    assert.equal(await tab2.inputValue('[data-testid="ctx-organisation"]'), '甲页');
    // Tab 1 saves a newer version; tab 2 is told at once.
    await page.fill('[data-testid="ctx-organisation"]', '甲页改过');
    await saved(page);
    await tab2.waitForSelector('[data-testid="notice-other_tab"]');
    // Tab 2 types anyway: it must not overwrite tab 1's save.
    await tab2.fill('[data-testid="ctx-organisation"]', '乙页的内容');
    await tab2.waitForTimeout(800);
    const stored = await tab2.evaluate(() => {
      const id = localStorage.getItem('vscore:v2:current');
      return JSON.parse(localStorage.getItem('vscore:v2:draft:' + id)).context.organisation;
    });
    assert.equal(stored, '甲页改过');
    await shot(tab2, 'storage-two-tabs');
    await tab2.click('[data-testid="keep-mine"]');
    await saved(tab2);
    const names = await tab2.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('vscore:v2:draft:'))
      .map(k => JSON.parse(localStorage.getItem(k)).context.organisation).sort());
    assert.deepEqual(names, ['乙页的内容', '甲页改过']);
  });
});

test('drafts: several can be made, renamed, opened and deleted', async () => {
  await withApp(async ({ page }) => {
    page.on('dialog', d => d.type() === 'prompt' ? d.accept('大丰社区 2025') : d.accept());
    await page.fill('[data-testid="ctx-organisation"]', '新桥社区');
    await saved(page);
    await page.click('[data-testid="drafts-open"]');
    await page.click('[data-testid="draft-new"]');
    await page.fill('[data-testid="ctx-organisation"]', '大丰社区');
    await saved(page);
    await page.click('[data-testid="drafts-open"]');
    assert.equal(await page.locator('[data-testid="draft-row"]').count(), 2);
    await page.locator('[data-testid="draft-row"]').filter({ hasText: '大丰社区' }).locator('[data-testid="draft-rename"]').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="draft-row-name"]')].some(e => e.textContent === '大丰社区 2025'));
    await shot(page, 'drafts-dialog');
    await page.locator('[data-testid="draft-row"]').filter({ hasText: '新桥社区' }).locator('[data-testid="draft-open"]').click();
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '新桥社区');
    await page.click('[data-testid="drafts-open"]');
    await page.locator('[data-testid="draft-row"]').filter({ hasText: '大丰社区 2025' }).locator('[data-testid="draft-delete"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="draft-row"]').length === 1);
  });
});

test('清除本机数据 leaves no key of ours behind', async () => {
  await withApp(async ({ page }) => {
    page.on('dialog', d => d.accept());
    await page.fill('[data-testid="ctx-organisation"]', '要清除的');
    await saved(page);
    await page.click('[data-testid="lang-switch"]');
    // Every kind of key: a draft, its files, a hand mapping, a custom profile, preferences.
    await page.click('[data-testid="step-import"]');
    await page.setInputFiles('[data-testid="file-input"]', { name: '记录.csv', mimeType: 'text/csv',
      buffer: Buffer.from('编码,名字,哪天,几个钟头\r\nV1,张三,2017-03-05,2\r\n', 'utf8') });
    await page.waitForSelector('[data-testid="sheet-card"]');
    await page.selectOption('[data-testid="sheet-role"]', 'records');
    await page.waitForSelector('[data-testid="sheet-card"][data-role="records"]');
    await page.click('[data-testid="step-context"]');
    await page.click('[data-testid="profile-copy"]');
    await page.waitForSelector('[data-testid="custom-editor"]');
    await saved(page);
    await page.evaluate(() => localStorage.setItem('someone-else', 'keep me'));
    const before = await keys(page);
    for (const prefix of ['vscore:v2:draft:', 'vscore:v2:files:', 'vscore:v2:mappings', 'vscore:v2:profiles', 'vscore:v2:prefs', 'vscore:v2:current']) {
      assert.ok(before.some(k => k.startsWith(prefix)), `${prefix} in ${before}`);
    }
    await page.click('[data-testid="clear-all"]');
    await page.waitForSelector('[data-testid="notice-cleared"]');
    assert.deepEqual(await keys(page), []);
    assert.equal(await page.evaluate(() => localStorage.getItem('someone-else')), 'keep me');
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '');
    // And after a reload nothing comes back.
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '');
    assert.doesNotMatch(await page.inputValue('[data-testid="ctx-profile"]'), /^custom-/);
  });
});

test('files too big to keep: the draft asks for them again and keeps the hand choices', async () => {
  const XLSX = (await import('xlsx')).default;
  const os = await import('node:os');
  const path = await import('node:path');
  const fs = await import('node:fs');
  const rows = [['某镇服务记录导出'], ['编码', '名字', '哪天', '几个钟头']];
  for (let i = 0; i < 120000; i++) rows.push([`V${i % 3000}`, `志愿者${i % 3000}`, `2017-0${1 + (i % 9)}-1${i % 10}`, 1 + (i % 4)]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '记录');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-')), '全年记录.xlsx');
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  assert.ok(fs.statSync(file).size > 2_500_000, 'bigger than what is kept in the browser');
  await withApp(async ({ page }) => {
    await page.click('[data-testid="step-import"]');
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForSelector('[data-testid="sheet-card"]', { timeout: 60000 });
    // Unknown headers: the clerk says what the sheet is and what each column means.
    await page.selectOption('[data-testid="sheet-role"]', 'records');
    await page.waitForSelector('[data-testid="sheet-card"][data-role="records"]', { timeout: 60000 });
    for (const [col, field] of Object.entries({ A: 'volunteer_no', C: 'date', D: 'hours' })) {
      await page.selectOption(`[data-testid="mapping-row"][data-column="${col}"] [data-testid="column-field"]`, field);
      await page.waitForFunction(([c, f]) => document.querySelector(`[data-testid="mapping-row"][data-column="${c}"] [data-testid="column-field"]`)?.value === f, [col, field], { timeout: 60000 });
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '120,000', null, { timeout: 60000 });
    await page.waitForSelector('[data-testid="notice-files_not_stored"]');
    await saved(page);
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="missing-files"]');
    assert.match(await page.innerText('[data-testid="missing-files"]'), /全年记录\.xlsx/);
    await shot(page, 'storage-files-missing');
    // Choosing the same file again brings everything back, hand mapping included.
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '120,000', null, { timeout: 60000 });
    assert.equal(await page.$('[data-testid="missing-files"]'), null);
  });
});

test('switching drafts brings back each draft\'s own files and score', async () => {
  const { townWorkbook } = await import('./fixtures/town.mjs');
  await withApp(async ({ page }) => {
    await page.fill('[data-testid="ctx-organisation"]', '甲镇');
    await page.click('[data-testid="step-import"]');
    await page.setInputFiles('[data-testid="file-input"]', { name: 'town.xlsx', mimeType: 'application/octet-stream', buffer: townWorkbook() });
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '9');
    await saved(page);
    await page.click('[data-testid="drafts-open"]');
    await page.click('[data-testid="draft-new"]');
    await page.click('[data-testid="step-import"]');
    await page.waitForSelector('[data-testid="import-empty"]');
    await page.click('[data-testid="drafts-open"]');
    await page.locator('[data-testid="draft-row"]').filter({ hasText: '甲镇' }).locator('[data-testid="draft-open"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-records"]')?.textContent === '9');
    assert.equal(await page.textContent('[data-testid="draft-name"]'), '甲镇 ' + new Date().getFullYear());
  });
});
