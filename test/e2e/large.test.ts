import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import type { LineItem } from '../../shared/core/model';
import { formatYuan } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { screenshot, sessionPerTest } from './browser';

const COUNT = 100_000;

/** 100,000 distinct lines: the sample's codes over 50 units, each line a project of its own. */
function largeWorkbook() {
  const wb = sampleWorkbook();
  const lines: LineItem[] = Array.from({ length: COUNT }, (_, i) => {
    const model = wb.lines[i % wb.lines.length];
    return { ...model, id: i + 1, unit: `测试单位${i % 50}`, kind: '项目支出', project: `项目${i + 1}`, amount: 10_000 + i };
  });
  return { ...wb, units: [], lines };
}

describe('a workbook of 100,000 lines', () => {
  const wb = largeWorkbook();
  const total = wb.lines.reduce((s, l) => s + l.amount, 0);
  const open = sessionPerTest({
    file: (dir) => {
      const path = join(dir, '十万行.budget');
      WorkbookFile.create(path, wb).close();
      return path;
    },
  });

  it('opens, scrolls to the last line and edits it; the 合计 follows', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('.status-lines').textContent(), { timeout: 60_000 }).toBe('明细 100,000 行');
    await expect.poll(() => page.locator('.status-total').textContent()).toBe(`合计 ${formatYuan(total)} 元`);

    // Jump to the last line as a person would: a cell, then Ctrl+↓; the focus is then on the last line.
    await page.locator('[row-id="1"] [col-id="amount"]').click();
    await page.keyboard.press('Control+ArrowDown');
    const last = page.locator(`[row-id="${COUNT}"] [col-id="amount"]`);
    await expect.poll(() => last.textContent()).toBe(formatYuan(10_000 + COUNT - 1));
    await expect.poll(() => last.getAttribute('class')).toContain('ag-cell-focus');
    await page.keyboard.type('=1000*3');
    await page.keyboard.press('Enter');
    await expect.poll(() => last.textContent()).toBe('3,000.00');
    await expect.poll(() => page.locator('.status-total').textContent()).toBe(`合计 ${formatYuan(total - (10_000 + COUNT - 1) + 300_000)} 元`);
    await screenshot(page, '12-明细-十万行');

    await page.keyboard.press('Control+Z');
    await expect.poll(() => last.textContent()).toBe(formatYuan(10_000 + COUNT - 1));
  });
});
