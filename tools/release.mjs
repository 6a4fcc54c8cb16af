// Writes release/ from a built dist/ (`./dev release`): what a station downloads.
//
//   release/volunteer-scorecard-<v>.html        the single offline file (double-click)
//   release/volunteer-scorecard-<v>-site.zip    the static site for a host (one folder inside)
//   release/使用说明.txt                          how to open, update and what stays on the PC
//   release/RELEASE-NOTES-<v>.md                 this version's section of CHANGELOG.md
//   release/SHA256SUMS                           `sha256sum -c SHA256SUMS` checks the files
//
// The site's folder also holds nginx.conf and Caddyfile snippets with this build's policy.
// The version is the workspace's (Cargo.toml); a release needs its CHANGELOG.md section.
//
// usage: node tools/release.mjs DIST_DIR RELEASE_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { workspaceVersion } from './version.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const [dist = path.join(root, 'dist'), out = path.join(root, 'release')] = process.argv.slice(2);
const fail = (msg) => { console.error(`release: ${msg}`); process.exit(2); };

const version = workspaceVersion(root);
const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
const section = changelog.split(/^## /m).find((s) => s.startsWith(`${version} `) || s.startsWith(`${version}\n`));
if (!section) fail(`CHANGELOG.md has no "## ${version}" section: write the release notes first`);
for (const f of ['index.html', 'volunteer-scorecard.html', 'assets.json', 'csp.txt']) {
  if (!fs.existsSync(path.join(dist, f))) fail(`${dist}/${f} is missing (run ./dev build)`);
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const name = `volunteer-scorecard-${version}`;

// 1. The single file.
fs.copyFileSync(path.join(dist, 'volunteer-scorecard.html'), path.join(out, `${name}.html`));

// 2. The site: index.html, the hashed files and their .br/.gz, the single file for download,
//    and host configuration with this build's Content-Security-Policy.
const csp = fs.readFileSync(path.join(dist, 'csp.txt'), 'utf8').trim();
const siteDir = path.join(out, `${name}-site`);
fs.mkdirSync(siteDir);
const assets = Object.values(JSON.parse(fs.readFileSync(path.join(dist, 'assets.json'), 'utf8')));
for (const f of ['index.html', ...assets]) {
  for (const ext of ['', '.br', '.gz']) fs.copyFileSync(path.join(dist, f + ext), path.join(siteDir, f + ext));
}
fs.copyFileSync(path.join(dist, 'volunteer-scorecard.html'), path.join(siteDir, 'volunteer-scorecard.html'));
for (const f of ['manifest.webmanifest', 'sw.js', 'icon.svg']) {
  if (fs.existsSync(path.join(dist, f))) fs.copyFileSync(path.join(dist, f), path.join(siteDir, f));
}
fs.writeFileSync(path.join(siteDir, 'nginx.conf'), nginxConf(csp));
fs.writeFileSync(path.join(siteDir, 'Caddyfile'), caddyfile(csp));
execFileSync('python3', ['-m', 'zipfile', '-c', `${name}-site.zip`, `${name}-site`], { cwd: out });
fs.rmSync(siteDir, { recursive: true });

// 3. Notes and instructions.
fs.writeFileSync(path.join(out, `RELEASE-NOTES-${version}.md`), `# 志愿服务自评台 / Volunteer Scorecard ${section.trim()}\n`);
// UTF-8 with a BOM and CRLF: Notepad on an older Windows opens it right.
fs.writeFileSync(path.join(out, '使用说明.txt'), '\ufeff' + instructions(version).replace(/\n/g, '\r\n'));

// 4. Checksums of everything above.
const files = fs.readdirSync(out).filter((f) => f !== 'SHA256SUMS').sort();
const sums = files.map((f) => `${crypto.createHash('sha256').update(fs.readFileSync(path.join(out, f))).digest('hex')}  ${f}`);
fs.writeFileSync(path.join(out, 'SHA256SUMS'), sums.join('\n') + '\n');
console.log(`release ${version} in ${out}:\n` + files.map((f) => `  ${f} (${(fs.statSync(path.join(out, f)).size / 1024).toFixed(0)} KB)`).join('\n'));

function instructions(v) {
  return `志愿服务自评台 ${v} 使用说明
================================

一、打开
  双击 volunteer-scorecard-${v}.html，用 Chrome、Edge、Firefox 或 Safari（16.4 及以上）打开即可使用。
  360、QQ、搜狗等双核浏览器请切换到"极速模式"。不需要安装，不需要联网，也不需要管理员权限。
  建议把这个文件放在桌面或"文档"里，以后每次都从同一个位置打开（草稿和浏览器、文件位置一起保存）。

二、数据留在本机
  导入的名册、台账只在您的浏览器里计算，不会上传到任何服务器，页面本身也不发起任何网络请求。
  填写的内容作为草稿自动保存在这台电脑的这个浏览器里；换电脑或换浏览器看不到。
  页面顶部的"清除本机数据"会删除本机保存的全部草稿、导入数据和设置。

三、更新到新版本
  下载新版本的 html 文件，放在旧文件的同一个位置、用同一个文件名替换旧文件（例如都叫 volunteer-scorecard.html），
  草稿会保留。当前版本号显示在页面最下方。

四、核对下载的文件
  SHA256SUMS 列出了每个文件的校验值。Windows 可在命令行中运行：
    certutil -hashfile volunteer-scorecard-${v}.html SHA256
  结果应与 SHA256SUMS 中的一致。

五、放在单位内网上（信息科）
  volunteer-scorecard-${v}-site.zip 是网站版，解压到任何静态网站目录即可；
  其中 nginx.conf、Caddyfile 是推荐配置（压缩、缓存、安全策略）。详见 README。


Volunteer Scorecard ${v} — how to use it
=========================================

1. Open: double-click volunteer-scorecard-${v}.html in Chrome, Edge, Firefox or Safari 16.4+
   (the fast mode of dual-core browsers). Nothing to install, no network, no admin rights.
   Keep the file in one place and open it from there each time: drafts are kept by the
   browser for that file.
2. Your data stays on this computer: files are computed in the browser, nothing is uploaded,
   the page makes no network request. Drafts are saved in this browser on this computer;
   "Clear local data" at the top deletes them.
3. Update: put the new file where the old one was, under the same name; drafts stay. The
   version is shown at the bottom of the page.
4. Check the download: SHA256SUMS has each file's checksum
   (Windows: certutil -hashfile volunteer-scorecard-${v}.html SHA256).
5. On an intranet host: unzip volunteer-scorecard-${v}-site.zip into any static web folder;
   nginx.conf and Caddyfile inside are the recommended settings (see README).
`;
}

function nginxConf(policy) {
  return `# Volunteer Scorecard: nginx, inside a server { } block. Unzipped site in /srv/volunteer-scorecard.
# Precompressed files need ngx_brotli for brotli_static (gzip_static is built in). The policy
# goes on the site's page only: volunteer-scorecard.html (the offline file) has its own.
# A request for / is answered by index.html (the index directive), under its location.
root /srv/volunteer-scorecard;
index index.html;
types { application/wasm wasm; }
gzip_static on;
# brotli_static on;   # with the ngx_brotli module
add_header X-Content-Type-Options nosniff always;
add_header Referrer-Policy no-referrer always;
location = /index.html { add_header Cache-Control "no-cache" always; add_header X-Content-Type-Options nosniff always;
  add_header Content-Security-Policy "${policy}" always; }
location ~ "\\.[0-9a-f]{10}\\.(js|wasm|css)$" { add_header Cache-Control "public, max-age=31536000, immutable" always;
  add_header X-Content-Type-Options nosniff always; }
location / { add_header Cache-Control "no-cache" always; add_header X-Content-Type-Options nosniff always; }
`;
}

function caddyfile(policy) {
  return `# Volunteer Scorecard: Caddy. Unzipped site in /srv/volunteer-scorecard.
:8080 {
	root * /srv/volunteer-scorecard
	file_server {
		precompressed br gzip
	}
	header {
		X-Content-Type-Options nosniff
		Referrer-Policy no-referrer
		Cache-Control "no-cache"
	}
	@page path / /index.html
	header @page Content-Security-Policy "${policy}"
	@hashed path_regexp \\.[0-9a-f]{10}\\.(js|wasm|css)$
	header @hashed Cache-Control "public, max-age=31536000, immutable"
}
`;
}
