import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson } from '../../shared/contract/json';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { sampleWorkbook } from '../../shared/core/sample/sample';

describe('calls as JSON for the browser host', () => {
  it('keeps a property set to undefined, which clears an optional field of a line', () => {
    const edit: Edit = { op: 'updateLines', changes: [{ id: 1, set: { basis: undefined, amount: 5 } }] };
    const back = decodeJson(encodeJson(edit)) as Edit;
    expect(back).toEqual(edit);
    expect(Object.hasOwn((back as Extract<Edit, { op: 'updateLines' }>).changes[0].set, 'basis')).toBe(true);

    const wb = sampleWorkbook();
    wb.lines[0] = { ...wb.lines[0], basis: '=1+1' };
    expect(applyEdit(wb, back).workbook.lines[0]).not.toHaveProperty('basis');
  });

  it('leaves everything else as JSON has it', () => {
    const value = { a: [1, null, 'x'], b: { c: '中文', d: false }, e: 0 };
    expect(decodeJson(encodeJson(value))).toEqual(value);
  });
});
