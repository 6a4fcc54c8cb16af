// Packages a wasm-bindgen `--target web` output into dist/:
//   dist/index.html, app.<hash>.js, worker.<hash>.js, <name>.<hash>.js, <name>_bg.<hash>.wasm,
//   style.<hash>.css, each also .br and .gz; assets.json, csp.txt                    (served)
//   dist/volunteer-scorecard.html                                                   (one file, offline)
// and prints the sizes (raw and gzipped) that docs/figures.md holds (tools/figures.mjs).
//
// usage: node tools/package.mjs WASM_BINDGEN_OUT_DIR DIST_DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { workspaceVersion } from './version.mjs';

const [outDir, dist] = process.argv.slice(2);
if (!outDir || !dist) { console.error('usage: package.mjs OUT DIST'); process.exit(2); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NAME = 'volunteer_scorecard';

// The full build (UI + engine): the worker's, and the single file's page and worker.
const glue = fs.readFileSync(path.join(outDir, `${NAME}.js`), 'utf8');
const wasm = fs.readFileSync(path.join(outDir, `${NAME}_bg.wasm`));
// The served page's own build (the UI only, `--features ui`) and the served worker's (the
// engine only, `--features engine`), when there are; else the full build serves for both.
const build = (suffix) => fs.existsSync(path.join(outDir, `${NAME}${suffix}_bg.wasm`))
  ? [fs.readFileSync(path.join(outDir, `${NAME}${suffix}.js`), 'utf8'), fs.readFileSync(path.join(outDir, `${NAME}${suffix}_bg.wasm`))]
  : null;
const hasPage = build('_page') !== null;
const [pageGlue, pageWasm] = build('_page') ?? [glue, wasm];
const [engineGlue, engineWasm, engineSuffix] = (hasPage && build('_engine')) ? [...build('_engine'), '_engine'] : [glue, wasm, ''];
const template = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const styleDir = path.join(root, 'style');
const css = fs.readdirSync(styleDir).filter(f => f.endsWith('.css')).sort()
  .map(f => `/* ${f} */\n` + fs.readFileSync(path.join(styleDir, f), 'utf8')).join('\n');

if (fs.existsSync(path.join(outDir, 'snippets'))) {
  throw new Error('the glue imports snippets/: the single-file build cannot inline them');
}

// What the page may load. Nothing from anywhere else, no connections but its own files.
const basePolicy = {
  'default-src': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'manifest-src': ["'none'"],
};
const csp = (extra) => Object.entries({ ...basePolicy, ...extra })
  .map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
const sha256 = (s) => "'sha256-" + crypto.createHash('sha256').update(s, 'utf8').digest('base64') + "'";

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

// Non-ASCII as \\u escapes: the single file's text is ASCII (its charset is windows-1252).
const asciiJs = (t) => t.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

// What a browser the app cannot serve is told (old engines, no wasm SIMD, the IE mode of
// a dual-core browser such as 360 or QQ): the browsers that work and the mode to switch
// to. Chinese first, English on the next line (.boot-msg keeps line breaks).
const ADVICE_ZH = '请使用最新版 Chrome、Edge、Firefox 或 Safari（16.4 及以上）；360、QQ 等双核浏览器请切换到“极速模式”。';
const ADVICE_EN = ' Please use a recent Chrome, Edge, Firefox or Safari (16.4+), or the fast mode of a dual-core browser.';
const two = (zh, en) => JSON.stringify(zh + ADVICE_ZH) + '+"\\n"+' + JSON.stringify(en + ADVICE_EN);
const q = JSON.stringify;

// Boot code shared by both builds: show a clear message if the module cannot start. An
// error marked `plain` (the single file read in the wrong encoding) is shown alone.
const bootFail = `function bootFail(e){var m=document.getElementById('boot-msg'),t=String(e&&e.message||e),` +
  `w=typeof WebAssembly!=='object';if(m){m.textContent=e&&e.plain?t:` +
  `(w?${q('此浏览器不支持 WebAssembly，无法运行本页面。')}:${q('无法启动（')}+t+${q('）。')})+${q(ADVICE_ZH)}+"\\n"+` +
  `(w?${q('This browser cannot run WebAssembly.')}:${q('The app could not start.')})+${q(ADVICE_EN)};}` +
  `document.documentElement.dataset.boot='failed';console.error(e);}`;

// Browsers without module scripts (IE and the IE mode of dual-core browsers) run only this,
// and modern ones skip it: ES5, no dataset.
const noModule = `(function(){var m=document.getElementById('boot-msg');if(m){m.textContent=` +
  `${two('当前浏览器（或其兼容模式、IE 内核）无法运行本页面。', 'This browser (or its IE/compatibility mode) cannot run the app.')};}` +
  `document.documentElement.setAttribute('data-boot','failed');})();`;
if (/=>|\blet\b|\bconst\b|`/.test(noModule)) throw new Error('the nomodule script must stay ES5');

// The engine's Web Worker boot: waits for the page to send the compiled module, starts
// the same wasm there, then hands over to `worker_main` (src/engine/worker.rs).
const workerBoot = `
self.onmessage = async (e) => {
  if (!e.data || e.data.kind !== 'init') return;
  const early = [];
  self.onmessage = (ev) => early.push(ev);
  try { await __wbg_init({ module_or_path: e.data.module }); }
  catch (err) { self.postMessage({ id: -1, fatal: String(err && err.message || err) }); return; }
  worker_main();
  for (const ev of early) self.onmessage(ev);
};
`;
if (!/export function worker_main\(/.test(glue)) throw new Error('glue lacks worker_main');

// Installable and offline when served: a web app manifest, icons, and a service worker
// that keeps this version's files (cache `vscore-<version>-<hash of the file list>`), serves
// them cache-first, and waits when a newer one is deployed; the page then offers to reload
// (`vs-update-ready`, handled by src/ui/update_banner.rs). Not in the single file (file://
// has no service workers; it is offline already).
const VERSION = workspaceVersion(root);
// Registered once the engine has answered (src/ui/app.rs calls __vsAfterEngine): its first
// caching then finds the big files in the HTTP cache instead of competing with the page's and
// the worker's own downloads on a slow line.
const registerSw = `globalThis.__vsAfterEngine = () => {
  if (!('serviceWorker' in navigator) || globalThis.__vsSwStarted) return;
  globalThis.__vsSwStarted = true;
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    const tell = () => { globalThis.__vsUpdateReady = true; dispatchEvent(new Event('vs-update-ready')); };
    globalThis.__vsApplyUpdate = () => {
      if (!reg.waiting) return;
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
      reg.waiting.postMessage('skip-waiting');
    };
    if (reg.waiting && navigator.serviceWorker.controller) tell();
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (w) w.addEventListener('statechange', () => { if (w.state === 'installed' && navigator.serviceWorker.controller) tell(); });
    });
  }).catch((e) => console.warn('service worker not registered:', e));
};
`;
function writeInstallable(dir, files) {
  for (const size of [192, 512]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), iconPng(size));
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify({
    name: '志愿服务自评台 · Volunteer Scorecard', short_name: '志愿服务自评台', lang: 'zh-CN',
    start_url: './', scope: './', display: 'standalone', background_color: '#ffffff', theme_color: '#b3261e',
    icons: [192, 512].map((n) => ({ src: `icon-${n}.png`, sizes: `${n}x${n}`, type: 'image/png', purpose: 'any' })),
  }, null, 2));
  const list = ['./', 'index.html', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png', ...Object.values(files)];
  const cache = `vscore-${VERSION}-${crypto.createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 10)}`;
  fs.writeFileSync(path.join(dir, 'sw.js'), `// ${VERSION}: this version's files, cache-first; a newer worker waits until the page says.
