import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBudget } from '../helpers/cli';
import { tempDir } from '../excel/helpers';

describe('budget narrative --template', () => {
  it('writes the Jiangsu sentences; check --text finds them clean against the exported tables, and a wrong figure once', () => {
    const dir = tempDir();
    const text = runBudget(['narrative', '--sample', '--template', 'jiangsu-province']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('本部门支出预算 875.96 万元，其中：基本支出 842.22 万元；项目支出 33.73 万元；单位预留机动经费 0 万元；结转下年资金 0 万元。');
    const xlsx = join(dir, '江苏.xlsx');
    expect(runBudget(['export', '--sample', '--template', 'jiangsu-province', '--out', xlsx]).status).toBe(0);
    writeFileSync(join(dir, '说明.txt'), text.stdout);
    const clean = runBudget(['check', xlsx, '--text', join(dir, '说明.txt')]);
    expect([clean.status, clean.stdout]).toEqual([0, '审核 江苏.xlsx：未发现问题。\n']);
    writeFileSync(join(dir, '错.txt'), text.stdout.replace('其他资金收入 0 万元', '其他资金收入 3.00 万元'));
    const wrong = runBudget(['check', xlsx, '--text', join(dir, '错.txt')]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toBe('审核 江苏.xlsx：错误 1 处，警告 0 处。\n错误 [X-FIGURE] “其他资金收入 3.00 万元”：其他资金收入写作 3.00 万元，表中为 0.00 万元；请按表改正\n');
  });
});
