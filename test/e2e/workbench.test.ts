import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LINE_SHEET_NAME, TABLE_SHEET_NAMES } from '../../main/excel/sheetNames';
import { WorkbookFile } from '../../main/workbook/file';
import { applyEdit } from '../../shared/core/edits';
import { formatYuan } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { cellText, type TableModel } from '../../shared/core/tables/tableModel';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { TABLES_TAB, screenshot, sessionPerTest, tab } from './browser';

/** Line 5 of the sample: 2120199 城乡社区 / 30101 基本工资, 995,664.00 元. */
const LINE = 5;
const NEW_AMOUNT = 109_566_400;
/** Line 19: 30217 公务接待费, 2,926.00 元, as last year. */
const RECEPTION = 19;

/** Three rows as a spreadsheet puts them on the clipboard, one with a quoted cell holding a line break. */
const PASTED = [
  ['上海市宝山区城市运行管理中心', '2120199', '30201', '基本支出', '一般公共预算财政拨款', '', '1,200.00'],
  ['上海市宝山区城市运行管理中心', '2120199', '30299', '项目支出', '一般公共预算财政拨款', '"城市网格\n巡查项目"', '120.05万'],
  ['上海市宝山区城市运行管理中心', '2080505', '30108', '基本支出', '一般公共预算财政拨款', '', '=12*100'],
]
  .map((r) => r.join('\t'))
  .join('\r\n');

function sampleTotal(): number {
  return sampleWorkbook().lines.reduce((sum, l) => sum + l.amount, 0);
}

function cell(page: Page, lineId: number, column: string) {
  return page.locator(`[row-id="${lineId}"] [col-id="${column}"]`);
}

function lineCount(page: Page) {
  return page.locator('.status-lines').textContent();
}

/** Line 5 changed in the file before the page loads, as the amount test changes it on the screen. */
function line5Changed(file: WorkbookFile): void {
  file.edit({ op: 'updateLines', changes: [{ id: LINE, set: { amount: NEW_AMOUNT } }] });
}

/** Table 3's 城乡社区支出 (类 212) row: its 合计 as the engine prints it for a workbook. */
function table3Total(tables: TableModel[]): string {
  const t3 = tables.find((t) => t.id === 3)!;
  const row = t3.rows.find((r) => r.level === 'class' && 'text' in r.cells[0] && r.cells[0].text === '212')!;
  return cellText(t3, row.cells[4]);
}

