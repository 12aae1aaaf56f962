import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EditRequest } from '../../shared/contract/api';
import { applyEdit, type Edit, type LineFields } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { DraftLine, type SendEdit } from '../../renderer/src/lines/draftLine';

/**
 * The session as the screen has it: calls go to the file one at a time, in the order sent; an edit
 * given as a function is made when its turn comes. The file answers only when the test says so.
 */
class SlowFile {
  wb: Workbook = sampleWorkbook();
  private nextId = Math.max(...this.wb.lines.map((l) => l.id)) + 1;
  private waiting: (() => void)[] = [];
  private undoStack: Edit[] = [];

  readonly send: SendEdit = (edit, _label, onApplied) =>
    new Promise((resolve) => {
      this.waiting.push(() => {
        const request = typeof edit === 'function' ? edit(this.wb) : edit;
        if (request === null) return resolve(false);
        const applied = this.concrete(request);
        const done = applyEdit(this.wb, applied);
        this.wb = done.workbook;
        this.undoStack.push(done.inverse);
        onApplied?.(applied);
        resolve(true);
      });
    });

  undo(): void {
    this.waiting.push(() => {
      const inverse = this.undoStack.pop();
      if (inverse) this.wb = applyEdit(this.wb, inverse).workbook;
    });
  }

  /** The file answers the oldest call; false when none is waiting. */
  answer(): boolean {
    const next = this.waiting.shift();
    next?.();
    return next !== undefined;
  }

  private concrete(request: EditRequest): Edit {
    return request.op === 'insertLines' ? { op: 'insertLines', lines: request.lines.map((f) => ({ ...f, id: this.nextId++ })) } : (request as Edit);
  }
}

const VALUES: Partial<LineFields>[] = [
  { unit: '上海市宝山区城市运行管理中心' },
  { functionCode: '2120199' },
  { economicCode: '30201' },
  { kind: '项目支出' },
  { project: '巡查项目' },
  { amount: 1_440_000, basis: '=1200*12' },
];

describe('DraftLine: the values typed into the empty row make one line', () => {
  it('whenever the file answers between the values (every interleaving)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: VALUES.length, maxLength: VALUES.length }), (answerAfter) => {
        const file = new SlowFile();
        const before = file.wb.lines.length;
        const draft = new DraftLine();
        VALUES.forEach((set, i) => {
          void draft.commit(file.send, set, 'x');
          if (answerAfter[i]) while (file.answer());
        });
        while (file.answer());
        expect(file.wb.lines.length).toBe(before + 1);
        expect(file.wb.lines.at(-1)).toMatchObject(Object.assign({}, ...VALUES));
        expect(draft.lineId).toBe(file.wb.lines.at(-1)!.id);
      }),
    );
  });

  it('a line undone meanwhile is made anew from the next value; a new draft is a new line', () => {
    const file = new SlowFile();
    const before = file.wb.lines.length;
    const draft = new DraftLine();
    void draft.commit(file.send, VALUES[0], 'x');
    file.undo();
    void draft.commit(file.send, VALUES[1], 'x');
    while (file.answer());
    expect(file.wb.lines.length).toBe(before + 1);
    expect(file.wb.lines.at(-1)).toMatchObject({ functionCode: '2120199', unit: file.wb.units[0].name });

    const next = new DraftLine();
    void next.commit(file.send, VALUES[2], 'x');
    while (file.answer());
    expect(file.wb.lines.length).toBe(before + 2);
  });
});
