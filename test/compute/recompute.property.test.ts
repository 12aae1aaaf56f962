import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEdit } from '../../shared/core/compute/apply';
import { computePlan, planChangesAnything } from '../../shared/core/compute/propose';
import { applyEdit } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { runs } from '../helpers/runs';
import { setupArb, userLinesArb, workbook } from './arbitraries';

const applyPlan = (wb: Workbook): Workbook => applyEdit(wb, planEdit(computePlan(wb), 1 + Math.max(0, ...wb.lines.map((l) => l.id)))).workbook;

/** Lines as a sorted list without their ids (ids differ by the path that made them). */
const content = (wb: Workbook) =>
  wb.lines
    .map(({ id: _id, ...rest }) => JSON.stringify(Object.entries(rest).sort()))
    .sort();
const records = (wb: Workbook) => wb.compute!.computed.map((r) => JSON.stringify(r)).sort();

const RUNS = { numRuns: runs(300) };

describe('recomputing', () => {
  it('after any change to staff or standards equals computing from scratch', () => {
    fc.assert(
      fc.property(userLinesArb, setupArb, setupArb, (lines, before, after) => {
        const once = applyPlan(workbook(lines, before));
        const changed = { ...once, compute: { ...after, computed: once.compute!.computed } };
        const recomputed = applyPlan(changed);
        const scratch = applyPlan(workbook(lines, after));
        expect(content(recomputed)).toEqual(content(scratch));
        expect(records(recomputed)).toEqual(records(scratch));
      }),
      RUNS,
    );
  });

  it('is a fixed point: once applied, the 测算 proposes nothing more', () => {
    fc.assert(
      fc.property(userLinesArb, setupArb, (lines, setup) => {
        const applied = applyPlan(workbook(lines, setup));
        const again = computePlan(applied);
        expect(again.changes.filter((c) => c.kind !== 'same')).toEqual([]);
        expect(planChangesAnything(applied, again)).toBe(false);
      }),
      RUNS,
    );
  });

  it('applying and undoing leaves the workbook as it was', () => {
    fc.assert(
      fc.property(userLinesArb, setupArb, setupArb, (lines, before, after) => {
        const start = { ...applyPlan(workbook(lines, before)), compute: undefined };
        const withAfter = applyEdit(start, { op: 'setCompute', compute: after });
        const plan = computePlan(withAfter.workbook);
        const applied = applyEdit(withAfter.workbook, planEdit(plan, 1000));
        expect(applyEdit(applied.workbook, applied.inverse).workbook).toEqual(withAfter.workbook);
        expect(applyEdit(withAfter.workbook, withAfter.inverse).workbook).toEqual(start);
      }),
      RUNS,
    );
  });
});
