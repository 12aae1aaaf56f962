import type { TableId, TableModel } from '../../shared/core/tables/tableModel';

/**
 * The sheets of an exported publication, in order: one list for every sheet name (Excel allows
 * at most 31 characters and none of []:*?/\ ). The table sheets carry the publication's table names
 * without year and scope, so that a department's and a unit's export have the same sheet names.
 */
export const TABLE_SHEET_NAMES: Record<TableId, string> = {
  1: '1 财务收支预算总表',
  2: '2 收入预算总表',
  3: '3 支出预算总表',
  4: '4 财政拨款收支预算总表',
  5: '5 一般公共预算支出功能分类预算表',
  6: '6 政府性基金预算支出功能分类预算表',
  7: '7 国有资本经营预算支出功能分类预算表',
  8: '8 一般公共预算基本支出部门预算经济分类预算表',
  9: '9 “三公”经费和机关运行经费预算表',
};

/** A table's sheet: its number and name, within Excel's 31 characters. */
export function tableSheetName(table: Pick<TableModel, 'id' | 'name'>): string {
  return `${table.id} ${table.name}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

export const TEXT_SHEET_NAMES = {
  explanation: '预算编制说明',
  other: '其他相关情况说明',
  projects: '项目经费情况说明',
  performance: '绩效目标申报表',
} as const;

/** The line items in the import layout (`readLinesFile` prefers a sheet of this name). */
export const LINE_SHEET_NAME = '明细';
