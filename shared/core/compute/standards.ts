import type { ComputeSetup, FunctionMapping, Standard } from './model';

const monthly = (item: string, economicCode: string, categories: string, amount: number, months = 12): Standard => ({
  item,
  method: '月标准',
  economicCode,
  unit: '',
  categories,
  grade: '',
  amount,
  months,
  rate: '',
  base: '',
});
const yearly = (item: string, economicCode: string, categories: string, amount: number): Standard => ({
  item,
  method: '年定额',
  economicCode,
  unit: '',
  categories,
  grade: '',
  amount,
  months: 0,
  rate: '',
  base: '',
});
const rate = (item: string, economicCode: string, percent: string, base: string): Standard => ({
  item,
  method: '比例',
  economicCode,
  unit: '',
  categories: '',
  grade: '',
  amount: 0,
  months: 0,
  rate: percent,
  base,
});
const maps = (economicCode: string, functionCode: string, unitType: FunctionMapping['unitType'] = ''): FunctionMapping => ({ economicCode, unit: '', unitType, functionCode });

/** 工资基数 of the reference department: 基本工资 + 绩效工资 (its five contributions are exactly these rates of it). */
export const WAGE_BASE = '30101+30107';

/** The five 社保 / 公积金 contributions as rates of the wage base, as the reference department's 2024 budget computes them. */
const CONTRIBUTIONS: Standard[] = [
  rate('机关事业单位基本养老保险缴费', '30108', '16', WAGE_BASE),
  rate('职业年金缴费', '30109', '8', WAGE_BASE),
  rate('职工基本医疗保险缴费', '30110', '10.5', WAGE_BASE),
  rate('其他社会保障缴费', '30112', '0.66', WAGE_BASE),
  rate('住房公积金', '30113', '7', WAGE_BASE),
];

const CONTRIBUTION_MAPPING: FunctionMapping[] = [
  maps('30108', '2080505'),
  maps('30109', '2080506'),
  maps('30110', '2101101', '行政单位'),
  maps('30110', '2101101', '参照公务员法管理的事业单位'),
  maps('30110', '2101102', '事业单位'),
  maps('30113', '2210201'),
];

/**
 * 示例标准 — an EXAMPLE a new workbook may start from, not any region's rule: the amounts and rates
 * are illustrations, and every one of them is the department's to set to its own standards. Wages
 * go to the unit's 行政运行 / 事业运行 项, which differs by 类: the example leaves it to the user (a
 * mapping row with no 经济分类 for the unit).
 */
export function exampleCompute(): ComputeSetup {
  return {
    staff: [],
    standards: [
      monthly('基本工资', '30101', '在职行政、在职事业', 3_000_00),
      monthly('津贴补贴', '30102', '在职行政、在职事业', 2_000_00),
      monthly('绩效工资', '30107', '在职事业', 4_000_00),
      monthly('退休费', '30302', '退休', 1_500_00),
      ...CONTRIBUTIONS,
      rate('工会经费', '30228', '2', WAGE_BASE),
      yearly('办公费', '30201', '在职行政、在职事业', 1_500_00),
    ],
    mapping: [...CONTRIBUTION_MAPPING],
    computed: [],
  };
}

/**
 * The reference department's (上海市宝山区城市运行管理中心 2024) standards: the five contributions on
 * its wage base, and every other item to its 其他城乡社区管理事务支出 项. Its staff are not published.
 */
export function sampleCompute(): ComputeSetup {
  return {
    staff: [],
    standards: CONTRIBUTIONS.map((s) => ({ ...s })),
    // 30112 is not one of the mapped contributions: like its wages it goes to 2120199.
    mapping: [...CONTRIBUTION_MAPPING, maps('', '2120199')],
    computed: [],
  };
}
