// Shared pieces of the end-to-end suite: a static server that logs every request, a
// Chromium launched the way this project requires, screenshots, and small helpers.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { hostHandler } from '../../tools/host.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'tests/e2e/out');
fs.mkdirSync(OUT, { recursive: true });

/** Serves dist/ on 127.0.0.1 (random port) as `./dev serve` does (tools/host.mjs: brotli or
 *  gzip, cache headers, the CSP header). `requests` lists every path asked for; `types`
 *  overrides content types by extension. */
export async function startServer(dir = DIST, types = {}) {
  const requests = [];
  const server = http.createServer(hostHandler(dir, { types, onRequest: (u) => requests.push(u) }));
  // A WebSocket handshake is an 'upgrade', not a 'request': record it too.
  server.on('upgrade', (req, socket) => { requests.push('upgrade ' + req.url); socket.destroy(); });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, requests, close: () => new Promise(r => server.close(r)) };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh Chromium profile each time. Records every request the pages make. */
export async function launch({ viewport = { width: 1280, height: 900 }, locale = 'zh-CN' } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    acceptDownloads: true,
  });
  const seen = [];
  context.on('request', r => seen.push(r.url()));
  const errors = [];
  context.on('weberror', e => errors.push(String(e.error())));
  const page = context.pages()[0] || await context.newPage();
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    context, page, requests: seen, errors,
    close: async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

/** Waits until the app has mounted (the boot message is gone and the title is there). */
export async function ready(page) {
  await page.waitForSelector('[data-testid="app-title"]', { timeout: 20000 });
}

export async function shot(page, name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Requests that went anywhere but the page's own origin (or, for file://, anywhere but data:/blob:). */
export function foreign(requests, base) {
  return requests.filter(u => !(base && u.startsWith(base + '/')) && !u.startsWith('data:') && !u.startsWith('blob:')
    && !(base === null && u.startsWith('file://')));
}

/** A directory holding the corpus files the native corpus test writes (crates/domain/tests/
 *  domain/corpus.rs, write_corpus_files; already built by `./dev test`). */
export function corpusDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscore-corpus-'));
  execFileSync('cargo', ['test', '-q', '-p', 'scorecard-domain', '--test', 'domain', '--', '--ignored', '--exact', 'corpus::write_corpus_files'],
    { cwd: ROOT, env: { ...process.env, CORPUS_OUT: dir }, stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}
