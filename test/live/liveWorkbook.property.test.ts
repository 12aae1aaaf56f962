import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS } from '../../shared/core/catalog/catalog';
import { workbookCatalogs } from '../../shared/core/catalog/workbookCatalogs';
import { checkLines, checkPublication } from '../../shared/core/checks/index';
import { checkProjects, checkProjectsExplained } from '../../shared/core/checks/projectRules';
import type { CheckFinding } from '../../shared/core/checks/rules';
import { checkChanges } from '../../shared/core/narrative/flags';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { newProject } from '../../renderer/src/projects/projectEdits';
import { UNIT_TYPES, type Workbook } from '../../shared/core/model';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { CODES, UNIT_NAMES, lineFieldsArb, workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';
import { unitFindingsAfresh, unitsSorted } from '../helpers/unitFindings';

/** Every check run in full on the workbook as it now is: what the kept findings must equal. */
function checkedAfresh(wb: Workbook) {
  const catalogs = workbookCatalogs(wb);
  const tableFindings = checkPublication(deriveWorkbookTables(wb).map(toPublishedTable), catalogs).filter((f) => f.rule !== 'T-CODE-UNKNOWN');
  return [...checkLines(wb.lines, catalogs), ...unitFindingsAfresh(wb), ...checkProjects(wb), ...checkProjectsExplained(wb), ...checkChanges(wb), ...tableFindings];
}

/**
 * Findings with L-UNIT (see unitsSorted) and P-NO-RECORD in message order: the kept order of units and
 * project names is the order they were first named, which edits do not keep.
 */
function namesSorted(findings: readonly CheckFinding[]): CheckFinding[] {
  const unrecorded = findings.filter((f) => f.rule === 'P-NO-RECORD').sort((a, b) => a.message.localeCompare(b.message));
  return [...unitsSorted(findings.filter((f) => f.rule !== 'P-NO-RECORD')), ...unrecorded];
}

const NOTHING: Edit = { op: 'batch', edits: [] };

/** An edit made from the workbook as it is (ids of lines that exist; new ids above all others). */
type EditMaker = (wb: Workbook) => Edit;

/** A maker that shows its data when fast-check prints a counterexample. */
const shown = <T,>(data: T, make: (data: T) => EditMaker): EditMaker => Object.assign(make(data), { toString: () => JSON.stringify(data) });

const pick = <T,>(items: readonly T[], n: number) => items[n % items.length];

const editArb: fc.Arbitrary<EditMaker> = fc.oneof(
  fc.record({ fields: fc.array(lineFieldsArb(true), { minLength: 1, maxLength: 3 }), front: fc.boolean() }).map((d) =>
    shown(d, ({ fields, front }) => (wb) => {
        const next = Math.max(0, ...wb.lines.map((l) => l.id)) + 1;
        const lines = fields.map((f, i) => ({ id: next + i, ...f }));
        return front ? { op: 'insertLines', lines, at: lines.map((_, i) => i) } : { op: 'insertLines', lines };
    }),
  ),
  fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((d) => shown(d, (picks) => (wb: Workbook): Edit => (wb.lines.length === 0 ? NOTHING : { op: 'deleteLines', ids: [...new Set(picks.map((p) => pick(wb.lines, p).id))] }))),
  fc.record({ at: fc.nat(), fields: lineFieldsArb(true), only: fc.constantFrom('amount', 'functionCode', 'source', 'unit', 'all') }).map((d) =>
    shown(d, ({ at, fields, only }) => (wb): Edit => {
        if (wb.lines.length === 0) return NOTHING;
        const id = pick(wb.lines, at).id;
        const set = only === 'all' ? { ...fields, costType: undefined, functionName: undefined } : { [only]: fields[only] };
        return { op: 'updateLines', changes: [{ id, set }] };
    }),
  ),
  fc.tuple(...UNIT_NAMES.map(() => fc.constantFrom(...UNIT_TYPES))).map((types) => (): Edit => ({ op: 'setUnits', units: UNIT_NAMES.map((name, i) => ({ name, type: types[i] })) })),
  fc.integer({ min: 0, max: 1_000_000_000 }).map((amount) => (wb: Workbook): Edit => ({
    op: 'setProjects',
    projects: wb.projects.map((p) => ({ ...p, funds: { ...p.funds, total: amount, fiscal: amount, currentYearFiscal: amount } })),
  })),
  // records added and taken away, so that project names without one (P-NO-RECORD) change other than by lines
  fc.subarray(['项目甲', '项目乙', '项目丙']).map((names) =>
    shown(names, (named) => (wb: Workbook): Edit => ({
      op: 'setProjects',
      projects: named.map((name) => wb.projects.find((p) => p.name === name) ?? newProject(wb, name, UNIT_NAMES[0])),
    })),
  ),
  fc.boolean().map((on) => (): Edit => ({
    op: 'setCatalogEdition',
    kind: 'function',
    edition: on ? { edition: 2025, rows: [...[...BUILTIN_CATALOGS.function.entries.values()].map(({ code, name }) => ({ code, name })), { code: CODES.function.unknown[0], name: '新增科目' }] } : null,
  })),
  fc.constant((): Edit => ({ op: 'setMeta', department: '另一部门', year: 2026 })),
);

describe('LiveWorkbook', () => {
  it('after every edit, its tables and findings equal those derived and checked afresh', () => {
    fc.assert(
      fc.property(workbookArb(true, 25), fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (start, makers, batched) => {
        let wb = start;
        const live = new LiveWorkbook(wb);
        makers.forEach((make, i) => {
          let edit = make(wb);
          if (batched[i]) edit = { op: 'batch', edits: [edit] };
          wb = applyEdit(wb, edit).workbook;
          live.apply(edit);
          expect(live.tables).toEqual(deriveWorkbookTables(wb));
          expect(live.unitTables(UNIT_NAMES[1])).toEqual(deriveWorkbookTables(wb, UNIT_NAMES[1]));
          expect(namesSorted(live.findings())).toEqual(namesSorted(checkedAfresh(wb)));
        });
      }),
      { numRuns: runs(300) },
    );
  });
});
