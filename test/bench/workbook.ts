import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookFile } from '../../main/workbook/file';
import { applyEdit } from '../../shared/core/edits';
import { generateWorkbook } from './generate';
import { summarize, timeRuns, type Timing } from './measure';

export interface WorkbookBench {
  lines: number;
  fileBytes: number;
  /** WorkbookFile.open: header checks, quick_check, the lock, reading every line into memory. */
  open: Timing;
  /** One edit (one line's amount) applied in memory and committed to the file (WAL, synchronous=FULL). */
  edit: Timing;
  /** Undo of that edit, committed likewise. */
  undo: Timing;
  /** Of the edit, the part in memory: `applyEdit` on the 100,000 lines (the rest is SQLite and the disk). */
  applyInMemory: Timing;
}

/**
 * The workbook file with `lineCount` generated lines: each open, edit and undo is timed alone
 * (the first of each is a warm-up and not counted). The file lives in a temporary folder.
 */
export function benchWorkbook(lineCount = 100_000, runs = 15): WorkbookBench {
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  try {
    const path = join(dir, 'bench.budget');
    WorkbookFile.create(path, generateWorkbook(lineCount)).close();
    const opens: number[] = [];
    const edits: number[] = [];
    const undos: number[] = [];
    let applyInMemory: Timing | undefined;
    for (let i = 0; i <= runs; i++) {
      let start = performance.now();
      const file = WorkbookFile.open(path);
      const opened = performance.now() - start;
      const line = file.workbook().lines[(i * 7919) % lineCount];
      start = performance.now();
      file.edit({ op: 'updateLines', changes: [{ id: line.id, set: { amount: line.amount + 100 } }] });
      const edited = performance.now() - start;
      start = performance.now();
      file.undo();
      const undone = performance.now() - start;
      if (i === 0) {
        const wb = file.workbook();
        applyInMemory = timeRuns(runs, () => applyEdit(wb, { op: 'updateLines', changes: [{ id: line.id, set: { amount: 1 } }] }));
      }
      file.close();
      if (i === 0) continue;
      opens.push(opened);
      edits.push(edited);
      undos.push(undone);
    }
    return { lines: lineCount, fileBytes: statSync(path).size, open: summarize(opens), edit: summarize(edits), undo: summarize(undos), applyInMemory: applyInMemory! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
