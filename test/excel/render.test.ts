import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import type { Publication } from '../../shared/core/tables/published';
import { readLinesFile } from '../../main/excel/readLines';
import { readPublicationFile } from '../../main/excel/readPublication';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { REFERENCE, ROOT } from '../helpers/cli';
import { filesIn, tempDir } from './helpers';

const SEED: Publication = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-tables.json'), 'utf8'));

describe('rendering an exported file with LibreOffice', () => {
  it('converts to PDF without error and renders every sheet to PNG', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'sample.xlsx');
    await exportPublication(sampleWorkbook(), xlsx);
    const out = join(dir, 'png');
    const r = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'render-xlsx.mjs'), xlsx, out], { encoding: 'utf8', timeout: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = filesIn(out);
    expect(files).toContain('sample.pdf');
    const pngs = files.filter((f) => f.endsWith('.png'));
    // Every one of the 14 sheets has at least its first page.
    for (let i = 1; i <= 14; i++) expect(pngs.some((f) => f.startsWith(`${String(i).padStart(2, '0')}-`)), `sheet ${i}`).toBe(true);
    expect(pngs.some((f) => f.startsWith('03-3_支出预算总表'))).toBe(true);
    for (const png of pngs) expect(readFileSync(join(out, png)).subarray(0, 8).toString('hex'), png).toBe('89504e470d0a1a0a');
    // The whole-workbook PDF holds the tables as text, numbers as printed.
    const text = spawnSync('pdftotext', ['-layout', join(out, 'sample.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('2024 年部门支出预算总表');
    expect(text).toContain('8,759,561.13');
    expect(text).toContain('编制部门：上海市宝山区城市运行管理中心');
  }, 240_000);

  it('reads back the tables and the lines after LibreOffice has re-saved the file (another producer)', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'sample.xlsx');
    await exportPublication(sampleWorkbook(), xlsx);
    const out = join(dir, 'resaved');
    const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx', '--outdir', out, xlsx], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.status).toBe(0);
    const resaved = join(out, 'sample.xlsx');
    const read = await readPublicationFile(resaved);
    expect(read.warnings).toEqual([]);
    expect(read.tables.map(({ id, columns, rows, note }) => ({ id, columns, rows, note }))).toEqual(
      SEED.tables.map(({ id, columns, rows, note }) => ({ id, columns, rows, note })),
    );
    expect((await readLinesFile(resaved)).lines).toEqual(sampleWorkbook().lines);
  }, 240_000);
});
