import type { Fen } from '../money';
import type { UnitType } from '../model';

/**
 * 人员与标准: the staff of each unit, the department's standards, and the mapping of each computed
 * item to its 功能分类 项. All of it is the department's data, kept in its file: nothing regional is
 * built in (see ./standards for the example values a new workbook may start from).
 */

/** A group of staff (or one person, with a name) of a unit: 类别 such as 在职行政 / 在职事业 / 退休 / 遗属, and 职级 or 岗位等级. */
export interface StaffGroup {
  unit: string;
  category: string;
  /** 职级 / 岗位等级; '' when the category is counted as a whole. */
  grade: string;
  count: number;
  /** The person's name, when staff are listed person by person. */
  name?: string;
}

export const STANDARD_METHODS = ['月标准', '年定额', '比例'] as const;
/**
 * How a standard gives an amount: 月标准 = persons × monthly amount × months (wages, 津贴补贴, 奖金,
 * 绩效工资, 离退休费…); 年定额 = persons × yearly amount (公用经费定额); 比例 = a base × a rate (养老保险,
 * 职业年金, 医疗保险, 住房公积金, 工会经费, 福利费…).
 */
export type StandardMethod = (typeof STANDARD_METHODS)[number];

export interface Standard {
  /** The item, e.g. 基本工资, 养老保险, 办公费定额. */
  item: string;
  method: StandardMethod;
  /** 经济分类 款 of the line it gives. */
  economicCode: string;
  /** The unit it applies to; '' for every unit. */
  unit: string;
  /** 月标准 / 年定额: the staff categories it counts, separated by 、 (e.g. 在职行政、在职事业). */
  categories: string;
  /** 月标准 / 年定额: the 职级 it counts; '' for every grade. */
  grade: string;
  /** 月标准: per person per month; 年定额: per person per year. */
  amount: Fen;
  /** 月标准: months in the year (12, or 13 with a 年终一次性奖金). */
  months: number;
  /** 比例: percent as a decimal string (e.g. 10.5 for 10.5%). */
  rate: string;
  /** 比例: the 经济分类 款 whose amounts make the base, joined by + (e.g. 30101+30107). */
  base: string;
}

/**
 * Which 功能分类 项 a computed item goes to: the most specific row that fits wins (an economic code
 * over any, a unit over a unit type over any); among equals the first.
 */
export interface FunctionMapping {
  /** 经济分类 款; '' for any item. */
  economicCode: string;
  /** '' for any unit. */
  unit: string;
  /** '' for any type. */
  unitType: UnitType | '';
  functionCode: string;
}

/**
 * A line that the 测算 gave, by the line's place (unit, 功能分类 项, 经济分类 款 of a 基本支出 line funded by
 * 一般公共预算财政拨款): what the 测算 gave when last applied, and, when a person changed the line's
 * amount and confirmed it, the amount they confirmed.
 */
export interface ComputedLine {
  unit: string;
  functionCode: string;
  economicCode: string;
  amount: Fen;
  basis: string;
  confirmed?: Fen;
}

export interface ComputeSetup {
  staff: StaffGroup[];
  standards: Standard[];
  mapping: FunctionMapping[];
  computed: ComputedLine[];
}

export function emptyCompute(): ComputeSetup {
  return { staff: [], standards: [], mapping: [], computed: [] };
}
