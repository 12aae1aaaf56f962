import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { FIXTURES, REFERENCE } from '../helpers/cli';
import { readBook, tempDir } from './helpers';

interface FormFixture {
  title: string;
  year: string;
  firstRow: number;
  rows: string[][];
  merges: string[];
}

const FORM: FormFixture = JSON.parse(readFileSync(join(FIXTURES, 'projects', 'performance-form.json'), 'utf8'));
const REFERENCE_TEXT = readFileSync(join(REFERENCE, '003_122eecf31f5b0360.txt'), 'utf8').split(/\r?\n/);

/** A text as compared with the reference: no spaces (line breaks inside a cell), half-width punctuation. */
function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The reference's lines from `first` up to (not including) `end`. */
function referenceLines(first: string, end: string): string[] {
  const from = REFERENCE_TEXT.indexOf(first);
  const to = REFERENCE_TEXT.indexOf(end, from + 1);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return REFERENCE_TEXT.slice(from, to);
}

function columnNumber(letter: string): number {
  return letter.charCodeAt(0) - 64;
}

/** The cells a merge such as `B7:C8` covers, except its top-left cell. */
function coveredCells(merges: readonly string[]): Set<string> {
  const covered = new Set<string>();
  for (const m of merges) {
    const [, c1, r1, c2, r2] = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(m)!;
    for (let r = Number(r1); r <= Number(r2); r++)
      for (let c = columnNumber(c1); c <= columnNumber(c2); c++) if (r !== Number(r1) || c !== columnNumber(c1)) covered.add(`${r}/${c}`);
  }
  return covered;
}

describe('the exported 项目 sheets against the reference publication', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const path = join(tempDir(), '样例.xlsx');
    await exportPublication(sampleWorkbook(), path);
    book = await readBook(path);
  });

  it('the fixture is the reference 申报表: the same texts, row by row, in the same order', () => {
    const after = REFERENCE_TEXT.slice(REFERENCE_TEXT.indexOf(FORM.title));
    const first = after.findIndex((l) => l.includes('\t'));
    const end = after.findIndex((l, i) => i > first && !l.includes('\t'));
    const lines = after.slice(first, end < 0 ? undefined : end);
    expect(lines).toHaveLength(FORM.rows.length);
    FORM.rows.forEach((row, i) => {
      const texts = (cells: readonly string[]) => cells.map(norm).filter((t) => t !== '');
      expect(texts(row), `第 ${i + FORM.firstRow} 行`).toEqual(texts(lines[i].split('\t')));
    });
    expect(REFERENCE_TEXT).toContain(FORM.year);
  });

  it('绩效目标申报表: every cell’s text and every merged range as in the reference', () => {
    const sheet = book.getWorksheet('绩效目标申报表')!;
    expect(sheet.getCell('A1').value).toBe(FORM.title);
    expect(norm(String(sheet.getCell('A2').value))).toBe(norm(FORM.year));
    const covered = coveredCells(FORM.merges);
    FORM.rows.forEach((cells, i) => {
      const row = FORM.firstRow + i;
      cells.forEach((expected, j) => {
        const where = `${String.fromCharCode(65 + j)}${row}`;
        if (covered.has(`${row}/${j + 1}`)) {
          expect(expected, `${where} lies under a merged cell`).toBe('');
          return;
        }
        const value = sheet.getCell(row, j + 1).value;
        if (typeof value === 'number') expect(value, where).toBe(Number(expected));
        else expect(norm(String(value ?? '')), where).toBe(norm(expected));
      });
    });
    expect(sheet.rowCount).toBe(FORM.firstRow + FORM.rows.length - 1);
    expect([...sheet.model.merges].sort()).toEqual([...FORM.merges].sort());
  });

  it('项目经费情况说明: the reference’s paragraphs, one a row, in order', () => {
    const expected = referenceLines('城管通服务费项目经费情况说明', '财政项目支出绩效目标申报表').filter((l) => l.trim() !== '');
    const sheet = book.getWorksheet('项目经费情况说明')!;
    const texts: string[] = [];
    sheet.eachRow((row, n) => n > 1 && texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.filter((t) => t !== '')).toEqual(expected);
  });
});
