import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { readLinesFile } from '../../main/excel/readLines';
import { LINE_SHEET_NAME, TABLE_SHEET_NAMES } from '../../main/excel/sheetNames';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { readBook, tempDir, unzipEntries } from './helpers';

const HOSTILE = {
  project: '=HYPERLINK("http://example.com/x","点我")',
  basis: '+1+1',
  note: '-2+3',
  functionName: '@SUM(1,2)',
  unit: '=cmd|\' /C calc\'!A0',
};

describe('formula injection', () => {
  it('writes text beginning with = + - @ as text, never as a formula', async () => {
    const wb = sampleWorkbook();
    const base = wb.lines[wb.lines.length - 1];
    wb.lines.push(
      { ...base, id: 100, project: HOSTILE.project, basis: HOSTILE.basis, note: HOSTILE.note },
      // A code the catalog does not know carries its name: the name reaches the tables' 科目名称 column.
      { ...base, id: 101, kind: '基本支出', project: '', functionCode: '2120198', functionName: HOSTILE.functionName, amount: 1_000 },
      { ...base, id: 102, unit: HOSTILE.unit, amount: 500 },
    );
    const path = join(tempDir(), '注入.xlsx');
    await exportPublication(wb, path);

    const entries = unzipEntries(readFileSync(path));
    const sheets = [...entries.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
    expect(sheets.length).toBeGreaterThanOrEqual(10);
    for (const name of sheets) expect(entries.get(name)!.toString('utf8'), name).not.toMatch(/<f[\s>]/);
    const shared = entries.get('xl/sharedStrings.xml')!.toString('utf8');
    expect(shared).toContain('=HYPERLINK(&quot;http://example.com/x&quot;,&quot;点我&quot;)');

    const book = await readBook(path);
    const lines = book.getWorksheet(LINE_SHEET_NAME)!;
    const texts: unknown[] = [];
    lines.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    for (const text of Object.values(HOSTILE).filter((t) => t !== HOSTILE.functionName)) expect(texts).toContain(text);
    let formulas = 0;
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => (formulas += cell.formula ? 1 : 0)));
    expect(formulas).toBe(0);
    const three = book.getWorksheet(TABLE_SHEET_NAMES[3])!;
    const names: unknown[] = [];
    three.eachRow((row) => names.push(row.getCell(4).value));
    expect(names).toContain(HOSTILE.functionName);

    // And the texts import back unchanged.
    const back = (await readLinesFile(path)).lines;
    expect(back.find((l) => l.project === HOSTILE.project)).toMatchObject({ basis: HOSTILE.basis, note: HOSTILE.note });
    expect(back.some((l) => l.unit === HOSTILE.unit)).toBe(true);
    expect(back.find((l) => l.functionCode === '2120198')?.functionName).toBe(HOSTILE.functionName);
  });
});
