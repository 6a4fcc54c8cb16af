// A small W3C WebDriver client (no dependency): Firefox ESR through geckodriver and
// WebKitGTK through WebKitWebDriver speak the same protocol. Only what the engine tests
// use: sessions, navigation, elements, clicks, typing and file inputs, scripts.
import { spawn } from 'node:child_process';
import net from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise(r => {
      const c = net.connect(port, '127.0.0.1', () => { c.destroy(); r(true); });
      c.on('error', () => r(false));
    });
    if (ok) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`driver did not listen on ${port} within ${ms} ms`);
}

/** Starts a driver process (`cmd args…` with `--port=N` added) and waits for it. */
export async function startDriver(cmd, args = [], env = {}) {
  const port = await freePort();
  // its own process group: `stop` ends what it started too (xvfb-run's display and driver)
  const proc = spawn(cmd, [...args, `--port=${port}`], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const kill = sig => { try { process.kill(-proc.pid, sig); } catch { /* gone already */ } };
  let stderr = '';
  proc.stderr.on('data', d => { stderr = (stderr + d).slice(-4000); });
  try {
    await waitForPort(port, 30000);
  } catch (e) {
    kill('SIGKILL');
    throw new Error(`${e.message}\n${stderr}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    /** The driver's process id (the browser runs below it). */
    pid: proc.pid,
    stderr: () => stderr,
    stop: () => new Promise(r => {
      proc.stderr.destroy();
      proc.once('exit', () => { kill('SIGKILL'); r(); });
      kill('SIGTERM');
      setTimeout(() => { kill('SIGKILL'); r(); }, 3000).unref();
    }),
  };
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`${method} ${path}: ${v.error || res.status} ${v.message || ''}`.trim());
  }
  return json.value;
}

/** A browser session on a started driver. */
export async function session(driverUrl, capabilities) {
  const v = await call(driverUrl, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const base = `${driverUrl}/session/${v.sessionId}`;
  const s = {
    capabilities: v.capabilities,
    go: url => call(base, 'POST', '/url', { url }),
    refresh: () => call(base, 'POST', '/refresh', {}),
    url: () => call(base, 'GET', '/url'),
    /** Runs `fn` (a function's source) in the page with `args`; returns its value. */
    exec: (fn, ...args) => call(base, 'POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args }),
    /** Like `exec`, for a function returning a promise. */
    execAsync: (fn, ...args) => call(base, 'POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1]; Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1))).then(v => done({ ok: v }), e => done({ err: String(e) }));`,
      args,
    }).then(r => { if (r && r.err) throw new Error(r.err); return r && r.ok; }),
    find: async css => {
      const el = await call(base, 'POST', '/element', { using: 'css selector', value: css });
      return el[ELEMENT];
    },
    click: async css => call(base, 'POST', `/element/${await s.find(css)}/click`, {}),
    /** Clears a text field and types `text` into it. */
    type: async (css, text) => {
      const id = await s.find(css);
      await call(base, 'POST', `/element/${id}/clear`, {});
      return call(base, 'POST', `/element/${id}/value`, { text });
    },
    /** Gives a file input the files at `paths` (absolute). */
    upload: async (css, paths) => call(base, 'POST', `/element/${await s.find(css)}/value`, { text: paths.join('\n') }),
    text: css => s.exec(sel => { const e = document.querySelector(sel); return e ? e.textContent : null; }, css),
    /** Waits until `fn(...args)` in the page is truthy; returns its value. */
    until: async (fn, args = [], ms = 30000, what = '') => {
      const end = Date.now() + ms;
      let last;
      while (Date.now() < end) {
        try {
          last = await s.exec(fn, ...args);
          if (last) return last;
        } catch (e) {
          last = e.message;
        }
        await new Promise(r => setTimeout(r, 150));
      }
      throw new Error(`timed out after ${ms} ms waiting for ${what || fn}: last ${JSON.stringify(last)}`);
    },
    close: () => call(base, 'DELETE', '', undefined).catch(() => {}),
  };
  return s;
}
