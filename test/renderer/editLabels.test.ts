import { describe, expect, it } from 'vitest';
import { EditLabels, describeApplied } from '../../renderer/src/editLabels';
import { sampleWorkbook } from '../../shared/core/sample/sample';

const line = sampleWorkbook().lines[0];

describe('what an undo says it undid', () => {
  it("the screen's own words, in undo order, and back again on redo", () => {
    const labels = new EditLabels();
    const applied = { op: 'deleteLines' as const, ids: [31] };
    labels.sent('新增 1 行');
    labels.sent('粘贴 20 行');
    expect(labels.undo(applied)).toBe('粘贴 20 行');
    expect(labels.redo(applied)).toBe('粘贴 20 行');
    expect(labels.undo(applied)).toBe('粘贴 20 行');
    expect(labels.undo(applied)).toBe('新增 1 行');
  });

  it('an edit without words is said from what the file applied', () => {
    const labels = new EditLabels();
    expect(labels.undo({ op: 'deleteLines', ids: [1, 2] })).toBe('新增 2 行');
    expect(describeApplied({ op: 'insertLines', lines: [line] }, true)).toBe('删除 1 行');
    expect(describeApplied({ op: 'insertLines', lines: [line] }, false)).toBe('新增 1 行');
    expect(describeApplied({ op: 'batch', edits: [{ op: 'updateLines', changes: [{ id: 1, set: {} }] }, { op: 'deleteLines', ids: [3] }] }, true)).toBe('修改 1 行、新增 1 行');
  });
});
