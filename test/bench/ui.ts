/**
 * `npm run bench:ui`: the screen's speed in Chromium through the browser host, written into
 * docs/benchmarks.md (between its bench:ui markers). For each size: opening until the grid takes
 * keys, and a committed amount edit from keydown to the painted frame that shows the new amount and
 * the new 合计 (requestAnimationFrame timestamp; also when the file had committed it); at 100,000
 * lines a 10,000-row paste. Each edit is measured several times; the median is reported.
 *
 *   npm run bench:ui                                  # 100,000 and 1,000,000 lines
 *   npm run bench:ui -- --sizes 100000 --no-doc       # one size, results printed only
 *
 * Every wait has its own limit and says what it waited for; progress goes to stderr as it happens
 * (the one earlier run hung silently: the script that set up a measurement ended with the promise,
 * so `page.evaluate` waited for it, and it resolves only after the key that was never pressed).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { launchWebHost } from '../../main/web/launch';
import { WorkbookFile } from '../../main/workbook/file';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { ROOT } from '../helpers/cli';
import { generateWorkbook } from './generate';
import { machine } from './report';

const EDITS = 7;
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const BEGIN = '<!-- bench:ui:begin (written by npm run bench:ui; edit outside these markers) -->';
const END = '<!-- bench:ui:end -->';
/** Limits: a step that takes longer is reported as failed, with what it waited for. */
const OPEN_LIMIT = 300_000;
const KEY_LIMIT = 60_000;

const started = performance.now();
const log = (what: string) => process.stderr.write(`[bench:ui ${((performance.now() - started) / 1000).toFixed(1)} s] ${what}\n`);

function withLimit<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

