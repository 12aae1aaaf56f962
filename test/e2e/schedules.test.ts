import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WorkbookFile } from '../../main/workbook/file';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { emptySchedules } from '../../shared/core/schedules/model';
import { screenshot, sessionPerTest, tab } from './browser';

const UNIT = '上海市宝山区城市运行管理中心';

/** Chinese text as an IME sends it: a composition, then the committed text. */
async function typeAsIme(page: Page, text: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

const grid = (page: Page, label: string) => page.locator(`.item-grid[aria-label="${label}"]`);
const gridCell = (page: Page, label: string, row: string, column: string) => grid(page, label).locator(`[row-id="${row}"] [col-id="${column}"]`);
const rowCount = (page: Page, label: string) => grid(page, label).locator('.ag-row[row-id]:not([row-id="new"])').count();
const status = (page: Page) => page.locator('.status-errors').textContent();

async function typeInto(page: Page, label: string, row: string, column: string, text: string, ime = false) {
  await gridCell(page, label, row, column).click();
  if (ime) {
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await typeAsIme(page, text);
  } else await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function paste(page: Page, label: string, row: string, column: string, rows: string[][]) {
  await gridCell(page, label, row, column).click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), rows.map((r) => r.join('\t')).join('\r\n'));
  await page.keyboard.press('Control+V');
}

/** The department's 绩效目标 as the IME test leaves it: the overall goal and one indicator from the library. */
const DEPARTMENT_GOAL = { overall: '保障城市运行管理', indicators: [{ level1: '产出指标', level2: '数量指标', level3: '受理案件数', value: '' }] };

function withDepartmentGoal(file: WorkbookFile): void {
  file.edit({ op: 'setSchedules', schedules: { ...(file.workbook().schedules ?? emptySchedules()), department: DEPARTMENT_GOAL } });
}

