import { basename } from 'node:path';
import { parseCsv } from '../../shared/core/csv';
import { describeFinding, readLineTable, type Finding } from '../../shared/core/lineTable';
import { UNIT_TYPES, type BudgetUnit, type LineItem, type UnitType } from '../../shared/core/model';
import type { Catalogs } from '../../shared/core/catalog/catalog';
import { readTextFile } from './textFile';
import { UserError } from './userError';

export function findingsMessage(file: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${basename(file)} ${describeFinding(f)}`).join('\n');
}

/** Line items from a CSV file; any bad row ends with all problems listed and nothing read. */
export function readLinesCsv(path: string, catalogs?: Catalogs): { lines: LineItem[]; warnings: Finding[] } {
  const result = readLineTable(parseCsv(readTextFile(path)), catalogs);
  if (result.errors.length > 0) throw new UserError(`明细文件有 ${result.errors.length} 处错误，未导入任何数据：\n${findingsMessage(path, result.errors)}`);
  return { lines: result.lines, warnings: result.warnings };
}

/** Units and their types from a CSV with columns 单位名称, 单位类型. */
export function readUnitsCsv(path: string): BudgetUnit[] {
  const rows = parseCsv(readTextFile(path));
  const header = (rows[0] ?? []).map((h) => h.trim());
  const nameCol = header.indexOf('单位名称');
  const typeCol = header.indexOf('单位类型');
  if (nameCol < 0 || typeCol < 0) throw new UserError(`${basename(path)} 第 1 行：表头应包含“单位名称”和“单位类型”两列`);
  const units: BudgetUnit[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.every((c) => c.trim() === '')) return;
    const name = (row[nameCol] ?? '').trim();
    const type = (row[typeCol] ?? '').trim() as UnitType;
    if (!name) throw new UserError(`${basename(path)} 第 ${i + 2} 行“单位名称”列：单位名称为空`);
    if (!UNIT_TYPES.includes(type)) throw new UserError(`${basename(path)} 第 ${i + 2} 行“单位类型”列：“${type}”无效，应为 ${UNIT_TYPES.join('、')}`);
    units.push({ name, type });
  });
  return units;
}
