import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WorkbookFile } from '../../main/workbook/file';
import { measureKey } from '../../shared/core/measures';
import type { LineItem, MeasureKey } from '../../shared/core/model';
import { writeReason } from '../../shared/core/reasons';
import { measureRow } from '../../shared/core/yoy';
import { screenshot, sessionPerTest, tab } from './browser';

/** About 1.27 million of 项目支出 for a new project. */
const PROJECT_LINE: Omit<LineItem, 'id'> = {
  unit: '上海市宝山区城市运行管理中心',
  functionCode: '2120199',
  economicCode: '30227',
  kind: '项目支出',
  source: '一般公共预算财政拨款',
  project: '城市运行保障服务',
  amount: 127_000_000,
};
/** The line as a spreadsheet puts its row on the clipboard. */
const PROJECT_ROW = [PROJECT_LINE.unit, PROJECT_LINE.functionCode, PROJECT_LINE.economicCode, PROJECT_LINE.kind, PROJECT_LINE.source, PROJECT_LINE.project, '1,270,000.00'].join('\t');

const REASONS = {
  total: '新增城市运行保障服务项目',
  fiscal: '新增城市运行保障服务项目，人员和公用经费增加',
  general: '城市运行保障服务由一般公共预算安排',
};

/** The project row pasted, as the first test pastes it on the screen. */
function projectPasted(file: WorkbookFile): void {
  file.edit({ op: 'insertLines', lines: [PROJECT_LINE] });
}

/** The project row pasted and each reason written for the change as it then is, as the second test writes them. */
function reasonsWritten(file: WorkbookFile): void {
  projectPasted(file);
  const keys: [MeasureKey, string][] = [
    [measureKey.total, REASONS.total],
    [measureKey.fiscal, REASONS.fiscal],
    [measureKey.source('一般公共预算财政拨款'), REASONS.general],
  ];
  let texts = file.workbook().texts;
  for (const [key, text] of keys) texts = writeReason(texts, key, text, measureRow(file.workbook(), key));
  file.edit({ op: 'setTexts', texts });
}

/** Types Chinese into the focused field as an input method does: a composition, then the committed text. */
async function typeChinese(page: Page, field: Locator, text: string) {
  await field.click();
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.imeSetComposition', { text: text.slice(0, 2), selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text });
  } finally {
    await cdp.detach();
  }
  await expect.poll(() => field.inputValue()).toBe(text);
  await page.keyboard.press('Tab');
}

