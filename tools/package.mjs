// Packages a wasm-bindgen `--target web` output into dist/:
//   dist/index.html, dist/app.js, dist/<name>.js, dist/<name>_bg.wasm, dist/style.css  (served)
//   dist/volunteer-scorecard.html                                                   (one file, offline)
// and prints the sizes (raw and gzipped) that README quotes.
//
// usage: node tools/package.mjs WASM_BINDGEN_OUT_DIR DIST_DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

const [outDir, dist] = process.argv.slice(2);
if (!outDir || !dist) { console.error('usage: package.mjs OUT DIST'); process.exit(2); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NAME = 'volunteer_scorecard';

const glue = fs.readFileSync(path.join(outDir, `${NAME}.js`), 'utf8');
const wasm = fs.readFileSync(path.join(outDir, `${NAME}_bg.wasm`));
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

// Boot code shared by both builds: show a clear message if the module cannot start.
const bootFail = `function bootFail(e){var m=document.getElementById('boot-msg');` +
  `if(m){m.textContent='无法启动：'+(e&&e.message||e)+'。请使用最新版 Chrome、Edge 或 360 极速浏览器。 ` +
  `The app could not start; please use a recent Chrome or Edge.';}` +
  `document.documentElement.dataset.boot='failed';console.error(e);}`;

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

// 1. Served build: external module, wasm fetched from the same origin.
fs.writeFileSync(path.join(dist, `${NAME}.js`), glue);
fs.writeFileSync(path.join(dist, `${NAME}_bg.wasm`), wasm);
fs.writeFileSync(path.join(dist, 'style.css'), css);
fs.writeFileSync(path.join(dist, 'worker.js'),
  `import __wbg_init, { worker_main } from './${NAME}.js';\n${workerBoot}`);
const appJs = `${bootFail}\nimport init from './${NAME}.js';\n` +
  `globalThis.__vsWorkerType = 'module';\n` +
  `globalThis.__vsWorkerUrl = new URL('./worker.js', import.meta.url).href;\n` +
  `init({ module_or_path: new URL('./${NAME}_bg.wasm', import.meta.url) }).catch(bootFail);\n`;
fs.writeFileSync(path.join(dist, 'app.js'), appJs);
const served = template
  .replace('__CSP__', csp({ 'script-src': ["'self'", "'wasm-unsafe-eval'"], 'connect-src': ["'self'"] }))
  .replace('<!--STYLE-->', '<link rel="stylesheet" href="style.css">')
  .replace('<!--SCRIPT-->', '<script type="module" src="app.js"></script>');
fs.writeFileSync(path.join(dist, 'index.html'), served);

// 2. One self-contained file: glue inlined, wasm gzipped + base64, no fetch at all.
let inlineGlue = glue.replace(/^export \{[^}]*\};?\s*$/m, '').replace(/^export default [^;]+;\s*$/m, '');
inlineGlue = inlineGlue.replace(/^export (async function|function|class|const|let) /gm, '$1 ');
if (/<\/script|<!--/i.test(inlineGlue)) throw new Error('glue contains </script or <!--');
if (/\bimport\s*\(|^import /m.test(inlineGlue)) throw new Error('glue imports other modules');
const gz = zlib.gzipSync(wasm, { level: 9 });
// The worker gets the same glue as text (a non-executed script element; CSP does not apply).
// A classic worker: module workers from a file:// page's opaque-origin blob URL fail to load.
const workerSrc = `${inlineGlue.replace(/import\.meta\.url/g, 'self.location.href')}\n${workerBoot}`;
const script = `${bootFail}\n${inlineGlue}\n` +
  `globalThis.__vsWorkerType='classic';globalThis.__vsWorkerUrl=URL.createObjectURL(new Blob([document.getElementById('vs-worker-src').textContent],{type:'text/javascript'}));\n` +
  `(async()=>{try{const b=Uint8Array.from(atob(WASM_GZ_B64),c=>c.charCodeAt(0));` +
  `const s=new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'));` +
  `const bytes=await new Response(s).arrayBuffer();` +
  `await __wbg_init({module_or_path: bytes});}catch(e){bootFail(e);}})();\n`;
const wasmLine = `const WASM_GZ_B64='${gz.toString('base64')}';\n`;
const inline = wasmLine + script;
const single = template
  .replace('__CSP__', csp({ 'script-src': [sha256(inline), "'wasm-unsafe-eval'"], 'connect-src': ["'none'"] }))
  .replace('<!--STYLE-->', `<style>\n${css}\n</style>`)
  .replace('<!--SCRIPT-->', `<script type="text/plain" id="vs-worker-src">${workerSrc}</script>\n` +
    `<script type="module">${inline}</script>`);
fs.writeFileSync(path.join(dist, 'volunteer-scorecard.html'), single);

// Sizes, as README quotes them.
const gzLen = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(0) + ' KB';
const sizes = {
  wasm_raw: wasm.length,
  wasm_gzip: gz.length,
  js_raw: Buffer.byteLength(glue) + Buffer.byteLength(appJs),
  js_gzip: gzLen(Buffer.from(glue + appJs)),
  shipped_gzip: gz.length + gzLen(Buffer.from(glue + appJs)) + gzLen(Buffer.from(css)) + gzLen(Buffer.from(served)),
  single_file: Buffer.byteLength(single),
};
fs.writeFileSync(path.join(dist, 'sizes.json'), JSON.stringify(sizes, null, 2));
console.log(`wasm ${kb(sizes.wasm_raw)} raw, ${kb(sizes.wasm_gzip)} gzipped; ` +
  `js ${kb(sizes.js_raw)} raw, ${kb(sizes.js_gzip)} gzipped; ` +
  `shipped total ${kb(sizes.shipped_gzip)} gzipped; single file ${kb(sizes.single_file)}`);
