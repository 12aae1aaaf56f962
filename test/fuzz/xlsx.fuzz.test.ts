import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_COLUMNS } from '../../shared/core/lineTable';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { importLinesFile } from '../../main/excel/importFiles';
import { readPublicationFile } from '../../main/excel/readPublication';
import { UserError } from '../../main/io/userError';
import { WorkbookFile } from '../../main/workbook/file';
import { useTempDir } from '../workbook/tempDir';
import { expectChineseMessage, fileState, fuzzOptions, useTally } from './fuzzKit';

const HEADER = (['unit', 'functionCode', 'economicCode', 'kind', 'source', 'project', 'amount'] as const).map((c) => LINE_COLUMNS[c].header);
const SAMPLE = sampleWorkbook().lines.slice(0, 30);

/** A cell as people leave them: numbers (some huge or fractional), text, formulas with results, dates, errors, rich text. */
const oddCell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constantFrom(1e15, 1e20, -0, 0.1 + 0.2, 123.456),
  fc.string({ maxLength: 10 }),
  fc.constant({ formula: 'SUM(1,2)', result: 3 }),
  fc.constant({ formula: 'A1/0', result: { error: '#DIV/0!' } }),
  fc.constant({ error: '#N/A' }),
  fc.constant({ richText: [{ text: '屏幕' }, { text: '5"寸' }] }),
  fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
);

const goodRow = fc.record({ line: fc.constantFrom(...SAMPLE), amount: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom('1,200.50', '30万')) }).map(({ line, amount }) => [
  line.unit,
  line.functionCode,
  line.economicCode,
  line.kind,
  line.source,
  line.project,
  amount,
]);
const oddRow = fc.array(oddCell, { maxLength: 9 });

const sheet = fc.record({
  name: fc.oneof(fc.constantFrom('明细', 'Sheet1', '说明', '表1'), fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.replace(/[[\]:*?/\\']/g, '_') || 'x')),
  state: fc.oneof({ weight: 4, arbitrary: fc.constant('visible' as const) }, { weight: 1, arbitrary: fc.constantFrom('hidden' as const, 'veryHidden' as const) }),
  header: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  rows: fc.array(fc.oneof({ weight: 5, arbitrary: goodRow }, { weight: 1, arbitrary: oddRow }), { maxLength: 12 }),
  merge: fc.option(fc.record({ top: fc.integer({ min: 1, max: 6 }), left: fc.integer({ min: 1, max: 7 }), height: fc.integer({ min: 0, max: 3 }), width: fc.integer({ min: 0, max: 3 }) })),
});

const input = fc.record({
  sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }),
  damage: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('cut', 'flip'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }) }),
});

async function xlsxBytes(t: typeof input extends fc.Arbitrary<infer T> ? T : never): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of t.sheets) {
    let name = s.name.slice(0, 31);
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 29)}_${used.size}`;
    used.add(name.toLowerCase());
    const ws = book.addWorksheet(name, { state: s.state });
    if (s.header) ws.addRow(HEADER);
    for (const r of s.rows) ws.addRow(r);
    if (s.merge && (s.merge.height > 0 || s.merge.width > 0)) {
      try {
        ws.mergeCells(s.merge.top, s.merge.left, s.merge.top + s.merge.height, s.merge.left + s.merge.width);
      } catch {
        // exceljs refuses overlapping merges; the sheet stays without one.
      }
    }
  }
  // Excel needs one visible sheet: the generator may hide them all; exceljs writes it anyway.
  let bytes = Buffer.from(await book.xlsx.writeBuffer());
  if (t.damage?.kind === 'cut') bytes = bytes.subarray(0, t.damage.at % bytes.length);
  if (t.damage?.kind === 'flip') {
    bytes = Buffer.from(bytes);
    bytes[t.damage.at % bytes.length] ^= t.damage.byte || 1;
  }
  return bytes;
}

describe('fuzz: xlsx files', () => {
  const temp = useTempDir();
  const tally = useTally('xlsx');
  let file: WorkbookFile;
  let dir: string;
  beforeAll(() => {
    dir = temp();
    file = WorkbookFile.create(join(dir, 'fuzz.budget'), sampleWorkbook());
  });
  afterAll(() => file.close());

  it('every xlsx is imported whole or refused in Chinese with the file untouched; the publication reader answers too', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (t) => {
        const path = join(dir, '明细.xlsx');
        writeFileSync(path, await xlsxBytes(t));
        const before = fileState(file.path);
        tally.tried++;
        try {
          const { lines } = await importLinesFile(file, path);
          tally.accepted++;
          // What was read is the 明细 sheet if there is one, else a visible first sheet.
          const target = t.sheets.find((s) => s.name.slice(0, 31) === '明细') ?? t.sheets[0];
          expect(target.state === 'visible' || t.sheets.some((s) => s.name.slice(0, 31) === '明细')).toBe(true);
          expect(lines.length).toBeGreaterThan(0);
          file.undo();
        } catch (e) {
          tally.refused++;
          expect(e, String(e)).toBeInstanceOf(UserError);
          expectChineseMessage((e as Error).message);
          expect(fileState(file.path)).toBe(before);
        }
        await readPublicationFile(path).then(
          () => undefined,
          (e: unknown) => {
            expect(e, String(e)).toBeInstanceOf(UserError);
            expectChineseMessage((e as Error).message);
          },
        );
      }),
      fuzzOptions(0.5),
    );
  });
});
