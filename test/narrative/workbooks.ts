import { newWorkbook, type LineItem, type Workbook } from '../../shared/core/model';
import { writeReason } from '../../shared/core/reasons';
import { measureRow } from '../../shared/core/yoy';

let nextId = 1;

/** A 一般公共预算 基本支出 line of the given 功能 项 and 经济 款, in fen. */
export function line(functionCode: string, economicCode: string, amount: number, more: Partial<LineItem> = {}): LineItem {
  return { id: nextId++, unit: '测试单位', functionCode, economicCode, kind: '基本支出', source: '一般公共预算财政拨款', project: '', amount, ...more };
}

/** A workbook of one 事业单位 with the given lines and prior-year figures. */
export function workbook(lines: LineItem[], figures: Record<string, number> = {}): Workbook {
  const wb = newWorkbook('测试部门', 2025);
  wb.units = [{ name: '测试单位', type: '事业单位' }];
  wb.lines = lines;
  wb.baseline.figures = figures;
  return wb;
}

/** Writes the reason for a change, for the change as the workbook has it now (as the screen writes it). */
export function giveReason(wb: Workbook, key: string, text: string): void {
  wb.texts = writeReason(wb.texts, key, text, measureRow(wb, key));
}
