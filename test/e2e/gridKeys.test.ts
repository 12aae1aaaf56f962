import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../shared/core/money';
import { screenshot, sessionPerTest } from './browser';
import { cell, focused, imeType, lineCount, message } from './grid';

/** Twenty rows pasted at once: their undo says so. */
const TWENTY = Array.from({ length: 20 }, (_, i) => ['上海市宝山区城市运行管理中心', '2120199', '30201', '基本支出', '一般公共预算财政拨款', '', String(100 + i)].join('\t')).join('\r\n');

/** The keys where an accountant expects them, the entry flow, and the keys kept in the grid after every action. */
describe('明细: keys, entry flow and focus', () => {
  // A short window: the grid is scrolled, and the last lines are not drawn while at the top.
  const open = sessionPerTest({ viewport: { width: 1440, height: 560 } });

  /** A line made from the empty row (30202, Tab, then 项目支出 typed as `xm`, Enter): line 31, the focus back in the empty row. */
  async function enterProjectLine(page: Page) {
    await page.locator('[row-id="bottomnew"] [col-id="economicCode"]').click();
    await page.keyboard.type('30202');
    await page.keyboard.press('Tab');
    await expect.poll(() => lineCount(page)).toBe('明细 31 行');
    await page.keyboard.type('xm');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 31, 'kind').textContent()).toBe('项目支出');
  }

  it('Home / End go to the first / last column of the row; Ctrl+Home / Ctrl+End to the first / last cell', async () => {
    const { page } = await open();
    await cell(page, 5, 'amount').click();
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe('5/unit');
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe('5/note');
    await page.keyboard.press('Control+End');
    await expect.poll(() => focused(page)).toBe('30/note');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => focused(page)).toBe('1/unit');
  });

  it('shows line numbers, and the catalog names (greyed) where a line carries none', async () => {
    const { page } = await open();
    await expect.poll(() => cell(page, 1, 'lineNo').textContent()).toBe('1');
    await expect.poll(() => cell(page, 1, 'functionName').textContent()).toBe('机关事业单位基本养老保险缴费支出');
    await expect.poll(() => cell(page, 1, 'functionName').getAttribute('class')).toContain('cell-from-catalog');
    await expect.poll(() => cell(page, 1, 'economicName').textContent()).toBe('机关事业单位基本养老保险缴费');
  });

  it('a new line typed with Tab, Tab, … and Enter: one whole line, then the next row where the Tabs began', async () => {
    const s = await open();
    const { page } = s;
    await page.keyboard.press('Control+Home');
    await page.locator('[row-id="bottomnew"] [col-id="unit"]').click();
    await imeType(page, 'shanghai', '上海');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2120199');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30201');
    await page.keyboard.press('Tab');
    await page.keyboard.type('xm');
    await page.keyboard.press('Tab');
    await page.keyboard.type('yb');
    await page.keyboard.press('Tab');
    await imeType(page, 'xunchaxiangmu', '巡查项目');
    await page.keyboard.press('Tab');
    await page.keyboard.type('=1200*12');
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page)).toBe('明细 31 行');
    await expect.poll(() => focused(page)).toBe('bottomnew/unit');
    // The file has every value once the calls sent before it are answered.
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 31)).toMatchObject({
      unit: '上海市宝山区城市运行管理中心',
      functionCode: '2120199',
      economicCode: '30201',
      kind: '项目支出',
      source: '一般公共预算财政拨款',
      project: '巡查项目',
      amount: 1_440_000,
      basis: '=1200*12',
    });
  });

  it('Enter in the code picker follows the same flow', async () => {
    const s = await open();
    const { page } = s;
    await page.locator('[row-id="bottomnew"] [col-id="unit"]').click();
    await imeType(page, 'shanghai', '上海');
    await page.keyboard.press('Tab');
    await imeType(page, 'chengxiangshequ', '城乡社区环境卫生');
    await expect.poll(() => page.locator('.code-editor-list li.active .code').textContent()).toBe('2120501');
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page)).toBe('明细 31 行');
    await expect.poll(() => focused(page)).toBe('bottomnew/unit');
    await expect.poll(() => s.host.file.workbook().lines.find((l) => l.id === 31)).toMatchObject({ unit: '上海市宝山区城市运行管理中心', functionCode: '2120501' });
    // Each committed cell is one undo step: the code, then the line.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => message(page)).toMatch(/已撤销：修改第 31 行“功能分类科目编码”|已撤销：修改 1 行/);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => lineCount(page)).toBe('明细 30 行');
    await expect.poll(() => message(page)).toContain('已撤销：新增 1 行');
  });

  it('keeps the keys in the grid after a new line is made while the grid is scrolled up', async () => {
    const { page } = await open();
    await cell(page, 1, 'unit').click();
    await page.keyboard.press('Control+Home');
    await page.locator('[row-id="bottomnew"] [col-id="economicCode"]').click();
    await page.keyboard.type('30202');
    await page.keyboard.press('Tab');
    await expect.poll(() => lineCount(page)).toBe('明细 31 行');
    // The keys stay in the row being entered (not on the toolbar), and the new line is brought into view.
    await expect.poll(() => focused(page)).toBe('bottomnew/kind');
    await expect.poll(() => cell(page, 31, 'economicCode').textContent()).toBe('30202');
    // The next keys go to the new line.
    await page.keyboard.type('xm');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 31, 'kind').textContent()).toBe('项目支出');
  });

  it('keeps the keys in the grid after undo, paste, a sort, the help and a form closing', async () => {
    const { page } = await open();
    await enterProjectLine(page);
    // From the empty row, ↑ goes to the last line.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toBe('31/economicCode');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => cell(page, 31, 'kind').textContent()).toBe('基本支出');
    await expect.poll(() => message(page)).toContain('已撤销：修改第 31 行“支出类型”');
    await expect.poll(() => focused(page)).toMatch(/^\d+\/\w+$/);

    // Undo of a paste says what it undid.
    await page.locator('[row-id="bottomnew"] [col-id="unit"]').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), TWENTY);
    await page.keyboard.press('Control+V');
    await expect.poll(() => lineCount(page)).toBe('明细 51 行');
    await expect.poll(() => focused(page)).toMatch(/^(\d+|bottomnew)\/unit$/);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => lineCount(page)).toBe('明细 31 行');
    await expect.poll(() => message(page)).toContain('已撤销：粘贴 20 行');
    await expect.poll(() => focused(page)).toMatch(/^(\d+|bottomnew)\/unit$/);

    await page.keyboard.press('F1');
    await expect.poll(() => page.getByRole('dialog', { name: '帮助' }).textContent()).toContain('Ctrl+D / Ctrl+R');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focused(page)).toMatch(/^(\d+|bottomnew)\/unit$/);

    await cell(page, 29, 'project').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    // the form takes the focus after the grid has handled the key: Escape before that would go to the grid
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('29/project');
  });

  it('sorted: after an edit the focus stays on the edited line, wherever it moves', async () => {
    const { page } = await open();
    await cell(page, 1, 'unit').click();
    await page.locator('.ag-header-cell[col-id="amount"] .ag-header-cell-label').click();
    await expect.poll(() => focused(page)).toMatch(/^(\d+|bottomnew)\/\w+$/);
    // Ascending: line 10 (1,800.00) first, the smallest of the sample's amounts.
    await page.keyboard.press('Control+Home');
    await cell(page, 10, 'amount').click();
    await page.keyboard.type('6000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 10, 'amount').textContent()).toBe('6,000,000.00');
    await expect.poll(() => focused(page)).toBe('10/amount');
    // …and last once it is the largest (row indices 0–29).
    await expect.poll(() => page.locator('[row-id="10"]').first().getAttribute('row-index')).toBe('29');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => cell(page, 10, 'amount').textContent()).toBe('1,800.00');
    await page.locator('.ag-header-cell[col-id="amount"] .ag-header-cell-label').click();
    await page.locator('.ag-header-cell[col-id="amount"] .ag-header-cell-label').click();
  });

  it('filtered: 金额 takes a number filter, and the status bar shows the filtered sum beside the 合计', async () => {
    const { page } = await open();
    await page.keyboard.press('Control+Home');
    await page.locator('.ag-floating-filter[col-id="amount"] input').fill('100,000');
    await expect.poll(() => page.locator('.status-filtered').textContent()).toBe(`筛选出 11 行，合计 ${formatYuan(818_822_775)} 元`);
    await screenshot(page, 'grid-筛选合计');
    await page.locator('.ag-floating-filter[col-id="amount"] input').fill('');
    await expect.poll(() => page.locator('.status-filtered').count()).toBe(0);
  });

  it('one message area: a later success replaces an earlier error, and nothing covers the 合计 row', async () => {
    const { page } = await open();
    await page.keyboard.press('Control+Home');
    await cell(page, 3, 'amount').click();
    await page.keyboard.type('12,34.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => message(page)).toContain('千分位分隔符位置不对');
    const strip = await page.locator('.message-area').boundingBox();
    const total = await page.locator('[row-id="bottomtotal"] [col-id="amount"]').boundingBox();
    expect(strip && total && strip.y >= total.y + total.height).toBe(true);
    await cell(page, 3, 'amount').click();
    await page.keyboard.type('525212.85');
    await page.keyboard.press('Enter');
    await expect.poll(() => message(page)).toContain('已修改第 3 行“金额（元）”');
    await expect.poll(() => page.locator('.notice-toast.error').count()).toBe(0);
    expect(await page.locator('.notice-toast').count()).toBe(1);
  });

  it('says in plain words when the workbench behind the page has gone', async () => {
    const s = await open();
    const { page } = s;
    await s.host.close();
    await cell(page, 4, 'amount').click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => message(page)).toContain('连接已断开');
    expect(await message(page)).not.toContain('npm');
  });
});
