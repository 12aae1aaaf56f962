import type { Workbook } from '../model';
import { catalogEditionsOf, type UnitFrame } from './frame';
import { unitPart } from './part';
import { UnitsError } from './unitsError';

/**
 * A unit's own workbook made from its department's: the unit's lines (with the department's ids)
 * and projects, and the department's frame — department, year, units, catalogs, baseline, texts and
 * entered figures — which the unit file keeps read-only. With it, the frame the file records.
 */
export function splitUnit(wb: Workbook, unit: string, origin: { departmentFileId: string; revision: number; madeAt: string }): { workbook: Workbook; frame: UnitFrame } {
  if (!wb.units.some((u) => u.name === unit)) {
    const known = wb.units.map((u) => `“${u.name}”`).join('、') || '（无）';
    throw new UnitsError(`部门工作簿中没有登记单位“${unit}”。已登记的单位：${known}。`);
  }
  const part = unitPart(wb, unit);
  const frame: UnitFrame = {
    ...origin,
    department: wb.department,
    year: wb.year,
    unit,
    units: wb.units,
    catalogs: catalogEditionsOf(wb),
    template: null,
    base: part,
  };
  return { workbook: { ...wb, lines: part.lines, projects: part.projects }, frame };
}
