import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit, type LineFields } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { isEmpty, mergeChanges, mergedWorkbook, planUnitMerge, type Resolution } from '../../shared/core/units/merge';
import { lineKey, sameParts, unitPart } from '../../shared/core/units/part';
import { splitUnit } from '../../shared/core/units/split';
import { runs } from '../helpers/runs';
import { lineFieldsArb, workbookArb } from '../helpers/randomWorkbooks';

const UNIT = '本级';
const ORIGIN = { departmentFileId: 'dept', revision: 0, madeAt: '2025-01-01T00:00:00' };

/** What one side does to the lines it holds: per line keep, change the amount, or delete; then add some. */
const sideArb = fc.record({
  perLine: fc.array(fc.oneof(fc.constant<'keep'>('keep'), fc.constant<'delete'>('delete'), fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 40 }),
  added: fc.array(lineFieldsArb(false), { maxLength: 4 }),
});
type Side = { perLine: ('keep' | 'delete' | number)[]; added: LineFields[] };

/** Applies a side's changes to the lines `which` selects (new lines: forced into `unit` when given), ids from `next`. */
function play(wb: Workbook, side: Side, which: (unit: string) => boolean, next: number, unit?: string): Workbook {
  const lines = wb.lines.filter((l) => which(l.unit));
  const edits: Edit[] = [];
  lines.forEach((l, i) => {
    const what = side.perLine[i] ?? 'keep';
    if (what === 'delete') edits.push({ op: 'deleteLines', ids: [l.id] });
    else if (what !== 'keep') edits.push({ op: 'updateLines', changes: [{ id: l.id, set: { amount: what } }] });
  });
  edits.push({ op: 'insertLines', lines: side.added.map((f, i) => ({ ...f, unit: unit ?? f.unit, id: next + i })) });
  return applyEdit(wb, { op: 'batch', edits }).workbook;
}

const others = (wb: Workbook) => wb.lines.filter((l) => l.unit !== UNIT).map((l) => `${l.id}${lineKey(l)}`);

describe('three-way merge of a unit’s file (property)', () => {
  it('takes the unit’s part when the department left it alone, leaves other units alone, and merging again changes nothing', () => {
    fc.assert(
      fc.property(workbookArb(false, 30), sideArb, sideArb, fc.boolean(), fc.constantFrom<Resolution>('mine', 'theirs', 'both'), (dept0, unitSide, deptSide, deptTouchesUnit, resolution) => {
        const { workbook: unitWb0, frame } = splitUnit(dept0, UNIT, ORIGIN);
        const unitWb = play(unitWb0, unitSide, () => true, 10_000, UNIT);
        const deptAdds = deptTouchesUnit ? deptSide : { ...deptSide, added: deptSide.added.map((f) => (f.unit === UNIT ? { ...f, unit: '甲中心' } : f)) };
        const dept = play(dept0, deptAdds, (u) => deptTouchesUnit || u !== UNIT, 20_000);
        const file = { name: 'u.budget', frame, workbook: unitWb };

        const merge = planUnitMerge(dept, file, UNIT, []);
        if (!deptTouchesUnit) expect(merge.conflicts).toEqual([]);
        const how = resolution === 'both' ? { byKey: Object.fromEntries(merge.conflicts.map((c) => [c.key, c.kind === 'line' ? 'both' : 'theirs'] as const)) } : { all: resolution };
        // ids as a file gives them: never one it gave before
        const merged = mergedWorkbook(dept, mergeChanges(dept, [merge], how), 50_000);

        expect(others(merged)).toEqual(others(dept));
        if (!deptTouchesUnit) {
          expect(sameParts({ lines: unitPart(merged, UNIT).lines, projects: [] }, { lines: unitWb.lines, projects: [] })).toBe(true);
          // made again from the merged department, the unit's file has the same lines (a project another unit's
          // lines share may come along with it: the random projects are not the unit's own)
          expect(sameParts({ lines: splitUnit(merged, UNIT, ORIGIN).workbook.lines, projects: [] }, { lines: unitWb.lines, projects: [] })).toBe(true);
        }
        // what is left to decide the second time is only what was decided for the department's side
        const again = planUnitMerge(merged, file, UNIT, []);
        expect(isEmpty(mergeChanges(merged, [again], { all: resolution === 'theirs' ? 'theirs' : 'mine' }))).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});
