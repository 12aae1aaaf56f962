import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPublicationXlsx } from '../../main/excel/readPublication';
import { checkPublication, type PublishedTableInput } from '../../shared/core/checks/index';
import { DEFAULT_TEMPLATE } from '../../shared/core/templates/registry';
import { tableHeader, tableSpec } from '../../shared/core/templates/layout';
import type { TableId } from '../../shared/core/tables/tableModel';
import { SEED_DERIVED, places, readTables, rowWith, setCell } from './publications';
import { carryOver, emptyMarks, unitTable1 } from './styles';

/**
 * A publication typed into Excel by hand in its own layout: title, unit, as many header rows as the
 * standard layout has (a heading repeated down and across where it spans), the rows as text, the note.
 */
async function typeIntoExcel(tables: PublishedTableInput[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const t of tables) {
    const sheet = book.addWorksheet(`表${t.id}`);
    sheet.addRow([t.title]);
    sheet.addRow([`单位：${t.unit}`]);
    const layoutRows = Math.max(...tableHeader(tableSpec(DEFAULT_TEMPLATE, t.id as TableId)!, 2024).map((h) => h.row + h.rowSpan));
    const levels = Math.max(layoutRows, ...t.columns.map((c) => c.split('.').length));
    for (let level = 0; level < levels; level++) sheet.addRow(t.columns.map((c) => c.split('.')[level] ?? c.split('.').at(-1)));
    for (const row of t.rows) sheet.addRow(row.map((c) => (c === '' ? null : c)));
    if (t.note) sheet.addRow([t.note]);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'budget-styles-')), '公开表.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

describe('a publication in the 单位预算 style, typed into Excel, read back and checked', () => {
  const style = (tables: PublishedTableInput[]) => emptyMarks('无')(carryOver(12_345)(unitTable1(tables)));

  it('is read with its 人员经费 / 公用经费 / 项目支出 columns, its carried-over rows and its empty-table marks: nothing to report', async () => {
    const tables = await readPublicationXlsx(await typeIntoExcel(style(readTables(SEED_DERIVED))));
    expect(tables.find((t) => t.id === 1)!.columns).toEqual(['本年收入.项目', '本年收入.预算数', '本年支出.项目', '本年支出.合计', '本年支出.人员经费', '本年支出.公用经费', '本年支出.项目支出']);
    expect(tables.find((t) => t.id === 6)!.rows[0][0]).toBe('无');
    expect(checkPublication(tables)).toEqual([]);
  });

  it('a 合计 short in table 1 and table 7 with table 6’s note are found there', async () => {
    const typed = style(readTables(SEED_DERIVED));
    const row = rowWith(typed, 1, '七、社会保障和就业支出');
    setCell(typed, 1, row, '本年支出.合计', '1,200,486.14');
    typed.find((t) => t.id === 7)!.note = '备注：本部门 2024 年无政府性基金预算财政拨款支出，故本表无数据。';
    const tables = await readPublicationXlsx(await typeIntoExcel(typed));
    expect(places(checkPublication(tables))).toEqual([
      { rule: 'T-ROW-SUM', table: 1, row, column: '本年支出.合计' },
      { rule: 'T-NOTE', table: 7 },
    ]);
  });
});
