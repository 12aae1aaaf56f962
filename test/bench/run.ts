// `npm run bench` (tsx test/bench/run.ts [--sizes 1000,10000] [--quick]): every measurement of
// docs/benchmarks.md in one run. Prints the results as Markdown and writes them into that file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { tablesFromAggregates } from '../../shared/core/tables/derive';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { runChild } from './children';
import { benchCold, benchIncremental } from './engine';
import { benchFloor, contextOf, encodeLines, sumEncoded, toAggregates } from './floor';
import { generateWorkbook } from './generate';
import { benchLibreOffice } from './libreoffice';
import { failed, machine, writeResults, type Failure, type Results, type SizeResult } from './report';
import { benchSqlite } from './sqlite';
import { benchWorkbook } from './workbook';

const DEFAULT_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** The department size of targets 3 and 4 (open, edit, export, import). */
const DEPARTMENT_LINES = 100_000;
const LIBREOFFICE_CAP_MS = 120_000;

function options(argv: readonly string[]): { sizes: number[]; quick: boolean } {
  const i = argv.indexOf('--sizes');
  const sizes = i >= 0 ? argv[i + 1].split(',').map((s) => Number(s.replace(/_/g, ''))) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: a comma-separated list of line counts, e.g. 1000,10000');
  return { sizes, quick: argv.includes('--quick') };
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function benchSize(lines: number, quick: boolean, dir: string): Promise<SizeResult> {
  const runs = quick ? 3 : lines >= 1_000_000 ? 5 : lines >= 100_000 ? 21 : 51;
  log(`${lines} lines: generating`);
  const wb = generateWorkbook(lines);
  const tables = deriveWorkbookTables(wb);
  log(`${lines} lines: cold derivation`);
  const cold = benchCold(wb, runs);
  log(`${lines} lines: incremental edits`);
  const incremental = benchIncremental(wb, quick ? 50 : 200);
  log(`${lines} lines: floor (typed arrays)`);
  const floor = benchFloor(wb, runs);
  const encoded = encodeLines(wb);
  if (!isDeepStrictEqual(tablesFromAggregates(contextOf(wb), toAggregates(encoded, sumEncoded(encoded))), tables)) {
    throw new Error('the floor does not compute the same tables');
  }
  log(`${lines} lines: SQLite GROUP BY`);
  const sqlite = benchSqlite(wb, join(dir, `sqlite-${lines}.budget`), runs);
  if (!isDeepStrictEqual(sqlite.tables, tables)) throw new Error('SQLite does not compute the same tables');
  let spreadsheet: SizeResult['spreadsheet'];
  if (lines <= DEPARTMENT_LINES) {
    log(`${lines} lines: LibreOffice SUMIFS`);
    try {
      spreadsheet = await benchLibreOffice(wb, tables, dir, quick || lines >= DEPARTMENT_LINES ? 1 : 5, LIBREOFFICE_CAP_MS);
    } catch (e) {
      spreadsheet = { failed: (e as Error).message };
      log(`failed: ${spreadsheet.failed}`);
    }
  }
  return {
    lines,
    units: wb.units.length,
    functionCodes: encoded.functionCodes.length,
    tableRows: tables.reduce((n, t) => n + t.rows.length, 0),
    cold,
    incremental,
    floor,
    sqlite: sqlite.queries,
    spreadsheet,
  };
}

/** Code of other modules that fails (e.g. while being rewritten) is reported, not fatal to the run. */
function attempt<T>(measure: () => T): T | Failure {
  try {
    return measure();
  } catch (e) {
    log(`failed: ${(e as Error).message}`);
    return { failed: (e as Error).message.split('\n')[0] };
  }
}

async function main(): Promise<void> {
  const { sizes, quick } = options(process.argv.slice(2));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  try {
    const results: Results = { command, machine: machine(), started: new Date().toISOString(), sizes: [] };
    for (const lines of sizes) results.sizes.push(await benchSize(lines, quick, dir));
    if (sizes.includes(DEPARTMENT_LINES)) {
      log('workbook file: open / edit / undo');
      results.workbook = attempt(() => benchWorkbook(DEPARTMENT_LINES, quick ? 5 : 15));
      const file = join(dir, 'export.xlsx');
      log('export .xlsx (child processes)');
      results.export = attempt(() => runChild('child-export.ts', [String(DEPARTMENT_LINES), file], quick ? 1 : 3));
      if (!failed(results.export)) {
        log('import .xlsx (child processes)');
        results.import = attempt(() => runChild('child-import.ts', [file, String(DEPARTMENT_LINES)], quick ? 1 : 3));
      }
    }
    results.finished = new Date().toISOString();
    results.loadAfter = machine().load;
    process.stdout.write(writeResults(results, !quick && isDeepStrictEqual(sizes, DEFAULT_SIZES)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
