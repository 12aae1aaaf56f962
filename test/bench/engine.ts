import { isDeepStrictEqual } from 'node:util';
import { checkLines, checkPublication, checkWorkbook } from '../../shared/core/checks/index';
import { unitTypeLookup, type LineItem, type Workbook } from '../../shared/core/model';
import { aggregate, applyLine } from '../../shared/core/tables/aggregate';
import { deriveTables, tablesFromAggregates, updateTables, withLineUnits, type DeriveContext } from '../../shared/core/tables/derive';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { mulberry32 } from './generate';
import { summarize, timeRuns, type Timing } from './measure';

export interface ColdResult {
  /** The nine tables from the lines: aggregate() and the table models. */
  tables: Timing;
  /** aggregate() alone: the one pass over the lines. */
  aggregate: Timing;
  /** The table models from the aggregates: grows with the number of codes, not of lines. */
  fromAggregates: Timing;
  /** checkWorkbook(): the line rules, and the table rules on freshly derived tables. */
  tablesAndChecks: Timing;
  findings: number;
}

/** Full derivation from the lines, nothing kept between runs. */
export function benchCold(wb: Workbook, runs: number): ColdResult {
  const units = withLineUnits(wb.units, wb.lines);
  const typeOf = unitTypeLookup(units);
  const ctx: DeriveContext = { department: wb.department, year: wb.year, units };
  const agg = aggregate(wb.lines, typeOf);
  return {
    tables: timeRuns(runs, () => deriveWorkbookTables(wb)),
    aggregate: timeRuns(runs, () => aggregate(wb.lines, typeOf)),
    fromAggregates: timeRuns(runs, () => tablesFromAggregates(ctx, agg)),
    tablesAndChecks: timeRuns(runs, () => checkWorkbook(wb)),
    findings: checkWorkbook(wb).length,
  };
}

export interface IncrementalResult {
  /** One amount edited: the line out of the aggregates and back in, the nine tables, the checks. */
  edit: Timing;
  /** Of which the aggregates and the nine tables. */
  tables: Timing;
  /** Of which the checks: the line rules on the edited line and the table rules on the nine tables. */
  checks: Timing;
  /** Findings after the last edit. */
  findings: number;
}

/**
 * `edits` amount edits on random lines, each brought to every table and check without looking at
 * the other lines: applyLine(-1) / applyLine(+1) on kept aggregates, updateTables (the rows of the
 * edited 项 and its 款 and 类), the line rules on the edited line (an amount edit cannot make or
 * break a duplicate) and the table rules (checkPublication: they read all nine tables).
 * At the end the kept tables must equal a full derivation, or the benchmark fails.
 */
export function benchIncremental(wb: Workbook, edits: number, seed = 7): IncrementalResult {
  const random = mulberry32(seed);
  const lines: LineItem[] = [...wb.lines];
  const units = withLineUnits(wb.units, lines);
  const typeOf = unitTypeLookup(units);
  const ctx: DeriveContext = { department: wb.department, year: wb.year, units };
  const agg = aggregate(lines, typeOf);
  const editSamples: number[] = [];
  const tableSamples: number[] = [];
  const checkSamples: number[] = [];
  let tables = tablesFromAggregates(ctx, agg);
  let findings = 0;
  for (let i = 0; i <= edits; i++) {
    const index = Math.floor(random() * lines.length);
    const before = lines[index];
    const after: LineItem = { ...before, amount: Math.floor(random() * 100_000_000) };
    const start = performance.now();
    const unitType = typeOf(before.unit);
    applyLine(agg, before, unitType, -1);
    applyLine(agg, after, unitType, 1);
    lines[index] = after;
    tables = updateTables(tables, ctx, agg, [before.functionCode]);
    const checksStart = performance.now();
    findings = checkLines([after]).length + checkPublication(tables.map(toPublishedTable)).length;
    const end = performance.now();
    // the first edit compiles the path; it is not counted
    if (i > 0) {
      editSamples.push(end - start);
      tableSamples.push(checksStart - start);
      checkSamples.push(end - checksStart);
    }
  }
  if (!isDeepStrictEqual(tables, deriveTables(ctx, lines))) throw new Error('incremental tables differ from a full derivation');
  return { edit: summarize(editSamples), tables: summarize(tableSamples), checks: summarize(checkSamples), findings };
}
