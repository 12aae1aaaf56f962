import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/core/edits';
import { sampleWorkbook } from '../../shared/core/sample/sample';

describe('edits as data', () => {
  const wb = sampleWorkbook();
  const ids = (lines: { id: number }[]) => lines.map((l) => l.id);

  it('undoing a deletion puts the lines back where they were', () => {
    const deleted = applyEdit(wb, { op: 'deleteLines', ids: [3, 4, 17, 30] });
    expect(deleted.inverse).toMatchObject({ op: 'insertLines', at: [2, 3, 16, 29] });
    const restored = applyEdit(deleted.workbook, deleted.inverse);
    expect(ids(restored.workbook.lines)).toEqual(ids(wb.lines));
    expect(restored.workbook.lines).toEqual(wb.lines);
  });

  it('an update is undone field by field, optional fields cleared again', () => {
    const { workbook, inverse } = applyEdit(wb, { op: 'updateLines', changes: [{ id: 5, set: { amount: 1, note: '改' } }] });
    expect(workbook.lines[4]).toMatchObject({ amount: 1, note: '改' });
    expect(applyEdit(workbook, inverse).workbook.lines[4]).toEqual(wb.lines[4]);
  });

  it('a batch is undone in reverse order', () => {
    const edit = { op: 'batch' as const, edits: [{ op: 'deleteLines' as const, ids: [1] }, { op: 'setMeta' as const, department: '甲', year: 2030 }] };
    const { workbook, inverse } = applyEdit(wb, edit);
    expect(applyEdit(workbook, inverse).workbook).toEqual(wb);
  });

  it('refuses positions that are out of range or not ascending, and lines that do not exist', () => {
    const line = { ...wb.lines[0], id: 99 };
    expect(() => applyEdit(wb, { op: 'insertLines', lines: [line], at: [31] })).toThrow('插入位置无效');
    expect(() => applyEdit(wb, { op: 'insertLines', lines: [line, { ...line, id: 100 }], at: [5, 5] })).toThrow('插入位置无效');
    expect(() => applyEdit(wb, { op: 'deleteLines', ids: [999] })).toThrow('要删除的明细不存在');
    expect(() => applyEdit(wb, { op: 'updateLines', changes: [{ id: 999, set: { amount: 1 } }] })).toThrow('要修改的明细不存在');
  });
});
