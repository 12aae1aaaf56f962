import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newWorkbook, type LineItem, type Workbook } from '../../shared/core/model';
import { emptySchedules, type ProcurementItem } from '../../shared/core/schedules/model';

/**
 * Real 2019 Jiangsu 部门预算 publications under test/fixtures/<name>/: printed.json (the twelve tables as
 * printed), lines.csv and procurement.csv (line items reconstructed from them, 万元), README.md (how).
 */
const dir = (name: string) => join(__dirname, '../fixtures', name);

export interface PrintedTable {
  number: number;
  title: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

export interface Printed {
  source: string;
  department: string;
  year: number;
  tables: PrintedTable[];
}

export function readPrinted(name: string): Printed {
  return JSON.parse(readFileSync(join(dir(name), 'printed.json'), 'utf8'));
}

/** 万元 with two decimals as whole 分 (no float arithmetic). */
export function wanToFen(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, ''));
  if (!m) throw new Error(`not an amount: ${text}`);
  return (Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))) * 10_000;
}

function csv(name: string, file: string): string[][] {
  return readFileSync(join(dir(name), file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

/** The department's workbook reconstructed from lines.csv and procurement.csv (one 行政单位), under jiangsu-province. */
export function fixtureWorkbook(name: string): Workbook {
  const { department, year } = readPrinted(name);
  const wb = newWorkbook(department, year);
  wb.template = 'jiangsu-province';
  wb.units = [{ name: department, type: '行政单位' }];
  wb.lines = csv(name, 'lines.csv').map(
    ([functionCode, economicCode, kind, source, project, amount], i): LineItem => ({
      id: i + 1,
      unit: department,
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
    procurement: csv(name, 'procurement.csv').map(
      ([kind, project, economicCode, item, method, amount]): ProcurementItem => ({
        unit: department,
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
