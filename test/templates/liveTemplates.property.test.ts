import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import type { Workbook } from '../../shared/core/model';
import { TEMPLATES } from '../../shared/core/templates/registry';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { UNIT_NAMES, lineFieldsArb, workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';

type EditMaker = (wb: Workbook) => Edit;
const pick = <T,>(items: readonly T[], n: number) => items[n % items.length];
const NOTHING: Edit = { op: 'batch', edits: [] };

const editArb: fc.Arbitrary<EditMaker> = fc.oneof(
  fc.array(lineFieldsArb(true), { minLength: 1, maxLength: 3 }).map((fields) => (wb: Workbook): Edit => {
    const next = Math.max(0, ...wb.lines.map((l) => l.id)) + 1;
    return { op: 'insertLines', lines: fields.map((f, i) => ({ id: next + i, ...f })) };
  }),
  fc.nat().map((n) => (wb: Workbook): Edit => (wb.lines.length === 0 ? NOTHING : { op: 'deleteLines', ids: [pick(wb.lines, n).id] })),
  fc.record({ at: fc.nat(), fields: lineFieldsArb(true), only: fc.constantFrom('amount', 'functionCode', 'economicCode', 'source', 'kind', 'unit') }).map(
    ({ at, fields, only }) =>
      (wb: Workbook): Edit => (wb.lines.length === 0 ? NOTHING : { op: 'updateLines', changes: [{ id: pick(wb.lines, at).id, set: { [only]: fields[only] } }] }),
  ),
  fc.constantFrom(...TEMPLATES.map((t) => t.id), null).map((template) => (): Edit => ({ op: 'setTemplate', template })),
);

describe('LiveWorkbook under any template', () => {
  it('after every edit (the template’s choice among them), its tables equal those derived afresh in that template', () => {
    fc.assert(
      fc.property(workbookArb(true, 20), fc.constantFrom(...TEMPLATES.map((t) => t.id)), fc.array(editArb, { minLength: 1, maxLength: 10 }), (start, template, makers) => {
        let wb: Workbook = { ...start, template };
        const live = new LiveWorkbook(wb);
        expect(live.tables).toEqual(deriveWorkbookTables(wb));
        for (const make of makers) {
          const edit = make(wb);
          wb = applyEdit(wb, edit).workbook;
          live.apply(edit);
          expect(live.tables).toEqual(deriveWorkbookTables(wb));
          expect(live.unitTables(UNIT_NAMES[0])).toEqual(deriveWorkbookTables(wb, UNIT_NAMES[0]));
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
