// The three engines a station or a trainer has, as W3C WebDriver starts them (wd.mjs):
// Debian's Chromium (chromedriver), Firefox ESR (geckodriver from crates.io) and WebKitGTK,
// Safari's engine (WebKitWebDriver driving MiniBrowser; no headless mode, so both run on
// a virtual display under xvfb-run). Shared by the engines test and `./dev bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from './lib.mjs';

/** WebKitGTK's MiniBrowser (a dependency of webkit2gtk-driver), under the machine's lib dir. */
const MINIBROWSER = fs.readdirSync('/usr/lib')
  .map(d => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`)
  .find(p => fs.existsSync(p));

const GECKODRIVER = process.env.GECKODRIVER
  || [path.join(os.homedir(), '.cargo/bin/geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver'].find(p => fs.existsSync(p))
  || 'geckodriver';

/** For each engine, given a fresh profile directory: its driver and the session's capabilities. */
export const ENGINES = {
  chromium: (dir) => ({
    driver: ['/usr/bin/chromedriver', []],
    caps: { browserName: 'chrome', 'goog:chromeOptions': { binary: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--user-data-dir=${dir}`] } },
  }),
  firefox: (dir) => ({
    driver: [GECKODRIVER, []],
    caps: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless', '-profile', dir], prefs: { 'browser.shell.checkDefaultBrowser': false } },
    },
  }),
  webkit: () => ({
    driver: ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver']],
    caps: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
  }),
};
