import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newWorkbook, type LineItem, type Workbook } from '../../shared/core/model';
import { emptySchedules, type ProcurementItem } from '../../shared/core/schedules/model';

const DIR = join(__dirname, '../fixtures/jiangsu-zhengxie-2019');
export const DEPARTMENT = '江苏省政协办公厅';

export interface PrintedTable {
  number: number;
  title: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

/** The twelve tables as printed (printed.json). */
export const printed: { source: string; department: string; year: number; tables: PrintedTable[] } = JSON.parse(readFileSync(join(DIR, 'printed.json'), 'utf8'));

/** 万元 with two decimals as whole 分 (no float arithmetic). */
export function wanToFen(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, ''));
  if (!m) throw new Error(`not an amount: ${text}`);
  return (Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))) * 10_000;
}

function csv(name: string): string[][] {
  return readFileSync(join(DIR, name), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

/** The department's workbook reconstructed from lines.csv and procurement.csv, under jiangsu-province. */
export function zhengxieWorkbook(): Workbook {
  const wb = newWorkbook(DEPARTMENT, 2019);
  wb.template = 'jiangsu-province';
  wb.units = [{ name: DEPARTMENT, type: '行政单位' }];
  wb.lines = csv('lines.csv').map(
    ([functionCode, economicCode, kind, source, project, amount], i): LineItem => ({
      id: i + 1,
      unit: DEPARTMENT,
      functionCode,
      economicCode,
      kind: kind as LineItem['kind'],
      source: source as LineItem['source'],
      project,
      amount: wanToFen(amount),
    }),
  );
  wb.schedules = {
    ...emptySchedules(),
    procurement: csv('procurement.csv').map(
      ([kind, project, economicCode, item, method, amount]): ProcurementItem => ({
        unit: DEPARTMENT,
        project,
        economicCode,
        kind: kind as ProcurementItem['kind'],
        item,
        method,
        quantity: 1,
        unitPrice: wanToFen(amount),
        amount: wanToFen(amount),
        smeReserved: 0,
        smallMicro: 0,
      }),
    ),
  };
  return wb;
}
