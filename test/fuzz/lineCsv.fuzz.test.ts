import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsv } from '../../shared/core/csv';
import { LINE_COLUMNS } from '../../shared/core/lineTable';
import { parseAmount } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { importLinesFile } from '../../main/excel/importFiles';
import { UserError } from '../../main/io/userError';
import { WorkbookFile } from '../../main/workbook/file';
import { useTempDir } from '../workbook/tempDir';
import { expectChineseMessage, fileState, fuzzOptions, useTally } from './fuzzKit';

const COLUMNS = ['unit', 'functionCode', 'economicCode', 'kind', 'source', 'project', 'amount', 'note'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;
const SAMPLE = sampleWorkbook().lines.slice(0, 40);

const goodAmount = fc.constantFrom('100', '1,200.50', '120.05万', '0', '-5.00', '3,000', '¥88', '12元');
const badAmount = fc.constantFrom('1000000000000.01', '90,000,000,000,000.00', '1.234', 'abc', '1e3', '1,2,3', '', '１２３万亿', '99999999999999999999');
const noteText = fc.oneof(
  fc.constantFrom('', '屏幕5"寸', '"开头的引号', '含,逗号', '多\n行', '结尾引号"', '""', '备注'),
  fc.string({ maxLength: 12 }),
);
const goodRow: fc.Arbitrary<Row> = fc.record({ line: fc.constantFrom(...SAMPLE), amount: goodAmount, note: noteText }).map(({ line, amount, note }) => ({
  unit: line.unit,
  functionCode: line.functionCode,
  economicCode: line.economicCode,
  kind: line.kind,
  source: line.source,
  project: line.project,
  amount,
  note,
}));
/** A good row with one field replaced by something hostile. */
const hostileRow: fc.Arbitrary<Row> = fc
  .record({
    row: goodRow,
    column: fc.constantFrom(...COLUMNS),
    value: fc.oneof(badAmount, noteText, fc.constantFrom('2080000', '30100', '基本', '项'.repeat(300), '=1+1', '@SUM(A1)', '\u0000', '　')),
  })
  .map(({ row, column, value }) => ({ ...row, [column]: value }));

const HEADER_TEXT: Record<(typeof COLUMNS)[number], string> = Object.fromEntries(COLUMNS.map((c) => [c, LINE_COLUMNS[c].header])) as never;

const input = fc.record({
  rows: fc.array(fc.oneof({ weight: 12, arbitrary: goodRow }, { weight: 1, arbitrary: hostileRow }), { minLength: 0, maxLength: 8 }),
  order: fc.shuffledSubarray([...COLUMNS], { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  header: fc.oneof({ weight: 6, arbitrary: fc.constant('standard') }, { weight: 1, arbitrary: fc.constantFrom('missing', 'duplicate', 'extra') }),
  quoting: fc.oneof({ weight: 3, arbitrary: fc.constant('excel') }, { weight: 1, arbitrary: fc.constant('raw') }),
  encoding: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('utf8', 'utf8bom', 'gb18030') }, { weight: 1, arbitrary: fc.constantFrom('big5', 'shift_jis') }),
  damage: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }) }),
  cut: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

function csvBytes(t: Input): { bytes: Buffer; wellFormed: boolean } {
  let columns: string[] = t.order.map((c) => HEADER_TEXT[c]);
  if (t.header === 'missing') columns = columns.slice(1);
  if (t.header === 'duplicate') columns = [...columns, columns[0]];
  if (t.header === 'extra') columns = [...columns, '其他'];
  const body = t.rows.map((r) => {
    const fields = t.order.map((c) => r[c]);
    return t.header === 'missing' ? fields.slice(1) : t.header === 'standard' ? fields : [...fields, ''];
  });
  const text = t.quoting === 'excel' ? formatCsv([columns, ...body]) : [columns, ...body].map((r) => r.join(',')).join('\n') + '\n';
  let bytes: Buffer =
    t.encoding === 'utf8' ? Buffer.from(text) : t.encoding === 'utf8bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : iconv.encode(text, t.encoding);
  if (t.damage) bytes = Buffer.concat([bytes.subarray(0, t.damage.at % (bytes.length + 1)), Buffer.from(t.damage.bytes), bytes.subarray(t.damage.at % (bytes.length + 1))]);
  if (t.cut !== null) bytes = bytes.subarray(0, t.cut % (bytes.length + 1));
  const fromSample = (r: Row) => SAMPLE.some((l) => COLUMNS.every((c) => c === 'amount' || c === 'note' || l[c] === r[c]));
  const allGood = t.rows.length > 0 && t.rows.every((r) => parseAmount(r.amount).ok && fromSample(r) && !r.note.includes('\u0000'));
  const wellFormed =
    allGood && t.header !== 'missing' && t.header !== 'duplicate' && t.quoting === 'excel' && !t.damage && t.cut === null && ['utf8', 'utf8bom', 'gb18030'].includes(t.encoding);
  return { bytes, wellFormed };
}

describe('fuzz: line CSV import', () => {
  const temp = useTempDir();
  const tally = useTally('lineCsv');
  let file: WorkbookFile;
  let dir: string;
  beforeAll(() => {
    dir = temp();
    file = WorkbookFile.create(join(dir, 'fuzz.budget'), sampleWorkbook());
  });
  afterAll(() => file.close());

  it('every CSV is imported whole, with the rows as written, or refused in Chinese with the file untouched', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (t) => {
        const { bytes, wellFormed } = csvBytes(t);
        const path = join(dir, '明细.csv');
        writeFileSync(path, bytes);
        const before = fileState(file.path);
        const lines = file.workbook().lines.length;
        tally.tried++;
        try {
          const result = await importLinesFile(file, path);
          tally.accepted++;
          expect(file.workbook().lines.length).toBe(lines + result.lines.length);
          if (wellFormed) {
            expect(result.lines.map((l) => l.amount)).toEqual(t.rows.map((r) => (parseAmount(r.amount) as { fen: number }).fen));
            expect(result.lines.map((l) => l.note ?? '')).toEqual(t.rows.map((r) => r.note.trim()));
          }
          file.undo();
        } catch (e) {
          tally.refused++;
          expect(e, String(e)).toBeInstanceOf(UserError);
          expectChineseMessage((e as Error).message, bytes.toString('utf8'));
          expect(wellFormed, `a well-formed file was refused: ${(e as Error).message}`).toBe(false);
          expect(fileState(file.path)).toBe(before);
        }
      }),
      fuzzOptions(),
    );
  });
});
