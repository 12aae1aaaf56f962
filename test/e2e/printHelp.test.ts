import { describe, expect, it } from 'vitest';
import { TABLES_TAB, screenshot, sessionPerTest, tab } from './browser';
import { cell, focused } from './grid';

/** The page sizes of a PDF, in points, in page order. */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

describe('帮助 and 打印', () => {
  const open = sessionPerTest();

  it('F1 and the 帮助 button show every shortcut and how amounts can be typed; the keys go back to the grid', async () => {
    const { page } = await open();
    await cell(page, 3, 'amount').click();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: '帮助' });
    for (const text of ['Ctrl+Home / Ctrl+End', 'Shift+方向键', 'Ctrl+D / Ctrl+R', 'jb＝基本支出', '120.05万', '=43*128*12+3250*12', 'F2']) await expect.poll(() => help.textContent()).toContain(text);
    await screenshot(page, 'help-帮助');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('3/amount');
    await page.getByRole('button', { name: '帮助' }).click();
    await expect.poll(() => help.count()).toBe(1);
    await page.getByRole('button', { name: '关闭（Esc）' }).click();
    await expect.poll(() => help.count()).toBe(0);
  });

  it('prints the current table as the publication lays it out: no menus, one table to a page', async () => {
    const { page } = await open();
    await tab(page, TABLES_TAB);
    await page.getByRole('button', { name: /^表3/ }).click();
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.pub-title').isVisible()).toBe(true);
    for (const hidden of ['.app-head', '.tabs', '.table-list', '.status', '.print-bar']) await expect.poll(() => page.locator(hidden).isVisible()).toBe(false);
    const box = await page.locator('.pub-table').boundingBox();
    expect(box!.x).toBeLessThan(40);
    await screenshot(page, 'print-表3');
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.locator('.table-list').isVisible()).toBe(true);
  });

  it('prints a wide table on A4 landscape, a narrow one on A4 portrait', async () => {
    const { page } = await open();
    await tab(page, TABLES_TAB);
    await page.getByRole('button', { name: /^表3/ }).click();
    await expect.poll(() => page.locator('.pub-title').textContent()).toContain('部门支出预算总表');
    const portrait = pageSizes(await page.pdf({ preferCSSPageSize: true }));
    expect(portrait.length).toBeGreaterThan(0);
    for (const p of portrait) expect(p.height).toBeGreaterThan(p.width);
    await page.getByRole('button', { name: /^表2/ }).click();
    const landscape = pageSizes(await page.pdf({ preferCSSPageSize: true }));
    expect(landscape.length).toBeGreaterThan(0);
    for (const p of landscape) expect(p.width).toBeGreaterThan(p.height);
  });
});
