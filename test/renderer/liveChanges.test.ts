import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { BULK_LINES, followChange, linesTouched } from '../../renderer/src/liveChanges';

/** What the screen's useWorkbook publishes for an edit the file applied. */
function edited(wb: Workbook, edit: Edit, revision: number) {
  const next = applyEdit(wb, edit).workbook;
  return { change: { kind: 'edit' as const, edit, revision, workbook: next }, next };
}

const same = (live: LiveWorkbook, wb: Workbook) => {
  const fresh = new LiveWorkbook(wb);
  expect(live.tables).toEqual(fresh.tables);
  expect(live.findings()).toEqual(fresh.findings());
};

describe('the screen’s tables and findings follow each change', () => {
  const wb = sampleWorkbook();
  const firstId = Math.max(...wb.lines.map((l) => l.id)) + 1;
  const imported = Array.from({ length: BULK_LINES + 1 }, (_, i) => ({ ...wb.lines[i % wb.lines.length], id: firstId + i, amount: 100 + i, project: `项目${i}`, kind: '项目支出' as const }));

  it('an edit of a few lines is applied to the same LiveWorkbook', () => {
    const live = followChange(null, { kind: 'load', workbook: wb, revision: 0 })!;
    const { change, next } = edited(wb, { op: 'updateLines', changes: [{ id: wb.lines[0].id, set: { amount: 12_345 } }] }, 1);
    expect(followChange(live, change)).toBe(live);
    same(live, next);
  });

  it('an import and its undo (thousands of lines) are taken whole: the same tables and findings as built afresh', () => {
    const live = followChange(null, { kind: 'load', workbook: wb, revision: 0 })!;
    const insert = edited(wb, { op: 'insertLines', lines: imported }, 1);
    const after = followChange(live, insert.change)!;
    expect(after).not.toBe(live);
    same(after, insert.next);
    const undo = edited(insert.next, { op: 'deleteLines', ids: imported.map((l) => l.id) }, 2);
    const back = followChange(after, undo.change)!;
    same(back, wb);
    expect(back.findings()).toEqual(new LiveWorkbook(wb).findings());
  });

  it('counts the lines an edit touches, in batches too', () => {
    expect(linesTouched({ op: 'batch', edits: [{ op: 'deleteLines', ids: [1, 2] }, { op: 'insertLines', lines: imported.slice(0, 3) }, { op: 'setUnits', units: [] }] })).toBe(5);
  });
});
