import { describe, expect, it } from 'vitest';
import type { Edit } from '../../shared/core/edits';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { OptimisticWorkbook, sameData, showableAhead } from '../../renderer/src/optimisticWorkbook';

const wb = sampleWorkbook();
const [a, b] = wb.lines;
const setAmount = (id: number, amount: number): Edit => ({ op: 'updateLines', changes: [{ id, set: { amount } }] });
const amountOf = (book: OptimisticWorkbook, which: 'shown' | 'confirmed', id: number) => book[which].lines.find((l) => l.id === id)!.amount;

describe('OptimisticWorkbook: edits shown ahead of the file', () => {
  it('shows an edit at once; the file applying it as shown changes nothing on screen', () => {
    const book = new OptimisticWorkbook(wb);
    expect(book.show(setAmount(a.id, 100))).toBe(true);
    expect(amountOf(book, 'shown', a.id)).toBe(100);
    expect(amountOf(book, 'confirmed', a.id)).toBe(a.amount);
    const shown = book.shown;
    // The file's copy of the edit comes through its schema: same data, keys in another order.
    expect(book.confirm({ changes: [{ set: { amount: 100 }, id: a.id }], op: 'updateLines' } as Edit)).toBe(false);
    expect(book.shown).toBe(shown);
    expect(amountOf(book, 'confirmed', a.id)).toBe(100);
    expect(book.waiting).toBe(false);
  });

  it('a refused edit is taken back; a later one still waiting stays on screen', () => {
    const book = new OptimisticWorkbook(wb);
    book.show(setAmount(a.id, 100));
    book.show(setAmount(b.id, 200));
    book.refuse();
    expect(amountOf(book, 'shown', a.id)).toBe(a.amount);
    expect(amountOf(book, 'shown', b.id)).toBe(200);
    expect(book.confirm(setAmount(b.id, 200))).toBe(false);
    expect(book.shown.lines).toEqual(book.confirmed.lines);
  });

  it('an edit not shown ahead (undo) redraws the screen when edits are waiting, and applies on top when none are', () => {
    const book = new OptimisticWorkbook(wb);
    expect(book.applied(setAmount(a.id, 5))).toBe('edit');
    expect(book.shown).toBe(book.confirmed);
    book.show(setAmount(b.id, 7));
    expect(book.applied(setAmount(a.id, 6))).toBe('redraw');
    expect(amountOf(book, 'shown', a.id)).toBe(6);
    expect(amountOf(book, 'shown', b.id)).toBe(7);
  });

  it('an edit that does not apply on screen is not shown (the file decides); new lines wait for their ids', () => {
    const book = new OptimisticWorkbook(wb);
    expect(book.show(setAmount(99_999, 1))).toBe(false);
    expect(book.waiting).toBe(false);
    expect(showableAhead({ op: 'insertLines', lines: [] })).toBe(false);
    expect(showableAhead({ op: 'batch', edits: [{ op: 'deleteLines', ids: [1] }, { op: 'insertLines', lines: [] }] })).toBe(false);
    expect(showableAhead({ op: 'batch', edits: [{ op: 'deleteLines', ids: [1] }] })).toBe(true);
    expect(sameData({ x: [1, { y: 2 }] }, { x: [1, { y: 3 }] })).toBe(false);
  });
});