interface KeyTiming {
  /** Keydown → the painted frame that shows the change. */
  painted: number;
  /** Keydown → the file's answer to the call the key made (Resource Timing of /api/call). */
  committed: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Presses a key and times it: until the first frame painted after `changed` holds, and until the
 * file answered. `changed` is page script (a function body) run once per frame; it may read `before`,
 * the 合计 text as it was when the key went down.
 */
async function timeKey(page: Page, key: string, changedScript: string, what: string): Promise<KeyTiming> {
  await page.evaluate('performance.clearResourceTimings()');
  // Given as text: the bench runs under tsx, whose helpers would not exist in the page.
  await page.evaluate(`
    window.__bench = new Promise((resolve) => {
      const before = document.querySelector('[row-id="bottomtotal"] [col-id="amount"]')?.textContent ?? '';
      window.addEventListener('keydown', () => { window.__down = performance.now(); }, { capture: true, once: true });
      const changed = () => { ${changedScript} };
      const poll = () => (window.__down !== undefined && changed() ? requestAnimationFrame((t) => resolve(t)) : requestAnimationFrame(poll));
      window.__down = undefined;
      requestAnimationFrame(poll);
    });
    undefined; // not the promise: evaluate would wait for it, and it resolves only after the key
  `);
  await page.keyboard.press(key);
  const painted = (await withLimit(page.evaluate('window.__bench'), KEY_LIMIT, `${what}: the change painted`)) as number;
  const down = (await page.evaluate('window.__down')) as number;
  const answered = (await withLimit(
    page.evaluate(`new Promise((resolve) => {
      const look = () => {
        const r = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/call')).pop();
        if (r && r.responseEnd > 0) resolve(r.responseEnd); else setTimeout(look, 5);
      };
      look();
    })`),
    KEY_LIMIT,
    `${what}: the file's answer`,
  )) as number;
  return { painted: painted - down, committed: answered - down };
}

interface SizeResult {
  lines: number;
  open?: number;
  edit?: KeyTiming;
  paste?: KeyTiming;
  failed?: string;
}

async function measure(lines: number, paste: boolean): Promise<SizeResult> {
  const result: SizeResult = { lines };
  const dir = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  const path = join(dir, 'bench.budget');
  log(`${lines.toLocaleString('en')} lines: generating the workbook file`);
  WorkbookFile.create(path, generateWorkbook(lines)).close();
  const launched = await launchWebHost({ path });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(KEY_LIMIT);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    log(`${lines.toLocaleString('en')} lines: opening`);
    const t0 = Date.now();
    await page.goto(launched.host.url);
    // By line id (the generated lines are 1…N in order): the pinned rows below share row indexes with the first lines.
    const first = page.locator('[row-id="1"] [col-id="amount"]');
    await first.waitFor({ timeout: OPEN_LIMIT });
    await first.click();
    await page.waitForFunction(() => document.activeElement?.closest('[row-id="1"] [col-id="amount"]') !== null, undefined, { timeout: KEY_LIMIT });
    result.open = Date.now() - t0;
    log(`${lines.toLocaleString('en')} lines: open in ${result.open} ms; editing amounts`);

    const edits: KeyTiming[] = [];
    for (let i = 0; i < EDITS; i++) {
      await page.keyboard.type(String(1000 + i));
      const expected = `${(1000 + i).toLocaleString('en-US')}.00`;
      const changed = `return document.querySelector('[row-id="${i + 1}"] [col-id="amount"]')?.textContent === ${JSON.stringify(expected)}
        && (document.querySelector('[row-id="bottomtotal"] [col-id="amount"]')?.textContent ?? '') !== before
        && !document.querySelector('.ag-cell-inline-editing, .ag-popup-editor')`;
      const t = await timeKey(page, 'Enter', changed, `edit ${i + 1}`);
      log(`  edit ${i + 1}: painted ${t.painted.toFixed(1)} ms, committed ${t.committed.toFixed(1)} ms`);
      edits.push(t);
    }
    result.edit = { painted: median(edits.map((e) => e.painted)), committed: median(edits.map((e) => e.committed)) };
    if (paste) {
      log(`${lines.toLocaleString('en')} lines: pasting 10,000 amounts`);
      const block = Array.from({ length: 10_000 }, (_, i) => String(100 + i)).join('\r\n');
      // Ctrl+Home goes to 单位名称 of line 1; six columns on is 金额.
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(block)})`);
      result.paste = await timeKey(
        page,
        'Control+V',
        `return document.querySelector('[row-id="1"] [col-id="amount"]')?.textContent === '100.00' && document.querySelector('[row-id="2"] [col-id="amount"]')?.textContent === '101.00'`,
        'paste',
      );
      log(`  paste: painted ${result.paste.painted.toFixed(1)} ms, committed ${result.paste.committed.toFixed(1)} ms`);
    }
  } catch (e) {
    result.failed = e instanceof Error ? e.message.split('\n')[0] : String(e);
    log(`${lines.toLocaleString('en')} lines failed: ${result.failed}`);
  } finally {
    await context.close();
    await launched.close();
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}

const ms = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');

function markdown(results: SizeResult[], loadBefore: number[], loadAfter: number[]): string {
  const m = machine();
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
  const rows = [
    `Run ${new Date().toISOString().slice(0, 10)} (\`npm run bench:ui\`, test/bench/ui.ts) on ${m.cpu} × ${m.cores}, Node ${process.version}, headless Debian Chromium through the browser host; ` +
      `load average ${load(loadBefore)} before, ${load(loadAfter)} after (1 / 5 / 15 min; above 2 the 2 cores were shared and the times read high).`,
    '',
    `Keydown → the painted frame that shows the new amount and the new 合计 (requestAnimationFrame timestamp), median of ${EDITS} edits; and keydown → the file's answer (the edit committed in the SQLite file).`,
    '',
    '| Measured | Painted | Committed in the file | Target (painted) |',
    '| --- | ---: | ---: | --- |',
  ];
  for (const r of results) {
    const n = r.lines.toLocaleString('en');
    const target = r.lines >= 1_000_000 ? '≤ 50 ms' : '≤ 16 ms';
    if (r.edit) rows.push(`| Amount edit, ${n} lines | ${ms(r.edit.painted)} | ${ms(r.edit.committed)} | ${target} |`);
    else rows.push(`| Amount edit, ${n} lines | not measured | | ${target} |`);
    if (r.paste) rows.push(`| Paste of 10,000 amounts, ${n} lines | ${ms(r.paste.painted)} | ${ms(r.paste.committed)} | ≤ 300 ms |`);
  }
  rows.push('', '| Open until the grid takes keys | Time | Target |', '| --- | ---: | --- |');
  for (const r of results) rows.push(`| ${r.lines.toLocaleString('en')} lines | ${r.open !== undefined ? `${r.open} ms` : 'not measured'} | ${r.lines >= 1_000_000 ? '≤ 3 s' : ''} |`);
  const failures = results.filter((r) => r.failed);
  if (failures.length > 0) rows.push('', ...failures.map((r) => `Failed at ${r.lines.toLocaleString('en')} lines: ${r.failed}`));
  return rows.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? argv[sizesAt + 1].split(',').map(Number) : [100_000, 1_000_000];
  const loadBefore = loadavg();
  log(`load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')}; sizes ${sizes.join(', ')}`);
  const results: SizeResult[] = [];
  for (const [i, lines] of sizes.entries()) results.push(await measure(lines, i === 0));
  const text = markdown(results, loadBefore, loadavg());
  process.stdout.write(`${text}\n`);
  if (argv.includes('--no-doc')) return;
  const doc = await readFile(DOC, 'utf8');
  const s = doc.indexOf(BEGIN);
  const e = doc.indexOf(END);
  if (s < 0 || e < s) throw new Error(`${DOC}: the bench:ui markers are missing`);
  await writeFile(DOC, `${doc.slice(0, s + BEGIN.length)}\n\n${text}\n\n${doc.slice(e)}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
