import { isDeepStrictEqual } from 'node:util';
import { checkWorkbook } from '../../shared/core/checks/index';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { LineStore } from '../../shared/core/live/lineStore';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { unitTypeLookup, type Workbook } from '../../shared/core/model';
import { aggregate } from '../../shared/core/tables/aggregate';
import { tablesFromAggregates, withLineUnits, type DeriveContext } from '../../shared/core/tables/derive';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { mulberry32 } from './generate';
import { summarize, timeRuns, type Timing } from './measure';

export interface ColdResult {
  /** The nine tables from the line objects: aggregate() and the table models. */
  tables: Timing;
  /** aggregate() alone: the one pass over the line objects. */
  aggregate: Timing;
  /** The table models from the aggregates: grows with the number of codes, not of lines. */
  fromAggregates: Timing;
  /** Keeping the lines column-wise (new LineStore): done once, when a workbook is opened. */
  encode: Timing;
  /** The pass over the kept columns (LineStore.aggregate): the engine's counterpart of the floor. */
  storePass: Timing;
  /** The nine tables from the kept columns: that pass and the table models. */
  fromStore: Timing;
  /** checkWorkbook(): a LiveWorkbook made from nothing — the store, the nine tables, every rule. */
  tablesAndChecks: Timing;
  findings: number;
  /** The same with one line's amount negative, so that the table rules must run on the derived tables too. */
  tablesAndChecksAtRisk: Timing;
}

/** Full derivation from the lines, nothing kept between runs. */
export function benchCold(wb: Workbook, runs: number): ColdResult {
  const units = withLineUnits(wb.units, wb.lines);
  const typeOf = unitTypeLookup(units);
  const ctx: DeriveContext = { department: wb.department, year: wb.year, units };
  const agg = aggregate(wb.lines, typeOf);
  const store = new LineStore(wb.lines);
  const atRisk = { ...wb, lines: wb.lines.map((l, i) => (i === 0 ? { ...l, amount: -l.amount - 1 } : l)) };
  return {
    tables: timeRuns(runs, () => deriveWorkbookTables(wb)),
    aggregate: timeRuns(runs, () => aggregate(wb.lines, typeOf)),
    fromAggregates: timeRuns(runs, () => tablesFromAggregates(ctx, agg)),
    encode: timeRuns(runs, () => new LineStore(wb.lines)),
    storePass: timeRuns(runs, () => store.aggregate(typeOf)),
    fromStore: timeRuns(runs, () => tablesFromAggregates(ctx, store.aggregate(typeOf))),
    tablesAndChecks: timeRuns(runs, () => checkWorkbook(wb)),
    findings: checkWorkbook(wb).length,
    tablesAndChecksAtRisk: timeRuns(runs, () => checkWorkbook(atRisk)),
  };
}

export interface IncrementalResult {
  /** One amount edited: LiveWorkbook.apply (the line out of the sums and back, the rows it touches, the line rules) and its findings listed. */
  edit: Timing;
  /** Of which listing the findings (LiveWorkbook.findings). */
  findings: Timing;
  /** One line's 功能分类 changed (rows may appear and vanish), with its findings. */
  codeEdit: Timing;
  /** Findings after the last edit. */
  findingCount: number;
}

/**
 * Edits on random lines of a LiveWorkbook, each brought to every table and check: `edits` amount
 * edits, then `edits` / 4 changes of a line's 功能分类. The first of each kind compiles the path and
 * is not counted. At the end the kept tables and findings must equal those of the edited workbook
 * derived and checked afresh, or the benchmark fails.
 */
export function benchIncremental(wb: Workbook, edits: number, seed = 7): IncrementalResult {
  const random = mulberry32(seed);
  const live = new LiveWorkbook(wb);
  live.findings();
  const codes = [...new Set(wb.lines.map((l) => l.functionCode))];
  const made: Edit[] = [];
  const time = (count: number, edit: () => Edit) => {
    const total: number[] = [];
    const listing: number[] = [];
    for (let i = 0; i <= count; i++) {
      const e = edit();
      made.push(e);
      const start = performance.now();
      live.apply(e);
      const applied = performance.now();
      live.findings();
      const end = performance.now();
      if (i > 0) {
        total.push(end - start);
        listing.push(end - applied);
      }
    }
    return { total: summarize(total), listing: summarize(listing) };
  };
  const line = () => wb.lines[Math.floor(random() * wb.lines.length)];
  const amounts = time(edits, () => ({ op: 'updateLines', changes: [{ id: line().id, set: { amount: Math.floor(random() * 100_000_000) } }] }));
  const codeEdits = time(Math.ceil(edits / 4), () => ({ op: 'updateLines', changes: [{ id: line().id, set: { functionCode: codes[Math.floor(random() * codes.length)] } }] }));
  const edited = made.reduce((w, e) => applyEdit(w, e).workbook, wb);
  if (!isDeepStrictEqual(live.tables, deriveWorkbookTables(edited))) throw new Error('the kept tables differ from a full derivation');
  if (!isDeepStrictEqual([...live.findings()], checkWorkbook(edited))) throw new Error('the kept findings differ from checking afresh');
  return { edit: amounts.total, findings: amounts.listing, codeEdit: codeEdits.total, findingCount: live.findings().length };
}
