import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';

const temp = useTempDir();

describe('a doubled quote inside a quoted CSV field is one quote', () => {
  it('import-lines keeps 备注 and 项目名称 with their quotes, commas and line breaks', () => {
    const dir = temp();
    const book = join(dir, 'q.budget');
    const csv = join(dir, 'lines.csv');
    writeFileSync(
      csv,
      [
        '单位名称,功能分类科目编码,经济分类科目编码,支出类型,资金来源,项目名称,金额（元）,备注',
        '某中心,2120199,30201,基本支出,一般公共预算财政拨款,,100.00,"屏幕5""寸，共""2""台"',
        '某中心,2120199,30201,项目支出,一般公共预算财政拨款,"""智慧城管"",二期",200.00,"第一行\n第二行"',
        '某中心,2120199,30201,基本支出,一般公共预算财政拨款,,300.00,""""',
      ].join('\r\n'),
    );
    expect(runBudget(['new', book, '--department', '某部门', '--year', '2025']).status).toBe(0);
    const run = runBudget(['import-lines', book, csv]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = WorkbookFile.open(book);
    const lines = file.workbook().lines;
    file.close();
    expect(lines.map((l) => [l.project, l.note, l.amount])).toEqual([
      ['', '屏幕5"寸，共"2"台', 10_000],
      ['"智慧城管",二期', '第一行\n第二行', 20_000],
      ['', '"', 30_000],
    ]);
  });
});
