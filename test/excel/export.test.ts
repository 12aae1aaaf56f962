import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLineTable, writeLineTable } from '../../shared/core/lineTable';
import type { Publication } from '../../shared/core/tables/published';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { LINE_SHEET_NAME, TABLE_SHEET_NAMES } from '../../main/excel/sheetNames';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { REFERENCE } from '../helpers/cli';
import { filesIn, readBook, showGrouped, tempDir } from './helpers';

const SEED: Publication = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-tables.json'), 'utf8'));
/** Header rows of each table in the publication (003_122eecf31f5b0360.txt). */
const HEADER_ROWS: Record<number, number> = { 1: 2, 2: 3, 3: 3, 4: 2, 5: 3, 6: 3, 7: 3, 8: 3, 9: 3 };

async function exportSample(): Promise<{ path: string; book: ExcelJS.Workbook; dir: string }> {
  const dir = tempDir();
  const path = join(dir, '样例.xlsx');
  await exportPublication(sampleWorkbook(), path);
  return { path, dir, book: await readBook(path) };
}

/** Amount columns of the seed JSON: all but codes (类/款/项), 项目 labels and 科目名称. */
function isAmountColumn(key: string): boolean {
  return !['类', '款', '项'].includes(key) && !key.endsWith('项目') && !key.endsWith('名称');
}

function text(cell: ExcelJS.Cell): string {
  return typeof cell.value === 'string' ? cell.value : '';
}

