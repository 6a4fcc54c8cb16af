// From the repository to a station's PC: `./dev serve`'s host (tools/host.mjs, the server
// of the whole e2e suite) sends what a real host should; the served app installs a service
// worker, works offline after one visit and offers a newer deployment; `./dev release`
// writes what a station downloads; the version is on the page.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';
import { startServer, launch, ready, shot, foreign, DIST, ROOT } from './lib.mjs';
import { townWorkbook } from './fixtures/town.mjs';
import { workspaceVersion } from '../../tools/version.mjs';

const VERSION = workspaceVersion();
const assets = JSON.parse(fs.readFileSync(path.join(DIST, 'assets.json'), 'utf8'));

/** `node tools/host.mjs DIST PORT`, as `./dev serve` runs it. */
async function devServe() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const proc = spawn('node', [path.join(ROOT, 'tools/host.mjs'), DIST, String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(base + '/'); return { base, stop: () => proc.kill() }; } catch { await new Promise(r => setTimeout(r, 50)); }
  }
  proc.kill();
  throw new Error('tools/host.mjs did not start');
}

test('./dev serve: brotli or gzip as accepted, the wasm type, a year for hashed files and revalidation for the page, the CSP header', async () => {
  const host = await devServe();
  try {
    const get = (p, enc, extra = {}) => fetch(host.base + p, { headers: { 'accept-encoding': enc, ...extra } });
    const raw = (name) => fs.readFileSync(path.join(DIST, name));
    // index.html: brotli to a browser that takes it, revalidated on every visit, the policy as a header
    let r = await get('/', 'gzip, deflate, br');
    assert.equal(r.headers.get('content-encoding'), 'br');
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(r.headers.get('content-security-policy'), fs.readFileSync(path.join(DIST, 'csp.txt'), 'utf8').trim());
    assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('vary'), 'Accept-Encoding');
    // fetch decodes what it was sent: the page, byte for byte; and the .br on disk is the page
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), raw('index.html'));
    assert.deepEqual(zlib.brotliDecompressSync(raw('index.html.br')), raw('index.html'));
    const etag = r.headers.get('etag');
    assert.equal((await get('/', 'br', { 'if-none-match': etag })).status, 304);
    // the wasm: its type (streaming compilation), a year, immutable; gzip when brotli is not offered
    const wasm = assets['volunteer_scorecard_engine_bg.wasm'];
    assert.match(wasm, /^volunteer_scorecard_engine_bg\.[0-9a-f]{10}\.wasm$/);
    r = await get('/' + wasm, 'gzip');
    assert.equal(r.headers.get('content-type'), 'application/wasm');
    assert.equal(r.headers.get('content-encoding'), 'gzip');
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), raw(wasm));
    assert.equal(Number(r.headers.get('content-length')), fs.statSync(path.join(DIST, wasm + '.gz')).size, 'the .gz was sent');
    // its name is its content: the hash in the name is the file's own
    assert.equal(wasm.split('.')[1], crypto.createHash('sha256').update(raw(wasm)).digest('hex').slice(0, 10));
    // nothing accepted: the plain bytes; the service worker script is revalidated like the page
    r = await get('/' + assets['app.js'], 'identity');
    assert.equal(r.headers.get('content-encoding'), null);
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), raw(assets['app.js']));
    assert.equal((await get('/sw.js', 'br')).headers.get('cache-control'), 'no-cache');
    // the offline file keeps its own policy (a header would be added to it and block its scripts)
    assert.equal((await get('/volunteer-scorecard.html', 'br')).headers.get('content-security-policy'), null);
    assert.equal((await get('/manifest.webmanifest', 'br')).headers.get('content-type'), 'application/manifest+json');
    // the precompressed copies are not pages of their own, and nothing outside dist/ is served
    assert.equal((await get(`/${wasm}.br`, 'br')).status, 404);
    assert.equal((await get('/..%2fCargo.toml', 'br')).status, 403);
    // brotli saves on top of gzip for the big file
    assert.ok(fs.statSync(path.join(DIST, wasm + '.br')).size < fs.statSync(path.join(DIST, wasm + '.gz')).size);
  } finally {
    host.stop();
  }
});

