import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { parseAmount } from '../../shared/core/money';
import { FISCAL_SOURCES, FUND_SOURCES, costTypeOf, runsOfficeExpenses, unitTypeLookup, type Workbook } from '../../shared/core/model';
import { withLineUnits } from '../../shared/core/tables/derive';
import { isAmount, type LineFilter, type TableModel } from '../../shared/core/tables/tableModel';
import { summarize, type Timing } from './measure';

/** The line sheet's columns: the codes at each level, as people add helper columns for SUMIFS. */
const LINE_HEADER = ['功能项', '功能款', '功能类', '经济款', '经济类', '支出类型', '资金来源', '财政拨款', '经费类型', '机关运行', '金额'];
const COL = { item: 'A', kuan: 'B', class: 'C', ecoKuan: 'D', ecoClass: 'E', kind: 'F', source: 'G', fiscal: 'H', costType: 'I', office: 'J', amount: 'K' };
const MAX_SPREADSHEET_ROWS = 1_048_576;

/** Every amount cell of the nine tables, with its figure and which lines it sums. */
function amountCells(tables: readonly TableModel[]): { key: string; fen: number; filter: LineFilter }[] {
  return tables.flatMap((t) =>
    t.rows.flatMap((row, r) => row.cells.flatMap((cell, c) => (isAmount(cell) ? [{ key: `t${t.id}-${r + 1}-${c + 1}`, fen: cell.fen, filter: cell.filter }] : []))),
  );
}

/** A cell's filter as SUMIFS over the line sheet: one SUMIFS per value of a multi-valued criterion. */
function sumifs(filter: LineFilter, lastRow: number): string {
  const range = (col: string) => `明细!$${col}$2:$${col}$${lastRow}`;
  const fixed: [string, string][] = [];
  if (filter.functionPrefix) fixed.push([{ 3: COL.class, 5: COL.kuan, 7: COL.item }[filter.functionPrefix.length]!, filter.functionPrefix]);
  if (filter.economicPrefix) fixed.push([filter.economicPrefix.length === 3 ? COL.ecoClass : COL.ecoKuan, filter.economicPrefix]);
  if (filter.kinds?.length === 1) fixed.push([COL.kind, filter.kinds[0]]);
  if (filter.costType) fixed.push([COL.costType, filter.costType]);
  if (filter.officeUnitsOnly) fixed.push([COL.office, '是']);
  const sources = filter.sources ?? FUND_SOURCES;
  let variants: [string, string][][] = [[]];
  if (sources.length === FISCAL_SOURCES.length && FISCAL_SOURCES.every((s) => sources.includes(s))) fixed.push([COL.fiscal, '是']);
  else if (sources.length < FUND_SOURCES.length) variants = sources.map((s) => [[COL.source, s]]);
  if (filter.economicCodes) variants = variants.flatMap((v) => filter.economicCodes!.map((code): [string, string][] => [...v, [COL.ecoKuan, code]]));
  const terms = variants.map((v) => {
    const criteria = [...fixed, ...v];
    if (criteria.length === 0) return `SUM(${range(COL.amount)})`;
    return `SUMIFS(${range(COL.amount)},${criteria.map(([col, value]) => `${range(col)},"${value}"`).join(',')})`;
  });
  return terms.join('+');
}

/**
 * The incumbent as a spreadsheet: the lines on one sheet, and every figure of the nine tables as
 * SUMIFS formulas over them on the first sheet (the one a CSV conversion writes) — or, for the
 * start-up control, the same figures as constants.
 */
async function writeSpreadsheet(wb: Workbook, tables: readonly TableModel[], path: string, formulas: boolean): Promise<void> {
  const typeOf = unitTypeLookup(withLineUnits(wb.units, wb.lines));
  const book = new ExcelJS.Workbook();
  const figures = book.addWorksheet('表');
  const lines = book.addWorksheet('明细');
  const lastRow = wb.lines.length + 1;
  for (const { key, fen, filter } of amountCells(tables)) {
    const row = figures.addRow([key, formulas ? { formula: sumifs(filter, lastRow) } : fen / 100]);
    row.getCell(2).numFmt = '0.00';
  }
  lines.addRow(LINE_HEADER);
  for (const l of wb.lines) {
    lines.addRow([
      l.functionCode,
      l.functionCode.slice(0, 5),
      l.functionCode.slice(0, 3),
      l.economicCode,
      l.economicCode.slice(0, 3),
      l.kind,
      l.source,
      FISCAL_SOURCES.includes(l.source) ? '是' : '否',
      costTypeOf(l),
      runsOfficeExpenses(typeOf(l.unit)) ? '是' : '否',
      l.amount / 100,
    ]);
  }
  await book.xlsx.writeFile(path);
}

