import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EditRequest } from '../../shared/contract/api';
import { applyEdit, type LineFields } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { WorkbookFile } from '../../main/workbook/file';
import { digest } from './digest';
import { runs } from '../helpers/runs';
import { useTempDir } from './tempDir';

/** A change to a line picked by index (modulo the lines there are), so that several often hit one line. */
const change = fc.record({
  n: fc.nat({ max: 5 }),
  set: fc.oneof(
    fc.record({ amount: fc.integer({ min: -1_000_00, max: 1_000_000_00 }) }),
    fc.record({ note: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }) }),
    fc.record({ amount: fc.integer({ min: 0, max: 99_999 }), basis: fc.option(fc.constantFrom('按人数', '按面积'), { nil: undefined }) }),
  ),
});

type Step = { kind: 'undo' } | { kind: 'redo' } | { kind: 'edit'; make: (wb: Workbook) => EditRequest | undefined };

const updates = fc.array(change, { minLength: 1, maxLength: 6 }).map(
  (changes) => (wb: Workbook): EditRequest | undefined =>
    wb.lines.length === 0 ? undefined : { op: 'updateLines', changes: changes.map((c) => ({ id: wb.lines[c.n % wb.lines.length].id, set: c.set as Partial<LineFields> })) },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'undo' }),
  fc.constant<Step>({ kind: 'redo' }),
  updates.map((make): Step => ({ kind: 'edit', make })),
  fc.array(updates, { minLength: 2, maxLength: 3 }).map(
    (parts): Step => ({
      kind: 'edit',
      make: (wb) => {
        const edits = parts.map((p) => p(wb)).filter((e): e is EditRequest => e !== undefined);
        return edits.length ? { op: 'batch', edits } : undefined;
      },
    }),
  ),
  fc.nat({ max: 5 }).map((n): Step => ({ kind: 'edit', make: (wb) => (wb.lines.length ? { op: 'deleteLines', ids: [wb.lines[n % wb.lines.length].id] } : undefined) })),
  fc.integer({ min: 1, max: 3 }).map(
    (count): Step => ({ kind: 'edit', make: () => ({ op: 'insertLines', lines: sampleWorkbook().lines.slice(0, count).map(({ id: _, ...fields }) => fields) }) }),
  ),
);

describe('the screen, the workbook in memory and the file hold the same lines after any edits', () => {
  const temp = useTempDir();

  it('after every edit, undo and redo (several changes to one line in one call included)', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const path = join(temp(), `s${run++}.budget`);
        const start = sampleWorkbook();
        let file = WorkbookFile.create(path, { ...start, lines: start.lines.slice(0, 6) });
        // The screen applies each result to its own copy with the same applyEdit, as the renderer does.
        let screen = file.workbook();
        try {
          for (const s of steps) {
            const request = s.kind === 'edit' ? s.make(file.workbook()) : undefined;
            const result = s.kind === 'undo' ? file.undo() : s.kind === 'redo' ? file.redo() : request ? file.edit(request) : null;
            if (result) screen = applyEdit(screen, result.applied).workbook;
            expect(digest(file.workbook())).toBe(digest(screen));
            file.close();
            file = WorkbookFile.open(path);
            expect(digest(file.workbook())).toBe(digest(screen));
          }
        } finally {
          file.close();
        }
      }),
      { numRuns: runs(30) },
    );
  });
});