const CACHE = ${JSON.stringify(cache)};
const FILES = ${JSON.stringify(list)};
// content-named files come from the HTTP cache (the page just loaded them); the rest are revalidated
const HASHED = /\\.[0-9a-f]{10}\\.[a-z]+$/;
self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE)
  .then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'no-cache' }))))));
self.addEventListener('activate', (e) => e.waitUntil(caches.keys()
  .then((keys) => Promise.all(keys.filter((k) => k.startsWith('vscore-') && k !== CACHE).map((k) => caches.delete(k))))
  .then(() => self.clients.claim())));
self.addEventListener('message', (e) => { if (e.data === 'skip-waiting') self.skipWaiting(); });
self.addEventListener('fetch', (e) => {
  const r = e.request;
  if (r.method !== 'GET' || new URL(r.url).origin !== self.location.origin) return;
  e.respondWith(caches.open(CACHE)
    .then((c) => c.match(r, { ignoreSearch: true }).then((hit) => hit || (r.mode === 'navigate' ? c.match('index.html') : undefined)))
    .then((hit) => hit || fetch(r)));
});
`);
}

/** A square PNG icon: the brand red with a white tick, drawn pixel by pixel (no image tools). */
function iconPng(n) {
  const raw = Buffer.alloc((n * 4 + 1) * n);
  const r = n * 0.18; // corner radius
  const tick = [[0.27, 0.52], [0.43, 0.68], [0.74, 0.34]].map(([x, y]) => [x * n, y * n]);
  const w = n * 0.085; // half the stroke
  const nearSeg = (px, py, [ax, ay], [bx, by]) => {
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - ax - t * dx, py - ay - t * dy) <= w;
  };
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) {
      const cx = Math.min(Math.max(x + 0.5, r), n - r), cy = Math.min(Math.max(y + 0.5, r), n - r);
      const inside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
      const white = nearSeg(x + 0.5, y + 0.5, tick[0], tick[1]) || nearSeg(x + 0.5, y + 0.5, tick[1], tick[2]);
      const o = y * (n * 4 + 1) + 1 + x * 4;
      const [R, G, B] = white ? [255, 255, 255] : [0xb3, 0x26, 0x1e];
      raw[o] = R; raw[o + 1] = G; raw[o + 2] = B; raw[o + 3] = inside ? 255 : 0;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, k) => { let c = k; for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0); ihdr.writeUInt32BE(n, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// 1. Served build: external module, wasm fetched from the same origin. Every file but
// index.html is named after its content (`app.<hash>.js`), so a host may let browsers keep
// it for a year; index.html, which names them, is revalidated on every visit
// (tools/host.mjs, README's hosting section). assets.json maps the plain names to them.
const assets = {};
const hashed = (logical, content) => {
  const ext = path.extname(logical);
  const name = `${logical.slice(0, -ext.length)}.${crypto.createHash('sha256').update(content).digest('hex').slice(0, 10)}${ext}`;
  fs.writeFileSync(path.join(dist, name), content);
  assets[logical] = name;
  return name;
};
// The page loads only its own wasm (the UI); the worker compiles the engine's from its
// address while the clerk fills in step 1 (`__vsEngineWasm`, src/engine/client.rs).
const glueName = hashed(`${NAME}${engineSuffix}.js`, engineGlue);
const wasmName = hashed(`${NAME}${engineSuffix}_bg.wasm`, engineWasm);
const pageGlueName = hasPage ? hashed(`${NAME}_page.js`, pageGlue) : glueName;
const pageWasmName = hasPage ? hashed(`${NAME}_page_bg.wasm`, pageWasm) : wasmName;
const workerName = hashed('worker.js', `import __wbg_init, { worker_main } from './${glueName}';\n${workerBoot}`);
const appJs = `${bootFail}\nimport init from './${pageGlueName}';\n` +
  `globalThis.__vsWorkerType = 'module';\n` +
  `globalThis.__vsWorkerUrl = new URL('./${workerName}', import.meta.url).href;\n` +
  (hasPage ? `globalThis.__vsEngineWasm = new URL('./${wasmName}', import.meta.url).href;\n` : '') +
  `init({ module_or_path: new URL('./${pageWasmName}', import.meta.url) }).catch(bootFail);\n` + registerSw;
const appName = hashed('app.js', appJs);
const noModuleJs = asciiJs(noModule);
// The page's wasm is asked for in the frame of the first paint, not after the chain page →
// app.js → its import → the wasm it fetches (0.6 s on Slow 4G), and not before the paint
// either (its bytes arriving with the page's delayed the boot screen by 0.1 s at a quarter
// CPU). Same mode and credentials as the glue's own fetch, so the browser uses this one.
// The glue module likewise, instead of after app.js.
const preloadJs = `requestAnimationFrame(function(){var h=document.head,l=document.createElement('link'),m=document.createElement('link');` +
  `l.rel='preload';l.as='fetch';l.type='application/wasm';l.crossOrigin='anonymous';l.href=${q(pageWasmName)};h.appendChild(l);` +
  `m.rel='modulepreload';m.href=${q(pageGlueName)};h.appendChild(m);});`;
const servedPolicy = csp({
  'script-src': ["'self'", sha256(noModuleJs), sha256(preloadJs), "'wasm-unsafe-eval'"], 'connect-src': ["'self'"], 'manifest-src': ["'self'"],
});
const served = template
  .replace('__CSP__', servedPolicy)
  .replace('<!--HEAD-->', '<link rel="manifest" href="manifest.webmanifest">\n<meta name="theme-color" content="#b3261e">\n' +
    `<link rel="apple-touch-icon" href="icon-192.png">\n<script>${preloadJs}</script>`)
  // inline: the first paint waits for no second request (revalidated with the page)
  .replace('<!--STYLE-->', `<style>\n${css}\n</style>`)
  .replace('<!--SCRIPT-->', `<script nomodule>${noModuleJs}</script>\n<script type="module" src="${appName}"></script>`);
fs.writeFileSync(path.join(dist, 'index.html'), served);
fs.writeFileSync(path.join(dist, 'assets.json'), JSON.stringify(assets, null, 2));
writeInstallable(dist, assets);
// The policy a host sends as a header too (the meta element cannot carry frame-ancestors).
fs.writeFileSync(path.join(dist, 'csp.txt'), `${servedPolicy}; frame-ancestors 'none'\n`);
// Precompressed, as a host serves them: brotli and gzip at their best, made once here.
for (const name of ['index.html', ...Object.values(assets)]) {
  const body = fs.readFileSync(path.join(dist, name));
  fs.writeFileSync(path.join(dist, name + '.br'), zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  fs.writeFileSync(path.join(dist, name + '.gz'), zlib.gzipSync(body, { level: 9 }));
}

// 2. One self-contained file: glue inlined, wasm gzipped and embedded as raw bytes, no
// fetch at all. The file is windows-1252 (every byte is one character, and back), so the
// gzip stream costs 1.6 % of escapes instead of base64's 33 %: the page's own text is kept
// ASCII (`&#x…;`, `\u…`, CSS `\…`) and the bytes go in a non-executed <script> element with
// the four bytes its raw text cannot hold (NUL, CR, `<`, and the escape `=`) written as `=`
// and the byte + 64.
let inlineGlue = glue.replace(/^export \{[^}]*\};?\s*$/m, '').replace(/^export default [^;]+;\s*$/m, '');
inlineGlue = inlineGlue.replace(/^export (async function|function|class|const|let) /gm, '$1 ');
if (/<\/script|<!--/i.test(inlineGlue)) throw new Error('glue contains </script or <!--');
if (/\bimport\s*\(|^import /m.test(inlineGlue)) throw new Error('glue imports other modules');
const gz = zlib.gzipSync(wasm, { level: 9 });

const asciiCss = (t) => t.replace(/[^\x00-\x7f]/gu, (c) => '\\' + c.codePointAt(0).toString(16).padStart(6, '0'));
const asciiHtml = (t) => t.replace(/[^\x00-\x7f]/gu, (c) => '&#x' + c.codePointAt(0).toString(16) + ';');
const ESCAPED = new Set([0x00, 0x0d, 0x3c, 0x3d]);
function embed(bytes) {
  const out = Buffer.alloc(bytes.length * 2);
  let j = 0;
  for (const b of bytes) {
    if (ESCAPED.has(b)) { out[j++] = 0x3d; out[j++] = b + 64; } else out[j++] = b;
  }
  return out.subarray(0, j);
}
// What windows-1252 turns 0x80–0x9F into (WHATWG's index; five C1 controls map to
// themselves). Hard-coded: Node's TextDecoder('windows-1252') decodes as ISO-8859-1.
const CP1252_80 = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
  0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];
