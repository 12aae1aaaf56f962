import type { CostType, ExpenditureKind, FundSource } from '../model';

/**
 * A publication template: which tables a region prints for a budget, in which layout, in which unit,
 * and which lines each figure sums. Templates are data (one file each under ./data, naming the
 * publication they reproduce) and are checked by `validateTemplate` when loaded. docs/templates.md
 * describes the format.
 */
export interface Template {
  id: string;
  name: string;
  /** The publication the template reproduces (title, year, where it is published). */
  source: string;
  /** The word the titles use for the publishing body: 部门 for a department's tables, 单位 / 预算单位 for one unit's. */
  scopeWords: { department: string; unit: string };
  /** The words before the publisher's name above each table; `编制部门` / `编制单位` when absent (Jiangsu: `部门`). */
  preparerLabels?: { department: string; unit: string };
  /** Named figures the columns and rows sum (see `Measure`). */
  measures: Record<string, Measure>;
  /** Classes a class list always prints, with or without money, in order (`{ code, name }`). */
  classLists?: Record<string, { code: string; name: string }[]>;
  tables: TableTemplate[];
  /**
   * What the 编制说明's income and spending sentences name, when the template's sources and uses are
   * not Shanghai's: each figure read from the cell of the table that prints it. Without it the text
   * speaks as the Shanghai publications do.
   */
  narrative?: NarrativeTemplate;
}

/** The 编制说明's income and spending paragraphs, sentence by sentence. */
export interface NarrativeTemplate {
  income: NarrativeSentence[];
  spending: NarrativeSentence[];
  /** The function table and amount column the list of 财政拨款 by 类 (财政拨款支出主要内容) reads its 类 rows from. */
  classes?: { table: number; column: string };
  /**
   * Figures 其他相关情况说明 states (its sentences are the same under every template), by the key the
   * text check knows them by (`sangong:total`, `officeExpenses` …), and the cell printing the same measure.
   */
  sectionFigures?: { key: string; table: number; row?: string; column: string }[];
}

/**
 * One sentence: “收入预算 X 万元，其中：part；part。” with a `lead` figure, or “财政拨款收入中，part；part。”
 * with `within`.
 */
export interface NarrativeSentence {
  lead?: NarrativeFigure;
  within?: string;
  parts: NarrativeFigure[];
}

/** A figure a sentence states, as printed in a table's cell; a row the table leaves out (onlyIfNonZero) is not stated. */
export interface NarrativeFigure {
  /** The words before the amount (unique in the template's narrative). */
  label: string;
  table: number;
  /** The row's label (a fixed row or the 合计 row); omitted for a one-row table. */
  row?: string;
  /** The amount column's key. */
  column: string;
  /**
   * The year-on-year figure the sentence compares it with (`total`, `fiscal` or `source:<资金来源>`);
   * omitted for a source or use last year's figures do not have (the amount alone is stated).
   */
  change?: string;
}

/**
 * Which lines a figure sums: every condition given must hold. `none` is a source or use the line
 * model does not carry (Jiangsu's 财政专户管理资金, 上年结转 …): always zero. `schedule` reads a
 * schedule's field instead of lines.
 */
export interface Measure {
  sources?: FundSource[];
  kinds?: ExpenditureKind[];
  costType?: CostType;
  /** Only lines of 行政单位 and 参照公务员法管理的事业单位 (机关运行经费). */
  officeUnitsOnly?: boolean;
  economicCodes?: string[];
  economicPrefix?: string;
  none?: boolean;
  /** Measures with `none` added to this one (收入合计 = 全部 + 上年结转资金): zero until lines carry them. */
  plus?: string[];
}

export type ZeroStyle = 'blank' | '0' | '0.00';

export type CodePart = 'class' | 'kuan' | 'item' | 'full';

export type ColumnTemplate =
  | { key: string; type: 'code'; part: CodePart }
  | { key: string; type: 'text'; role?: 'name' | 'label' | 'field'; field?: string }
  | { key: string; type: 'amount'; measure?: string; field?: string };

/** A fixed row: its label and the measure its amounts are narrowed by (or a subtotal of rows above). */
export interface ItemRow {
  label: string;
  /** Texts of the row's text columns in order, when it has more than one (资金类别, 项目); else `label` in each. */
  labels?: string[];
  measure?: string;
  /** Printed only when one of its amounts is not zero. */
  onlyIfNonZero?: boolean;
  level?: 'row' | 'total';
}

/** Rows of 功能分类 类 with money (and the class list's classes always), labelled `{n}、{name}`. */
export interface ClassRows {
  classes: { measure: string; always?: string; label: string };
}

export type SideBlock = { items: ItemRow[] } | ClassRows;

/** One side of a side-by-side table: its label column, amount columns after it, rows, and bottom rows. */
export interface Side {
  column: number;
  width: number;
  blocks: SideBlock[];
  /** Rows printed at the bottom, aligned across the sides (本年收入合计, 上年结转, 收入总计 …). */
  footer: ItemRow[];
}

export type RowsTemplate =
  | { kind: 'functionTree'; depth: 1 | 2 | 3 }
  | { kind: 'economicTree'; depth: 1 | 2 }
  | { kind: 'single' }
  | { kind: 'items'; items: ItemRow[] }
  | { kind: 'sides'; sides: Side[] }
  | {
      kind: 'schedule';
      schedule: 'procurement';
      groupBy: 'kind';
      /** The text of each 采购类别's row (Jiangsu: `一、货物A`); the 类别 itself when absent. */
      groupLabels?: Partial<Record<'货物' | '工程' | '服务', string>>;
      /**
       * Fields that make a subtotal row inside a 类别 (Jiangsu: 专项名称 and 经济科目): items with the same
       * values are printed under one row of those values and their sum, and print only their other fields.
       */
      subtotalBy?: string[];
    };

export type NoteTemplate =
  /** printed when the table has no body row */
  | { when: 'empty'; text: string }
  /** printed when the amount of `column` is zero and every unit is a 事业单位 */
  | { when: 'noOfficeUnits'; column: string; text: string };

export interface TableTemplate {
  number: number;
  /** `{year}` and `{scope}` are filled in: `{year} 年{scope}财务收支预算总表`. */
  title: string;
  unit: '元' | '万元';
  zero: ZeroStyle;
  /** Header rows, each cell `[text, rowSpan, colSpan]`, placed like HTML table cells; `{year}` is filled in. */
  header: [string, number?, number?][][];
  columns: ColumnTemplate[];
  rows: RowsTemplate;
  /** The 合计 row of a tree or schedule table: its place and the column its label is printed in. */
  total?: { place: 'first' | 'last'; label: string; column?: number };
  notes?: NoteTemplate[];
  /**
   * Rows that add up, by label, checked in each amount column of the side (or table) that prints them:
   * `{ total: '收入合计', parts: ['当年收入小计', '上年结转资金'] }`. Trees, columns and the same figure
   * printed twice are checked without being listed here (see checks/templateRules.ts).
   */
  sums?: { total: string; parts: string[] }[];
  /** Rows whose first figures must be equal: income and spending (`{ income: '收入合计', spending: '支出合计' }`). */
  balance?: { income: string; spending: string };
}
