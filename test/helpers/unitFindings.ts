import { unregisteredUnitFinding } from '../../shared/core/checks/lineRules';
import type { Workbook } from '../../shared/core/model';

/**
 * The L-UNIT findings a workbook must have, worked out plainly: when it registers any unit, each unit
 * only lines name (in the order the lines first name them), at its line with the lowest id.
 */
export function unregisteredUnitFindings(wb: Workbook) {
  if (wb.units.length === 0) return [];
  const registered = new Set(wb.units.map((u) => u.name));
  const named = [...new Set(wb.lines.map((l) => l.unit))].filter((u) => !registered.has(u));
  return named.map((u) => {
    const lines = wb.lines.filter((l) => l.unit === u);
    return unregisteredUnitFinding(u, lines.length, Math.min(...lines.map((l) => l.id)));
  });
}
