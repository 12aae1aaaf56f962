import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../shared/core/money';
import { sessionPerTest } from './browser';
import { cell, holdNextCall, message } from './grid';

const totalCell = (page: Page) => page.locator('[row-id="bottomtotal"] [col-id="amount"]');

/** The screen shows an edit at once and the file commits behind it; an edit the file refuses is taken back on screen. */
describe('明细: an edit shows before the file answers', () => {
  const open = sessionPerTest();

  it('an amount and the 合计 change on screen while the file has not answered yet', async () => {
    const s = await open();
    const { page } = s;
    const before = s.host.file.workbook();
    const line = before.lines.find((l) => l.id === 4)!;
    const total = before.lines.reduce((sum, l) => sum + l.amount, 0);
    const hold = await holdNextCall(page, 'updateLines');
    await cell(page, 4, 'amount').click();
    await page.keyboard.type('123456.78');
    await page.keyboard.press('Enter');
    await hold.seen;
    // The file's answer is held: what the screen shows now, it shows ahead of the file.
    await expect.poll(() => cell(page, 4, 'amount').textContent()).toBe('123,456.78');
    await expect.poll(() => totalCell(page).textContent()).toBe(formatYuan(total - line.amount + 12_345_678));
    await expect.poll(() => page.locator('.status-total').textContent()).toBe(`合计 ${formatYuan(total - line.amount + 12_345_678)} 元`);
    expect(s.host.file.workbook().lines.find((l) => l.id === 4)!.amount).toBe(line.amount);
    hold.release();
    await hold.stop();
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 4)!.amount).toBe(12_345_678);
    await expect.poll(() => message(page)).toContain('已修改第 4 行“金额（元）”');
    expect(await cell(page, 4, 'amount').textContent()).toBe('123,456.78');
  });

  it('an edit the file refuses is taken back on screen, with its message in Chinese', async () => {
    const s = await open();
    const { page } = s;
    const line = s.host.file.workbook().lines.find((l) => l.id === 6)!;
    const total = s.host.file.workbook().lines.reduce((sum, l) => sum + l.amount, 0);
    // Another hand took line 6 out of the file: the screen still shows it, the file will refuse an edit of it.
    s.host.file.edit({ op: 'deleteLines', ids: [6] });
    const hold = await holdNextCall(page, 'updateLines');
    await cell(page, 6, 'amount').click();
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    await hold.seen;
    await expect.poll(() => cell(page, 6, 'amount').textContent()).toBe('999.00');
    await expect.poll(() => totalCell(page).textContent()).toBe(formatYuan(total - line.amount + 99_900));
    hold.release();
    await hold.stop();
    await expect.poll(() => message(page)).toContain('要修改的明细不存在');
    await expect.poll(() => cell(page, 6, 'amount').textContent()).toBe(formatYuan(line.amount));
    await expect.poll(() => totalCell(page).textContent()).toBe(formatYuan(total));
    expect(await page.locator('.notice-toast.error').count()).toBe(1);
  });
});
