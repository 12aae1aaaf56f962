import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCall } from '../../shared/contract/calls';
import { MAX_AMOUNT_FEN } from '../../shared/core/limits';
import { parseAmount } from '../../shared/core/money';
import { importLinesFile } from '../../main/excel/importFiles';
import { WorkbookFile } from '../../main/workbook/file';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';

const UNIT = '某中心';
const HEADER = '单位名称,功能分类科目编码,经济分类科目编码,支出类型,资金来源,项目名称,金额（元）';
const csvRow = (amount: string) => `${UNIT},2120199,30201,基本支出,一般公共预算财政拨款,,"${amount}"`;
const line = (amount: number) => ({ unit: UNIT, functionCode: '2120199', economicCode: '30201', kind: '基本支出' as const, source: '一般公共预算财政拨款' as const, project: '', amount });
const temp = useTempDir();

describe('amounts and totals stay in the exact range', () => {
  it('refuses a single amount above 1 万亿元 when typed, called or imported', async () => {
    expect(parseAmount('1000000000000.00')).toEqual({ ok: true, fen: MAX_AMOUNT_FEN });
    const typed = parseAmount('90,000,000,000,000.00');
    expect(typed.ok).toBe(false);
    expect(!typed.ok && typed.reason).toContain('超过上限 1 万亿元');
    expect(() => parseCall('workbook.edit', [{ op: 'insertLines', lines: [line(MAX_AMOUNT_FEN + 1)] }])).toThrow('金额超过上限 1 万亿元');

    const dir = temp();
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, [HEADER, csvRow('90,000,000,000,000.00'), csvRow('90,000,000,000,000.00')].join('\n'));
    const r = runBudget(['derive', csv]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('第 2 行“金额（元）”列');
    expect(r.stderr).not.toContain('RangeError');
  });

  it('refuses an import that takes the total past 10 万亿元, naming the row, and imports nothing', async () => {
    const file = WorkbookFile.create(join(temp(), 't.budget'), { department: UNIT, year: 2025 });
    try {
      file.edit({ op: 'insertLines', lines: Array.from({ length: 5 }, () => line(MAX_AMOUNT_FEN)) });
      const csv = join(temp(), 'more.csv');
      writeFileSync(csv, [HEADER, ...Array.from({ length: 6 }, () => csvRow('1,000,000,000,000.00'))].join('\n'));
      await expect(importLinesFile(file, csv)).rejects.toThrow(/第 7 行“金额（元）”列：加上这一行后.*超过 10 万亿元/);
      expect(file.workbook().lines).toHaveLength(5);
    } finally {
      file.close();
    }
  });

  it('refuses an edit that takes the total past 10 万亿元, naming the line, and derive/check/export keep working', () => {
    const path = join(temp(), 'e.budget');
    const file = WorkbookFile.create(path, { department: UNIT, year: 2025 });
    try {
      file.edit({ op: 'insertLines', lines: Array.from({ length: 10 }, () => line(MAX_AMOUNT_FEN)) });
      expect(() => file.edit({ op: 'insertLines', lines: [line(1)] })).toThrow(/加上明细 #11（某中心｜2120199｜30201）后.*超过 10 万亿元/);
      const first = file.workbook().lines[0].id;
      const smaller = file.edit({ op: 'updateLines', changes: [{ id: first, set: { amount: 5 } }] });
      expect(smaller.revision).toBe(2);
      expect(() => file.edit({ op: 'updateLines', changes: [{ id: first, set: { amount: MAX_AMOUNT_FEN } }, { id: first + 1, set: { note: '备注' } }] })).not.toThrow();
      expect(() => file.edit({ op: 'insertLines', lines: [line(-1)] })).toThrow('超过 10 万亿元');
    } finally {
      file.close();
    }
    for (const args of [['derive', path], ['check', path], ['export', path, '--out', join(temp(), 'e.xlsx')]]) {
      const r = runBudget(args);
      expect(r.stderr).not.toContain('RangeError');
      expect(r.status).toBeLessThan(2);
    }
  });

  it('a workbook written before the bounds, whose sums overflow, is a user error in Chinese, not a crash', () => {
    const path = join(temp(), 'legacy.budget');
    const huge = 4_600_000_000_000_000;
    const wb = { ...sampleWorkbook(), lines: [1, 2].map((id) => ({ ...line(huge), id })) };
    WorkbookFile.create(path, wb).close();
    const r = runBudget(['derive', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('金额合计超出可精确计算的范围');
    expect(r.stderr).not.toMatch(/内部错误|at .*\.ts:/);
  });
});