describe('export of the sample publication', () => {
  it('writes every cell of every table as seed-2024-tables.json prints it: numbers formatted, blanks blank', async () => {
    const { book, dir } = await exportSample();
    expect(filesIn(dir)).toEqual(['样例.xlsx']);
    for (const table of SEED.tables) {
      const sheet = book.getWorksheet(TABLE_SHEET_NAMES[table.id as keyof typeof TABLE_SHEET_NAMES])!;
      expect(sheet, `sheet of table ${table.id}`).toBeDefined();
      expect(sheet.getCell('A1').value).toBe(table.title);
      expect(sheet.getCell('A2').value).toBe(`编制部门：${SEED.department}`);
      expect(sheet.getCell(2, table.columns.length).value).toBe(`单位：${table.unit}`);
      const first = 2 + HEADER_ROWS[table.id] + 1;
      table.rows.forEach((row, r) => {
        row.forEach((expected, c) => {
          const cell = sheet.getCell(first + r, c + 1);
          const where = `table ${table.id} ${cell.address}`;
          if (expected === '') {
            expect(cell.value, where).toBeNull();
          } else if (isAmountColumn(table.columns[c])) {
            expect(typeof cell.value, where).toBe('number');
            const value = cell.value as number;
            if (table.unit === '万元') {
              expect(cell.numFmt, where).toBe('#,##0.00;-#,##0.00;0');
              expect(value === 0 ? '0' : showGrouped(value), where).toBe(expected);
            } else {
              expect(cell.numFmt, where).toBe('#,##0.00');
              expect(showGrouped(value), where).toBe(expected);
            }
          } else {
            expect(cell.value, where).toBe(expected);
          }
        });
      });
      const after = first + table.rows.length;
      if (table.note) {
        expect(sheet.getCell(after, 1).value).toBe(table.note);
        expect(sheet.model.merges).toContain(`A${after}:${String.fromCharCode(64 + table.columns.length)}${after}`);
      }
      expect(sheet.getCell(after + (table.note ? 1 : 0), 1).value).toBeNull();
    }
  });

  it('keeps 类/款/项 codes as text (208, 05) and amounts as numbers', async () => {
    const { book } = await exportSample();
    const sheet = book.getWorksheet(TABLE_SHEET_NAMES[2])!;
    expect(sheet.getCell('A6').value).toBe('208');
    expect(sheet.getCell('B7').value).toBe('05');
    expect(sheet.getCell('B7').numFmt).toBe('@');
    expect(sheet.getCell('E6').value).toBe(1200486.48);
  });

  it('merges the header cells exactly as the publication does', async () => {
    const { book } = await exportSample();
    const merges = (id: keyof typeof TABLE_SHEET_NAMES) => [...book.getWorksheet(TABLE_SHEET_NAMES[id])!.model.merges].sort();
    // Title and 编制部门 lines, then the header.
    expect(merges(1)).toEqual(['A1:D1', 'A2:C2', 'A3:B3', 'C3:D3'].sort());
    expect(merges(2)).toEqual(['A1:I1', 'A2:H2', 'A3:D3', 'E3:I3', 'A4:C4', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5'].sort());
    expect(merges(4)).toEqual(['A1:G1', 'A2:F2', 'A3:B3', 'C3:G3'].sort());
    expect(merges(8)).toEqual(['A1:F1', 'A2:E2', 'A3:C3', 'D3:F3', 'A4:B4', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:F5'].sort());
    expect(merges(9)).toEqual(['A1:G1', 'A2:F2', 'A3:F3', 'G3:G5', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:F4', 'A7:G7'].sort());
    const nine = book.getWorksheet(TABLE_SHEET_NAMES[9])!;
    expect(nine.getCell('A3').value).toBe('2024 年“三公”经费预算数');
    expect(nine.getCell('G3').value).toBe('2024 年机关运行经费预算数');
    expect(nine.getCell('D4').value).toBe('公务用车购置及运行费');
    expect([nine.getCell('D5').value, nine.getCell('E5').value, nine.getCell('F5').value]).toEqual(['小计', '购置费', '运行费']);
    const three = book.getWorksheet(TABLE_SHEET_NAMES[3])!;
    expect(three.getCell('A4').value).toBe('功能分类科目编码');
    expect([three.getCell('A5').value, three.getCell('B5').value, three.getCell('C5').value]).toEqual(['类', '款', '项']);
    const one = book.getWorksheet(TABLE_SHEET_NAMES[1])!;
    expect([one.getCell('A3').value, one.getCell('C3').value]).toEqual(['本年收入', '本年支出']);
  });

  it('sets A4 print setup one page wide, header rows repeated, header frozen, 宋体 and thin borders', async () => {
    const { book } = await exportSample();
    for (const [id, name] of Object.entries(TABLE_SHEET_NAMES)) {
      const sheet = book.getWorksheet(name)!;
      const headerBottom = 2 + HEADER_ROWS[Number(id)];
      expect(sheet.pageSetup.paperSize, name).toBe(9);
      expect(sheet.pageSetup.fitToPage, name).toBe(true);
      expect(sheet.pageSetup.fitToWidth, name).toBe(1);
      expect(sheet.pageSetup.fitToHeight, name).toBe(0);
      expect(sheet.pageSetup.printTitlesRow, name).toBe(`3:${headerBottom}`);
      expect(sheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: headerBottom });
      const header = sheet.getCell(3, 1);
      const body = sheet.getCell(headerBottom + 1, 1);
      for (const cell of [header, body, sheet.getCell('A1')]) expect(cell.font.name, `${name} ${cell.address}`).toBe('宋体');
      for (const cell of [header, body]) {
        expect(cell.border, `${name} ${cell.address}`).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
      }
      // Every column is at least as wide as its longest single-column text.
      sheet.columns.forEach((col, i) => {
        let longest = 0;
        for (let r = headerBottom + 1; r <= sheet.rowCount; r++) {
          const cell = sheet.getCell(r, i + 1);
          if (cell.isMerged) continue;
          const t = typeof cell.value === 'number' ? showGrouped(cell.value) : text(cell);
          longest = Math.max(longest, [...t].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0));
        }
        expect(col.width ?? 0, `${name} column ${i + 1}`).toBeGreaterThanOrEqual(longest);
      });
    }
  });

  it('adds the line items in the import layout, and they import back to the same lines', async () => {
    const { book } = await exportSample();
    const sheet = book.getWorksheet(LINE_SHEET_NAME)!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const amountCell = sheet.getCell(2, 7);
    expect(typeof amountCell.value).toBe('number');
    expect(amountCell.numFmt).toBe('#,##0.00');
    const { lines, errors } = readLineTable(rows);
    expect(errors).toEqual([]);
    expect(lines).toEqual(sampleWorkbook().lines);
  });

  it('formats every 明细 cell: text as text, amounts as numbers of 元, 宋体; the header bold and frozen', async () => {
    const { book } = await exportSample();
    const sheet = book.getWorksheet(LINE_SHEET_NAME)!;
    const lines = sampleWorkbook().lines;
    const header = writeLineTable([])[0];
    const amountColumn = header.indexOf('金额（元）') + 1;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
    header.forEach((text, c) => {
      const cell = sheet.getCell(1, c + 1);
      expect(cell.value).toBe(text);
      expect(cell.font).toMatchObject({ name: '宋体', size: 10, bold: true });
      expect(sheet.getColumn(c + 1).width, text).toBeGreaterThanOrEqual(text.length * 2);
    });
    lines.forEach((line, i) => {
      for (let c = 1; c <= header.length; c++) {
        const cell = sheet.getCell(i + 2, c);
        expect(cell.font, cell.address).toMatchObject({ name: '宋体', size: 10 });
        expect(cell.font.bold, cell.address).toBeFalsy();
        if (c === amountColumn) {
          expect(cell.value, cell.address).toBe(line.amount / 100);
          expect(cell.numFmt, cell.address).toBe('#,##0.00');
        } else {
          expect(cell.value === null || typeof cell.value === 'string', cell.address).toBe(true);
          expect(cell.numFmt, cell.address).toBe('@');
        }
      }
    });
    expect(sheet.getCell(2, 2).value).toBe(lines[0].functionCode);
  });

  it('exports one unit: 编制单位 and the unit’s own tables and lines', async () => {
    const dir = tempDir();
    const wb = sampleWorkbook();
    wb.units.push({ name: '乙单位', type: '行政单位' });
    wb.lines.push({ ...wb.lines[0], id: 999, unit: '乙单位', amount: 123_456 });
    const path = join(dir, 'unit.xlsx');
    await exportPublication(wb, path, { unit: '乙单位' });
    const book = await readBook(path);
    const three = book.getWorksheet(TABLE_SHEET_NAMES[3])!;
    expect(three.getCell('A1').value).toBe('2024年预算单位支出预算总表');
    expect(three.getCell('A2').value).toBe('编制单位：乙单位');
    expect(three.getCell('C5').value).toBe(1234.56);
    expect(book.getWorksheet(LINE_SHEET_NAME)!.rowCount).toBe(2);
    await expect(exportPublication(wb, join(dir, 'none.xlsx'), { unit: '丙单位' })).rejects.toThrow(/没有名为“丙单位”的预算单位/);
    expect(filesIn(dir)).toEqual(['unit.xlsx']);
  });
});

describe('text sheets of the export', () => {
  it('prints the narrative engine’s chapters, paragraph by paragraph', async () => {
    const { buildNarrative } = await import('../../shared/core/narrative/index');
    const { book } = await exportSample();
    const narrative = buildNarrative(sampleWorkbook());
    for (const [i, name] of ['预算编制说明', '其他相关情况说明'].entries()) {
      const sheet = book.getWorksheet(name)!;
      const chapter = narrative.chapters[i];
      const expected = [chapter.title, ...chapter.sections.flatMap((s) => [...(s.title ? [s.title] : []), ...s.paragraphs.map((p) => p.text)])];
      const texts: string[] = [];
      sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
      expect(texts).toEqual(expected);
      expect(sheet.pageSetup.paperSize).toBe(9);
    }
    expect(book.getWorksheet('预算编制说明')!.getCell('A2').value).toContain('比 2023 年预算增加 65.41 万元');
  });

  it('prints 项目经费情况说明 and 绩效目标申报表 of the projects, amounts as numbers', async () => {
    const { book } = await exportSample();
    const explanation = book.getWorksheet('项目经费情况说明')!;
    const texts: string[] = [];
    explanation.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('城管通服务费项目经费情况说明');
    expect(texts).toContain('2024 年度财政资金预算安排金额为 152500 元');
    const form = book.getWorksheet('绩效目标申报表')!;
    expect(form.getCell('A1').value).toBe('财政项目支出绩效目标申报表');
    expect(form.getCell('B3').value).toBe('城管通服务费');
    expect(form.getCell('B6').value).toBe('项目资金总额');
    expect(form.getCell('D6').value).toBe(152500);
    expect(form.getCell('D6').numFmt).toBe('#,##0.00');
    expect(form.model.merges).toContain('A6:A9');
    const values: unknown[] = [];
    form.eachRow((row) => values.push(row.getCell(6).value));
    expect(values).toContain('≥85%');
  });

  it('leaves the text sheets out when asked', async () => {
    const dir = tempDir();
    await exportPublication(sampleWorkbook(), join(dir, 'a.xlsx'), { narrative: false });
    const names = (await readBook(join(dir, 'a.xlsx'))).worksheets.map((s) => s.name);
    expect(names).not.toContain('预算编制说明');
    expect(names).toContain('项目经费情况说明');
  });
});

describe('writing the file', () => {
  it('leaves no partial file when the export fails half way, and keeps the file it would have replaced', async () => {
    const dir = tempDir();
    const path = join(dir, '预算.xlsx');
    writeFileSync(path, 'the previous export');
    const failing = exportPublication(sampleWorkbook(), path, {
      onProgress: (done) => {
        if (done === 5) throw new Error('磁盘已满（模拟）');
      },
    });
    await expect(failing).rejects.toThrow('磁盘已满（模拟）');
    expect(filesIn(dir)).toEqual(['预算.xlsx']);
    expect(readFileSync(path, 'utf8')).toBe('the previous export');
    // And a successful export replaces it.
    await exportPublication(sampleWorkbook(), path);
    expect(filesIn(dir)).toEqual(['预算.xlsx']);
    expect((await readBook(path)).worksheets.length).toBe(14);
  });
});
