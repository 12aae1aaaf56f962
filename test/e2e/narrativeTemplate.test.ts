import { describe, expect, it } from 'vitest';
import { screenshot, sessionPerTest, tab } from './browser';

describe('编制说明 under the workbook’s template', () => {
  const open = sessionPerTest();

  it('choosing 江苏 in 基本信息 makes 编制说明 name Jiangsu’s sources and uses with its tables’ figures; Ctrl+Z brings back the Shanghai sentences', async () => {
    const s = await open();
    const { page } = s;
    const text = () => page.locator('.narrative').textContent();
    await tab(page, '编制说明');
    await expect.poll(text).toContain('其中：财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元，事业收入 0 万元；');
    await tab(page, '基本信息');
    await page.getByRole('combobox', { name: '公开模板' }).selectOption('jiangsu-province');
    await expect.poll(() => s.host.file.workbook().template).toBe('jiangsu-province');
    await tab(page, '编制说明');
    await expect.poll(text).toContain('财政专户管理资金收入 0 万元；其他资金收入 0 万元；上年结转资金 0 万元。');
    await expect.poll(text).toContain('本部门支出预算 875.96 万元，其中：基本支出 842.22 万元；项目支出 33.73 万元；单位预留机动经费 0 万元；结转下年资金 0 万元。');
    await screenshot(page, 'narrative-template-江苏');
    await page.keyboard.press('Control+z');
    await expect.poll(() => s.host.file.workbook().template).toBeUndefined();
    await expect.poll(text).toContain('事业收入 0 万元；事业单位经营收入 0 万元；其他收入 0 万元。');
  });
});
