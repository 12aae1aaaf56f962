import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBudget } from '../helpers/cli';
import { filesIn, tempDir } from '../excel/helpers';

describe('budget … --template', () => {
  it('exports Jiangsu’s twelve tables, and check recognises them by their titles and finds nothing', () => {
    const out = join(tempDir(), '江苏.xlsx');
    const exported = runBudget(['export', '--sample', '--template', 'jiangsu-province', '--out', out]);
    expect(exported.stderr).toBe('');
    const checked = runBudget(['check', out]);
    expect(checked.stdout).toBe('审核 江苏.xlsx：未发现问题。\n');
    expect(checked.status).toBe(0);
  });

  it('an unknown template is refused in Chinese, naming the ones there are, and nothing is written', () => {
    const dir = tempDir();
    const r = runBudget(['export', '--sample', '--template', 'beijing', '--out', join(dir, 'x.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('没有名为“beijing”的公开模板。可用的模板：shanghai-district（上海 区级部门预算（九张表））');
    expect(filesIn(dir)).toEqual([]);
  });
});