const high = {};
CP1252_80.forEach((c, i) => { if (c > 0xff) high[c] = 0x80 + i; });
const decode1252 = (buf) => Array.from(buf, (b) => String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80] : b)).join('');
// The page's reading of the element's text back into the gzip bytes (also run below, here).
const unpackSrc = `function vsUnpack(t){const H=${JSON.stringify(high)},o=new Uint8Array(t.length);let j=0;` +
  `for(let i=0;i<t.length;i++){let c=t.charCodeAt(i);if(c===61)c=t.charCodeAt(++i)-64;` +
  `else if(c>255){c=H[c];if(c===undefined)throw vsPlain(VS_CHARSET);}o[j++]=c;}return o.subarray(0,j);}`;
const charsetMsg = "const VS_CHARSET='本文件未按原编码打开，请直接双击打开本文件（放在网站上时不要为它指定 UTF-8 编码）。" +
  " This file was read with the wrong text encoding: open it from disk, or serve it without charset=utf-8.';" +
  'function vsPlain(t){var e=new Error(t);e.plain=1;return e;}';

// The worker gets the same glue as text (a non-executed script element; CSP does not apply).
// A classic worker: module workers from a file:// page's opaque-origin blob URL fail to load.
const workerSrc = asciiJs(`${inlineGlue.replace(/import\.meta\.url/g, 'self.location.href')}\n${workerBoot}`);
const script = asciiJs(`${bootFail}\n${charsetMsg}\n${unpackSrc}\n${inlineGlue}\n` +
  `globalThis.__vsWorkerType='classic';globalThis.__vsWorkerUrl=URL.createObjectURL(new Blob([document.getElementById('vs-worker-src').textContent],{type:'text/javascript'}));\n` +
  `(async()=>{try{if(document.characterSet!=='windows-1252')throw vsPlain(VS_CHARSET);` +
  `const b=vsUnpack(document.getElementById('vs-wasm').textContent);` +
  `const s=new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'));` +
  `const bytes=await new Response(s).arrayBuffer();` +
  `await __wbg_init({module_or_path: bytes});}catch(e){bootFail(e);}})();\n`);
