import { unregisteredUnitFinding } from '../../shared/core/checks/lineRules';
import type { CheckFinding } from '../../shared/core/checks/rules';
import type { Workbook } from '../../shared/core/model';

/** L-UNIT worked out afresh from the lines: each unit lines name that the workbook has not registered (none while it registers none). */
export function unitFindingsAfresh(wb: Workbook): CheckFinding[] {
  if (wb.units.length === 0) return [];
  const registered = new Set(wb.units.map((u) => u.name));
  const seen = new Map<string, { lines: number; first: number }>();
  for (const l of wb.lines) {
    if (registered.has(l.unit)) continue;
    const s = seen.get(l.unit) ?? { lines: 0, first: Infinity };
    seen.set(l.unit, { lines: s.lines + 1, first: Math.min(s.first, l.id) });
  }
  return [...seen].map(([unit, s]) => unregisteredUnitFinding(unit, s.lines, s.first));
}

/** Findings with the L-UNIT ones in message order (the kept order of units is the order they were first named, which edits do not keep). */
export function unitsSorted(findings: readonly CheckFinding[]): CheckFinding[] {
  const units = findings.filter((f) => f.rule === 'L-UNIT').sort((a, b) => a.message.localeCompare(b.message));
  return [...findings.filter((f) => f.rule !== 'L-UNIT'), ...units];
}
