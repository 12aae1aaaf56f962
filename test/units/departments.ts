import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project, Workbook } from '../../shared/core/model';
import { WorkbookFile } from '../../main/workbook/file';
import { splitToFile } from '../../main/units/unitFiles';
import { generateWorkbook } from '../bench/generate';

export const UNIT_A = '本级';
export const UNIT_B = '所属单位0001';
export const UNIT_C = '所属单位0002';

export function project(name: string, implementer: string, fiscal: number): Project {
  return {
    name,
    category: '经常性专项业务费',
    implementer,
    start: '2025-01-01',
    end: '2025-12-31',
    overview: `${name}的概况`,
    legalBasis: '',
    executor: '',
    plan: '',
    period: '一年',
    calculation: '',
    calculationNote: '',
    funds: { total: fiscal, fiscal, other: 0, currentYearFiscal: fiscal, carriedOver: 0, otherAnnual: 0 },
    goals: { overall: '完成', annual: '完成' },
    indicators: [],
  };
}

/** A department of three units (the bench generator's, 900 lines), with one project record per unit. */
export function departmentWorkbook(department = '基准测试部门', year = 2025): Workbook {
  const wb = { ...generateWorkbook(900, 7), department, year };
  const named = (unit: string) => wb.lines.find((l) => l.unit === unit && l.kind === '项目支出')!.project;
  wb.projects = [UNIT_A, UNIT_B, UNIT_C].map((u, i) => project(named(u), u, 100_000 * (i + 1)));
  return wb;
}

export function createDepartment(dir: string, name = 'dept.budget', wb = departmentWorkbook()): string {
  const path = join(dir, name);
  WorkbookFile.create(path, wb).close();
  return path;
}

export function split(deptPath: string, unit: string, out: string): string {
  const dept = WorkbookFile.open(deptPath);
  try {
    splitToFile(dept, unit, out);
  } finally {
    dept.close();
  }
  return out;
}

/** A file's bytes as a digest, and whether a -wal is beside it. */
export function fingerprint(path: string): string {
  return `${createHash('sha256').update(readFileSync(path)).digest('hex')}${existsSync(`${path}-wal`) ? '+wal' : ''}`;
}

export function withFile<T>(path: string, use: (file: WorkbookFile) => T): T {
  const file = WorkbookFile.open(path);
  try {
    return use(file);
  } finally {
    file.close();
  }
}
