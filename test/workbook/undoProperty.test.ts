import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EditRequest } from '../../shared/contract/api';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { WorkbookFile } from '../../main/workbook/file';
import { digest } from './digest';
import { useTempDir } from './tempDir';
import { runs } from '../helpers/runs';

type Step = { kind: 'undo' } | { kind: 'redo' } | { kind: 'edit'; make: (wb: Workbook) => EditRequest | undefined };

const amount = fc.integer({ min: -1_000_000_00, max: 1_000_000_000_00 });
const pick = (n: number) => (wb: Workbook) => wb.lines[n % Math.max(wb.lines.length, 1)];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'undo' }),
  fc.constant<Step>({ kind: 'redo' }),
  fc.record({ n: fc.nat(), a: amount, note: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }).map(
    ({ n, a, note }): Step => ({
      kind: 'edit',
      make: (wb) => (wb.lines.length ? { op: 'updateLines', changes: [{ id: pick(n)(wb).id, set: { amount: a, note } }] } : undefined),
    }),
  ),
  fc.record({ count: fc.integer({ min: 1, max: 40 }), a: amount }).map(
    ({ count, a }): Step => ({
      kind: 'edit',
      make: () => ({ op: 'insertLines', lines: Array.from({ length: count }, (_, i) => ({ ...sampleWorkbook().lines[i % 30], amount: a + i })) }),
    }),
  ),
  fc.nat().map((n): Step => ({ kind: 'edit', make: (wb) => (wb.lines.length ? { op: 'deleteLines', ids: [pick(n)(wb).id] } : undefined) })),
  fc.array(fc.nat(), { minLength: 2, maxLength: 6 }).map(
    (ns): Step => ({ kind: 'edit', make: (wb) => (wb.lines.length ? { op: 'deleteLines', ids: [...new Set(ns.map((n) => pick(n)(wb).id))] } : undefined) }),
  ),
  fc.string({ maxLength: 12 }).map((text): Step => ({ kind: 'edit', make: (wb) => ({ op: 'setTexts', texts: { ...wb.texts, organization: text } }) })),
  fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 2000, max: 2100 })).map(
    ([department, year]): Step => ({ kind: 'edit', make: () => ({ op: 'setMeta', department, year }) }),
  ),
);

describe('undo and redo of any sequence of edits', () => {
  const temp = useTempDir();

  it('the file reopened equals the workbook in memory; undoing everything gives back the original, redoing as much returns', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const path = join(temp(), `p${run++}.budget`);
        let file = WorkbookFile.create(path, sampleWorkbook());
        const original = file.workbook();
        // What the screen does: it applies each result to its own copy with the same applyEdit.
        for (const s of steps) {
          if (s.kind === 'undo') file.undo();
          else if (s.kind === 'redo') file.redo();
          else {
            const request = s.make(file.workbook());
            if (request) file.edit(request);
          }
        }
        const now = file.snapshot();
        file.close();
        file = WorkbookFile.open(path);
        expect(file.snapshot()).toEqual(now);
        let undone = 0;
        while (file.undo()) undone++;
        expect(digest(file.workbook())).toBe(digest(original));
        for (let i = 0; i < undone; i++) expect(file.redo()).not.toBeNull();
        expect(digest(file.workbook())).toBe(digest(now.workbook));
        expect(file.snapshot().canRedo).toBe(now.canRedo);
        file.close();
      }),
      { numRuns: runs(40) },
    );
  });
});
