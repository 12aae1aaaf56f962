import Decimal from 'decimal.js';
import { formatYuan, parseAmount } from './money';

/**
 * A column of a list of records a person edits in a grid (staff, standards, schedule items): how its
 * cells read and print. The grid, its paste, and the xlsx sheets all go through these.
 */
export type ColumnType = 'text' | 'code' | 'functionCode' | 'money' | 'quantity' | 'integer' | 'choice';
export interface ItemColumn<T> {
  field: keyof T & string;
  header: string;
  type: ColumnType;
  choices?: readonly string[];
  /** May be left empty. */
  optional?: boolean;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** A cell as text: amounts as 1,200.00 (the way a person reads and pastes them), numbers in full. */
export function cellText(column: ItemColumn<never>, value: unknown): string {
  if (column.type === 'money') return formatYuan(value as number);
  return String(value ?? '');
}

/** A typed or pasted cell as the field's value, or why it cannot be. */
export function parseCell(column: ItemColumn<never>, input: string): { ok: true; value: string | number } | { ok: false; reason: string } {
  const text = input.trim();
  switch (column.type) {
    case 'money': {
      if (text === '') return { ok: true, value: 0 };
      const r = parseAmount(text);
      if (!r.ok) return r;
      return r.fen < 0 ? { ok: false, reason: '金额不能为负数' } : { ok: true, value: r.fen };
    }
    case 'quantity':
    case 'integer': {
      const plain = text.normalize('NFKC').replace(/,/g, '');
      if (plain === '') return { ok: true, value: 0 };
      if (column.type === 'integer' && !/^\d{1,9}$/.test(plain)) return { ok: false, reason: `“${text}”应为不小于零的整数` };
      if (!/^\d{1,12}(\.\d{1,4})?$/.test(plain)) return { ok: false, reason: `“${text}”不是数量（应为不小于零的数，最多四位小数，如 3 或 2.5）` };
      return { ok: true, value: new Decimal(plain).toNumber() };
    }
    case 'code':
    case 'functionCode': {
      if (text === '' && column.optional) return { ok: true, value: '' };
      const [digits, example, what] = column.type === 'code' ? [5, '30201', '经济分类款编码'] : [7, '2010101', '功能分类项编码'];
      return new RegExp(`^\\d{${digits}}$`).test(text) ? { ok: true, value: text } : { ok: false, reason: `“${text}”不是${what}（应为 ${digits} 位数字，如 ${example}）` };
    }
    case 'choice':
      if (text === '' && column.optional) return { ok: true, value: '' };
      return column.choices!.includes(text) ? { ok: true, value: text } : { ok: false, reason: `应为 ${column.choices!.join('、')} 之一${column.optional ? '（或留空）' : ''}，而不是“${text}”` };
    case 'text':
      if (text === '' && !column.optional) return { ok: false, reason: '不能为空' };
      return text.length > 2000 ? { ok: false, reason: '太长（最多 2000 字）' } : { ok: true, value: text };
  }
}

/** Rows of cells (in the columns' order) as records; every problem with its row and column. */
export function readRows<T>(columns: readonly ItemColumn<T>[], rows: readonly { row: number; cells: readonly string[] }[]): { items: T[]; problems: RowProblem[] } {
  const items: T[] = [];
  const problems: RowProblem[] = [];
  for (const { row, cells } of rows) {
    const item: Record<string, string | number> = {};
    columns.forEach((column, c) => {
      const parsed = parseCell(column as ItemColumn<never>, cells[c] ?? '');
      if (parsed.ok) item[column.field] = parsed.value;
      else problems.push({ row, column: column.header, message: parsed.reason });
    });
    items.push(item as unknown as T);
  }
  return { items, problems };
}

/** A record with every column empty (a choice that must be set takes its first choice). */
export function blankRecord<T>(columns: readonly ItemColumn<T>[]): T {
  return Object.fromEntries(columns.map((c) => [c.field, c.type === 'money' || c.type === 'quantity' || c.type === 'integer' ? 0 : c.type === 'choice' && !c.optional ? c.choices![0] : ''])) as T;
}
