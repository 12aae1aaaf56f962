import Database from 'better-sqlite3';
import { WorkbookFile } from '../../main/workbook/file';
import { PERSONNEL_CLASSES, type ExpenditureKind, type FundSource, type Workbook } from '../../shared/core/model';
import { bucket, classOf, emptyAggregates, slotOf } from '../../shared/core/tables/aggregate';
import { tablesFromAggregates } from '../../shared/core/tables/derive';
import type { TableModel } from '../../shared/core/tables/tableModel';
import { contextOf } from './floor';
import { timeRuns, type Timing } from './measure';

const COST_TYPE = `COALESCE(cost_type, CASE WHEN substr(economic_code, 1, 3) IN (${PERSONNEL_CLASSES.map((c) => `'${c}'`).join(', ')}) THEN '人员经费' ELSE '公用经费' END)`;

/** The sums behind the tables as one GROUP BY query over the `lines` table of a .budget file: by 项, 款 and line class. */
const QUERY = `SELECT function_code, economic_code, source, kind, ${COST_TYPE} = '人员经费', coalesce(units.type, '事业单位') <> '事业单位', sum(amount_fen)
  FROM lines LEFT JOIN units ON units.name = lines.unit GROUP BY 1, 2, 3, 4, 5, 6`;

/** Runs the query and draws the tables from its rows with the engine's table code. */
function tablesBySql(db: Database.Database, wb: Workbook): TableModel[] {
  const agg = emptyAggregates();
  for (const [fn, eco, source, kind, personnel, office, sum] of db.prepare(QUERY).raw().all() as [string, string, FundSource, ExpenditureKind, number, number, number][]) {
    const c = classOf(slotOf(source, kind), personnel === 1, office === 1);
    bucket(agg.byFunction, fn)[c] += sum;
    bucket(agg.byEconomic, eco)[c] += sum;
  }
  return tablesFromAggregates(contextOf(wb), agg);
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
