import type { ComputeSetup } from './compute/model';
import type { Fen } from './money';
import type { Schedules } from './schedules/model';

/** 资金来源, in the order the publication lists them. The first three are 财政拨款. */
export const FUND_SOURCES = [
  '一般公共预算财政拨款',
  '政府性基金预算财政拨款',
  '国有资本经营预算财政拨款',
  '事业收入',
  '事业单位经营收入',
  '其他收入',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FISCAL_SOURCES: readonly FundSource[] = FUND_SOURCES.slice(0, 3);
export function isFiscal(source: FundSource): boolean {
  return FISCAL_SOURCES.includes(source);
}

export const EXPENDITURE_KINDS = ['基本支出', '项目支出'] as const;
export type ExpenditureKind = (typeof EXPENDITURE_KINDS)[number];

export const COST_TYPES = ['人员经费', '公用经费'] as const;
export type CostType = (typeof COST_TYPES)[number];

/** 单位类型: it decides whether a unit's 公用经费 count as 机关运行经费. */
export const UNIT_TYPES = ['行政单位', '参照公务员法管理的事业单位', '事业单位'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const DEFAULT_UNIT_TYPE: UnitType = '事业单位';
export function runsOfficeExpenses(type: UnitType): boolean {
  return type !== '事业单位';
}

/** The four “三公” items and their 经济分类 款. */
export const SANGONG_ITEMS = [
  { key: 'abroad', label: '因公出国（境）费', economicCode: '30212' },
  { key: 'reception', label: '公务接待费', economicCode: '30217' },
  { key: 'vehiclePurchase', label: '公务用车购置费', economicCode: '31013' },
  { key: 'vehicleOperation', label: '公务用车运行维护费', economicCode: '30231' },
] as const;
export type SanGongKey = (typeof SANGONG_ITEMS)[number]['key'];

export interface BudgetUnit {
  name: string;
  type: UnitType;
}

export interface LineItem {
  id: number;
  unit: string;
  /** 功能分类 项 code, 7 digits. */
  functionCode: string;
  /** 经济分类 款 code, 5 digits. */
  economicCode: string;
  kind: ExpenditureKind;
  source: FundSource;
  /** 项目名称; required for 项目支出, empty for 基本支出. */
  project: string;
  amount: Fen;
  /** 经费类型 of a 基本支出 line; when absent the class decides (301 and 303 人员经费, the rest 公用经费). */
  costType?: CostType;
  /** 测算依据, e.g. the formula the amount was typed as. */
  basis?: string;
  note?: string;
  /** 科目名称 carried by the line, used when the code is not in the catalog. */
  functionName?: string;
  economicName?: string;
}

export const PERSONNEL_CLASSES = ['301', '303'];
export function costTypeOf(line: Pick<LineItem, 'economicCode' | 'costType'>): CostType {
  return line.costType ?? (PERSONNEL_CLASSES.includes(line.economicCode.slice(0, 3)) ? '人员经费' : '公用经费');
}

/**
 * A figure of the prior year, known at some level: a total, a source, a 类/款/项, an economic class,
 * a 三公 item. Keys are built by `measureKey` in ./measures.
 */
export type MeasureKey = string;

export interface Baseline {
  year: number;
  /** Figures known only as totals (e.g. reconstructed from the prior publication's sentences). */
  figures: Record<MeasureKey, Fen>;
  /** Line by line, when the prior year's budget is known in full (roll-forward). */
  lines?: LineItem[];
  /** Where the figures come from, e.g. “由 2024 年公开文本中的增减额反推”. */
  provenance?: string;
  reconstructed?: boolean;
}

/** Figures a person enters that no line gives. */
export interface EnteredFigures {
  /** 政府采购: goods, works, services, the part reserved for SMEs, and of that the part for 小微企业. */
  procurement: { goods: Fen; works: Fen; services: Fen; smeReserved: Fen; smallMicro?: Fen };
  assets: {
    asOf: string;
    vehicles: { general: number; lawEnforcement: number; special: number; other: number };
    equipmentOver50: number;
    equipmentOver100: number;
    /** Whether next year's budget buys vehicles or equipment of 50 万元 and more. */
    plannedPurchase: string;
  };
  /**
   * 绩效目标 counts as entered (see `performanceSource`): used when the workbook has no project
   * records, or while its 项目支出 is still the amount they were entered for (`forProjectAmount`).
   */
  performance: { units: number; projects: number; amount: Fen; entered: boolean; remark?: string; forProjectAmount?: Fen };
}

export interface FreeTexts {
  mainFunctions: string;
  organization: string;
  glossary: string;
  /** 用途 of each 功能分类 类 (code → text), for 财政拨款支出主要内容. */
  purposes: Record<string, string>;
  /** The reason for each change that can need one, keyed by the change's measure (see ./reasons). */
  reasons: Record<MeasureKey, Reason>;
}

/**
 * The reason a person wrote for a change, with the figures (this year, last year, 分) it was written
 * or last confirmed for: when the change is no longer the one it explains, it shows as possibly
 * stale. A reason from a file written before reasons kept their figures has none.
 */
export interface Reason {
  text: string;
  writtenFor?: { current: Fen; previous: Fen };
}

/** One row of a project's 绩效指标 table (一级 / 二级 / 三级指标 and the 年度指标值). */
export interface PerformanceIndicator {
  level1: string;
  level2: string;
  level3: string;
  value: string;
}

/**
 * A project (项目支出) with what justifies it: the 项目经费情况说明 and the 绩效目标申报表.
 * Project lines belong to it by name (LineItem.project).
 */
export interface Project {
  name: string;
  /** 项目类别, e.g. 经常性专项业务费. */
  category: string;
  /** 实施单位; the 主管部门 is the workbook's department. */
  implementer: string;
  /** Planned start and end, YYYY-MM-DD. */
  start: string;
  end: string;
  overview: string;
  legalBasis: string;
  executor: string;
  plan: string;
  period: string;
  /** 测算: an arithmetic expression in 元 (e.g. `43*128*12+3250*12`) and what it counts. */
  calculation: string;
  calculationNote: string;
  funds: { total: Fen; fiscal: Fen; other: Fen; currentYearFiscal: Fen; carriedOver: Fen; otherAnnual: Fen };
  goals: { overall: string; annual: string };
  indicators: PerformanceIndicator[];
}

/** An official catalog edition imported by the user (e.g. 《2025年政府收支分类科目》): it replaces the built-in one of its kind. */
export interface CatalogEdition {
  edition: number;
  rows: { code: string; name: string }[];
}

export interface Workbook {
  department: string;
  year: number;
  units: BudgetUnit[];
  lines: LineItem[];
  baseline: Baseline;
  entered: EnteredFigures;
  texts: FreeTexts;
  projects: Project[];
  /** The catalog editions in use, by kind (功能分类 / 经济分类); the built-in catalog where absent. */
  catalogEditions?: { function?: CatalogEdition; economic?: CatalogEdition };
  /** 人员与标准 and the lines computed from them (absent until the department sets them up). */
  compute?: ComputeSetup;
  /** The detail schedules (政府采购, 政府购买服务, 资产配置, 部门整体绩效目标); absent until used. */
  schedules?: Schedules;
  /** The publication template (公开模板) the tables are printed in; absent: shanghai-district. */
  template?: string;
}

export function emptyEnteredFigures(): EnteredFigures {
  return {
    procurement: { goods: 0, works: 0, services: 0, smeReserved: 0 },
    assets: {
      asOf: '',
      vehicles: { general: 0, lawEnforcement: 0, special: 0, other: 0 },
      equipmentOver50: 0,
      equipmentOver100: 0,
      plannedPurchase: '',
    },
    performance: { units: 0, projects: 0, amount: 0, entered: false },
  };
}

export function emptyTexts(): FreeTexts {
  return { mainFunctions: '', organization: '', glossary: '', purposes: {}, reasons: {} };
}

export function newWorkbook(department: string, year: number): Workbook {
  return {
    department,
    year,
    units: [],
    lines: [],
    baseline: { year: year - 1, figures: {} },
    entered: emptyEnteredFigures(),
    texts: emptyTexts(),
    projects: [],
  };
}

/** The unit type of a line's unit; a unit not declared is a 事业单位. */
export function unitTypeLookup(units: readonly BudgetUnit[]): (unit: string) => UnitType {
  const types = new Map(units.map((u) => [u.name, u.type]));
  return (unit) => types.get(unit) ?? DEFAULT_UNIT_TYPE;
}
