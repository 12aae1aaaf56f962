import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editRequestSchema } from '../../shared/contract/calls';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { WorkbookFile } from '../../main/workbook/file';
import { useTempDir } from '../workbook/tempDir';

const temp = useTempDir();

describe('a workbook’s publication template', () => {
  it('is kept in the file, survives reopening with its checksum, and is undone like any edit', () => {
    const path = join(temp(), 'a.budget');
    const file = WorkbookFile.create(path, sampleWorkbook());
    expect(file.workbook().template).toBeUndefined();
    file.edit({ op: 'setTemplate', template: 'jiangsu-province' });
    file.close();
    const again = WorkbookFile.open(path);
    expect(again.workbook().template).toBe('jiangsu-province');
    expect(again.undo()?.applied).toEqual({ op: 'setTemplate', template: null });
    again.close();
    const third = WorkbookFile.open(path);
    expect(third.workbook().template).toBeUndefined();
    third.close();
  });

  it('is checked at the boundary: an unknown template is refused in Chinese, naming the ones there are', () => {
    const r = editRequestSchema.safeParse({ op: 'setTemplate', template: 'beijing' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('没有名为“beijing”的公开模板。可用的模板：shanghai-district、shanghai-unit、jiangsu-province');
    expect(editRequestSchema.safeParse({ op: 'setTemplate', template: 'jiangsu-province' }).success).toBe(true);
  });

  it('decides the tables the screen shows, edit by edit', () => {
    const live = new LiveWorkbook(sampleWorkbook());
    expect(live.tables).toHaveLength(9);
    live.apply({ op: 'setTemplate', template: 'jiangsu-province' });
    expect(live.tables.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(live.tables[0].title).toBe('收支预算总表');
    expect(live.tables[11].title).toBe('2024年政府采购预算表');
    const first = live.tables[0].rows[0].cells[1];
    live.apply({ op: 'updateLines', changes: [{ id: sampleWorkbook().lines[0].id, set: { amount: sampleWorkbook().lines[0].amount + 1_000_000 } }] });
    const after = live.tables[0].rows[0].cells[1];
    expect('fen' in after && 'fen' in first && after.fen - first.fen).toBe(1_000_000);
    expect(live.findings().filter((f) => f.rule.startsWith('T-'))).toEqual([]);
    live.apply({ op: 'setTemplate', template: null });
    expect(live.tables).toHaveLength(9);
  });
});
