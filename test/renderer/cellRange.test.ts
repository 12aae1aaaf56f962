import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCells, boundsOf, cellEdges, extendRange, isSingleCell, rangeTo, singleCell } from '../../renderer/src/lines/cellRange';

describe('a rectangle of cells selected as in Excel', () => {
  it('grows and shrinks from its anchor with Shift+arrows, inside the grid', () => {
    let r = singleCell({ row: 2, col: 3 });
    r = extendRange(r, 1, 0, 10, 12);
    r = extendRange(r, 1, 1, 10, 12);
    expect(boundsOf(r)).toEqual({ top: 2, bottom: 4, left: 3, right: 4 });
    r = extendRange(r, -5, -5, 10, 12);
    expect(boundsOf(r)).toEqual({ top: 0, bottom: 2, left: 0, right: 3 });
    expect(r.anchor).toEqual({ row: 2, col: 3 });
    expect(isSingleCell(extendRange(singleCell({ row: 0, col: 0 }), -1, -1, 10, 12))).toBe(true);
  });

  it('is drawn as one outline: each cell knows which edges of the rectangle it is on', () => {
    const b = boundsOf(rangeTo(singleCell({ row: 5, col: 4 }), { row: 3, col: 2 }));
    expect(cellEdges(b, 3, 2)).toEqual({ top: true, bottom: false, left: true, right: false });
    expect(cellEdges(b, 4, 3)).toEqual({ top: false, bottom: false, left: false, right: false });
    expect(cellEdges(b, 5, 4)).toEqual({ top: false, bottom: true, left: false, right: true });
    expect(cellEdges(b, 6, 4)).toBeNull();
    expect(boundsOf(allCells(30, 12))).toEqual({ top: 0, bottom: 29, left: 0, right: 11 });
  });

  it('always stays inside the grid and keeps its anchor, whatever keys are pressed', () => {
    const move = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.array(move, { maxLength: 30 }), (rows, cols, moves) => {
        const start = { row: rows - 1, col: cols - 1 };
        let r = singleCell(start);
        for (const [dr, dc] of moves) r = extendRange(r, dr, dc, rows, cols);
        const b = boundsOf(r);
        expect(r.anchor).toEqual(start);
        expect(b.top >= 0 && b.bottom < rows && b.left >= 0 && b.right < cols).toBe(true);
      }),
      { seed: 12 },
    );
  });
});
