import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksums } from '../../main/workbook/checksum';
import { WorkbookFile } from '../../main/workbook/file';
import { applyEdit } from '../../shared/core/edits';
import { generateWorkbook } from './generate';
import { summarize, timeRuns, type Timing } from './measure';

export interface WorkbookBench {
  lines: number;
  fileBytes: number;
  /** WorkbookFile.open: header checks, quick_check, the lock, reading every line into memory, checking the checksums. */
  open: Timing;
  /** Of opening, the checksums of the content read (every field of every line hashed). */
  checksumsOnOpen: Timing;
  /** The first edit after opening (one line's amount), committed (WAL, synchronous=FULL) and checkpointed. */
  firstEdit: Timing;
  /** Undo of that edit, committed likewise. */
  firstUndo: Timing;
  /** Later edits of the session, each committed. */
  edit: Timing;
  undo: Timing;
  /** Of an edit, the part in memory: `applyEdit` on the lines (the rest is SQLite and the disk). */
  applyInMemory: Timing;
}

const EDITS_PER_SESSION = 10;

/**
 * The workbook file with `lineCount` generated lines, opened `sessions` times (after one warm-up);
 * in each session one line is edited and the edit undone, then `EDITS_PER_SESSION` more times.
 * Every operation is timed alone. The file lives in a temporary folder.
 */
export function benchWorkbook(lineCount = 100_000, sessions = 15): WorkbookBench {
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  try {
    const path = join(dir, 'bench.budget');
    WorkbookFile.create(path, generateWorkbook(lineCount)).close();
    const samples = { open: [] as number[], firstEdit: [] as number[], firstUndo: [] as number[], edit: [] as number[], undo: [] as number[] };
    const timed = (fn: () => unknown) => {
      const start = performance.now();
      fn();
      return performance.now() - start;
    };
    let applyInMemory: Timing | undefined;
    let checksumsOnOpen: Timing | undefined;
    for (let s = 0; s <= sessions; s++) {
      let file: WorkbookFile | undefined;
      const open = timed(() => (file = WorkbookFile.open(path)));
      const f = file!;
      const lines = f.workbook().lines;
      const change = (k: number) => {
        const line = lines[(s * 7919 + k * 104_729) % lineCount];
        return { op: 'updateLines' as const, changes: [{ id: line.id, set: { amount: line.amount + 100 } }] };
      };
      const firstEdit = timed(() => f.edit(change(0)));
      const firstUndo = timed(() => f.undo());
      const later = Array.from({ length: EDITS_PER_SESSION }, (_, k) => [timed(() => f.edit(change(k + 1))), timed(() => f.undo())]);
      if (s === 0) applyInMemory = timeRuns(sessions, () => applyEdit(f.workbook(), change(0)));
      if (s === 0) checksumsOnOpen = timeRuns(sessions, () => checksums(f.workbook()));
      f.close();
      if (s === 0) continue;
      samples.open.push(open);
      samples.firstEdit.push(firstEdit);
      samples.firstUndo.push(firstUndo);
      for (const [e, u] of later) {
        samples.edit.push(e);
        samples.undo.push(u);
      }
    }
    return {
      lines: lineCount,
      fileBytes: statSync(path).size,
      open: summarize(samples.open),
      firstEdit: summarize(samples.firstEdit),
      firstUndo: summarize(samples.firstUndo),
      edit: summarize(samples.edit),
      undo: summarize(samples.undo),
      applyInMemory: applyInMemory!,
      checksumsOnOpen: checksumsOnOpen!,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
