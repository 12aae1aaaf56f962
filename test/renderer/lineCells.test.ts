import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/core/edits';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { cellCopyText, cellEditText, parseCellInput, planPaste, searchCatalog } from '../../renderer/src/lines/lineCells';

const wb = sampleWorkbook();
const line = wb.lines[0];

describe('a cell of the line grid as typed or pasted', () => {
  it('reads amounts as people write them, and a formula into amount and 测算依据', () => {
    expect(parseCellInput('amount', '1,200,486.48')).toEqual({ ok: true, set: { amount: 120_048_648 } });
    expect(parseCellInput('amount', '120.05万')).toEqual({ ok: true, set: { amount: 120_050_000 } });
    expect(parseCellInput('amount', '=43*128*12+3250*12')).toEqual({ ok: true, set: { amount: 10_504_800, basis: '=43*128*12+3250*12' } });
  });

  it('drops a formula 测算依据 when a plain amount replaces it, and keeps a written one', () => {
    expect(parseCellInput('amount', '100', { ...line, basis: '=1+1' })).toEqual({ ok: true, set: { amount: 10_000, basis: undefined } });
    expect(parseCellInput('amount', '100', { ...line, basis: '按 3 人测算' })).toEqual({ ok: true, set: { amount: 10_000 } });
  });

  it('refuses what it cannot read, with the column and a way to fix it', () => {
    const bad = [
      parseCellInput('amount', '12,34'),
      parseCellInput('amount', '=1/0'),
      parseCellInput('kind', '其他'),
      parseCellInput('source', ''),
      parseCellInput('functionCode', '21201999'),
      parseCellInput('unit', '  '),
    ];
    for (const r of bad) expect(r.ok).toBe(false);
    const kind = parseCellInput('kind', '其他');
    expect(!kind.ok && kind.reason).toBe('“支出类型”不能是“其他”，应为：基本支出、项目支出');
  });

  it('takes a unique beginning of a choice, and a catalog name for a code', () => {
    expect(parseCellInput('kind', '项目')).toEqual({ ok: true, set: { kind: '项目支出' } });
    expect(parseCellInput('source', '一般公共')).toEqual({ ok: true, set: { source: '一般公共预算财政拨款' } });
    expect(parseCellInput('costType', '')).toEqual({ ok: true, set: { costType: undefined } });
    expect(parseCellInput('functionCode', '其他城乡社区管理事务支出')).toEqual({ ok: true, set: { functionCode: '2120199' } });
    // An unknown code is kept: the checks mark it, and the person fixes it.
    expect(parseCellInput('functionCode', '2120188')).toEqual({ ok: true, set: { functionCode: '2120188' } });
  });

  it('searches the catalog by code prefix, then by name', () => {
    expect(searchCatalog('function', '2120199').map((e) => e.code)).toEqual(['2120199']);
    const byName = searchCatalog('function', '城乡社区');
    expect(byName.length).toBeGreaterThan(1);
    expect(byName.every((e) => e.code.length === 7 && (e.code.startsWith('城乡社区') || e.name.includes('城乡社区')))).toBe(true);
  });

  it('edits the formula but copies the number', () => {
    const withFormula = { ...line, amount: 10_504_800, basis: '=43*128*12+3250*12' };
    expect(cellEditText(withFormula, 'amount')).toBe('=43*128*12+3250*12');
    expect(cellCopyText(withFormula, 'amount')).toBe('105048.00');
  });
});

describe('a pasted block as one edit', () => {
  it('updates the rows it covers and inserts the rows past the end, in one batch', () => {
    const rows = wb.lines.slice(-2);
    const plan = planPaste(
      [
        ['30201', '项目支出'],
        ['30202', '基本支出'],
        ['30203', '基本支出'],
      ],
      rows,
      1,
      2,
      wb,
    );
    expect(plan).toMatchObject({ ok: true, updated: 1, inserted: 2 });
    if (!plan.ok) return;
    expect(plan.edit).toEqual({
      op: 'batch',
      edits: [
        { op: 'updateLines', changes: [{ id: rows[1].id, set: { economicCode: '30201', kind: '项目支出' } }] },
        {
          op: 'insertLines',
          lines: [
            { unit: wb.units[0].name, functionCode: '', economicCode: '30202', kind: '基本支出', source: '一般公共预算财政拨款', project: '', amount: 0 },
            { unit: wb.units[0].name, functionCode: '', economicCode: '30203', kind: '基本支出', source: '一般公共预算财政拨款', project: '', amount: 0 },
          ],
        },
      ],
    });
  });

  it('changes nothing when any cell cannot be read, and says which', () => {
    const plan = planPaste([['1,000'], ['一千']], wb.lines, 0, 6, wb);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatchObject({ row: 2, column: 1 });
  });

  it('refuses a block wider than the columns left', () => {
    const plan = planPaste([['a', 'b', 'c']], wb.lines, 0, 10, wb);
    expect(plan.ok).toBe(false);
  });

  it('applies to the workbook like any edit', () => {
    const plan = planPaste([['2120199', '30201', '基本支出', '一般公共预算财政拨款', '', '1,200.00']], wb.lines, wb.lines.length, 1, wb);
    expect(plan.ok).toBe(true);
    if (!plan.ok || plan.edit.op !== 'batch') return;
    const insert = plan.edit.edits[0];
    if (insert.op !== 'insertLines') throw new Error('expected an insert');
    const lines = insert.lines.map((l, i) => ({ ...l, id: 1000 + i }));
    const after = applyEdit(wb, { op: 'insertLines', lines }).workbook;
    expect(after.lines.at(-1)).toMatchObject({ functionCode: '2120199', economicCode: '30201', amount: 120_000 });
  });
});
