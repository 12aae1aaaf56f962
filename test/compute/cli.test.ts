import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';
import { workedUnit } from './workedUnit';

const temp = useTempDir();

describe('budget compute', () => {
  it('--sample proposes no change to the five 社保 / 公积金 amounts', () => {
    const { status, stdout } = runBudget(['compute', '--sample']);
    expect(status).toBe(0);
    const rows = stdout.trim().split('\n');
    expect(rows.slice(1, 6).map((r) => r.split('\t').slice(2, 7))).toEqual([
      ['30108', '800,324.32', '800,324.32', '0.00', '只写入测算依据'],
      ['30109', '400,162.16', '400,162.16', '0.00', '只写入测算依据'],
      ['30110', '525,212.84', '525,212.84', '0.00', '只写入测算依据'],
      ['30112', '33,013.38', '33,013.38', '0.00', '只写入测算依据'],
      ['30113', '350,141.89', '350,141.89', '0.00', '只写入测算依据'],
    ]);
    expect(rows.at(-1)).toBe('测算明细 5 条，合计 2,108,854.59 元：只写入测算依据 5 条');
  });

  it('prints the proposed lines of a file, applies them with --apply as one undoable edit, then finds nothing to change', () => {
    const path = join(temp(), '示例.budget');
    WorkbookFile.create(path, workedUnit()).close();
    const first = runBudget(['compute', path]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('示例局\t2010101\t30101\t\t370,045.20\t370,045.20\t新增\t基本工资：在职行政（科员） 10 人 × 2,023.71 元 × 12 月；');
    expect(first.stdout.trim().split('\n').at(-1)).toBe('测算明细 8 条，合计 1,189,021.50 元：新增 8 条');
    expect(runBudget(['compute', path, '--apply']).stdout).toContain('已写入 示例.budget（修订 1，可整体撤销）');
    expect(runBudget(['compute', path]).stdout.trim().split('\n').at(-1)).toBe('测算明细 8 条，合计 1,189,021.50 元：不变 8 条');
    const file = WorkbookFile.open(path);
    expect(file.workbook().lines.reduce((s, l) => s + l.amount, 0)).toBe(1_189_021_50);
    file.undo();
    expect(file.workbook().lines).toEqual([]);
    file.close();
  });

  it('refuses to apply when a standard is wrong, says which, and changes nothing', () => {
    const path = join(temp(), '有误.budget');
    const wb = workedUnit();
    wb.compute!.standards[4] = { ...wb.compute!.standards[4], base: '30101+工资' };
    WorkbookFile.create(path, wb).close();
    const { status, stderr } = runBudget(['compute', path, '--apply']);
    expect(status).toBe(2);
    expect(stderr).toContain('问题：标准第 5 行（养老保险）：基数“30101+工资”应为以 + 连接的经济分类款编码，如 30101+30107');
    expect(stderr).toContain('未写入任何内容');
    const file = WorkbookFile.open(path);
    expect(file.workbook().lines).toEqual([]);
    expect(file.snapshot().revision).toBe(0);
    file.close();
  });
});