/** A LibreOffice profile that recalculates every formula of an .xlsx on load. */
function prepareProfile(dir: string): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

/** Wall time of `soffice --headless --convert-to csv` on one file; null when it ran past the cap. */
function convert(profile: string, file: string, outDir: string, capMs: number): number | null {
  const start = performance.now();
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv', '--outdir', outDir, file], { timeout: capMs, stdio: 'pipe' });
  const elapsed = performance.now() - start;
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error('soffice (LibreOffice) is not on the PATH');
  if (r.error || r.signal) return null;
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return elapsed;
}

export interface SpreadsheetResult {
  /** Load, recalculate every SUMIFS and write the figures. */
  withFormulas: Timing | null;
  /** The same file with the figures as constants: start-up, load and write alone. */
  withConstants: Timing | null;
  /** withFormulas − withConstants (medians): the recalculation; when capped, a lower bound (cap − constants). */
  recalc: number | null;
  /** The formulas ran past the cap: `recalc` is only a lower bound. */
  capped: boolean;
  formulaCells: number;
  skipped?: string;
}

/**
 * Baseline (c): the same tables as SUMIFS in a spreadsheet, fully recalculated by LibreOffice
 * headless. Every figure LibreOffice computes is compared with the engine's, to the 分.
 */
export async function benchLibreOffice(wb: Workbook, tables: readonly TableModel[], dir: string, runs: number, capMs: number): Promise<SpreadsheetResult> {
  const cells = amountCells(tables);
  if (wb.lines.length + 1 > MAX_SPREADSHEET_ROWS) {
    return { withFormulas: null, withConstants: null, recalc: null, capped: false, formulaCells: cells.length, skipped: `${wb.lines.length} lines do not fit in a sheet (${MAX_SPREADSHEET_ROWS} rows)` };
  }
  const profile = prepareProfile(join(dir, 'lo-profile'));
  const formulaFile = join(dir, `sumifs-${wb.lines.length}.xlsx`);
  const constantFile = join(dir, `constants-${wb.lines.length}.xlsx`);
  await writeSpreadsheet(wb, tables, formulaFile, true);
  await writeSpreadsheet(wb, tables, constantFile, false);
  const outDir = join(dir, 'lo-out');
  const time = (file: string): Timing | null => {
    convert(profile, constantFile, outDir, capMs); // start-up of a fresh profile and file cache, untimed
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = convert(profile, file, outDir, capMs);
      if (t === null) return null;
      samples.push(t);
    }
    return summarize(samples);
  };
  const withFormulas = time(formulaFile);
  if (withFormulas) verify(join(outDir, `sumifs-${wb.lines.length}.csv`), cells);
  const withConstants = time(constantFile);
  return {
    withFormulas,
    withConstants,
    recalc: withConstants ? (withFormulas?.median ?? capMs) - withConstants.median : null,
    capped: withFormulas === null,
    formulaCells: cells.length,
    ...(withFormulas ? {} : { skipped: `past the ${Math.round(capMs / 1000)} s cap` }),
  };
}

/** LibreOffice's figures must equal the engine's to the 分, or the comparison means nothing. */
function verify(csvPath: string, cells: readonly { key: string; fen: number }[]): void {
  const rows = readFileSync(csvPath, 'utf8').trim().split('\n');
  if (rows.length !== cells.length) throw new Error(`LibreOffice wrote ${rows.length} figures, expected ${cells.length}`);
  rows.forEach((row, i) => {
    const [key, value] = row.split(',');
    const parsed = parseAmount(value);
    if (key !== cells[i].key || !parsed.ok || parsed.fen !== cells[i].fen) throw new Error(`LibreOffice ${key} = ${value}, engine ${cells[i].fen / 100}`);
  });
}
