// Serves the built app as a real host should (`./dev serve`, and the end-to-end suite):
// - the precompressed file the browser accepts (`.br`, else `.gz`, made by package.mjs),
//   with `Content-Encoding` and `Vary: Accept-Encoding`;
// - the right types (`application/wasm` lets the browser compile while it downloads);
// - `Cache-Control`: a year, immutable, for files named after their content
//   (`app.1a2b3c4d5e.js`), `no-cache` (revalidate every visit) for index.html and the rest,
//   with an ETag so a revalidation costs a 304;
// - the Content-Security-Policy as a header too for index.html (dist/csp.txt; the single
//   file has a policy of its own), and nosniff / no-referrer.
// README's hosting section gives the same rules for nginx and Caddy.
//
// usage: node tools/host.mjs [DIR] [PORT] [HOST]      (defaults: dist 8080 127.0.0.1)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export const TYPES = {
  // no charset for HTML: index.html says utf-8 in its meta, the single file windows-1252
  '.html': 'text/html', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon',
};
/** A name with a content hash in it: `name.0123456789.ext`. */
export const HASHED = /\.[0-9a-f]{10}\.[a-z]+$/;

/** Which precompressed form to send, from an Accept-Encoding header. */
export function pickEncoding(accept = '') {
  const offered = new Map(accept.split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return [name, q ? Number(q.slice(2)) : 1];
  }));
  for (const enc of ['br', 'gzip']) if ((offered.get(enc) ?? offered.get('*') ?? 0) > 0) return enc;
  return null;
}

/**
 * A request handler for `dir`. `types` overrides content types by extension (tests serve
 * the single file with a wrong charset this way); `onRequest(url)` sees every request.
 */
export function hostHandler(dir, { types = {}, onRequest = () => {} } = {}) {
  const root = path.resolve(dir);
  const cspFile = path.join(root, 'csp.txt');
  return (req, res) => {
    onRequest(req.url);
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }).end(); return; }
    const url = new URL(req.url, 'http://host');
    let file;
    try { file = path.join(root, decodeURIComponent(url.pathname)); } catch { res.writeHead(400).end(); return; }
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) || /\.(br|gz)$/.test(file)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    const ext = path.extname(file);
    const headers = {
      'content-type': { ...TYPES, ...types }[ext] || 'application/octet-stream',
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      vary: 'Accept-Encoding',
    };
    // the site's page only: the single file (volunteer-scorecard.html) carries its own policy
    if (path.basename(file) === 'index.html' && fs.existsSync(cspFile)) headers['content-security-policy'] = fs.readFileSync(cspFile, 'utf8').trim();
    const enc = pickEncoding(req.headers['accept-encoding']);
    const packed = enc && [file + (enc === 'br' ? '.br' : '.gz')].find((f) => fs.existsSync(f));
    if (packed) headers['content-encoding'] = enc;
    const body = fs.readFileSync(packed || file);
    headers.etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    headers['content-length'] = body.length;
    if (req.headers['if-none-match'] === headers.etag) {
      delete headers['content-length'];
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  if (!fs.existsSync(path.join(dir, 'index.html'))) { console.error(`host: no ${dir}/index.html (run ./dev build)`); process.exit(2); }
  http.createServer(hostHandler(dir)).listen(Number(port), host, () => {
    console.error(`serving ${path.resolve(dir)} on http://${host}:${port}/ (brotli/gzip, cache headers, CSP; Ctrl-C stops)`);
  });
}