/** The 变动分析 row of a change. */
function changeRow(page: Page, label: string) {
  return page.locator('.yoy tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) });
}

describe('编制说明 as a department head writes it: every reason reaches its sentence', () => {
  const open = sessionPerTest();

  it('adds project money: 收支总计, 财政拨款 and 一般公共预算 are flagged in 审核 and 变动分析', async () => {
    const { page } = await open();
    await page.locator('[row-id="bottomnew"] [col-id="unit"]').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), PROJECT_ROW);
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.status-lines').textContent()).toBe('明细 31 行');

    await tab(page, '审核');
    const flags = page.locator('.finding.warning', { hasText: '请在“变动分析”中填写' });
    await expect.poll(() => flags.count()).toBe(3);
    await expect.poll(() => flags.nth(1).textContent()).toContain('财政拨款比上年增加 192.41 万元（23.7%），所写原因是为此前的数字写的，可能已过时');
    await expect.poll(() => page.locator('.finding.warning', { hasText: '项目“城市运行保障服务”有项目支出明细 1,270,000.00 元，但没有项目信息' }).count()).toBe(1);
    await screenshot(page, 'narrative-01-审核');
    await flags.first().getByRole('button', { name: '定位：变动分析' }).click();
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('有 3 项较大变动尚未说明原因');
    await expect.poll(() => changeRow(page, '收支总计').getAttribute('class')).toBe('flagged');
    await expect.poll(() => changeRow(page, '财政拨款').locator('.reason.stale').count()).toBe(1);
    await screenshot(page, 'narrative-02-变动分析');
  });

  it('writes each reason in 变动分析 (typed as an input method types): the flags go, and the file keeps each with its figures', async () => {
    const s = await open({ prepare: projectPasted });
    const { page } = s;
    await tab(page, '变动分析');
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('有 3 项较大变动尚未说明原因');
    await typeChinese(page, changeRow(page, '收支总计').locator('textarea'), REASONS.total);
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('有 2 项较大变动尚未说明原因');
    const fiscal = changeRow(page, '财政拨款').locator('textarea');
    await fiscal.fill('');
    await typeChinese(page, fiscal, REASONS.fiscal);
    await expect.poll(() => changeRow(page, '财政拨款').locator('.reason.stale').count()).toBe(0);
    await page.getByRole('button', { name: '资金来源' }).click();
    await typeChinese(page, changeRow(page, '一般公共预算财政拨款').locator('textarea'), REASONS.general);
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('较大变动均已说明原因');
    await expect.poll(() => page.locator('.yoy tr.flagged').count()).toBe(0);

    const { reasons } = (await s.saved()).texts;
    expect(reasons.total).toEqual({ text: REASONS.total, writtenFor: { current: 1_002_956_113, previous: 810_550_000 } });
    expect(reasons.fiscal).toEqual({ text: REASONS.fiscal, writtenFor: { current: 1_002_956_113, previous: 810_550_000 } });
  });

  it('shows each reason in the sentence of its change in 编制说明, with one field per reason', async () => {
    const { page } = await open({ prepare: reasonsWritten });
    await tab(page, '编制说明');
    const text = () => page.locator('.narrative').textContent();
    await expect.poll(text).toContain(`本部门收入支出预算增加的主要原因是${REASONS.total}。`);
    await expect.poll(text).toContain(`财政拨款收入支出增加的主要原因是${REASONS.fiscal}。`);
    await expect.poll(text).toContain(`一般公共预算拨款支出预算 1,002.96 万元，比 2023 年预算增加 192.41 万元，主要原因是${REASONS.general}；`);
    await expect.poll(() => page.locator('.narrative .text-field', { hasText: /^财政拨款的变动原因/ }).count()).toBe(1);
    await expect.poll(() => page.locator('.narrative .text-field', { hasText: /^收支总计的变动原因/ }).count()).toBe(1);
    await screenshot(page, 'narrative-03-编制说明');
  });

  it('exports after being told what is still missing; the xlsx carries each reason in its sentence', async () => {
    const s = await open({ prepare: reasonsWritten });
    const { page } = s;
    await tab(page, '导出');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('公开文本还有 2 处未完成');
    await expect.poll(() => dialog.textContent()).toContain('项目“城市运行保障服务”有项目支出明细');
    await screenshot(page, 'narrative-04-导出-确认');
    await page.getByRole('button', { name: '仍然导出' }).click();
    const saved = join(s.dir, 'narrative.xlsx');
    await (await download).saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const cells: string[] = [];
    book.getWorksheet('预算编制说明')!.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
    expect(cells).toContain(`本部门收入支出预算增加的主要原因是${REASONS.total}。`);
    expect(cells).toContain(`财政拨款收入支出增加的主要原因是${REASONS.fiscal}。`);
    expect(cells.some((c) => c.includes(`主要原因是${REASONS.general}；`))).toBe(true);
  });

  it('marks a version, changes the figures: the reasons are marked possibly stale until confirmed', async () => {
    const s = await open({ prepare: reasonsWritten });
    const { page } = s;
    await tab(page, '变动分析');
    await page.getByLabel('版本名称').fill('二上');
    await page.getByRole('button', { name: '标记当前为版本' }).click();
    await expect.poll(() => page.locator('.versions-bar').textContent()).toContain('已标记版本“二上”');

    await tab(page, '明细');
    await typeChinese(page, page.getByLabel('在全部列中查找'), '城市运行保障服务');
    const amount = page.locator('[row-id="31"] [col-id="amount"]');
    await amount.click();
    await page.keyboard.type('1000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => amount.textContent()).toBe('1,000,000.00');

    await tab(page, '变动分析');
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('有 3 项较大变动尚未说明原因');
    const fiscal = changeRow(page, '财政拨款');
    await expect.poll(() => fiscal.locator('.reason.stale .text-field span').textContent()).toBe('原因可能已过时（为此前的数字写的）');
    await expect.poll(() => fiscal.locator('textarea').inputValue()).toBe(REASONS.fiscal);
    await screenshot(page, 'narrative-05-原因可能已过时');
    await fiscal.getByRole('button', { name: '核对无误，确认仍适用' }).click();
    await expect.poll(() => fiscal.locator('.reason.stale').count()).toBe(0);
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('有 2 项较大变动尚未说明原因');
    expect((await s.saved()).texts.reasons.fiscal).toEqual({ text: REASONS.fiscal, writtenFor: { current: 975_956_113, previous: 810_550_000 } });
  });

  it('edits the 政府采购 figures beside their paragraph: the sentence follows; a bad amount says why and changes nothing', async () => {
    const s = await open();
    const { page } = s;
    await tab(page, '编制说明');
    const goods = page.getByLabel('政府采购货物（元）');
    await goods.fill('12,34');
    await goods.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('政府采购货物（元）未修改：金额');
    await expect.poll(() => goods.inputValue()).toBe('0.00');
    await goods.fill('12,345.00');
    await goods.press('Enter');
    await expect.poll(() => page.locator('.narrative').textContent()).toContain('本部门2024年政府采购预算1.23万元，其中：政府采购货物预算1.23万元、政府采购工程预算0万元、政府采购服务预算0万元。');
    await screenshot(page, 'narrative-06-政府采购');
    expect((await s.saved()).entered.procurement.goods).toBe(1_234_500);
  });

  it('shows one unit’s text (单位预算, 本单位) from that unit’s lines', async () => {
    const s = await open();
    const { page } = s;
    await page.locator('[row-id="bottomnew"] [col-id="unit"]').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), ['某执法大队', '2120101', '30201', '基本支出', '一般公共预算财政拨款', '', '300,000.00'].join('\t'));
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.status-lines').textContent()).toBe('明细 31 行');
    await tab(page, '编制说明');
    await page.getByLabel('说明范围').selectOption('某执法大队');
    await expect.poll(() => page.locator('.narrative').textContent()).toContain('2024 年，本单位收入预算 30.00 万元，其中：财政拨款收入 30.00 万元，');
    await expect.poll(() => page.locator('.narrative textarea').count()).toBe(0);
    await screenshot(page, 'narrative-07-单位预算');
    await page.getByLabel('说明范围').selectOption('');
    // the sample's 875.96 万元 and this unit's 30.00 万元
    await expect.poll(() => page.locator('.narrative').textContent()).toContain('本部门收入预算 905.96 万元');
  });
});