const DATA = '<!--WASM-BYTES-->';
const page = asciiHtml(template.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace('<!--HEAD-->\n', ''))
  .replace('__CSP__', csp({ 'script-src': [sha256(script), sha256(noModuleJs), "'wasm-unsafe-eval'"], 'connect-src': ["'none'"] }))
  .replace('<!--STYLE-->', `<style>\n${asciiCss(css)}\n</style>`)
  .replace('<!--SCRIPT-->', `<script type="text/plain" id="vs-worker-src">${workerSrc}</script>\n` +
    `<script type="application/octet-stream" id="vs-wasm">${DATA}</script>\n` +
    `<script nomodule>${noModuleJs}</script>\n<script type="module">${script}</script>`);
if (!page.includes('<meta charset="windows-1252">')) throw new Error('index.html lacks <meta charset="utf-8">');
if (/[^\x00-\x7f]/.test(page)) throw new Error('the single file\'s text is not ASCII');
const [head, tail] = page.split(DATA);
const single = Buffer.concat([Buffer.from(head, 'latin1'), embed(gz), Buffer.from(tail, 'latin1')]);
// Read it back as the browser will: decoded as windows-1252, then HTML's input stream
// preprocessing (CR LF and CR become LF; NUL in script text becomes U+FFFD), then the
// element's text up to the first `<`, unpacked by the page's own function.
{
  const text = decode1252(single).replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd');
  const m = text.match(/<script type="application\/octet-stream" id="vs-wasm">([^<]*)<\/script>/);
  if (!m) throw new Error('the embedded wasm element is not where the page looks for it');
  const back = new Function(`${charsetMsg}\n${unpackSrc}\nreturn vsUnpack;`)()(m[1]);
  if (Buffer.compare(Buffer.from(back), gz) !== 0) throw new Error('the embedded wasm does not read back');
}
fs.writeFileSync(path.join(dist, 'volunteer-scorecard.html'), single);

