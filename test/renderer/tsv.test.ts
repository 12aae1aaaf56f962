import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from '../../renderer/src/tsv';

describe('TSV as spreadsheets put it on the clipboard', () => {
  it('reads rows and cells, with or without a final line break, CRLF or LF', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\t\tc\n')).toEqual([['a', '', 'c']]);
  });

  it('reads quoted cells holding line breaks, tabs and doubled quotes, as Excel writes them', () => {
    expect(parseTsv('"城市网格\n巡查"\t"a\tb"\t"说""明"""\r\nx\ty\tz\r\n')).toEqual([
      ['城市网格\n巡查', 'a\tb', '说"明"'],
      ['x', 'y', 'z'],
    ]);
  });

  it('takes a quote inside a cell that is not quoted as it is', () => {
    expect(parseTsv('12"寸\tb\n')).toEqual([['12"寸', 'b']]);
    expect(parseTsv('"a"b\tc\n')).toEqual([['"a"b', 'c']]);
  });

  it('writes what it reads back unchanged', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', '中', '"', '\t', '\n', '\r\n', ' ', '1', ',') });
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = rows[0].length;
        const block = rows.map((r) => [...r, ...Array<string>(width).fill('')].slice(0, width));
        expect(parseTsv(formatTsv(block))).toEqual(block);
      }),
    );
  });
});
