import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sessionPerTest, tab, watchPage, type Session } from './browser';
import { cell, imeType } from './grid';

/** What is typed and not yet committed when the tab closes is committed, not lost. */
describe('明细: closing the tab mid-typing', () => {
  const open = sessionPerTest();

  async function reopen(s: Session): Promise<Page> {
    const page = await s.context.newPage();
    watchPage(page);
    await page.goto(s.host.host.url);
    await page.locator('.ag-row').first().waitFor();
    return page;
  }

  it('commits a cell being edited (an amount, Chinese text) when the tab closes', async () => {
    const s = await open();
    let page = s.page;
    await cell(page, 12, 'note').click();
    await imeType(page, 'anshangnian', '按上年');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 12)?.note).toBe('按上年');

    page = await reopen(s);
    await expect.poll(() => cell(page, 12, 'note').textContent()).toBe('按上年');
    await cell(page, 13, 'amount').click();
    await page.keyboard.type('=2*1000');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 13)).toMatchObject({ amount: 200_000, basis: '=2*1000' });

    page = await reopen(s);
    await expect.poll(() => cell(page, 13, 'amount').textContent()).toBe('2,000.00');
  });

  it('commits a text being written in 编制说明 when the tab closes', async () => {
    const s = await open();
    let page = s.page;
    await tab(page, '编制说明');
    const box = page.locator('.narrative textarea').first();
    await box.click();
    await imeType(page, 'renyuanzengjia', '人员增加');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => JSON.stringify(s.host.file.workbook().texts)).toContain('人员增加');
    page = await reopen(s);
    await tab(page, '编制说明');
    await expect.poll(() => page.locator('.narrative textarea').first().inputValue()).toContain('人员增加');
  });
});
