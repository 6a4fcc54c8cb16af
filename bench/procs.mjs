// The process tree from /proc, shared by the browser benchmarks (browser.mjs, engines.mjs).
import fs from 'node:fs';

/** Every process's children: parent pid → [child pids]. */
export function processTree() {
  const byParent = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(pid));
    } catch { /* gone */ }
  }
  return byParent;
}

/** Every process below `pid`. */
export function descendants(pid) {
  const tree = processTree();
  const out = [];
  const walk = (p) => { for (const c of tree.get(p) || []) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}