describe('人员与标准 and 附表 in a real browser', () => {
  const open = sessionPerTest();

  it('人员与标准: the sample’s five contributions change no amount; applying writes their 测算依据; a rate changed recomputes them, undone at once', async () => {
    const s = await open();
    const { page } = s;
    await tab(page, '人员与标准');
    const rows = page.locator('.compute-lines tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    await expect.poll(() => rows.nth(0).textContent()).toBe('上海市宝山区城市运行管理中心208050530108800,324.32800,324.32写入测算依据机关事业单位基本养老保险缴费：工资基数 5,002,027.00（30101+30107）× 16%');
    await screenshot(page, '20-人员与标准');
    await page.getByRole('button', { name: '应用测算（5 处变化）' }).click();
    await expect.poll(() => page.locator('.compute-lines').textContent()).not.toContain('写入测算依据');
    await expect.poll(() => page.getByRole('button', { name: /^应用测算/ }).isDisabled()).toBe(true);

    await typeInto(page, '标准', '0', 'rate', '17');
    // 5,002,027.00 × 17% = 850,344.59: the computed line follows in the same edit
    await expect.poll(() => rows.nth(0).locator('td').nth(3).textContent()).toBe('850,344.59');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rows.nth(0).locator('td').nth(3).textContent()).toBe('800,324.32');
    await expect.poll(() => gridCell(page, '标准', '0', 'rate').textContent()).toBe('16');
    expect((await s.saved()).lines.find((l) => l.economicCode === '30108')!.basis).toBe('机关事业单位基本养老保险缴费：工资基数 5,002,027.00（30101+30107）× 16%');
  });

  it('人员: a block pasted from Excel is one edit, a bad cell refuses the whole paste', async () => {
    const { page } = await open();
    await tab(page, '人员与标准');
    await paste(page, '人员', 'new', 'unit', [[UNIT, '在职事业', '', '41'], [UNIT, '退休', '', '3']]);
    await expect.poll(() => rowCount(page, '人员')).toBe(2);
    await expect.poll(() => gridCell(page, '人员', '0', 'count').textContent()).toBe('41');
    await paste(page, '人员', 'new', 'unit', [[UNIT, '在职行政', '', '四十']]);
    await expect.poll(() => page.locator('.notice-toast.error').last().textContent()).toContain('第 3 行“人数”：“四十”应为不小于零的整数');
    await expect.poll(() => rowCount(page, '人员')).toBe(2);
    await page.locator('.notice-toast.error button').last().click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rowCount(page, '人员')).toBe(0);
  });

  it('政府采购: typed (品目 by IME), checked against its line in 审核, undone, pasted, and in the text', async () => {
    const s = await open();
    const { page } = s;
    await tab(page, '附表');
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 2 个');
    await typeInto(page, '政府采购', 'new', 'item', '复印纸', true);
    await expect.poll(() => rowCount(page, '政府采购')).toBe(1);
    await expect.poll(() => gridCell(page, '政府采购', '0', 'item').textContent()).toBe('复印纸');
    await typeInto(page, '政府采购', '0', 'economicCode', '30201');
    await typeInto(page, '政府采购', '0', 'amount', '77,874.01');
    // the sample's 30201 line is 77,874.00
    await expect.poll(() => status(page)).toBe('错误 1 个 · 警告 2 个');
    await expect.poll(() => page.locator('.schedule-findings').textContent()).toContain(`政府采购中属于“${UNIT} 基本支出 30201”的各项合计 77,874.01 元，超过该科目明细 77,874.00 元`);
    await screenshot(page, '21-附表-政府采购');
    await gridCell(page, '政府采购', '0', 'item').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 2 个');
    await expect.poll(() => gridCell(page, '政府采购', '0', 'amount').textContent()).toBe('0.00');

    await paste(page, '政府采购', '0', 'unit', [
      [UNIT, '', '30201', '货物', 'A05040101 复印纸', '框架协议采购', '200', '25', '5,000.00', '5,000.00', '2,000.00'],
      [UNIT, '城管通服务费', '30207', '服务', 'C0301 运营服务', '公开招标', '1', '152,500.00', '152,500.00', '0', '0'],
    ]);
    await expect.poll(() => rowCount(page, '政府采购')).toBe(2);
    await expect.poll(() => page.locator('.schedule-total').textContent()).toBe('合计 157,500.00 元（货物 5,000.00 元、工程 0.00 元、服务 152,500.00 元；面向中小企业预留 5,000.00 元，其中小微企业 2,000.00 元）');
    await tab(page, '编制说明');
    await expect.poll(() => page.locator('.narrative').textContent()).toContain('本部门2024年政府采购预算15.75万元，其中：政府采购货物预算0.50万元、政府采购工程预算0万元、政府采购服务预算15.25万元。');

    // reopened, the file and the screen hold both items
    expect((await s.reopen()).schedules!.procurement.map((i) => i.amount)).toEqual([5_000_00, 152_500_00]);
    await tab(page, '附表');
    await expect.poll(() => rowCount(page, '政府采购')).toBe(2);
  });

  it('政府购买服务: typed (by IME), pasted, undone and redone', async () => {
    const s = await open();
    const { page } = s;
    await tab(page, '附表');
    await page.getByRole('tab', { name: '政府购买服务' }).click();
    await typeInto(page, '政府购买服务', 'new', 'content', '档案数字化', true);
    await expect.poll(() => gridCell(page, '政府购买服务', '0', 'content').textContent()).toBe('档案数字化');
    await paste(page, '政府购买服务', 'new', 'unit', [[UNIT, '城管通服务费', '30207', '政府履职辅助性服务', '城管通平台运维', '152,500.00', '企业']]);
    await expect.poll(() => rowCount(page, '政府购买服务')).toBe(2);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rowCount(page, '政府购买服务')).toBe(1);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => rowCount(page, '政府购买服务')).toBe(2);
    await expect.poll(() => page.locator('.schedule-total').textContent()).toBe('合计 152,500.00 元');
    expect((await s.saved()).schedules!.services.map((i) => i.content)).toEqual(['档案数字化', '城管通平台运维']);
  });

  it('资产配置: a vehicle without a 31013 line is a 警告 in 审核, gone when undone', async () => {
    const s = await open();
    const { page } = s;
    await tab(page, '附表');
    await page.getByRole('tab', { name: '资产配置' }).click();
    await paste(page, '资产配置', 'new', 'unit', [[UNIT, '', '31013', '车辆', '新能源轿车', '一般公务用车', '1', '180,000.00', '180,000.00']]);
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 3 个');
    await tab(page, '审核');
    await expect.poll(() => page.locator('.findings').textContent()).toContain(`资产配置计划购置车辆（${UNIT}：新能源轿车），但该单位没有公务用车购置（31013）的明细`);
    await page.getByRole('button', { name: '定位：附表 · 资产配置 第 1 行' }).click();
    await expect.poll(() => rowCount(page, '资产配置')).toBe(1);
    await page.locator('.schedules h2').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => status(page)).toBe('错误 0 个 · 警告 2 个');
    // the undo leaves the schedules as the sample has them
    expect((await s.saved()).schedules).toEqual(sampleWorkbook().schedules);
  });

  it('绩效目标: the department’s overall goal and an indicator from the library, typed by IME', async () => {
    const s = await open();
    const { page } = s;
    await tab(page, '附表');
    await page.getByRole('tab', { name: '绩效目标' }).click();
    const goal = page.getByLabel('总体目标');
    await goal.click();
    await typeAsIme(page, '保障城市运行管理');
    await page.locator('.schedules h2').click();
    await page.locator('.indicator-library li', { hasText: '产出指标 · 数量指标' }).getByRole('button', { name: '加入' }).click();
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(1);
    await typeInto(page, '绩效指标', '0', 'level3', '受理案件数', true);
    await expect.poll(() => gridCell(page, '绩效指标', '0', 'level3').textContent()).toBe('受理案件数');
    await page.getByLabel('新的一级指标').fill('产出指标');
    await page.getByLabel('新的二级指标').click();
    await typeAsIme(page, '安全指标');
    await page.getByRole('button', { name: '加入指标库' }).click();
    await expect.poll(() => page.locator('.indicator-library').textContent()).toContain('产出指标 · 安全指标');
    await screenshot(page, '22-附表-绩效目标');

    // reopened, the file and the screen hold the goal and the indicator
    expect((await s.reopen()).schedules!.department).toEqual(DEPARTMENT_GOAL);
    await tab(page, '附表');
    await page.getByRole('tab', { name: '绩效目标' }).click();
    await expect.poll(() => page.getByLabel('总体目标').inputValue()).toBe('保障城市运行管理');
    await expect.poll(() => gridCell(page, '绩效指标', '0', 'level3').textContent()).toBe('受理案件数');
  });

  it('绩效目标: indicators pasted from Excel are one edit, for the department and for a project', async () => {
    const s = await open({ prepare: withDepartmentGoal });
    const { page } = s;
    await tab(page, '附表');
    await page.getByRole('tab', { name: '绩效目标' }).click();
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(1);
    await paste(page, '绩效指标', 'new', 'level1', [
      ['产出指标', '质量指标', '案件按时办结率', '≥95%'],
      ['效益指标', '社会效益指标', '市民满意度', '≥90%'],
    ]);
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(3);
    await expect.poll(() => gridCell(page, '绩效指标', '2', 'level3').textContent()).toBe('市民满意度');
    await expect.poll(() => gridCell(page, '绩效指标', '2', 'value').textContent()).toBe('≥90%');
    await page.locator('.schedules h2').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(1);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(3);

    await page.getByLabel('绩效目标属于').selectOption('城管通服务费');
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(9);
    await paste(page, '绩效指标', 'new', 'level1', [['满意度指标', '服务对象满意度指标', '一线人员满意度', '≥85%']]);
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(10);
    await expect.poll(() => gridCell(page, '绩效指标', '9', 'level3').textContent()).toBe('一线人员满意度');
    await page.getByLabel('绩效目标属于').selectOption('（部门整体）');
    await expect.poll(() => rowCount(page, '绩效指标')).toBe(3);

    const wb = await s.saved();
    expect(wb.schedules!.department).toEqual({
      overall: '保障城市运行管理',
      indicators: [
        { level1: '产出指标', level2: '数量指标', level3: '受理案件数', value: '' },
        { level1: '产出指标', level2: '质量指标', level3: '案件按时办结率', value: '≥95%' },
        { level1: '效益指标', level2: '社会效益指标', level3: '市民满意度', value: '≥90%' },
      ],
    });
    expect(wb.projects[0].indicators.at(-1)).toEqual({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '一线人员满意度', value: '≥85%' });
  });
});
