import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEdit } from '../../shared/core/compute/apply';
import type { ComputeSetup, FunctionMapping, StaffGroup, Standard } from '../../shared/core/compute/model';
import { computePlan, planChangesAnything } from '../../shared/core/compute/propose';
import { applyEdit } from '../../shared/core/edits';
import { newWorkbook, type LineItem, type Workbook } from '../../shared/core/model';

const UNITS = ['本级', '甲中心'];
const CATEGORIES = ['在职行政', '在职事业', '退休'];
/** Codes the user's own lines carry: never computed here, some of them in a rate's base. */
const USER_CODES = ['30103', '30199', '30205'];

const staffArb: fc.Arbitrary<StaffGroup> = fc.record({
  unit: fc.constantFrom(...UNITS),
  category: fc.constantFrom(...CATEGORIES),
  grade: fc.constantFrom('', '甲', '乙'),
  count: fc.integer({ min: 0, max: 60 }),
});

const standardArb: fc.Arbitrary<Standard> = fc.oneof(
  fc.record({
    item: fc.constantFrom('基本工资', '津贴补贴', '绩效工资', '退休费'),
    method: fc.constant('月标准' as const),
    economicCode: fc.constantFrom('30101', '30102', '30107', '30302'),
    unit: fc.constantFrom('', ...UNITS),
    categories: fc.constantFrom('在职行政', '在职事业', '在职行政、在职事业', '退休'),
    grade: fc.constantFrom('', '甲', '乙'),
    amount: fc.integer({ min: 0, max: 2_000_000 }),
    months: fc.integer({ min: 12, max: 13 }),
    rate: fc.constant(''),
    base: fc.constant(''),
  }),
  fc.record({
    item: fc.constant('办公费'),
    method: fc.constant('年定额' as const),
    economicCode: fc.constant('30201'),
    unit: fc.constantFrom('', ...UNITS),
    categories: fc.constantFrom('在职行政', '在职行政、在职事业'),
    grade: fc.constant(''),
    amount: fc.integer({ min: 0, max: 1_000_000 }),
    months: fc.constant(0),
    rate: fc.constant(''),
    base: fc.constant(''),
  }),
  fc.record({
    item: fc.constantFrom('养老保险', '医疗保险', '公积金', '工会经费'),
    method: fc.constant('比例' as const),
    economicCode: fc.constantFrom('30108', '30110', '30113', '30228'),
    unit: fc.constantFrom('', ...UNITS),
    categories: fc.constant(''),
    grade: fc.constant(''),
    amount: fc.constant(0),
    months: fc.constant(0),
    rate: fc.constantFrom('16', '10.5', '0.66', '7', '12.345'),
    base: fc.constantFrom('30101+30107', '30101+30102+30103', '30199', '30107'),
  }),
);

const MAPPING: FunctionMapping[] = [
  { economicCode: '30108', unit: '', unitType: '', functionCode: '2080505' },
  { economicCode: '30110', unit: '', unitType: '事业单位', functionCode: '2101102' },
  { economicCode: '', unit: '', unitType: '', functionCode: '2010101' },
  { economicCode: '', unit: '甲中心', unitType: '', functionCode: '2010150' },
];

const setupArb: fc.Arbitrary<ComputeSetup> = fc.record({
  staff: fc.array(staffArb, { maxLength: 8 }),
  standards: fc.array(standardArb, { maxLength: 8 }),
  mapping: fc.subarray(MAPPING, { minLength: 2 }),
  computed: fc.constant([]),
});

const userLinesArb: fc.Arbitrary<LineItem[]> = fc
  .array(
    fc.record({
      unit: fc.constantFrom(...UNITS),
      functionCode: fc.constantFrom('2010101', '2010150', '2120199'),
      economicCode: fc.constantFrom(...USER_CODES),
      kind: fc.constantFrom('基本支出' as const, '项目支出' as const),
      amount: fc.integer({ min: 0, max: 100_000_000 }),
    }),
    { maxLength: 10 },
  )
  .map((rows) => rows.map((r, i) => ({ id: i + 1, ...r, source: '一般公共预算财政拨款' as const, project: r.kind === '项目支出' ? '项目甲' : '' })));

function workbook(lines: LineItem[], compute: ComputeSetup): Workbook {
  return { ...newWorkbook('测试部门', 2025), units: [{ name: '本级', type: '行政单位' }, { name: '甲中心', type: '事业单位' }], lines, compute };
}

const applyPlan = (wb: Workbook): Workbook => applyEdit(wb, planEdit(computePlan(wb), 1 + Math.max(0, ...wb.lines.map((l) => l.id)))).workbook;

/** Lines as a sorted list without their ids (ids differ by the path that made them). */
const content = (wb: Workbook) =>
  wb.lines
    .map(({ id: _id, ...rest }) => JSON.stringify(Object.entries(rest).sort()))
    .sort();
const records = (wb: Workbook) => wb.compute!.computed.map((r) => JSON.stringify(r)).sort();

const SEED = { seed: 16_2026, numRuns: 300 };

describe('recomputing', () => {
  it('after any change to staff or standards equals computing from scratch', () => {
    fc.assert(
      fc.property(userLinesArb, setupArb, setupArb, (lines, before, after) => {
        const once = applyPlan(workbook(lines, before));
        const changed = { ...once, compute: { ...after, computed: once.compute!.computed } };
        const recomputed = applyPlan(changed);
        const scratch = applyPlan(workbook(lines, after));
        expect(content(recomputed)).toEqual(content(scratch));
        expect(records(recomputed)).toEqual(records(scratch));
      }),
      SEED,
    );
  });

  it('is a fixed point: once applied, the 测算 proposes nothing more', () => {
    fc.assert(
      fc.property(userLinesArb, setupArb, (lines, setup) => {
        const applied = applyPlan(workbook(lines, setup));
        const again = computePlan(applied);
        expect(again.changes.filter((c) => c.kind !== 'same')).toEqual([]);
        expect(planChangesAnything(applied, again)).toBe(false);
      }),
      SEED,
    );
  });

  it('applying and undoing leaves the workbook as it was', () => {
    fc.assert(
      fc.property(userLinesArb, setupArb, setupArb, (lines, before, after) => {
        const start = { ...applyPlan(workbook(lines, before)), compute: undefined };
        const withAfter = applyEdit(start, { op: 'setCompute', compute: after });
        const plan = computePlan(withAfter.workbook);
        const applied = applyEdit(withAfter.workbook, planEdit(plan, 1000));
        expect(applyEdit(applied.workbook, applied.inverse).workbook).toEqual(withAfter.workbook);
        expect(applyEdit(withAfter.workbook, withAfter.inverse).workbook).toEqual(start);
      }),
      SEED,
    );
  });
});
