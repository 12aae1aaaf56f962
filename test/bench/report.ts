import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ChildTiming } from './children';
import type { ColdResult, IncrementalResult } from './engine';
import type { FloorResult } from './floor';
import type { SpreadsheetResult } from './libreoffice';
import { ms, timingText, type Timing } from './measure';
import type { WorkbookBench } from './workbook';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  libreOffice: string;
  /** 1, 5 and 15 minute load averages. */
  load: number[];
}

export interface SizeResult {
  lines: number;
  units: number;
  functionCodes: number;
  tableRows: number;
  cold: ColdResult;
  incremental: IncrementalResult;
  floor: FloorResult;
  sqlite: Timing;
  spreadsheet?: SpreadsheetResult | Failure;
}

export interface Results {
  command: string;
  machine: Machine;
  started: string;
  finished?: string;
  loadAfter?: number[];
  sizes: SizeResult[];
  /** Each measurement of 3 and 4, or why it could not be made. */
  workbook?: WorkbookBench | Failure;
  export?: ChildTiming | Failure;
  import?: ChildTiming | Failure;
}

export interface Failure {
  failed: string;
}

export function failed<T extends object>(value: T | Failure | undefined): value is Failure {
  return value !== undefined && 'failed' in value;
}

const GiB = 2 ** 30;

export function machine(): Machine {
  const lo = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / GiB).toFixed(1)} GiB (${(freemem() / GiB).toFixed(1)} GiB free)`,
    node: process.version,
    libreOffice: lo.status === 0 ? lo.stdout.trim() : 'not installed',
    load: loadavg(),
  };
}

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
const BEGIN = '<!-- bench:results:begin (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

const n = (x: number) => x.toLocaleString('en-US');
/** a ÷ b as `7.0×`, `0.8×`, `282×`. */
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b >= 10 ? 0 : a / b >= 1 ? 1 : 2)}×`;
const verdict = (met: boolean) => (met ? '**met**' : '**missed**');
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');

function derivationTable(sizes: readonly SizeResult[]): string[] {
  return [
    '| lines | units | 功能 项 | table rows | nine tables from the line objects | of which aggregate() | of which table models | keeping the lines column-wise (LineStore, once on opening) | the engine\'s pass over them (LineStore.aggregate) | nine tables from them (the pass + table models) | (b) floor: typed-array pass | engine pass ÷ (b) | nine tables from the kept lines ÷ (b) | encoding the lines for (b), not in (b) | reading the amount of each LineItem, nothing else | tables + all checks (checkWorkbook) | findings | the same, one line negative (the table rules run too) | (a) SQLite GROUP BY → tables | (a) ÷ tables: times faster than SQLite |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...sizes.map(
      (s) =>
        `| ${n(s.lines)} | ${n(s.units)} | ${n(s.functionCodes)} | ${n(s.tableRows)} | ${timingText(s.cold.tables)} | ${timingText(s.cold.aggregate)} | ${timingText(s.cold.fromAggregates)} | ${timingText(s.cold.encode)} | ${timingText(s.cold.storePass)} | ${timingText(s.cold.fromStore)} | ${timingText(s.floor.pass)} | ${ratio(s.cold.storePass.median, s.floor.pass.median)} | ${ratio(s.cold.fromStore.median, s.floor.pass.median)} | ${timingText(s.floor.encode)} | ${timingText(s.floor.objectRead)} | ${timingText(s.cold.tablesAndChecks)} | ${n(s.cold.findings)} | ${timingText(s.cold.tablesAndChecksAtRisk)} | ${timingText(s.sqlite)} | ${ratio(s.sqlite.median, s.cold.tables.median)} |`,
    ),
  ];
}

function incrementalTable(sizes: readonly SizeResult[]): string[] {
  return [
    '| lines | amount edits | one amount edit → nine tables + every check (LiveWorkbook.apply, findings) | of which listing the findings | code edits | one line\'s 功能分类 changed → nine tables + every check |',
    '|---:|---:|---:|---:|---:|---:|',
    ...sizes.map(
      (s) =>
        `| ${n(s.lines)} | ${s.incremental.edit.runs} | ${timingText(s.incremental.edit)} | ${timingText(s.incremental.findings)} | ${s.incremental.codeEdit.runs} | ${timingText(s.incremental.codeEdit)} |`,
    ),
  ];
}

