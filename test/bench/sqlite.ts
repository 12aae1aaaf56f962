import Database from 'better-sqlite3';
import { WorkbookFile } from '../../main/workbook/file';
import { FISCAL_SOURCES, PERSONNEL_CLASSES, SANGONG_ITEMS, type ExpenditureKind, type FundSource, type Workbook } from '../../shared/core/model';
import { SLOTS, emptyAggregates, slotOf } from '../../shared/core/tables/aggregate';
import { tablesFromAggregates, withLineUnits } from '../../shared/core/tables/derive';
import type { TableModel } from '../../shared/core/tables/tableModel';
import { timeRuns, type Timing } from './measure';

const COST_TYPE = `COALESCE(cost_type, CASE WHEN substr(economic_code, 1, 3) IN (${PERSONNEL_CLASSES.map((c) => `'${c}'`).join(', ')}) THEN '人员经费' ELSE '公用经费' END)`;
const GENERAL = `source = '一般公共预算财政拨款' AND kind = '基本支出'`;

/** The sums behind the nine tables as GROUP BY queries over the `lines` table of a .budget file. */
const QUERIES = {
  byFunction: 'SELECT function_code, source, kind, sum(amount_fen) FROM lines GROUP BY function_code, source, kind',
  byEconomic: `SELECT economic_code, ${COST_TYPE} = '人员经费', sum(amount_fen) FROM lines WHERE ${GENERAL} GROUP BY 1, 2`,
  sanGong: `SELECT economic_code, sum(amount_fen) FROM lines WHERE source IN (${FISCAL_SOURCES.map((s) => `'${s}'`).join(', ')})
    AND economic_code IN (${SANGONG_ITEMS.map((s) => `'${s.economicCode}'`).join(', ')}) GROUP BY economic_code`,
  officeExpenses: `SELECT coalesce(sum(amount_fen), 0) FROM lines JOIN units ON units.name = lines.unit
    WHERE ${GENERAL} AND units.type <> '事业单位' AND ${COST_TYPE} = '公用经费'`,
};

/** Runs the queries and draws the nine tables from their rows with the engine's table code. */
function tablesBySql(db: Database.Database, wb: Workbook): TableModel[] {
  const agg = emptyAggregates();
  for (const [code, source, kind, sum] of db.prepare(QUERIES.byFunction).raw().all() as [string, FundSource, ExpenditureKind, number][]) {
    let v = agg.byFunction.get(code);
    if (!v) agg.byFunction.set(code, (v = new Array<number>(SLOTS).fill(0)));
    v[slotOf(source, kind)] = sum;
  }
  for (const [code, personnel, sum] of db.prepare(QUERIES.byEconomic).raw().all() as [string, number, number][]) {
    let v = agg.byEconomic.get(code);
    if (!v) agg.byEconomic.set(code, (v = [0, 0]));
    v[personnel ? 0 : 1] = sum;
  }
  for (const [code, sum] of db.prepare(QUERIES.sanGong).raw().all() as [string, number][]) {
    agg.sanGong[SANGONG_ITEMS.findIndex((s) => s.economicCode === code)] = sum;
  }
  agg.officeExpenses = db.prepare(QUERIES.officeExpenses).pluck().get() as number;
  return tablesFromAggregates({ department: wb.department, year: wb.year, units: withLineUnits(wb.units, wb.lines) }, agg);
}

export interface SqliteResult {
  /** The GROUP BY queries and the tables drawn from their rows, on an open connection (warm cache). */
  queries: Timing;
  tables: TableModel[];
}

/**
 * Baseline (a): the workbook written as a real .budget file (WorkbookFile.create), then the same
 * tables computed by SQLite. Line names (科目名称 carried by lines) are not queried: the generated
 * lines carry none.
 */
export function benchSqlite(wb: Workbook, path: string, runs: number): SqliteResult {
  WorkbookFile.create(path, wb).close();
  const db = new Database(path, { readonly: true });
  try {
    return { queries: timeRuns(runs, () => tablesBySql(db, wb)), tables: tablesBySql(db, wb) };
  } finally {
    db.close();
  }
}