test('in the browser: the app loads brotli from the host, shows its version, installs, and works offline after one visit', async () => {
  const srv = await startServer();
  const b = await launch();
  try {
    const { page } = b;
    const encodings = {};
    page.on('response', (r) => { encodings[new URL(r.url()).pathname] = r.headers()['content-encoding']; });
    await page.goto(srv.base + '/');
    await ready(page);
    // the page's own wasm (the UI; the worker fetches the engine's itself)
    assert.equal(encodings['/' + assets['volunteer_scorecard_page_bg.wasm']], 'br');
    assert.equal(await page.textContent('[data-testid="app-version"]'), `v${VERSION}`);
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
    assert.equal(manifest.start_url, './');
    assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512']);
    // the service worker has this version's files
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const c = await caches.open(keys.find((k) => k.startsWith('vscore-')));
      return { keys, files: (await c.keys()).map((r) => new URL(r.url).pathname) };
    });
    assert.equal(cached.keys.length, 1);
    assert.match(cached.keys[0], new RegExp(`^vscore-${VERSION.replace(/\./g, '\\.')}-[0-9a-f]{10}$`));
    for (const f of Object.values(assets)) assert.ok(cached.files.includes('/' + f), f);
    // offline: the page comes back from the worker's cache and imports a workbook
    await b.context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.click('[data-testid="next"]');
    await page.setInputFiles('[data-testid="file-input"]', { name: '台账.xlsx', mimeType: 'application/octet-stream', buffer: townWorkbook() });
    await page.waitForSelector('[data-testid="import-summary"]');
    assert.equal(await page.textContent('[data-testid="summary-records"]'), '9');
    await b.context.setOffline(false);
    assert.deepEqual(foreign(b.requests, srv.base), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await srv.close();
  }
});

test('a newer deployment: the page says so and reloads into it when the clerk asks, keeping the draft', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-site-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const srv = await startServer(dir);
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(srv.base + '/');
    await ready(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    await page.fill('[data-testid="ctx-organisation"]', '新繁镇');
    assert.equal(await page.locator('[data-testid="update-ready"]').count(), 0);
    // deploy: a service worker with another file list (its cache named after it)
    const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').replace(/const CACHE = "[^"]+";/, 'const CACHE = "vscore-next";');
    fs.writeFileSync(path.join(dir, 'sw.js'), sw);
    for (const ext of ['.br', '.gz']) fs.rmSync(path.join(dir, 'sw.js' + ext), { force: true });
    await page.reload(); // a navigation checks for a new worker
    await ready(page);
    await page.waitForSelector('[data-testid="update-ready"]');
    assert.match(await page.textContent('[data-testid="update-ready"]'), /有新版本可用/);
    await shot(page, 'update-ready');
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid="update-apply"]')]);
    await ready(page);
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['vscore-next'], 'the old version\'s files are gone');
    assert.equal(await page.locator('[data-testid="update-ready"]').count(), 0);
    assert.equal(await page.inputValue('[data-testid="ctx-organisation"]'), '新繁镇');
  } finally {
    await b.close();
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('./dev release: the single file and the site named with the version, checksums, notes from the changelog, instructions in Chinese first', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-release-'));
  try {
    execFileSync('node', [path.join(ROOT, 'tools/release.mjs'), DIST, out], { stdio: ['ignore', 'ignore', 'inherit'] });
    const files = fs.readdirSync(out).sort();
    assert.deepEqual(files, [`RELEASE-NOTES-${VERSION}.md`, 'SHA256SUMS', `volunteer-scorecard-${VERSION}-site.zip`,
      `volunteer-scorecard-${VERSION}.html`, '使用说明.txt'].sort());
    assert.deepEqual(fs.readFileSync(path.join(out, `volunteer-scorecard-${VERSION}.html`)), fs.readFileSync(path.join(DIST, 'volunteer-scorecard.html')));
    // every line of SHA256SUMS is the file's own digest, and every other file has one
    const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split('  '));
    assert.deepEqual(sums.map(([, f]) => f).sort(), files.filter((f) => f !== 'SHA256SUMS').sort());
    for (const [hex, f] of sums) assert.equal(hex, crypto.createHash('sha256').update(fs.readFileSync(path.join(out, f))).digest('hex'), f);
    // the site: one folder with the page, every hashed file, its compressed copies and host configs
    const names = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
      path.join(out, `volunteer-scorecard-${VERSION}-site.zip`)], { encoding: 'utf8' }).trim().split('\n');
    const site = `volunteer-scorecard-${VERSION}-site/`;
    for (const f of ['index.html', 'index.html.br', 'sw.js', 'manifest.webmanifest', 'nginx.conf', 'Caddyfile', 'volunteer-scorecard.html',
      ...Object.values(assets).flatMap((a) => [a, a + '.br', a + '.gz'])]) {
      assert.ok(names.includes(site + f), `${f} in the site zip`);
    }
    assert.ok(names.every((n) => n.startsWith(site)), 'one folder');
    // the notes are this version's section of the changelog; the instructions open in Notepad
    assert.match(fs.readFileSync(path.join(out, `RELEASE-NOTES-${VERSION}.md`), 'utf8'), new RegExp(`^# .*${VERSION.replace(/\./g, '\\.')} — \\d{4}-\\d\\d-\\d\\d`));
    const how = fs.readFileSync(path.join(out, '使用说明.txt'));
    assert.deepEqual([...how.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = how.toString('utf8');
    assert.ok(text.indexOf('双击') < text.indexOf('double-click'), 'Chinese first');
    assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
    assert.ok(text.includes(`volunteer-scorecard-${VERSION}.html`));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
