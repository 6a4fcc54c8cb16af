// The app's version: the workspace's (Cargo.toml `[workspace.package]`), which every crate
// shares and `scorecard_domain::APP_VERSION` carries into the wasm. Read here for the
// build, the release and the tests, so there is one reading of it.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function workspaceVersion(root = ROOT) {
  const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const v = (cargo.match(/\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/) || [])[1];
  if (!v) throw new Error('no version under [workspace.package] in Cargo.toml');
  return v;
}
