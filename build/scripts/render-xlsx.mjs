#!/usr/bin/env node
// Renders an exported workbook so that a person can look at it:
//   node build/scripts/render-xlsx.mjs <file.xlsx> <outdir>
// writes <outdir>/<file>.pdf (the whole workbook, as LibreOffice prints it with the file's own
// print setup) and one PNG per page of each sheet: <outdir>/<NN>-<sheet name>-<page>.png.
// Needs LibreOffice (soffice) and poppler (pdftoppm). Exit status 0 on success, 1 on failure.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

function fail(message) {
  process.stderr.write(`render-xlsx：${message}\n`);
  process.exit(1);
}

const [input, outArg] = process.argv.slice(2);
if (!input || !outArg) fail('用法：node build/scripts/render-xlsx.mjs <文件.xlsx> <输出文件夹>');
if (!existsSync(input)) fail(`文件不存在：${input}`);
const outdir = resolve(outArg);
mkdirSync(outdir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'render-xlsx-'));

// 宋体 is not on Linux: print it with the CJK serif face that CI installs (fonts-noto-cjk).
const fontsConf = join(work, 'fonts.conf');
writeFileSync(
  fontsConf,
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>SimSun</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
`,
);
const env = { ...process.env, FONTCONFIG_FILE: fontsConf };

function run(command, args) {
  const r = spawnSync(command, args, { env, encoding: 'utf8', timeout: 300_000 });
  if (r.error) fail(`无法运行 ${command}：${r.error.message}（请安装 LibreOffice 与 poppler-utils）`);
  if (r.status !== 0) fail(`${command} 失败（退出码 ${r.status}）：\n${r.stderr}`);
  return r;
}

try {
  const stem = basename(input, extname(input));
  const whole = join(work, `${stem}.xlsx`);
  copyFileSync(input, whole);

  // One copy per sheet with every other sheet hidden: LibreOffice prints only visible sheets.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(input);
  const names = book.worksheets.map((s) => s.name);
  const copies = [];
  for (let i = 0; i < names.length; i++) {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(input);
    copy.worksheets.forEach((s, k) => (s.state = k === i ? 'visible' : 'hidden'));
    copy.views = [{ activeTab: i, firstSheet: i, visibility: 'visible' }];
    const path = join(work, `${String(i + 1).padStart(2, '0')}.xlsx`);
    await copy.xlsx.writeFile(path);
    copies.push(path);
  }

  const profile = `file://${join(work, 'profile')}`;
  run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', work, whole, ...copies]);
  const pdf = join(work, `${stem}.pdf`);
  if (!existsSync(pdf)) fail(`LibreOffice 未能把 ${basename(input)} 转换为 PDF`);
  copyFileSync(pdf, join(outdir, `${stem}.pdf`));

  names.forEach((name, i) => {
    const nn = String(i + 1).padStart(2, '0');
    const sheetPdf = join(work, `${nn}.pdf`);
    if (!existsSync(sheetPdf)) fail(`LibreOffice 未能转换工作表“${name}”`);
    const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_');
    run('pdftoppm', ['-png', '-r', '80', sheetPdf, join(outdir, `${nn}-${safe}`)]);
  });
  const pngs = readdirSync(outdir).filter((f) => f.endsWith('.png'));
  process.stdout.write(`已生成 ${outdir}：${stem}.pdf 与 ${pngs.length} 张 PNG（${names.length} 个工作表）\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
