import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { diffWorkbooks } from '../../shared/core/versionDiff';

function edited(wb: Workbook, ...edits: Parameters<typeof applyEdit>[1][]): Workbook {
  return edits.reduce((w, e) => applyEdit(w, e).workbook, wb);
}

describe('the difference between two versions of a workbook', () => {
  const a = sampleWorkbook();

  it('is empty for the same workbook', () => {
    expect(diffWorkbooks(a, sampleWorkbook())).toEqual({ parts: [], added: [], removed: [], changed: [], figures: [], narrative: [] });
  });

  it('lists lines added, removed and changed, with old and new values', () => {
    const target = a.lines.find((l) => l.functionCode === '2120199' && l.economicCode === '30201')!;
    const gone = a.lines.find((l) => l.economicCode === '30113')!;
    const added = { ...target, id: 100, economicCode: '30217', amount: 1_000_000, note: '新增接待' };
    const b = edited(
      a,
      { op: 'updateLines', changes: [{ id: target.id, set: { amount: target.amount + 1_234_500, basis: '按 12 个月' } }] },
      { op: 'deleteLines', ids: [gone.id] },
      { op: 'insertLines', lines: [added] },
    );
    const d = diffWorkbooks(a, b);
    expect(d.added).toEqual([added]);
    expect(d.removed).toEqual([gone]);
    expect(d.changed).toEqual([
      {
        id: target.id,
        before: target,
        after: { ...target, amount: target.amount + 1_234_500, basis: '按 12 个月' },
        fields: [
          { field: 'amount', old: target.amount, new: target.amount + 1_234_500 },
          { field: 'basis', old: undefined, new: '按 12 个月' },
        ],
      },
    ]);
  });

  it('gives every figure of the nine tables that changed, with its table, row and column', () => {
    const target = a.lines.find((l) => l.functionCode === '2120199' && l.economicCode === '30201' && l.kind === '基本支出')!;
    const b = edited(a, { op: 'updateLines', changes: [{ id: target.id, set: { amount: target.amount + 100_000_00 } }] });
    const d = diffWorkbooks(a, b);
    const t3 = d.figures.filter((f) => f.table === 3);
    expect(t3.map((f) => `${f.row}|${f.column}`)).toEqual([
      '212 城乡社区支出|合计',
      '212 城乡社区支出|基本支出',
      '212 01 城乡社区管理事务|合计',
      '212 01 城乡社区管理事务|基本支出',
      '212 01 99 其他城乡社区管理事务支出|合计',
      '212 01 99 其他城乡社区管理事务支出|基本支出',
      '合计|合计',
      '合计|基本支出',
    ]);
    for (const f of d.figures) expect(f.new! - f.old!).toBe(100_000_00);
    const total = d.figures.find((f) => f.table === 1 && f.row === '收入总计')!;
    expect(total).toMatchObject({ title: '2024 年部门财务收支预算总表', column: '本年收入.预算数', unit: '元' });
    expect(total.newText).not.toBe(total.oldText);
    const t8 = d.figures.filter((f) => f.table === 8).map((f) => `${f.row}|${f.column}`);
    expect(t8).toContain('302 01 办公费|公用经费');
    // Tables 6, 7 (no such funds) and 9 (no 三公 code) do not move.
    expect(d.figures.some((f) => f.table === 6 || f.table === 7 || f.table === 9)).toBe(false);
  });

  it('reports a figure of table 9 in 万元 and a row that appears', () => {
    const base = a.lines[0];
    const b = edited(a, { op: 'insertLines', lines: [{ ...base, id: 500, functionCode: '2120199', economicCode: '30212', amount: 5_000_000 }] });
    const d = diffWorkbooks(a, b);
    const abroad = d.figures.find((f) => f.table === 9 && f.column === '因公出国（境）费')!;
    expect(abroad).toMatchObject({ row: '', unit: '万元', old: 0, new: 5_000_000, oldText: '0', newText: '5.00' });
    const newRow = d.figures.find((f) => f.table === 8 && f.row === '302 12 因公出国（境）费用' && f.column === '公用经费')!;
    expect(newRow).toMatchObject({ old: null, new: 5_000_000, oldText: '' });
  });

  it('gives the paragraphs of the explanatory text whose numbers changed', () => {
    const target = a.lines.find((l) => l.kind === '基本支出')!;
    const b = edited(a, { op: 'updateLines', changes: [{ id: target.id, set: { amount: target.amount + 500_000_00 } }] });
    const d = diffWorkbooks(a, b);
    expect(d.narrative.length).toBeGreaterThan(0);
    const budget = d.narrative.find((n) => n.section === 'budget' && n.old?.includes('875.96'))!;
    expect(budget.new).toContain('925.96');
    for (const n of d.narrative) expect(n.old).not.toBe(n.new);
  });

  it('names the other parts that changed, and a change of department or year', () => {
    const b = edited(a, { op: 'setMeta', department: '新部门', year: 2025 }, { op: 'setTexts', texts: { ...a.texts, glossary: '改' } });
    const d = diffWorkbooks(a, b);
    expect(d.department).toEqual({ old: a.department, new: '新部门' });
    expect(d.year).toEqual({ old: 2024, new: 2025 });
    expect(d.parts).toEqual(['texts']);
  });
});
