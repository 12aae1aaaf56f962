import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSample, type Session } from './browser';
import { cell, imeType } from './grid';

/** What is typed and not yet committed when the tab closes is committed, not lost. */
describe('明细: closing the tab mid-typing', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSample();
  });
  afterAll(async () => {
    await s?.close();
  });

  async function reopen(): Promise<Page> {
    const page = await s.context.newPage();
    await page.goto(s.host.host.url);
    await page.locator('.ag-row').first().waitFor();
    return page;
  }

  it('commits a cell being edited (an amount, Chinese text) when the tab closes', async () => {
    let page = s.page;
    await cell(page, 12, 'note').click();
    await imeType(page, 'anshangnian', '按上年');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 12)?.note).toBe('按上年');

    page = await reopen();
    await expect.poll(() => cell(page, 12, 'note').textContent()).toBe('按上年');
    await cell(page, 13, 'amount').click();
    await page.keyboard.type('=2*1000');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 13)).toMatchObject({ amount: 200_000, basis: '=2*1000' });

    page = await reopen();
    await expect.poll(() => cell(page, 13, 'amount').textContent()).toBe('2,000.00');
    s.page = page;
  });

  it('commits a text being written in 编制说明 when the tab closes', async () => {
    let page = s.page;
    await page.getByRole('tab', { name: /^编制说明/ }).click();
    const box = page.locator('.narrative textarea').first();
    await box.click();
    await imeType(page, 'renyuanzengjia', '人员增加');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => JSON.stringify(s.host.file.workbook().texts)).toContain('人员增加');
    page = await reopen();
    s.page = page;
  });
});
