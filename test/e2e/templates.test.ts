import { describe, expect, it } from 'vitest';
import { screenshot, sessionPerTest } from './browser';

describe('公开模板: the user picks the layout of the publication', () => {
  const open = sessionPerTest();

  it('choosing 江苏 in 基本信息 makes 公开表 list its twelve tables, kept in the file and undone with Ctrl+Z', async () => {
    const s = await open();
    const { page } = s;
    await page.getByRole('tab', { name: /^公开表/ }).click();
    await expect.poll(() => page.locator('.table-list button').count()).toBe(9);
    await page.getByRole('tab', { name: /^基本信息/ }).click();
    await page.getByRole('combobox', { name: '公开模板' }).selectOption('jiangsu-province');
    await expect.poll(() => s.host.file.workbook().template).toBe('jiangsu-province');
    await page.getByRole('tab', { name: /^公开表/ }).click();
    await expect.poll(() => page.locator('.table-list button').count()).toBe(12);
    await page.getByRole('button', { name: /^表9/ }).click();
    await expect.poll(() => page.locator('.pub-title').textContent()).toBe('“三公”经费、会议费、培训费支出预算表');
    await screenshot(page, 'templates-江苏-表9');
    await page.keyboard.press('Control+z');
    await expect.poll(() => s.host.file.workbook().template).toBeUndefined();
    await expect.poll(() => page.locator('.table-list button').count()).toBe(9);
  });
});
