import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../shared/core/sample/sampleProject';
import { screenshot, sessionPerTest, tab } from './browser';

/** Line 29 of the sample: 城管通服务费, 152,500.00 元. Line 30: a 项目支出 line whose project has no record. */
const PROJECT_LINE = 29;
const UNRECORDED_LINE = 30;
const UNRECORDED = '其他项目支出（原文未逐项列明）';
const REACHING = '43*128*12+3250*12+47452';
const SHORT_BY = '项目“城管通服务费”的测算（43*128*12+3250*12）为 105,048.00 元，未达到预算 152,500.00 元，差 47,452.00 元';

function status(page: Page) {
  return page.locator('.status-errors').textContent();
}

async function showLine(page: Page, text: string) {
  await tab(page, '明细');
  await page.getByLabel('在全部列中查找').fill(text);
}

/** 城管通服务费’s form, opened from its finding in 审核. */
async function openFromFinding(page: Page) {
  await tab(page, '审核');
  await page.locator('.finding', { hasText: SHORT_BY }).getByRole('button', { name: '定位：项目“城管通服务费”' }).click();
  const form = page.getByRole('dialog', { name: '项目信息：城管通服务费' });
  await expect.poll(() => form.count()).toBe(1);
  return form;
}

describe('项目信息 in a real browser', () => {
  const open = sessionPerTest();

  it('opens the form from 城管通服务费’s line: its 申报表 and the 测算 warning', async () => {
    const { page } = await open();
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 2 个');
    await showLine(page, '城管通服务费');
    const button = page.locator(`[row-id="${PROJECT_LINE}"] [col-id="project"] .project-open`);
    await expect.poll(() => button.textContent()).toBe('项目信息');
    await button.click();
    const form = page.getByRole('dialog', { name: '项目信息：城管通服务费' });
    await expect.poll(() => form.locator('.project-findings').textContent()).toContain(SHORT_BY);
    await expect.poll(() => form.getByLabel('项目类别').inputValue()).toBe('经常性专项业务费');
    await expect.poll(() => form.getByLabel('第 9 行年度指标值').inputValue()).toBe('≥85%');
    await expect.poll(() => form.locator('.calc-result').textContent()).toContain('测算结果105,048.00 元年度资金申请总额152,500.00 元项目支出明细合计152,500.00 元');
    await expect.poll(() => form.locator('.calc-verdict').textContent()).toBe('测算少于预算 47,452.00 元');
    await screenshot(page, '12-项目信息');
    await form.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => form.count()).toBe(0);
  });

  it('opens the same form from the finding in 审核', async () => {
    const { page } = await open();
    await openFromFinding(page);
  });

  it('refuses an amount it cannot read, saying why, and changes nothing', async () => {
    const { page } = await open();
    const form = await openFromFinding(page);
    const total = form.getByLabel('项目资金总额');
    await total.fill('12,34.5');
    await total.press('Enter');
    await expect.poll(() => page.locator('.notice-toast.error').last().textContent()).toContain('项目信息未修改：金额');
    await expect.poll(() => total.inputValue()).toBe('152,500.00');
    await page.locator('.notice-toast.error button').last().click();
    // The same amount in 万元 is the same amount: nothing to save.
    await total.fill('15.25万');
    await total.press('Enter');
    await expect.poll(() => total.inputValue()).toBe('152,500.00');
    await expect.poll(() => page.locator('.status-saved').textContent()).toBe('已保存（第 0 次修改）');
  });

  it('edits the 测算: the result follows as it is typed, the warning goes when it is saved, Ctrl+Z brings it back', async () => {
    const s = await open();
    const { page } = s;
    const form = await openFromFinding(page);
    const calc = form.getByLabel('测算算式', { exact: false });
    await calc.fill(REACHING);
    await expect.poll(() => form.locator('.calc-verdict').textContent()).toBe('测算与预算一致');
    await calc.fill('43*128*');
    await expect.poll(() => form.locator('.calc-verdict').textContent()).toMatch(/^无法计算：/);
    await calc.fill(REACHING);
    await calc.press('Tab');
    await expect.poll(() => form.locator('.project-findings').textContent()).toBe('本项目审核通过');
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 1 个');
    await expect.poll(() => page.getByRole('tab', { name: /^审核/ }).textContent()).toBe('审核');
    await screenshot(page, '13-项目信息-测算');

    // 撤销 in the form puts the 测算 back, in the field too.
    await form.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => calc.inputValue()).toBe(SAMPLE_PROJECT.calculation);
    await expect.poll(() => form.locator('.project-findings').textContent()).toContain(SHORT_BY);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => calc.inputValue()).toBe(REACHING);
    await form.getByRole('button', { name: '关闭' }).click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 2 个');
    await page.keyboard.press('Control+Y');
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 1 个');
    expect((await s.saved()).projects[0]).toEqual({ ...SAMPLE_PROJECT, calculation: REACHING });
  });

  it('opens the form from the keyboard: Ctrl+Enter on a project line', async () => {
    const { page } = await open();
    await showLine(page, '城管通服务费');
    await page.locator(`[row-id="${PROJECT_LINE}"] [col-id="amount"]`).click();
    await page.keyboard.press('Control+Enter');
    const form = page.getByRole('dialog', { name: '项目信息：城管通服务费' });
    await expect.poll(() => form.count()).toBe(1);
    await expect.poll(() => form.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // Typing now goes to the form, not to the grid behind it.
    await page.keyboard.type('1');
    await expect.poll(() => page.locator('.ag-cell-inline-editing').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    // and back to the cell it came from.
    await expect.poll(() => page.locator('.ag-cell-focus').getAttribute('col-id')).toBe('amount');
  });

  it('offers to create the record of a project line that has none, filled from its lines', async () => {
    const s = await open();
    const { page } = s;
    await showLine(page, UNRECORDED);
    const button = page.locator(`[row-id="${UNRECORDED_LINE}"] [col-id="project"] .project-open`);
    await expect.poll(() => button.textContent()).toBe('补充信息');
    await button.click();
    const form = page.getByRole('dialog', { name: `项目信息：${UNRECORDED}` });
    await form.getByRole('button', { name: '建立项目信息' }).click();
    await expect.poll(() => form.getByLabel('实施单位').inputValue()).toBe('上海市宝山区城市运行管理中心');
    await expect.poll(() => form.getByLabel('项目资金总额').inputValue()).toBe('184,824.00');
    await expect.poll(() => form.getByLabel('年度资金申请总额').textContent()).toBe('184,824.00');
    // its money agrees with its lines; what is left is to write its 绩效目标
    await expect.poll(() => form.locator('.project-findings').textContent()).toBe(`警告 项目“${UNRECORDED}”的项目信息未写绩效目标与绩效指标：绩效目标申报表将是空的；请在项目信息中填写`);
    await form.locator('.indicators').scrollIntoViewIfNeeded();
    await screenshot(page, '14-项目信息-新建');
    // Two fields changed and left within one task, the second saved before the first comes back
    // from the file: each save builds on the one before.
    await page.evaluate(() => {
      const type = (label: string, text: string) => {
        const input = document.querySelector<HTMLInputElement>(`[role="dialog"] input[aria-label="${label}"]`)!;
        input.focus();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.blur();
      };
      type('项目类别', '经常性专项业务费');
      type('第 1 行三级指标', '巡查覆盖率');
    });
    // The file's third change: the new record, its 类别, an indicator.
    await expect.poll(() => page.locator('.status-saved').textContent()).toBe('已保存（第 3 次修改）');
    await page.keyboard.press('Escape');
    await expect.poll(() => button.textContent()).toBe('项目信息');

    const projects = (await s.saved()).projects;
    expect(projects.map((p) => p.name)).toEqual(['城管通服务费', UNRECORDED]);
    expect(projects[1].indicators[0]).toEqual({ level1: '产出指标', level2: '数量指标', level3: '巡查覆盖率', value: '' });
    expect(projects[1]).toMatchObject({ category: '经常性专项业务费', implementer: '上海市宝山区城市运行管理中心', funds: { total: 18_482_400, fiscal: 18_482_400, currentYearFiscal: 18_482_400 } });
  });
});
