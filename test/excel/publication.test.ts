import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublication } from '../../shared/core/checks/index';
import { measureFromLines, measureKey } from '../../shared/core/measures';
import { unitTypeLookup } from '../../shared/core/model';
import { wanHundredths } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { TEMPLATE_CLASSES } from '../../shared/core/tables/categories';
import type { Publication } from '../../shared/core/tables/published';
import { yearOnYear } from '../../shared/core/yoy';
import { baselineFromPublication } from '../../main/excel/baseline';
import { readPublicationFile, readPublicationXlsx } from '../../main/excel/readPublication';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { REFERENCE } from '../helpers/cli';
import { tempDir, writeHandTypedPublication } from './helpers';

const SEED: Publication = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-tables.json'), 'utf8'));
const PUBLISHED: Publication = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-published-tables.json'), 'utf8'));

async function exportedSample(): Promise<string> {
  const path = join(tempDir(), '2024年部门预算.xlsx');
  await exportPublication(sampleWorkbook(), path);
  return path;
}

function plain(tables: Publication['tables']) {
  return tables.map(({ id, title, unit, columns, rows, note }) => ({ id, title, unit, columns, rows, ...(note ? { note } : {}) }));
}

describe('reading a publication workbook back', () => {
  it('reads an exported file as the same printed tables as seed-2024-tables.json', async () => {
    const read = await readPublicationFile(await exportedSample());
    expect(read.department).toBe(SEED.department);
    expect(read.year).toBe(2024);
    expect(read.warnings).toEqual([]);
    expect(plain(read.tables)).toEqual(plain(SEED.tables));
  });

  it('reads a hand-typed file (no merged cells, numbered titles, text amounts) as the JSON it was typed from', async () => {
    const path = join(tempDir(), '手工录入.xlsx');
    await writeHandTypedPublication(path, PUBLISHED);
    const tables = await readPublicationXlsx(path);
    expect(plain(tables)).toEqual(plain(PUBLISHED.tables));
    // The malformed amounts typed as text stay malformed.
    expect(tables.find((t) => t.id === 3)!.rows[7][5]).toBe('6,34695.92');
    // Blank rows under the title and inside the body are skipped.
    const spaced = join(tempDir(), '有空行.xlsx');
    await writeHandTypedPublication(spaced, PUBLISHED, { blankRows: true });
    expect(plain(await readPublicationXlsx(spaced))).toEqual(plain(PUBLISHED.tables));
  });

  it('finds in an xlsx made from seed-2024-published-tables.json the same errors as in the JSON', async () => {
    const path = join(tempDir(), '公开表.xlsx');
    await writeHandTypedPublication(path, PUBLISHED);
    const fromJson = checkPublication(PUBLISHED.tables);
    const fromXlsx = checkPublication(await readPublicationXlsx(path));
    expect(fromJson.filter((f) => f.severity === '错误').length).toBeGreaterThanOrEqual(4);
    expect(fromXlsx).toEqual(fromJson);
  });

  it('finds no error in the exported sample', async () => {
    const findings = checkPublication(await readPublicationXlsx(await exportedSample()));
    expect(findings.filter((f) => f.severity === '错误')).toEqual([]);
  });

  it('refuses what is not a publication workbook, in Chinese', async () => {
    const dir = tempDir();
    const broken = join(dir, '坏文件.xlsx');
    writeFileSync(broken, 'not a zip');
    await expect(readPublicationFile(broken)).rejects.toThrow(/无法读取 坏文件\.xlsx：文件已损坏或不是有效的 Excel 工作簿/);
    await expect(readPublicationFile(join(dir, '旧.xls'))).rejects.toThrow(/文件不存在/);
    writeFileSync(join(dir, '旧.xls'), 'x');
    await expect(readPublicationFile(join(dir, '旧.xls'))).rejects.toThrow(/旧版 Excel 格式/);
    const lines = join(dir, 'lines.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('明细').addRow(['单位名称', '金额（元）']);
    await book.xlsx.writeFile(lines);
    await expect(readPublicationFile(lines)).rejects.toThrow(/没有找到标准公开表.*共 1 个工作表：明细/);
  });
});

describe('importing last year’s publication as the baseline', () => {
  it('round trip: export → import as baseline → every year-on-year change is zero', async () => {
    const path = await exportedSample();
    const { baseline, warnings } = baselineFromPublication(await readPublicationFile(path), '2024年部门预算.xlsx');
    expect(warnings).toEqual([]);
    const wb = { ...sampleWorkbook(), baseline };
    const report = yearOnYear(wb);
    const exact = [...report.summary, ...report.bySource, ...report.byFunction];
    expect(exact.length).toBeGreaterThan(15);
    for (const row of exact) {
      expect(row.previous, row.key).not.toBeNull();
      expect(row.change, row.key).toBe(0);
    }
    // 表9 is in 万元: equal to the hundredth of 万元 that is printed, and so 持平.
    expect(report.sanGong.length).toBe(7);
    for (const row of report.sanGong) {
      expect(row.previous, row.key).not.toBeNull();
      expect(wanHundredths(row.previous!), row.key).toBe(wanHundredths(row.current));
      expect(row.phrase, row.key).toEqual({ direction: '持平' });
    }
    // 财政拨款 by 类 (表4), every class of the template.
    const typeOf = unitTypeLookup(wb.units);
    for (const c of TEMPLATE_CLASSES) {
      const key = measureKey.fiscalFunction(c.code);
      expect(baseline.figures[key], key).toBe(measureFromLines(key, wb.lines, typeOf));
    }
    // 表8 is 一般公共预算 基本支出 only: no economic measure is claimed from it.
    expect(Object.keys(baseline.figures).filter((k) => k.startsWith('economic:'))).toEqual([]);
    expect(baseline.year).toBe(2024);
    expect(baseline.figures[measureKey.sanGong('reception')]).toBe(290_000);
  });

  it('imports nothing from a publication with malformed amounts, naming sheet, row and column of each', async () => {
    const path = join(tempDir(), '公开表.xlsx');
    const broken: Publication = JSON.parse(JSON.stringify(PUBLISHED));
    broken.tables.find((t) => t.id === 3)!.rows[7][4] = '6,683719.92';
    broken.tables.find((t) => t.id === 9)!.rows[0][2] = '0.2x';
    await writeHandTypedPublication(path, broken);
    const read = await readPublicationFile(path);
    let message = '';
    try {
      baselineFromPublication(read, '公开表.xlsx');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^上年公开表 公开表\.xlsx 有 2 处问题，未导入任何数据：/);
    expect(message).toContain('公开表.xlsx 工作表“表3”第 14 行“合计”列（E 列）：“6,683719.92”的千分位分隔符位置不对');
    expect(message).toContain('公开表.xlsx 工作表“表9”第 7 行“公务接待费”列（C 列）：“0.2x”不是金额');
  });

  it('imports the published 2024 file, whose errors are in columns the baseline does not read', async () => {
    const path = join(tempDir(), '公开表.xlsx');
    await writeHandTypedPublication(path, PUBLISHED);
    const { baseline } = baselineFromPublication(await readPublicationFile(path), '公开表.xlsx');
    expect(baseline.figures[measureKey.total]).toBe(875_956_113);
    expect(baseline.figures[measureKey.function('2120199')]).toBe(668_371_992);
  });
});
