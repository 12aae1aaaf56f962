import type { Catalogs } from '../catalog/catalog';
import { workbookCatalogs } from '../catalog/workbookCatalogs';
import type { CheckFinding } from '../checks/index';
import { LiveWorkbook } from '../live/liveWorkbook';
import { measureKey } from '../measures';
import type { Workbook } from '../model';
import { addFen, type Fen } from '../money';
import { carriesTargets } from '../projects';
import { emptyAggregates, type Aggregates, type ClassVector } from '../tables/aggregate';
import { FUND_SOURCES } from '../model';
import { OFFICE_EXPENSES, measureTotal, sanGongFigures } from '../tables/measure';
import { tablesFromAggregates } from '../tables/derive';
import type { TableModel } from '../tables/tableModel';
import { measureRow, yearOnYear } from '../yoy';

/** A department's headline figures, in 分. */
export interface Headline {
  /** 收入总计 and 支出总计 (a department budget balances: the same figure, by source and by use). */
  income: Fen;
  expenditure: Fen;
  /** 财政拨款 by kind: 一般公共预算, 政府性基金预算, 国有资本经营预算. */
  fiscal: { general: Fen; fund: Fen; stateCapital: Fen };
  sanGong: Fen;
  officeExpenses: Fen;
  /** 收支总计 last year, and the change; null when last year is not known. */
  previousTotal: Fen | null;
  change: Fen | null;
}

/** Why a department's publication is not ready to go out. */
export interface NotReady {
  errors: number;
  /** Changes of 10% or more (or from or to zero) with no reason written. */
  unexplained: string[];
  /** Projects whose record states no 绩效目标. */
  missingTargets: string[];
}

export interface DepartmentReport {
  file: string;
  department: string;
  year: number;
  lines: number;
  errors: number;
  warnings: number;
  /** The first findings (all of them are in the department's own review). */
  findings: Pick<CheckFinding, 'rule' | 'severity' | 'message'>[];
  headline: Headline;
  notReady: NotReady | null;
}

export interface Failure {
  file: string;
  message: string;
}

const SHOWN_FINDINGS = 50;

/** A source's sum in a class vector: its eight classes (two kinds × 人员经费 × office unit, see aggregate.ts). */
function sourceSum(vector: ClassVector, source: number): Fen {
  let s: Fen = 0;
  for (let c = source * 8; c < (source + 1) * 8; c++) s = addFen(s, vector[c]);
  return s;
}

function headline(wb: Workbook, agg: Aggregates): Headline {
  let total: Fen = 0;
  const bySource = new Array<Fen>(FUND_SOURCES.length).fill(0);
  for (const v of agg.byFunction.values()) {
    for (let s = 0; s < bySource.length; s++) bySource[s] = addFen(bySource[s], sourceSum(v, s));
  }
  for (const s of bySource) total = addFen(total, s);
  const last = measureRow(wb, measureKey.total);
  return {
    income: total,
    expenditure: total,
    fiscal: { general: bySource[0], fund: bySource[1], stateCapital: bySource[2] },
    sanGong: sanGongFigures(agg).reduce(addFen, 0),
    officeExpenses: measureTotal(agg, OFFICE_EXPENSES),
    previousTotal: last.previous,
    change: last.change,
  };
}

function unexplainedChanges(wb: Workbook): string[] {
  // with no figure of last year no change can be stated, so none needs a reason
  if (Object.keys(wb.baseline.figures).length === 0 && !wb.baseline.lines?.length) return [];
  const yoy = yearOnYear(wb);
  return [...yoy.summary, ...yoy.bySource, ...yoy.byFunction, ...yoy.byEconomic, ...yoy.sanGong].filter((r) => r.flagged).map((r) => r.label || r.key);
}

function notReady(wb: Workbook, findings: readonly CheckFinding[]): NotReady | null {
  const unexplained = unexplainedChanges(wb);
  const missingTargets = wb.projects.filter((p) => !carriesTargets(p)).map((p) => p.name);
  const errors = findings.filter((f) => f.severity === '错误').length;
  return errors > 0 || unexplained.length > 0 || missingTargets.length > 0 ? { errors, unexplained, missingTargets } : null;
}

function addInto(into: Map<string, ClassVector>, from: ReadonlyMap<string, ClassVector>): void {
  for (const [key, v] of from) {
    const sums = into.get(key);
    if (!sums) into.set(key, v.slice());
    else for (let i = 0; i < v.length; i++) sums[i] = addFen(sums[i], v[i]);
  }
}

/**
 * A finance bureau's consolidation of many departments, one at a time: each department is derived
 * and checked, its report kept, and its sums added into the consolidation's; its lines are not kept,
 * so memory does not grow with the departments' size.
 */
export class Consolidation {
  readonly reports: DepartmentReport[] = [];
  readonly failures: Failure[] = [];
  private readonly sums = emptyAggregates();
  private catalogs: Catalogs | undefined;
  private year: number | undefined;
  private nextNameId = 1;

  /** Derives, checks and adds one department; a department of another year is a failure. */
  add(file: string, wb: Workbook): DepartmentReport | null {
    if (this.year !== undefined && wb.year !== this.year) {
      this.fail(file, `${wb.department} 是 ${wb.year} 年的预算，汇总的是 ${this.year} 年，未汇总。`);
      return null;
    }
    this.year ??= wb.year;
    this.catalogs ??= workbookCatalogs(wb);
    const live = new LiveWorkbook(wb);
    const findings = live.findings();
    const agg = live.aggregates;
    addInto(this.sums.byFunction, agg.byFunction);
    addInto(this.sums.byEconomic, agg.byEconomic);
    // names that lines give to codes no catalog knows, under ids of the consolidation's own
    for (const [key, names] of agg.lineNames) {
      let kept = this.sums.lineNames.get(key);
      if (!kept) this.sums.lineNames.set(key, (kept = new Map()));
      for (const name of names.values()) kept.set(this.nextNameId++, name);
    }
    const report: DepartmentReport = {
      file,
      department: wb.department,
      year: wb.year,
      lines: wb.lines.length,
      errors: findings.filter((f) => f.severity === '错误').length,
      warnings: findings.filter((f) => f.severity === '警告').length,
      findings: findings.slice(0, SHOWN_FINDINGS).map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
      headline: headline(wb, agg),
      notReady: notReady(wb, findings),
    };
    this.reports.push(report);
    return report;
  }

  fail(file: string, message: string): void {
    this.failures.push({ file, message });
  }

  /** The nine tables of all departments added (a 汇总 publication), named `title`. */
  tables(title: string): TableModel[] {
    return tablesFromAggregates({ department: title, year: this.year ?? 0, units: [], catalogs: this.catalogs }, { ...this.sums, byRow: undefined });
  }

  notReady(): DepartmentReport[] {
    return this.reports.filter((r) => r.notReady !== null);
  }
}

