// What the layout tests measure on a screen, in the page: horizontal scrolling of the
// page, text rendered under 11 px (SVG text by its on-screen size), table rows of one line
// taller than 48 px, and — in English — Chinese characters outside user data.

/** Problems of the screen as it is now (empty when none). `english`: also look for CJK
 *  outside what the user typed or imported (marked `data-cjk-ok`) and outside quotes. */
export async function layoutProblems(page, { english = false } = {}) {
  return page.evaluate(({ english }) => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      // name the widest element, for the message
      let widest = null;
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > doc.clientWidth + 1 && !el.closest('.table-wrap, .chart-wrap, .scroll-x') && (!widest || r.right > widest.r)) {
          widest = { r: r.right, what: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + (el.dataset.testid ? `[${el.dataset.testid}]` : '') };
        }
      }
      out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth} (${widest ? widest.what + ' to ' + Math.round(widest.r) : '?'})`);
    }
    const visible = el => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('.sr-only, details:not([open]) > :not(summary)');
    };
    const small = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const strangers = new Map();
    // user data marked where it stands (a station, a file, a sheet's header …) is user data
    // where a sentence quotes it too
    const userWords = [...new Set([...document.querySelectorAll('[data-cjk-ok]')].map(e => e.textContent.trim())
      .concat([...document.querySelectorAll('[data-user-words]')].flatMap(e => e.dataset.userWords.split('|')))
      .filter(t => t && t.length >= 2 && t.length <= 40))].sort((a, b) => b.length - a.length);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      if (!text) continue;
      const el = n.parentElement;
      if (!el || !visible(el) || el.closest('script, style, option, [hidden]')) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      const svg = el.closest('svg');
      if (svg && svg.getScreenCTM()) px *= svg.getScreenCTM().a;
      if (px < 10.95) {
        const key = `${el.tagName.toLowerCase()}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''} ${px.toFixed(1)}px`;
        if (!small.has(key)) small.set(key, text.slice(0, 20));
      }
      if (english && !el.closest('[data-cjk-ok]')) {
        let bare = text.replace(/"[^"]*"/g, '').replace(/「[^」]*」/g, '').replace(/“[^”]*”/g, '');
        for (const w of userWords) bare = bare.split(w).join('');
        if (cjk.test(bare) && strangers.size < 40) strangers.set(bare.slice(0, 60), el.tagName.toLowerCase() + (el.closest('[data-testid]') ? ' in ' + el.closest('[data-testid]').dataset.testid : ''));
      }
    }
    for (const [k, t] of small) out.push(`text under 11px: ${k} "${t}"`);
    for (const [t, where] of strangers) out.push(`Chinese in English: "${t}" (${where})`);
    // table rows whose cells each hold one line of text: at most 48 px tall
    for (const tr of document.querySelectorAll('table tr')) {
      // a table shown as blocks on a phone (the print preview) has no rows to measure
      if (!visible(tr) || getComputedStyle(tr).display !== 'table-row') continue;
      const cells = [...tr.children];
      const lines = c => {
        if (c.querySelector('select, input, button, textarea')) return 1;
        const range = document.createRange();
        range.selectNodeContents(c);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        return tops.size;
      };
      // a cell wrapping a character or two per line (a column squeezed to nothing)
      for (const c of cells) {
        const n = lines(c), chars = c.textContent.trim().length;
        if (n >= 3 && chars <= n * 2.5 && out.length < 60) out.push(`cell wraps ${chars} characters over ${n} lines in ${c.closest('table').dataset.testid || c.closest('table').className}: "${c.textContent.trim().slice(0, 12)}"`);
      }
      if (cells.every(c => lines(c) <= 1) && tr.getBoundingClientRect().height > 48.5) {
        const t = tr.closest('table');
        out.push(`row of one line ${Math.round(tr.getBoundingClientRect().height)}px tall in ${t.dataset.testid || t.className}: "${tr.textContent.trim().slice(0, 30)}"`);
        if (out.length > 60) break;
      }
    }
    return out;
  }, { english });
}
