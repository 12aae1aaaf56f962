import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckFinding } from '../../shared/core/checks/index';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { aggregateFigures } from '../../shared/core/live/aggregateFigures';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { checkChanges } from '../../shared/core/narrative/flags';
import { writeReason } from '../../shared/core/reasons';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { LineStore } from '../../shared/core/live/lineStore';
import { measureKey } from '../../shared/core/measures';
import { unitTypeLookup } from '../../shared/core/model';
import { explainedChanges, explainedKeys, figuresFromLines } from '../../shared/core/yoy';
import { workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';

describe('the figures of the explained changes from the kept sums', () => {
  it('equal those summed from the lines, for every explained measure and 类 (property)', () => {
    fc.assert(
      fc.property(workbookArb(true), (wb) => {
        const fromLines = figuresFromLines(wb);
        const kept = aggregateFigures(new LineStore(wb.lines).aggregate(unitTypeLookup(wb.units)));
        expect(new Set(kept.fiscalClasses())).toEqual(new Set(fromLines.fiscalClasses()));
        const keys = [...explainedKeys(wb, fromLines), measureKey.fiscalFunction('999')];
        expect(keys.map((k) => [k, kept.figure(k)])).toEqual(keys.map((k) => [k, fromLines.figure(k)]));
      }),
      { numRuns: runs(400) },
    );
  });
});

describe('LiveWorkbook’s changes that wait for a reason', () => {
  it('follow edits as the checks afresh from the lines find them (project money, a reason, a new baseline)', () => {
    let wb = sampleWorkbook();
    const live = new LiveWorkbook(wb);
    const edits: Edit[] = [
      { op: 'insertLines', lines: [{ ...wb.lines[0], id: 500, kind: '项目支出', project: '新项目', economicCode: '30227', amount: 127_000_000 }] },
      { op: 'setBaseline', baseline: { ...wb.baseline, figures: { ...wb.baseline.figures, [measureKey.fiscalFunction('212')]: 500_000_000 } } },
      { op: 'updateLines', changes: [{ id: 500, set: { amount: 1_000 } }] },
      { op: 'deleteLines', ids: [500] },
    ];
    const reasons = (found: readonly CheckFinding[]) => found.filter((f) => f.rule === 'N-REASON');
    for (const edit of edits) {
      wb = applyEdit(wb, edit).workbook;
      live.apply(edit);
      expect(reasons(live.findings())).toEqual(checkChanges(wb));
      const { texts } = wb;
      const fresh = explainedChanges(wb);
      const write: Edit = { op: 'setTexts', texts: fresh.reduce((t, row) => writeReason(t, row.key, '原因', row), texts) };
      wb = applyEdit(wb, write).workbook;
      live.apply(write);
      expect(reasons(live.findings())).toEqual([]);
    }
    expect(checkChanges(wb)).toEqual([]);
  });
});
