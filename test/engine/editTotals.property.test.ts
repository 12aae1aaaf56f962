import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { MAX_AMOUNT_FEN, MAX_TOTAL_FEN } from '../../shared/core/limits';
import type { LineItem, Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { runs } from '../helpers/runs';

// applyEdit carries the total of amounts from one lines array to the next; whether an edit is refused
// for passing 10 万亿元 must be exactly what a fresh sum says, whatever edits came before.
const line = (id: number, amount: number): LineItem => ({ id, unit: '某中心', functionCode: '2010101', economicCode: '30201', kind: '基本支出', source: '一般公共预算财政拨款', project: '', amount });
const freshTotal = (lines: readonly LineItem[]) => lines.reduce((sum, l) => sum + Math.abs(l.amount), 0);
const amount = fc.oneof(fc.integer({ min: -MAX_AMOUNT_FEN, max: MAX_AMOUNT_FEN }), fc.constantFrom(MAX_AMOUNT_FEN, -MAX_AMOUNT_FEN, 0, 1, -1));
const step = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), amounts: fc.array(amount, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('update' as const), picks: fc.array(fc.tuple(fc.nat(), amount), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.constant({ op: 'undo' as const }),
);

describe('the total of amounts carried from edit to edit', () => {
  it('refuses an edit exactly when the fresh total passes 10 万亿元, after any edits and undos', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        let wb: Workbook = { ...sampleWorkbook(), lines: [] };
        const undos: Edit[] = [];
        let nextId = 1;
        for (const s of steps) {
          let edit: Edit;
          if (s.op === 'undo') {
            if (undos.length === 0) continue;
            edit = undos.pop()!;
          } else if (s.op === 'insert') {
            edit = { op: 'insertLines', lines: s.amounts.map((a) => line(nextId++, a)) };
          } else if (wb.lines.length === 0) {
            continue;
          } else if (s.op === 'update') {
            edit = { op: 'updateLines', changes: s.picks.map(([k, a]) => ({ id: wb.lines[k % wb.lines.length].id, set: { amount: a } })) };
          } else {
            edit = { op: 'deleteLines', ids: [wb.lines[s.pick % wb.lines.length].id] };
          }
          let applied: ReturnType<typeof applyEdit> | undefined;
          try {
            applied = applyEdit(wb, edit);
          } catch (e) {
            expect(String(e)).toContain('10 万亿元');
          }
          if (!applied) {
            // Refused: what it would have made passes the limit, counted afresh.
            const would = edit.op === 'insertLines' ? [...wb.lines, ...edit.lines] : wb.lines.map((l) => {
              const c = edit.op === 'updateLines' ? [...edit.changes].reverse().find((x) => x.id === l.id) : undefined;
              return c ? { ...l, ...c.set } : l;
            });
            expect(freshTotal(would)).toBeGreaterThan(MAX_TOTAL_FEN);
            continue;
          }
          const grew = freshTotal(applied.workbook.lines) > freshTotal(wb.lines);
          expect(!grew || freshTotal(applied.workbook.lines) <= MAX_TOTAL_FEN).toBe(true);
          if (s.op !== 'undo') undos.push(applied.inverse);
          wb = applied.workbook;
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
