import { describe, expect, it } from 'vitest';
import { screenshot, sessionPerTest, tab } from './browser';
import { cell, focused, imeType, message } from './grid';

/** Chinese typed straight into a focused cell (no F2), and choices typed by their first characters or pinyin initials. */
describe('明细: Chinese typed with an input method, and typed choices', () => {
  const open = sessionPerTest();

  it('starts editing 项目名称 with the composed text and keeps every character', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 28, 'project').click();
    await imeType(page, 'chengshiwangge', '城市网格巡查');
    await imeType(page, 'xiangmu', '项目');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 28, 'project').textContent()).toBe('城市网格巡查项目');
    await expect.poll(() => focused(page)).toBe('29/project');
    expect(s.host.file.workbook().lines.find((l) => l.id === 28)?.project).toBe('城市网格巡查项目');
  });

  it('starts the 功能分类 picker with the composed text, which searches the catalog by name', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 27, 'functionCode').click();
    await imeType(page, 'chengxiangshequ', '城乡社区环境卫生');
    await expect.poll(() => page.locator('.code-editor-input').inputValue()).toBe('城乡社区环境卫生');
    await expect.poll(() => page.locator('.code-editor-list li.active .code').textContent()).toBe('2120501');
    await screenshot(page, 'ime-功能分类');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 27, 'functionCode').textContent()).toBe('2120501');
    await expect.poll(() => focused(page)).toBe('28/functionCode');
    expect(s.host.file.workbook().lines.find((l) => l.id === 27)?.functionCode).toBe('2120501');
  });

  it('starts 单位名称 with the composed text and offers the registered unit', async () => {
    const { page } = await open();
    await cell(page, 26, 'unit').click();
    await imeType(page, 'shanghai', '上海市宝山');
    await expect.poll(() => page.locator('.code-editor-list li.active').textContent()).toBe('上海市宝山区城市运行管理中心');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 26, 'unit').textContent()).toBe('上海市宝山区城市运行管理中心');
    await expect.poll(() => message(page)).not.toContain('未修改');
  });

  it('types 支出类型 by pinyin initials and Tab commits the highlighted choice', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 25, 'kind').click();
    await page.keyboard.type('xm');
    await expect.poll(() => page.locator('.code-editor-list li.active').textContent()).toBe('项目支出');
    await page.keyboard.press('Tab');
    await expect.poll(() => cell(page, 25, 'kind').textContent()).toBe('项目支出');
    await expect.poll(() => focused(page)).toBe('25/source');
    // 资金来源 by initials, Enter commits.
    await page.keyboard.type('zf');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 25, 'source').textContent()).toBe('政府性基金预算财政拨款');
    // And by its first characters; jb for 基本支出.
    await cell(page, 25, 'source').click();
    await imeType(page, 'yiban', '一般');
    await page.keyboard.press('Tab');
    await expect.poll(() => cell(page, 25, 'source').textContent()).toBe('一般公共预算财政拨款');
    await cell(page, 25, 'kind').click();
    await page.keyboard.type('jb');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 25, 'kind').textContent()).toBe('基本支出');
    await cell(page, 25, 'costType').click();
    await imeType(page, 'gongyong', '公用');
    await page.keyboard.press('Tab');
    await expect.poll(() => cell(page, 25, 'costType').textContent()).toBe('公用经费');
    expect(s.host.file.workbook().lines.find((l) => l.id === 25)).toMatchObject({ kind: '基本支出', source: '一般公共预算财政拨款', costType: '公用经费' });
  });

  it('marks a unit name typed with a typo, lists it in 审核, and registers it with one key', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 24, 'unit').click();
    await imeType(page, 'shanghaishibaoshanqu', '上海市宝山区城市运行管理所');
    await expect.poll(() => page.locator('.code-editor-empty').textContent()).toContain('不是已登记的单位');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 24, 'unit').textContent()).toBe('上海市宝山区城市运行管理所');
    await expect.poll(() => cell(page, 24, 'unit').getAttribute('class')).toContain('cell-unregistered');
    await tab(page, '审核');
    const found = page.locator('.finding', { hasText: '单位“上海市宝山区城市运行管理所”未在基本信息中登记' });
    await expect.poll(() => found.count()).toBe(1);
    await screenshot(page, 'ime-审核-未登记单位');
    await found.getByRole('button', { name: '登记为行政单位' }).click();
    await expect.poll(() => found.count()).toBe(0);
    expect(s.host.file.workbook().units).toContainEqual({ name: '上海市宝山区城市运行管理所', type: '行政单位' });
    await tab(page, '明细');
    await expect.poll(() => cell(page, 24, 'unit').getAttribute('class')).not.toContain('cell-unregistered');
  });
});