function spreadsheetTable(sizes: readonly SizeResult[]): string[] {
  const rows = sizes.map((s) => {
    const c = s.spreadsheet;
    if (!c) return `| ${n(s.lines)} | – | not run (see above) | | | | | | |`;
    if (failed(c)) return `| ${n(s.lines)} | – | failed: ${c.failed} | | | | | | |`;
    const atLeast = c.capped ? '> ' : '';
    const measurable = c.recalc !== null && c.recalc > 0;
    const recalc = c.recalc === null ? (c.skipped ?? '–') : measurable ? `${atLeast}${ms(c.recalc)}` : `${ms(c.recalc)}: within start-up noise`;
    const versus = (engine: number) => (measurable ? `${atLeast}${ratio(c.recalc!, engine)}` : '–');
    return `| ${n(s.lines)} | ${n(c.formulaCells)} | ${c.withFormulas ? timingText(c.withFormulas) : (c.skipped ?? '–')} | ${c.withConstants ? timingText(c.withConstants) : '–'} | ${recalc} | ${ms(s.cold.tables.median)} | ${versus(s.cold.tables.median)} | ${ms(s.cold.tablesAndChecks.median)} | ${versus(s.cold.tablesAndChecks.median)} |`;
  });
  return [
    '| lines | SUMIFS cells | LibreOffice: load + recalc + write | same file, constants (start-up, load, write) | recalculation (difference of medians) | engine: nine tables | recalculation ÷ tables | engine: tables + all checks | recalculation ÷ tables + checks |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ];
}

function targets(r: Results): string[] {
  const at = (lines: number) => r.sizes.find((s) => s.lines === lines);
  const out = ['| target | measured | verdict |', '|---|---|---|'];
  const d = at(100_000);
  if (d) {
    const { tables, tablesAndChecks, tablesAndChecksAtRisk, storePass, fromStore } = d.cold;
    out.push(
      `| derivation of 100,000 lines ≤ 50 ms | nine tables ${ms(tables.median)} ms; tables + all checks ${ms(tablesAndChecks.median)} ms (${ms(tablesAndChecksAtRisk.median)} ms when the table rules must run too) | ${verdict(tables.median <= 50)} (with all checks ${verdict(tablesAndChecks.median <= 50)}; when the table rules run ${verdict(tablesAndChecksAtRisk.median <= 50)}) |`,
    );
    out.push(
      `| derivation within 3× of the floor (b) at 100,000 lines | the engine's pass over its kept lines (the floor's work: the sums) ${ratio(storePass.median, d.floor.pass.median)} the floor; with the table models too ${ratio(fromStore.median, d.floor.pass.median)}; the nine tables from the line objects ${ratio(tables.median, d.floor.pass.median)} | ${verdict(storePass.median <= 3 * d.floor.pass.median)} (with the table models ${verdict(fromStore.median <= 3 * d.floor.pass.median)}; from the line objects ${verdict(tables.median <= 3 * d.floor.pass.median)}) |`,
    );
  }
  const m = at(1_000_000);
  if (m) {
    const { edit, codeEdit } = m.incremental;
    out.push(`| incremental edit ≤ 1 ms at 1,000,000 lines | one amount edit ${ms(edit.median)} ms (a code edit ${ms(codeEdit.median)} ms), every table and check up to date | ${verdict(edit.median <= 1)} (code edit ${verdict(codeEdit.median <= 1)}) |`);
  }
  if (failed(r.workbook)) out.push(`| open 100,000 lines ≤ 300 ms; one committed edit ≤ 5 ms | not measured: ${r.workbook.failed} | – |`);
  else if (r.workbook) {
    out.push(`| open 100,000 lines ≤ 300 ms | ${ms(r.workbook.open.median)} ms | ${verdict(r.workbook.open.median <= 300)} |`);
    const { firstEdit, edit } = r.workbook;
    out.push(`| one committed edit ≤ 5 ms | ${ms(firstEdit.median)} ms the first of a session, ${ms(edit.median)} ms later ones | ${verdict(Math.max(firstEdit.median, edit.median) <= 5)} |`);
  }
  if (failed(r.export)) out.push(`| export of a 100,000-line department ≤ 3 s | not measured: ${r.export.failed} | – |`);
  else if (r.export) out.push(`| export of a 100,000-line department ≤ 3 s | ${ms(r.export.time.median)} ms | ${verdict(r.export.time.median <= 3000)} |`);
  const slower = r.sizes.filter((s) => s.cold.tables.median >= s.sqlite.median).map((s) => n(s.lines));
  out.push(`| faster than (a) SQLite | nine tables ${r.sizes.map((s) => ratio(s.sqlite.median, s.cold.tables.median)).join(', ')} faster (${r.sizes.map((s) => n(s.lines)).join(' / ')} lines) | ${verdict(slower.length === 0)}${slower.length ? ` (not at ${slower.join(', ')})` : ''} |`);
  const lo = r.sizes.filter((s): s is SizeResult & { spreadsheet: SpreadsheetResult } => !!s.spreadsheet && !failed(s.spreadsheet) && s.spreadsheet.recalc !== null && s.spreadsheet.recalc > 0);
  if (lo.length) {
    const factors = (engine: (s: SizeResult) => number) => lo.map((s) => s.spreadsheet.recalc! / engine(s));
    const shown = (f: number[]) => lo.map((s, i) => `${s.spreadsheet.capped ? '> ' : ''}${f[i].toFixed(0)}×`).join(', ');
    const tables = factors((s) => s.cold.tables.median);
    const withChecks = factors((s) => s.cold.tablesAndChecks.median);
    out.push(
      `| ≥ 20× faster than (c) LibreOffice SUMIFS | recalculation ÷ nine tables (the same work): ${shown(tables)}; ÷ tables + all checks: ${shown(withChecks)} (${lo.map((s) => n(s.lines)).join(' / ')} lines) | ${verdict(tables.every((f) => f >= 20))} (with the checks ${verdict(withChecks.every((f) => f >= 20))}) |`,
    );
  }
  return out;
}

function resultsMarkdown(r: Results): string {
  const m = r.machine;
  const lines = [
    `Command: \`${r.command}\` — run ${r.started}${r.finished ? ` to ${r.finished}` : ''}.`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores (\`nproc\`), ${m.memory}, Node ${m.node}, ${m.libreOffice}. Load average (1/5/15 min) at the start ${load(m.load)}${r.loadAfter ? `, at the end ${load(r.loadAfter)}` : ''}.`,
    '',
    'All times in milliseconds: median (min–max) of the runs.',
    '',
    '### Targets',
    '',
    ...targets(r),
    '',
    '### 1. Cold derivation, and baselines (a) and (b)',
    '',
    ...derivationTable(r.sizes),
    '',
    '### 2. One amount edited, incrementally',
    '',
    ...incrementalTable(r.sizes),
    '',
  ];
  if (failed(r.workbook)) lines.push('### 3. The workbook file (`.budget`, SQLite)', '', `Not measured: ${r.workbook.failed}`, '');
  else if (r.workbook) {
    const w = r.workbook;
    lines.push(
      '### 3. The workbook file (`.budget`, SQLite)',
      '',
      `${n(w.lines)} lines, ${(w.fileBytes / 2 ** 20).toFixed(1)} MiB file; opened ${w.open.runs} times (after one untimed opening), ${w.edit.runs} later edits and undos; each committed (WAL, synchronous = FULL) and checkpointed into the file before it returns (docs/workbook-file.md).`,
      '',
      '| open (WorkbookFile.open) | of it, checksums of the content | first edit of a session | its undo | later edits | later undos | of an edit, applyEdit in memory |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      `| ${timingText(w.open)} | ${timingText(w.checksumsOnOpen)} | ${timingText(w.firstEdit)} | ${timingText(w.firstUndo)} | ${timingText(w.edit)} | ${timingText(w.undo)} | ${timingText(w.applyInMemory)} |`,
      '',
    );
  }
  if (r.export || r.import) {
    const row = (label: string, c: ChildTiming | Failure | undefined) =>
      !c ? `| ${label} | not run | | |` : failed(c) ? `| ${label} | failed: ${c.failed} | | |` : `| ${label} | ${timingText(c.time)} | ${c.rssBeforeMB.toFixed(0)} MiB | ${c.peakRssMB.toFixed(0)} MiB |`;
    lines.push(
      '### 4. Excel export and import (100,000 lines), each in a fresh process',
      '',
      '| operation | time | RSS before | peak RSS |',
      '|---|---:|---:|---:|',
      row('exportPublication (nine tables, text sheets, 明细 sheet)', r.export),
      row('readLinesFile (.xlsx: the exported 明细 sheet)', r.import),
      '',
    );
  }
  lines.push('### 5. Baseline (c): the same tables as SUMIFS, recalculated by LibreOffice headless', '', ...spreadsheetTable(r.sizes), '');
  return lines.join('\n');
}

/** The results as Markdown; for a full run, also written between the markers of docs/benchmarks.md. */
export function writeResults(r: Results, intoDoc: boolean): string {
  const markdown = resultsMarkdown(r);
  if (intoDoc) {
    const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${DOC}: the result markers are missing`);
    writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n\n${markdown}\n${doc.slice(end)}`);
  }
  return markdown;
}
