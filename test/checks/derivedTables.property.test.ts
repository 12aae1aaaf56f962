import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLines, checkPublication, checkWorkbook } from '../../shared/core/checks/index';
import { checkProjects, checkProjectsExplained } from '../../shared/core/checks/projectRules';
import { checkChanges } from '../../shared/core/narrative/flags';
import type { Workbook } from '../../shared/core/model';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';
import { unitFindingsAfresh, unitsSorted } from '../helpers/unitFindings';

/** The table rules on the workbook's derived tables, run in full (codes the catalog lacks are the line rules' business). */
function tableRulesInFull(wb: Workbook) {
  return checkPublication(deriveWorkbookTables(wb).map(toPublishedTable)).filter((f) => f.rule !== 'T-CODE-UNKNOWN');
}

const atRisk = (wb: Workbook) => checkLines(wb.lines).some((f) => f.rule === 'L-NEGATIVE' || (f.rule === 'L-CODE' && !f.message.includes('不在科目表中')));

describe('table rules on the tables the engine derives', () => {
  it('never fire unless a line has a negative amount or a malformed or non-leaf code', () => {
    fc.assert(
      fc.property(workbookArb(false), (wb) => {
        expect(atRisk(wb)).toBe(false);
        expect(tableRulesInFull(wb)).toEqual([]);
      }),
      { numRuns: runs(600) },
    );
  });

  it('can fire when a line has one (so skipping them otherwise is a real saving, not a rule never used)', () => {
    const fired = new Set<string>();
    fc.assert(
      fc.property(workbookArb(true), (wb) => {
        for (const f of tableRulesInFull(wb)) fired.add(f.rule);
      }),
      // a fixed seed and a fixed number of runs: which rules fire depends on the draws, and this test is about their variety
      { numRuns: 300, seed: 20251125 },
    );
    expect([...fired]).toEqual(expect.arrayContaining(['T-NEGATIVE', 'T-CODE', 'T-PARENT-SUM', 'T-TOTAL-SUM']));
  });

  it('checkWorkbook, which runs them only then, finds exactly what running them always finds', () => {
    fc.assert(
      fc.property(workbookArb(true), (wb) => {
        expect(unitsSorted(checkWorkbook(wb))).toEqual(unitsSorted([...checkLines(wb.lines), ...unitFindingsAfresh(wb), ...checkProjects(wb), ...checkProjectsExplained(wb), ...checkChanges(wb), ...tableRulesInFull(wb)]));
      }),
      { numRuns: runs(600) },
    );
  });
});