describe('预算编制工作台 in a real browser', () => {
  const open = sessionPerTest();

  it('opens the sample: the lines, the pinned 合计 and no errors', async () => {
    const { page } = await open();
    await expect.poll(() => lineCount(page)).toBe('明细 30 行');
    await expect.poll(() => page.title()).toBe('样例.budget — 预算编制工作台');
    await expect.poll(() => page.locator('.status-total').textContent()).toBe(`合计 ${formatYuan(sampleTotal())} 元`);
    await expect.poll(() => page.locator('.status-errors').textContent()).toContain('错误 0 个');
    await expect.poll(() => page.locator('[row-id="bottomtotal"] [col-id="amount"]').textContent()).toBe(formatYuan(sampleTotal()));
    await screenshot(page, '01-明细');

    // Mark the file as it came, to compare with later.
    await tab(page, '变动分析');
    await page.getByLabel('版本名称').fill('一上');
    await page.getByRole('button', { name: '标记当前为版本' }).click();
    await expect.poll(() => page.locator('.versions-bar').textContent()).toContain('已标记版本“一上”');
  });

  it('changes an amount: table 3 and the narrative sentence follow, and the file keeps it', async () => {
    const s = await open();
    const { page } = s;
    const before = table3Total(deriveWorkbookTables(sampleWorkbook()));
    await cell(page, LINE, 'amount').click();
    await page.keyboard.type('1,095,664.00');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, LINE, 'amount').textContent()).toBe('1,095,664.00');

    const expected = sampleWorkbook();
    const changed = applyEdit(expected, { op: 'updateLines', changes: [{ id: LINE, set: { amount: NEW_AMOUNT } }] }).workbook;
    const after = table3Total(deriveWorkbookTables(changed));
    expect(after).not.toBe(before);

    await tab(page, TABLES_TAB);
    await page.getByRole('button', { name: /^表3/ }).click();
    const row212 = page.locator('.pub-table tbody tr.level-class').filter({ has: page.locator('td:first-child', { hasText: /^212$/ }) });
    await expect.poll(() => row212.locator('td').nth(4).textContent()).toBe(after);
    await screenshot(page, '02-九张表-表3');

    // The lines behind a figure
    await row212.locator('td').nth(4).click();
    await expect.poll(() => page.locator('.figure-lines header').textContent()).toMatch(/共 26 行明细/);
    await screenshot(page, '03-九张表-构成明细');

    await tab(page, '编制说明');
    const text = page.locator('.narrative');
    await expect.poll(() => text.textContent()).toContain('城乡社区支出 678.37 万元');
    await expect.poll(() => text.textContent()).toContain('财政拨款支出预算 885.96 万元，比 2023 年预算增加 75.41 万元');
    await screenshot(page, '04-编制说明');
    expect((await s.saved()).lines.find((l) => l.id === LINE)?.amount).toBe(NEW_AMOUNT);
  });

  it('evaluates a formula typed into the amount and keeps it as the basis', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 6, 'amount').click();
    await page.keyboard.type('=43*128*12+3250*12');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 6, 'amount').textContent()).toBe('105,048.00');
    await expect.poll(() => cell(page, 6, 'basis').textContent()).toBe('=43*128*12+3250*12');
    expect((await s.saved()).lines.find((l) => l.id === 6)).toMatchObject({ amount: 10_504_800, basis: '=43*128*12+3250*12' });
  });

  it('refuses an amount it cannot read, saying why, and changes nothing', async () => {
    const { page } = await open();
    await cell(page, 7, 'amount').click();
    await page.keyboard.type('12,34.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.notice-toast.error').last().textContent()).toContain('千分位分隔符位置不对');
    await expect.poll(() => cell(page, 7, 'amount').textContent()).toBe('4,006,363.00');
    await page.locator('.notice-toast.error button').last().click();
  });

  it('moves like a spreadsheet: arrows, Enter down, Tab right; Delete clears; Ctrl+C copies rows as TSV', async () => {
    const s = await open();
    const { page } = s;
    const focused = () => page.locator('.ag-cell-focus').evaluate((e) => `${e.closest('[row-id]')!.getAttribute('row-id')}/${e.getAttribute('col-id')}`);
    await cell(page, 1, 'unit').click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('2/unit');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('2/functionCode');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('3/functionCode');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('2/economicCode');

    // Typing starts editing; Enter commits and moves down; Delete clears.
    await cell(page, 10, 'project').click();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('10/note');
    // Chinese text comes through an input method, not key by key: F2 opens the editor first.
    await page.keyboard.press('F2');
    await page.keyboard.type('按上年执行数测算');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 10, 'note').textContent()).toBe('按上年执行数测算');
    await expect.poll(focused).toBe('11/note');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Delete');
    await expect.poll(() => cell(page, 10, 'note').textContent()).toBe('');
    await page.keyboard.press('Home');
    await expect.poll(focused).toMatch(/\/unit$/);

    // Rows selected with a click and a Shift+click on their line numbers go to the clipboard as tab-separated text.
    await cell(page, 1, 'lineNo').click();
    await cell(page, 3, 'lineNo').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const rows = copied.split('\r\n').filter((r) => r !== '');
    expect(rows).toHaveLength(3);
    expect(rows[0].split('\t').slice(0, 7)).toEqual(['上海市宝山区城市运行管理中心', '2080505', '30108', '基本支出', '一般公共预算财政拨款', '', '800324.32']);
    expect((await s.saved()).lines.find((l) => l.id === 10)).not.toHaveProperty('note');
  });

  it('adds a line by typing into the empty row, and carries on in that line', async () => {
    const { page } = await open();
    const focused = () => page.locator('.ag-cell-focus').evaluate((e) => `${e.closest('[row-id]')!.getAttribute('row-id')}/${e.getAttribute('col-id')}`);
    await page.locator('[row-id="bottomnew"] [col-id="economicCode"]').click();
    await page.keyboard.type('30201');
    await page.keyboard.press('Tab');
    await expect.poll(() => lineCount(page)).toBe('明细 31 行');
    await expect.poll(focused).toBe('31/kind');
    await expect.poll(() => cell(page, 31, 'economicCode').textContent()).toBe('30201');
    // A new line starts with no 功能分类 code: the checks say so at once.
    await expect.poll(() => cell(page, 31, 'functionCode').getAttribute('class')).toContain('cell-invalid');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => lineCount(page)).toBe('明细 30 行');
    await page.keyboard.press('Home');
  });

  it('pastes three rows copied from a spreadsheet, then undoes the paste in one step', async () => {
    const s = await open();
    const { page } = s;
    await page.locator('[row-id="bottomnew"] [col-id="unit"]').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
    await page.keyboard.press('Control+V');
    await expect.poll(() => lineCount(page)).toBe('明细 33 行');
    await expect.poll(() => page.locator('.notice-toast').last().textContent()).toContain('新增 3 行');
    const pastedProject = page.locator('[row-id] [col-id="project"] .project-name', { hasText: '城市网格' });
    await expect.poll(() => pastedProject.textContent()).toBe('城市网格\n巡查项目');
    await expect.poll(() => page.locator('[row-id] [col-id="amount"]', { hasText: '1,200,500.00' }).count()).toBe(1);
    await screenshot(page, '05-明细-粘贴');

    await page.keyboard.press('Control+Z');
    await expect.poll(() => lineCount(page)).toBe('明细 30 行');
    expect((await s.saved()).lines).toHaveLength(30);
  });

  it('marks an unknown code, lists its finding, goes to it, and clears it once fixed', async () => {
    const s = await open();
    const { page } = s;
    await cell(page, 8, 'functionCode').click();
    // Typed at full speed: the picker opens with the first key and loses none of the rest.
    await page.keyboard.type('2120188');
    const search = page.locator('.code-editor-input');
    await expect.poll(() => search.inputValue()).toBe('2120188');
    await expect.poll(() => page.locator('.code-editor-empty').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 8, 'functionCode').getAttribute('class')).toContain('cell-invalid');
    await expect.poll(() => page.locator('.status-errors').textContent()).toContain('错误 1 个');
    // The reason shows when the pointer comes to rest on the cell.
    await page.mouse.move(0, 0);
    await cell(page, 8, 'functionCode').hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent()).toContain('功能分类编码 2120188 不在科目表中');

    await tab(page, '审核');
    const finding = page.locator('.finding.error', { hasText: '2120188' });
    await expect.poll(() => finding.count()).toBe(1);
    await screenshot(page, '06-审核');

    // Exporting with an error asks first.
    await tab(page, '导出');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('审核还有 1 个错误');
    await screenshot(page, '07-导出-确认');
    await page.getByRole('button', { name: '取消' }).click();

    await tab(page, '审核');
    await finding.getByRole('button').click();
    await expect.poll(() => page.locator('.ag-cell-focus').getAttribute('col-id')).toBe('functionCode');

    // The picker searches the catalog by name; Enter takes the first match.
    await page.keyboard.press('F2');
    await search.fill('城乡社区管理事务');
    await expect.poll(() => page.locator('.code-editor-list li.active .code').textContent()).toMatch(/^21201/);
    await screenshot(page, '08-明细-科目选择');
    await search.fill('2120199');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 8, 'functionCode').textContent()).toBe('2120199');
    await expect.poll(() => page.locator('.status-errors').textContent()).toContain('错误 0 个');
    await tab(page, '审核');
    await expect.poll(() => page.locator('.finding', { hasText: '2120188' }).count()).toBe(0);
    expect((await s.saved()).lines.find((l) => l.id === 8)?.functionCode).toBe('2120199');
  });

  it('flags a large change until a reason is written, and the reason feeds the narrative', async () => {
    // A version marked as the sample came, then line 5 changed.
    const s = await open({
      prepare: (file) => {
        file.markVersion('一上');
        line5Changed(file);
      },
    });
    const { page } = s;
    // 公务接待费 (line 19) from 2,926.00 to 5,000.00: +70.9% on last year's 2,926.00
    await cell(page, RECEPTION, 'amount').click();
    await page.keyboard.type('5000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, RECEPTION, 'amount').textContent()).toBe('5,000.00');

    await tab(page, '变动分析');
    await page.getByRole('button', { name: '“三公”经费' }).click();
    const flagged = page.locator('.yoy tr.flagged', { hasText: '公务接待费' });
    await expect.poll(() => flagged.count()).toBe(1);
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('有 1 项较大变动尚未说明原因');
    await expect.poll(() => page.locator('.change-chart canvas').count()).toBe(1);
    await screenshot(page, '09-变动分析');

    await flagged.locator('textarea').fill('接待任务增加');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('.yoy tr.flagged').count()).toBe(0);
    await expect.poll(() => page.locator('.changes-head').textContent()).toContain('较大变动均已说明原因');

    // What changed since the version: line 5 and line 19.
    await page.getByRole('button', { name: '比较' }).click();
    await expect.poll(() => page.locator('.diff').textContent()).toContain('“一上”→“当前”：新增明细 0 行，删除 0 行，修改 2 行');
    await expect.poll(() => page.locator('.diff').textContent()).toContain('明细 #5：金额（元） 995,664.00 → 1,095,664.00');

    await tab(page, '编制说明');
    await expect.poll(() => page.locator('.narrative').textContent()).toContain('公务接待费0.50万元，比上年预算增加0.21万元，主要原因是接待任务增加。');
    const saved = await s.saved();
    expect(saved.lines.find((l) => l.id === RECEPTION)?.amount).toBe(500_000);
    expect(saved.texts.reasons['sangong:reception']).toMatchObject({ text: '接待任务增加', writtenFor: { current: 500_000, previous: 292_600 } });
  });

  it('shows the department, the year and the units with their types', async () => {
    const { page } = await open();
    await tab(page, '基本信息');
    await expect.poll(() => page.locator('.basics table').textContent()).toContain('上海市宝山区城市运行管理中心');
    await screenshot(page, '10-基本信息');
  });

  it('exports Excel and the downloaded file holds the changed figure', async () => {
    const s = await open({ prepare: line5Changed });
    const { page } = s;
    await tab(page, '导出');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    // the sample's unlisted projects have no record: export asks first
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('其他项目支出（原文未逐项列明）');
    await page.getByRole('button', { name: '仍然导出' }).click();
    const file = await download;
    const saved = join(s.dir, 'downloaded.xlsx');
    await file.saveAs(saved);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已导出');
    await screenshot(page, '11-导出');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const numbers = (sheet: string) => {
      const out: number[] = [];
      book.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => typeof c.value === 'number' && out.push(c.value)));
      return out;
    };
    const printed = table3Total(deriveWorkbookTables(s.host.file.workbook()));
    expect(numbers(TABLE_SHEET_NAMES[3])).toContain(Number(printed.replace(/,/g, '')));
    expect(numbers(LINE_SHEET_NAME)).toContain(1_095_664);
  });
});
