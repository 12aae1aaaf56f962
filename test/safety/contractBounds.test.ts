import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCall } from '../../shared/contract/calls';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { dispatchCall, type CallTarget } from '../../main/workbookCalls';
import { WorkbookFile } from '../../main/workbook/file';
import { useTempDir } from '../workbook/tempDir';

const CJK = /[\u4e00-\u9fff]/;
const ENGLISH_LIBRARY_TEXT = /Invalid|expected|Maximum call stack|received|Too (big|small)|Unrecognized/i;

/** The message a call is refused with (it must be refused). */
function refusal(name: string, args: unknown): string {
  try {
    parseCall(name, args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${name} was accepted`);
}

function expectChinese(message: string): void {
  expect(message).toMatch(CJK);
  expect(message).not.toMatch(ENGLISH_LIBRARY_TEXT);
}

const temp = useTempDir();
function sampleFile(): { file: WorkbookFile; target: CallTarget; path: string } {
  const path = join(temp(), 'c.budget');
  const file = WorkbookFile.create(path, sampleWorkbook());
  return { file, path, target: { file, exportExcel: async () => ({ savedTo: null }), exportUnitFile: async () => ({ savedTo: null }) } };
}

describe('the contract bounds every call', () => {
  it('refuses nesting 1,500 deep in Chinese, without exhausting the stack', () => {
    let edit: unknown = { op: 'deleteLines', ids: [] };
    for (let i = 0; i < 1500; i++) edit = { op: 'batch', edits: [edit] };
    const message = refusal('workbook.edit', [edit]);
    expectChinese(message);
    expect(message).toContain('嵌套超过');
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expectChinese(refusal('versions.mark', [deep]));
  });

  it('refuses huge strings and arrays, and wrong types, in Chinese', () => {
    expect(refusal('versions.mark', ['版'.repeat(5_000_000)])).toContain('文字过长，最多 100 个字');
    expect(refusal('workbook.edit', [{ op: 'deleteLines', ids: new Array(2_000_001).fill(1) }])).toContain('条目过多');
    const wrong = refusal('workbook.edit', [{ op: 'updateLines', changes: [{ id: 1, set: { amount: '12', kind: '别的', extra: 1 } }] }]);
    expectChinese(wrong);
    expect(wrong).toContain('amount：应为数字');
    expectChinese(refusal('workbook.edit', [{ op: 'nothing' }]));
    expectChinese(refusal('versions.workbook', [1.5]));
  });

  it('refuses two changes to one line in one updateLines, also inside a batch; the file stays as memory', async () => {
    const { file, target, path } = sampleFile();
    const id = file.workbook().lines[0].id;
    const twice = { op: 'updateLines', changes: [{ id, set: { amount: 80_032_432 } }, { id, set: { amount: 11_111 } }] };
    expect(refusal('workbook.edit', [twice])).toContain(`明细 #${id} 出现了不止一次`);
    expectChinese(refusal('workbook.edit', [{ op: 'batch', edits: [twice] }]));
    await expect(dispatchCall(target, 'workbook.edit', [twice])).rejects.toThrow('出现了不止一次');
    // Whatever reaches the file by another way, file and memory apply the same change (the last).
    file.edit(twice as never);
    expect(file.workbook().lines[0].amount).toBe(11_111);
    const inMemory = file.workbook();
    file.close();
    const reopened = WorkbookFile.open(path);
    expect(reopened.workbook()).toEqual(inMemory);
    reopened.close();
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});
