import { describe, expect, it } from 'vitest';
import { planEdit } from '../../shared/core/compute/apply';
import { computePlan, propose, rateOf } from '../../shared/core/compute/propose';
import { applyEdit } from '../../shared/core/edits';
import { formatYuan } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { workedUnit } from './workedUnit';

const CONTRIBUTIONS: [string, string, string][] = [
  ['30108', '16', '800,324.32'],
  ['30109', '8', '400,162.16'],
  ['30110', '10.5', '525,212.84'],
  ['30112', '0.66', '33,013.38'],
  ['30113', '7', '350,141.89'],
];

describe('the sample’s 社保 / 公积金 lines from its wage base', () => {
  const wb = sampleWorkbook();

  it('are exactly 30101 + 30107 = 5,002,027.00 times each rate, to the 分', () => {
    const base = wb.lines.filter((l) => l.economicCode === '30101' || l.economicCode === '30107').reduce((s, l) => s + l.amount, 0);
    expect(formatYuan(base)).toBe('5,002,027.00');
    const proposed = propose(wb);
    expect(proposed.problems).toEqual([]);
    expect(proposed.lines.map((l) => [l.economicCode, formatYuan(l.amount)])).toEqual(CONTRIBUTIONS.map(([code, , amount]) => [code, amount]));
    for (const [code, rate] of CONTRIBUTIONS) {
      const line = proposed.lines.find((l) => l.economicCode === code)!;
      const published = wb.lines.find((l) => l.economicCode === code)!;
      expect(line.amount).toBe(published.amount);
      expect(line.functionCode).toBe(published.functionCode);
      expect(line.basis).toContain(`工资基数 5,002,027.00（30101+30107）× ${rate}%`);
    }
  });

  it('so computing the sample changes no amount: only the 测算依据 is written', () => {
    const plan = computePlan(wb);
    expect(plan.changes.map((c) => c.kind)).toEqual(['basis', 'basis', 'basis', 'basis', 'basis']);
    expect(plan.inserts).toEqual([]);
    expect(plan.deletes).toEqual([]);
    expect(plan.updates.every((u) => Object.keys(u.set).join() === 'basis')).toBe(true);
  });

  it('rounds half up on the 分, each rate on its own (10.5% of the base is …212.835 → …212.84)', () => {
    expect(rateOf(500_202_700, '10.5')).toBe(52_521_284);
    expect(rateOf(100, '0.5')).toBe(1); // 0.5 分 → 1 (banker’s rounding would give 0)
    expect(rateOf(300, '0.5')).toBe(2); // 1.5 分 → 2
    expect(rateOf(149, '1')).toBe(1); // 1.49 分 → 1
  });
});

describe('a worked unit: staff counts × standards', () => {
  const wb = workedUnit();

  it('proposes each line with its 测算依据, as worked out by hand', () => {
    const { lines, problems } = propose(wb);
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.functionCode, l.economicCode, formatYuan(l.amount), l.basis])).toEqual([
      // 10 × 2,023.71 × 12 = 242,845.20; 4 × 2,650.00 × 12 = 127,200.00
      ['2010101', '30101', '370,045.20', '基本工资：在职行政（科员） 10 人 × 2,023.71 元 × 12 月；基本工资：在职行政（科级） 4 人 × 2,650.00 元 × 12 月'],
      ['2010101', '30102', '302,400.00', '津贴补贴：在职行政 14 人 × 1,800.00 元 × 12 月'],
      ['2080501', '30302', '223,236.00', '退休费：退休 6 人 × 3,100.50 元 × 12 月'],
      ['2010101', '30201', '21,000.00', '办公费：在职行政 14 人 × 1,500.00 元'],
      // base 370,045.20 + 302,400.00 = 672,445.20: × 16% = 107,591.232; × 10.5% = 70,606.746; × 12% = 80,693.424; × 2% = 13,448.904
      ['2080505', '30108', '107,591.23', '养老保险：工资基数 672,445.20（30101+30102）× 16%'],
      ['2101101', '30110', '70,606.75', '医疗保险：工资基数 672,445.20（30101+30102）× 10.5%'],
      ['2210201', '30113', '80,693.42', '住房公积金：工资基数 672,445.20（30101+30102）× 12%'],
      ['2010101', '30228', '13,448.90', '工会经费：工资基数 672,445.20（30101+30102）× 2%'],
    ]);
    expect(formatYuan(lines.reduce((s, l) => s + l.amount, 0))).toBe('1,189,021.50');
  });

  it('applies as one edit of new 基本支出 lines marked as computed, and one undo takes it back', () => {
    const plan = computePlan(wb);
    expect(plan.changes.every((c) => c.kind === 'insert')).toBe(true);
    const { workbook, inverse } = applyEdit(wb, planEdit(plan, 1));
    expect(workbook.lines).toHaveLength(8);
    expect(workbook.lines.every((l) => l.kind === '基本支出' && l.source === '一般公共预算财政拨款' && l.project === '')).toBe(true);
    expect(workbook.compute!.computed.map((r) => formatYuan(r.amount))).toEqual(plan.proposal.lines.map((l) => formatYuan(l.amount)));
    expect(computePlan(workbook).changes.every((c) => c.kind === 'same')).toBe(true);
    expect(applyEdit(workbook, inverse).workbook).toEqual(wb);
  });

  it('recomputes when staff change, keeps a hand-changed line and flags it until confirmed', () => {
    const applied = applyEdit(wb, planEdit(computePlan(wb), 1)).workbook;
    const officeLine = applied.lines.find((l) => l.economicCode === '30201')!;
    const edited = applyEdit(applied, { op: 'updateLines', changes: [{ id: officeLine.id, set: { amount: 25_000_00 } }] }).workbook;
    const setup = edited.compute!;
    const more = { ...edited, compute: { ...setup, staff: setup.staff.map((s) => (s.grade === '科员' ? { ...s, count: 11 } : s)) } };
    const plan = computePlan(more);
    const byCode = new Map(plan.changes.map((c) => [('line' in c ? c.line : c.proposed).economicCode, c]));
    expect(byCode.get('30201')).toMatchObject({ kind: 'kept', line: { amount: 25_000_00 }, proposed: { amount: 22_500_00 } });
    expect(byCode.get('30101')).toMatchObject({ kind: 'update', proposed: { amount: 39_432_972 } }); // 370,045.20 + 2,023.71 × 12
    expect(byCode.get('30302')!.kind).toBe('same');
    const after = applyEdit(more, planEdit(plan, 100)).workbook;
    expect(after.lines.find((l) => l.id === officeLine.id)!.amount).toBe(25_000_00);
    expect(after.compute!.computed.find((r) => r.economicCode === '30201')).toMatchObject({ amount: 22_500_00 });
  });

  it('says which item has no 功能分类 and which standard is unusable', () => {
    const setup = wb.compute!;
    const broken = { ...wb, compute: { ...setup, mapping: setup.mapping.filter((m) => m.economicCode !== ''), standards: [...setup.standards, { ...setup.standards[4], rate: '16%' }] } };
    const messages = propose(broken).problems.map((p) => p.message);
    expect(messages).toContain('标准第 10 行（养老保险）：比例“16%”应为 0 至 100 的百分数，如 16 或 10.5（不带 % 号）');
    expect(messages.some((m) => m.startsWith('单位“示例局”的 基本工资（30101）没有对应的功能分类'))).toBe(true);
  });
});
