// Run by crash.test.ts: applies a random stream of edits, undos and redos to a workbook file and
// prints `do <kind>` before each step and `ack <revision> <digest>` once it has returned (committed).
// The parent kills it with SIGKILL at a random moment; or, with `pause` as third argument, the child
// stops by design after a few steps, either inside a transaction (`pause mid`: a large insert whose
// pages have started to spill into the -wal, not committed) or between a commit and its checkpoint
// (`pause committed`), and waits there to be killed.
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import type { EditRequest } from '../../shared/contract/api';
import type { LineFields } from '../../shared/core/edits';
import { WorkbookContent } from '../../main/workbook/content';
import { WorkbookFile } from '../../main/workbook/file';
import { mulberry32 } from '../bench/generate';
import { digest } from './digest';

const [path, seed, mode] = process.argv.slice(2);
const random = mulberry32(Number(seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const say = (text: string) => writeSync(1, `${text}\n`);

const file = WorkbookFile.open(path);

function newLine(n: number): LineFields {
  return {
    unit: pick(['甲单位', '乙单位']),
    functionCode: pick(['2120199', '2080505', '2101102']),
    economicCode: pick(['30101', '30201', '30217', '30231']),
    kind: '基本支出',
    source: pick(['一般公共预算财政拨款', '事业收入']),
    project: '',
    amount: Math.floor(random() * 10_000_000) + n,
  };
}

function nextEdit(): EditRequest {
  const wb = file.workbook();
  const lines = wb.lines;
  const r = random();
  if (lines.length > 600 || (r < 0.1 && lines.length > 5)) {
    const ids = new Set<number>();
    const count = lines.length > 600 ? 200 : 1 + Math.floor(random() * 4);
    while (ids.size < Math.min(count, lines.length)) ids.add(pick(lines).id);
    return { op: 'deleteLines', ids: [...ids] };
  }
  if (r < 0.5 && lines.length > 0) {
    const line = pick(lines);
    const set: Partial<LineFields> = random() < 0.7 ? { amount: Math.floor(random() * 1e9) } : { note: random() < 0.5 ? undefined : `备注${Math.floor(random() * 100)}` };
    return { op: 'updateLines', changes: [{ id: line.id, set }] };
  }
  if (r < 0.65) return { op: 'insertLines', lines: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => newLine(i)) };
  if (r < 0.75) return { op: 'insertLines', lines: Array.from({ length: 50 }, (_, i) => newLine(i)) };
  if (r < 0.85) return { op: 'setTexts', texts: { ...wb.texts, reasons: { ...wb.texts.reasons, total: `原因${Math.floor(random() * 1000)}` } } };
  return { op: 'batch', edits: [{ op: 'insertLines', lines: [newLine(0)] }, { op: 'setUnits', units: [{ name: '甲单位', type: pick(['行政单位', '事业单位']) }] }] };
}

/** Blocks this thread for good: the parent kills the process here. */
function stopHere(where: string): never {
  say(`pause ${where}`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

const pause = { mid: false, committed: false };
if (mode === 'pause') {
  const apply = WorkbookContent.prototype.apply;
  WorkbookContent.prototype.apply = function (this: WorkbookContent, ...args: Parameters<typeof apply>) {
    apply.apply(this, args);
    if (pause.mid) stopHere('mid');
  };
  const pragma = Database.prototype.pragma;
  Database.prototype.pragma = function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
    if (pause.committed && source.startsWith('wal_checkpoint')) stopHere('committed');
    return pragma.call(this, source, options);
  } as typeof pragma;
}

const opened = file.snapshot();
say(`ack ${opened.revision} ${digest(opened.workbook)}`);
for (let steps = 0; ; steps++) {
  if (mode === 'pause' && steps === 3) {
    if (random() < 0.5) {
      pause.mid = true;
      // A small page cache, so that the transaction's pages spill into the -wal before it is committed.
      (file as unknown as { db: Database.Database }).db.pragma('cache_size = 20');
      say('do edit');
      file.edit({ op: 'insertLines', lines: Array.from({ length: 5_000 }, (_, i) => ({ ...newLine(i), note: `一次很大的粘贴 ${i}` })) });
    } else {
      pause.committed = true;
    }
  }
  const r = random();
  const s = file.snapshot();
  if (r < 0.15 && s.canUndo) {
    say('do undo');
    file.undo();
  } else if (r < 0.25 && s.canRedo) {
    say('do redo');
    file.redo();
  } else {
    say('do edit');
    file.edit(nextEdit());
  }
  const after = file.snapshot();
  say(`ack ${after.revision} ${digest(after.workbook)}`);
}
