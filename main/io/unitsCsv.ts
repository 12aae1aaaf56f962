import { basename } from 'node:path';
import { NAME_LIMIT } from '../../shared/core/limits';
import { UNIT_TYPES, type BudgetUnit, type UnitType } from '../../shared/core/model';
import { readCsvFile } from './csvFile';
import { UserError } from './userError';

/** Units and their types from a CSV with columns 单位名称, 单位类型. */
export function readUnitsCsv(path: string): BudgetUnit[] {
  const rows = readCsvFile(path);
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
    if ([...name].length > NAME_LIMIT) throw new UserError(`${basename(path)} 第 ${i + 2} 行“单位名称”列：单位名称过长，最多 ${NAME_LIMIT} 个字`);
    if (!UNIT_TYPES.includes(type)) throw new UserError(`${basename(path)} 第 ${i + 2} 行“单位类型”列：“${type}”无效，应为 ${UNIT_TYPES.join('、')}`);
    units.push({ name, type });
  });
  return units;
}
