import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { ROOT } from '../helpers/cli';
import { TABLES_TAB, sessionPerTest, tab, type Session } from './browser';
import { cell, focused, message } from './grid';

const IMAGES = join(ROOT, 'docs', 'images');

function clipboard(page: Page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

function amounts(s: Session, ids: number[]) {
  const lines = s.host.file.workbook().lines;
  return ids.map((id) => lines.find((l) => l.id === id)?.amount);
}

/** Ranges as in Excel: by keys and by the mouse; Delete, copy, paste, fill down and right, each one undo step. */
describe('明细: ranges, fill and clipboard', () => {
  const open = sessionPerTest();
  const sample = sampleWorkbook().lines;

  it('the README shows the pristine sample: 明细 and 表3', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('.status-lines').textContent()).toBe('明细 30 行');
    await page.screenshot({ path: join(IMAGES, 'line-items.png') });
    await tab(page, TABLES_TAB);
    await page.getByRole('button', { name: /^表3/ }).click();
    await expect.poll(() => page.locator('.pub-title').textContent()).toContain('部门支出预算总表');
    await page.screenshot({ path: join(IMAGES, 'table-3.png') });
  });

  it('selects a rectangle with Shift+arrows, draws it as one, and copies it as TSV', async () => {
    const { page } = await open();
    await cell(page, 1, 'amount').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.locator('.ag-cell.range-cell').count()).toBe(6);
    await expect.poll(() => page.locator('.ag-cell.range-top').count()).toBe(2);
    await expect.poll(() => page.locator('.ag-cell.range-left').count()).toBe(3);
    await expect.poll(() => page.locator('.toolbar .hint').textContent()).toContain('已选 3 行 6 个单元格');
    await page.screenshot({ path: join(IMAGES, 'line-range.png') });
    await page.keyboard.press('Control+C');
    await expect.poll(() => clipboard(page)).toBe('\t800324.32\r\n\t400162.16\r\n\t525212.84\r\n');
    await expect.poll(() => focused(page)).toBe('1/amount');
  });

  it('fills down with Ctrl+D, and one Ctrl+Z undoes it', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 1, 'amount').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+D');
    await expect.poll(() => amounts(s, [1, 2, 3])).toEqual([80_032_432, 80_032_432, 80_032_432]);
    await expect.poll(() => cell(page, 3, 'amount').textContent()).toBe('800,324.32');
    await expect.poll(() => message(page)).toContain('已向下填充 2 个单元格');
    await expect.poll(() => focused(page)).toBe('1/amount');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => amounts(s, [1, 2, 3])).toEqual([80_032_432, 40_016_216, 52_521_284]);
    await expect.poll(() => message(page)).toContain('已撤销：向下填充 2 个单元格');
  });

  it('clears a range with Delete: amounts empty and marked, never a silent 0.00; one undo brings them back', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 1, 'amount').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await expect.poll(() => amounts(s, [1, 2, 3])).toEqual([0, 0, 0]);
    await expect.poll(() => cell(page, 2, 'amount').textContent()).toBe('');
    await expect.poll(() => cell(page, 2, 'amount').getAttribute('class')).toContain('cell-empty-amount');
    const total = sample.reduce((a, l) => a + l.amount, 0);
    await expect.poll(() => page.locator('.status-total').textContent()).toBe(`合计 ${formatYuan(total - 80_032_432 - 40_016_216 - 52_521_284)} 元`);
    await expect.poll(() => focused(page)).toBe('1/amount');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => amounts(s, [1, 2, 3])).toEqual([80_032_432, 40_016_216, 52_521_284]);
  });

  it('selects by a mouse drag; a single copied value fills the whole range', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 4, 'note').scrollIntoViewIfNeeded();
    const from = await cell(page, 4, 'basis').boundingBox();
    const to = await cell(page, 6, 'note').boundingBox();
    await page.mouse.move(from!.x + 10, from!.y + 10);
    await page.mouse.down();
    await page.mouse.move(to!.x + 10, to!.y + 5, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.ag-cell.range-cell').count()).toBe(6);
    await page.evaluate(() => navigator.clipboard.writeText('按编制数\r\n'));
    await page.keyboard.press('Control+V');
    await expect.poll(() => s.host.file.workbook().lines.filter((l) => l.basis === '按编制数' && l.note === '按编制数').map((l) => l.id)).toEqual([4, 5, 6]);
    await expect.poll(() => focused(page)).toBe('4/basis');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => s.host.file.workbook().lines.filter((l) => l.basis === '按编制数').length).toBe(0);
  });

  it('pastes a block from the top-left of the range, and fills right with Ctrl+R', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 8, 'basis').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.evaluate(() => navigator.clipboard.writeText('甲\t乙\r\n丙\t丁\r\n'));
    await page.keyboard.press('Control+V');
    await expect.poll(() => s.host.file.workbook().lines.filter((l) => l.id === 8 || l.id === 9).map((l) => [l.basis, l.note])).toEqual([
      ['甲', '乙'],
      ['丙', '丁'],
    ]);
    await cell(page, 9, 'basis').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+R');
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 9)?.note).toBe('丙');
    await expect.poll(() => focused(page)).toBe('9/basis');
    // A fill a column cannot hold changes nothing and says why.
    await cell(page, 9, 'kind').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+R');
    await expect.poll(() => message(page)).toContain('未向右填充');
    expect(s.host.file.workbook().lines.find((l) => l.id === 9)?.source).toBe('一般公共预算财政拨款');
  });

  it('Ctrl+A selects every line', async () => {
    const { page } = await open();
    await cell(page, 2, 'unit').click();
    await page.keyboard.press('Control+A');
    await expect.poll(() => page.locator('.toolbar .hint').textContent()).toContain('已选 30 行 360 个单元格');
    await page.keyboard.press('Control+C');
    await expect.poll(async () => (await clipboard(page)).split('\r\n').filter((r) => r !== '').length).toBe(30);
  });
});
