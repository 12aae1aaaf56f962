import fc from 'fast-check';
import type { ComputeSetup, FunctionMapping, StaffGroup, Standard } from '../../shared/core/compute/model';
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

export const setupArb: fc.Arbitrary<ComputeSetup> = fc.record({
  staff: fc.array(staffArb, { maxLength: 8 }),
  standards: fc.array(standardArb, { maxLength: 8 }),
  mapping: fc.subarray(MAPPING, { minLength: 2 }),
  computed: fc.constant([]),
});

export const userLinesArb: fc.Arbitrary<LineItem[]> = fc
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

export function workbook(lines: LineItem[], compute: ComputeSetup): Workbook {
  return { ...newWorkbook('测试部门', 2025), units: [{ name: '本级', type: '行政单位' }, { name: '甲中心', type: '事业单位' }], lines, compute };
}

