import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { GRID_COLUMNS } from '../../renderer/src/lines/lineCells';
import { planClear, planFillDown, planFillRight, planFillValue, rangeCells } from '../../renderer/src/lines/rangeEdits';

const wb = sampleWorkbook();
const col = (c: (typeof GRID_COLUMNS)[number]) => GRID_COLUMNS.indexOf(c);
const apply = (w: Workbook, plan: ReturnType<typeof planFillDown>) => {
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return applyEdit(w, plan.edit as never).workbook;
};

describe('range operations as one edit', () => {
  it('fills down each column from its top cell (a formula stays a formula)', () => {
    const w = applyEdit(wb, { op: 'updateLines', changes: [{ id: wb.lines[0].id, set: { amount: 300, basis: '=1+2' } }] }).workbook;
    const b = { top: 0, bottom: 3, left: col('economicCode'), right: col('amount') };
    const plan = planFillDown(w.lines, b, w);
    expect(plan.ok && plan.edit.op).toBe('updateLines');
    const after = apply(w, plan);
    for (const l of after.lines.slice(0, 4)) expect(l).toMatchObject({ economicCode: '30108', amount: 300, basis: '=1+2' });
    expect(after.lines[4]).toEqual(w.lines[4]);
  });

  it('fills right from the leftmost cell, and refuses what a column cannot hold', () => {
    const ok = planFillRight(wb.lines, { top: 0, bottom: 1, left: col('basis'), right: col('note') }, wb);
    expect(ok.ok).toBe(true);
    const bad = planFillRight(wb.lines, { top: 0, bottom: 0, left: col('kind'), right: col('source') }, wb);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].reason).toContain('资金来源');
  });

  it('puts one copied value into every cell of the range', () => {
    const plan = planFillValue('xm', wb.lines, { top: 2, bottom: 4, left: col('kind'), right: col('kind') }, wb);
    // Pasted text is read as typed into the cell: 'xm' is not a choice's full name.
    expect(plan.ok).toBe(false);
    const after = apply(wb, planFillValue('1,000', wb.lines, { top: 2, bottom: 4, left: col('amount'), right: col('amount') }, wb));
    expect(after.lines.slice(2, 5).map((l) => l.amount)).toEqual([100_000, 100_000, 100_000]);
  });

  it('clears a range: amounts to empty (0, shown empty and marked), required columns kept and named', () => {
    const { plan, kept } = planClear(wb.lines, { top: 0, bottom: 1, left: col('unit'), right: col('amount') }, wb);
    expect(kept).toEqual(['unit', 'kind', 'source']);
    const after = apply(wb, plan);
    expect(after.lines[0]).toMatchObject({ unit: wb.lines[0].unit, functionCode: '', economicCode: '', amount: 0, kind: '基本支出' });
  });

  it('copies a range as the cells a spreadsheet reads', () => {
    expect(rangeCells(wb.lines, { top: 0, bottom: 1, left: col('economicCode'), right: col('kind') })).toEqual([
      ['30108', '基本支出'],
      ['30109', '基本支出'],
    ]);
  });
});
