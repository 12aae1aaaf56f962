// `npm run bench:consolidate [-- --departments 300 --lines 10000]`: a finance bureau's consolidation
// of a generated district (one file per department, the bench generator's departments), timed from
// the first file read to the 汇总 xlsx written. Writes its section of docs/benchmarks.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookFile } from '../../main/workbook/file';
import { consolidateFiles, writeConsolidation } from '../../main/units/consolidateFiles';
import { generateWorkbook } from './generate';
import { machine } from './report';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
const BEGIN = '<!-- bench:consolidate:begin (written by npm run bench:consolidate; edit outside these markers) -->';
const END = '<!-- bench:consolidate:end -->';

function option(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]?.replace(/_/g, '')) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: a positive whole number`);
  return n;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main(argv: string[]): Promise<void> {
  const departments = option(argv, '--departments', 300);
  const lines = option(argv, '--lines', 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-consolidate-'));
  try {
    log(`generating ${departments} department files of ${lines} lines`);
    const paths: string[] = [];
    for (let i = 0; i < departments; i++) {
      const path = join(dir, `部门${String(i + 1).padStart(3, '0')}.budget`);
      WorkbookFile.create(path, { ...generateWorkbook(lines, 5000 + i), department: `区属部门${i + 1}` }).close();
      paths.push(path);
    }
    global.gc?.();
    log('consolidating');
    const heapAfter: number[] = [];
    let peakRss = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const c = consolidateFiles(paths, (done) => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      if (done % Math.max(1, Math.floor(departments / 10)) === 0) heapAfter.push(m.heapUsed);
    });
    const read = performance.now();
    const tables = c.tables('汇总');
    const out = join(dir, '汇总.xlsx');
    await writeConsolidation(c, tables, out);
    const end = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (c.failures.length > 0) throw new Error(`files not read: ${c.failures.map((f) => f.message).join('; ')}`);
    const m = machine();
    const rows = [
      `Run ${new Date().toISOString().slice(0, 10)} on ${m.cpu} × ${m.cores}, Node ${process.version}, ${m.memory}, load average ${m.load.map((l) => l.toFixed(1)).join(' / ')}: ` +
        `**${departments} departments × ${lines.toLocaleString('en')} lines** (${(departments * lines).toLocaleString('en')} lines), ` +
        'each file read read-only under its own lock, derived, checked (every rule), added into the 汇总; then the xlsx written.',
      '',
      '| step | time |',
      '| --- | ---: |',
      `| read, derive, check and add every department | ${((read - start) / 1000).toFixed(1)} s (${((read - start) / departments).toFixed(1)} ms per department) |`,
      `| the 汇总 nine tables and the report xlsx | ${((end - read) / 1000).toFixed(1)} s |`,
      `| **total** (target ≤ 20 s) | **${((end - start) / 1000).toFixed(1)} s** |`,
      `| CPU time of the process in that while (what an idle machine would take, roughly) | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s |`,
      '',
      `Memory: peak RSS ${mb(peakRss)}; heap in use after each tenth of the departments: ${heapAfter.map(mb).join(', ')} ` +
        '(it does not grow with the number of departments: a department\'s lines are dropped once it is added).',
    ];
    const markdown = rows.join('\n');
    process.stdout.write(`${markdown}\n`);
    if (!argv.includes('--no-doc')) {
      const doc = readFileSync(DOC, 'utf8');
      const s = doc.indexOf(BEGIN);
      const e = doc.indexOf(END);
      if (s < 0 || e < s) throw new Error(`${DOC}: the consolidate markers are missing`);
      writeFileSync(DOC, `${doc.slice(0, s + BEGIN.length)}\n\n${markdown}\n\n${doc.slice(e)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