// Sizes, as docs/figures.md shows them (./dev build writes them there: tools/figures.mjs).
const gzLen = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(0) + ' KB';
const sizes = {
  wasm_raw: wasm.length,
  wasm_gzip: gz.length,
  js_raw: Buffer.byteLength(glue) + Buffer.byteLength(appJs),
  js_gzip: gzLen(Buffer.from(glue + appJs)),
  shipped_gzip: gz.length + gzLen(Buffer.from(glue + appJs)) + gzLen(Buffer.from(served)),
  // what a first visit transfers from a host that serves the .br files (tools/host.mjs):
  // the page's part (before it is usable) and the engine's (fetched by the worker meanwhile)
  page_brotli: ['index.html', assets['app.js'], pageGlueName, pageWasmName]
    .reduce((n, f) => n + fs.statSync(path.join(dist, f + '.br')).size, 0),
  page_wasm_raw: pageWasm.length,
  engine_brotli: hasPage ? [assets['worker.js'], glueName, wasmName].reduce((n, f) => n + fs.statSync(path.join(dist, f + '.br')).size, 0) : 0,
  single_file: single.length,
};
fs.writeFileSync(path.join(dist, 'sizes.json'), JSON.stringify(sizes, null, 2));
console.log(`wasm ${kb(sizes.wasm_raw)} raw, ${kb(sizes.wasm_gzip)} gzipped; ` +
  `js ${kb(sizes.js_raw)} raw, ${kb(sizes.js_gzip)} gzipped; ` +
  `shipped total ${kb(sizes.shipped_gzip)} gzipped; served, brotli: the page ${kb(sizes.page_brotli)} ` +
  `(its wasm ${kb(sizes.page_wasm_raw)} raw), the engine ${kb(sizes.engine_brotli)}; single file ${kb(sizes.single_file)}`);
