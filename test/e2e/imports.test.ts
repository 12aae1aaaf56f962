import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { dispatchCall, type CallTarget } from '../../main/workbookCalls';
import { formatWan } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { RESULTS, screenshot, sessionPerTest } from './browser';

const UNIT = '上海市宝山区城市运行管理中心';
const HEADER = '单位名称,功能分类科目编码,经济分类科目编码,支出类型,资金来源,项目名称,金额（元）,测算依据';
/** Two lines as Excel writes them: a project name with a comma and a basis with quotes, so both are quoted. */
const GOOD_ROWS = [
  `${UNIT},2120199,30227,项目支出,一般公共预算财政拨款,"道路保洁,二期","1,234.50","按""每平方米 2 元""测算"`,
  `${UNIT},2080505,30108,基本支出,一般公共预算财政拨款,,120.05万,`,
];
/** Rows 3, 4, 6 and 7 are bad (资金来源, 金额, an unknown code with no name, a project without its name); 2 and 5 are good. */
const BAD_CSV = [
  HEADER,
  `${UNIT},2080505,30108,基本支出,一般公共预算财政拨款,,100.00,`,
  `${UNIT},2080505,30108,基本支出,自筹资金,,100.00,`,
  `${UNIT},2080505,30108,基本支出,一般公共预算财政拨款,,一百元,`,
  `${UNIT},2080506,30109,基本支出,一般公共预算财政拨款,,200.00,`,
  `${UNIT},2999999,30109,基本支出,一般公共预算财政拨款,,200.00,`,
  `${UNIT},2120199,30227,项目支出,一般公共预算财政拨款,,300.00,`,
].join('\r\n');

const dialog = (page: Page) => page.getByRole('dialog', { name: '导入' });

async function openImport(page: Page, what: '明细' | '上年公开表' | '科目表') {
  if ((await dialog(page).count()) === 0) await page.getByRole('button', { name: '导入…' }).click();
  await dialog(page).getByRole('radio', { name: what }).check();
}

async function choose(page: Page, path: string) {
  await dialog(page).getByLabel('选择要导入的文件').setInputFiles(path);
}

async function closeImport(page: Page) {
  await dialog(page).getByRole('button', { name: '关闭（Esc）' }).click();
  await expect.poll(() => dialog(page).count()).toBe(0);
}

const linesShown = (page: Page) => page.locator('.status-lines').textContent();

/** The two good lines as a CSV Excel saves as “CSV UTF-8” (with a BOM) or as plain CSV (GBK on a Chinese Windows). */
function goodLinesCsv(dir: string, encoding: 'utf8-bom' | 'gbk'): string {
  const csv = [HEADER, ...GOOD_ROWS].join('\r\n') + '\r\n';
  if (encoding === 'gbk') {
    const path = join(dir, '明细（GBK）.csv');
    writeFileSync(path, iconv.encode(csv, 'gbk'));
    return path;
  }
  const path = join(dir, '明细（UTF-8）.csv');
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
  return path;
}

function badLinesCsv(dir: string): string {
  const path = join(dir, '有错的明细.csv');
  writeFileSync(path, BAD_CSV, 'utf8');
  return path;
}

async function linesXlsx(dir: string): Promise<string> {
  const path = join(dir, '明细.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('明细');
  sheet.addRow(HEADER.split(','));
  sheet.addRow([UNIT, '2101102', '30110', '基本支出', '一般公共预算财政拨款', '', 5000.25, '']);
  sheet.addRow([UNIT, '2120199', '30227', '项目支出', '一般公共预算财政拨款', '城市道路养护', 80000, '']);
  sheet.addRow([UNIT, '2120199', '30227', '项目支出', '一般公共预算财政拨款', '城市道路养护', 12345.67, '']);
  await book.xlsx.writeFile(path);
  return path;
}

/** Last year's publication: the sample's lines as a 2023 budget, the first line 10 万元 higher. */
async function baselineXlsx(dir: string): Promise<string> {
  const wb = sampleWorkbook();
  const path = join(dir, '2023年部门预算公开表.xlsx');
  await exportPublication({ ...wb, year: 2023, lines: wb.lines.map((l, i) => (i === 0 ? { ...l, amount: l.amount + 10_000_000 } : l)) }, path);
  return path;
}

/** The official 功能分类 edition, without 2080505 (which the sample's lines use). */
function catalogCsv(dir: string): string {
  const official = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'catalog', 'function-classification.csv'), 'utf8');
  const path = join(dir, '2024年功能分类科目.csv');
  writeFileSync(path, official.split('\n').filter((row) => !row.startsWith('2080505,')).join('\n'));
  return path;
}

describe('导入 from the screen: 明细, 上年公开表 and 科目表, all or nothing', () => {
  const open = sessionPerTest();

  it('imports a UTF-8 CSV (with BOM) with quoted fields and Chinese as one step, and undoes it in one', async () => {
    const s = await open();
    const { page } = s;
    const lines0 = s.host.file.workbook().lines.length;
    await openImport(page, '明细');
    await expect.poll(() => dialog(page).textContent()).toContain('导入的明细加在原有明细之后，不替换原有明细');
    await choose(page, goodLinesCsv(s.dir, 'utf8-bom'));
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toContain('已从 明细（UTF-8）.csv 导入 2 条明细（加在原有明细之后）');
    await expect.poll(() => linesShown(page)).toBe(`明细 ${lines0 + 2} 行`);
    await screenshot(page, 'imports-done');
    const added = s.host.file.workbook().lines.slice(-2);
    expect(added.map((l) => [l.project, l.amount, l.basis])).toEqual([
      ['道路保洁,二期', 123_450, '按"每平方米 2 元"测算'],
      ['', 120_050_000, undefined],
    ]);
    await closeImport(page);

    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('.notice-toast').textContent()).toContain('已撤销：导入 2 条明细');
    await expect.poll(() => linesShown(page)).toBe(`明细 ${lines0} 行`);
    expect(s.host.file.workbook().lines).toHaveLength(lines0);
  });

  it('imports the same lines saved by Excel as GBK CSV', async () => {
    const s = await open();
    const { page } = s;
    const lines0 = s.host.file.workbook().lines.length;
    await openImport(page, '明细');
    await choose(page, goodLinesCsv(s.dir, 'gbk'));
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toContain('已从 明细（GBK）.csv 导入 2 条明细');
    await expect.poll(() => linesShown(page)).toBe(`明细 ${lines0 + 2} 行`);
    expect(s.host.file.workbook().lines.slice(-2).map((l) => [l.unit, l.project, l.basis])).toEqual([
      [UNIT, '道路保洁,二期', '按"每平方米 2 元"测算'],
      [UNIT, '', undefined],
    ]);
    await closeImport(page);
  });

  it('imports an xlsx (the sheet 明细, amounts as numbers)', async () => {
    const s = await open();
    const { page } = s;
    const lines0 = s.host.file.workbook().lines.length;
    await openImport(page, '明细');
    await choose(page, await linesXlsx(s.dir));
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toContain('已从 明细.xlsx 工作表“明细” 导入 3 条明细');
    await expect.poll(() => linesShown(page)).toBe(`明细 ${lines0 + 3} 行`);
    expect(s.host.file.workbook().lines.slice(-3).map((l) => l.amount)).toEqual([500_025, 8_000_000, 1_234_567]);
    await closeImport(page);
  });

  it('shows progress while a large xlsx (20,000 lines) is read, then adds every line as one undo step', async () => {
    const s = await open();
    const { page } = s;
    const big = join(s.dir, '全年明细.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('明细');
    sheet.addRow(HEADER.split(','));
    for (let i = 0; i < 20_000; i++) sheet.addRow([UNIT, '2120199', '30227', '项目支出', '一般公共预算财政拨款', `道路养护${i % 50}`, 100 + i, '']);
    await book.xlsx.writeFile(big);
    // the call is held at the page until the progress has been seen (no timing: main starts reading on release)
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/call', async (route) => {
      if ((route.request().postData() ?? '').startsWith('{"name":"imports.run"')) await held;
      await route.continue();
    });
    try {
      const before = s.host.file.workbook().lines.length;
      await openImport(page, '明细');
      await choose(page, big);
      const progress = dialog(page).getByRole('progressbar', { name: '正在导入' });
      await expect.poll(() => progress.textContent()).toMatch(/^正在读取并核对 全年明细\.xlsx（\d+\.\d MB）……$/);
      await expect.poll(() => dialog(page).getByRole('radio', { name: '上年公开表' }).isDisabled()).toBe(true);
      release();
      await expect.poll(() => dialog(page).getByRole('status').textContent()).toContain('已从 全年明细.xlsx 工作表“明细” 导入 20000 条明细');
      expect(await progress.count()).toBe(0);
      expect(s.host.file.workbook().lines.length).toBe(before + 20_000);
      await closeImport(page);
      await page.getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => page.locator('.notice-toast').textContent()).toContain('已撤销：导入 20000 条明细');
      expect(s.host.file.workbook().lines.length).toBe(before);
    } finally {
      release();
      await page.unroute('**/api/call');
    }
  });

  it('lists every bad row of a file — row, column, what is wrong, how to fix — and changes nothing', async () => {
    const s = await open();
    const { page } = s;
    const lines0 = s.host.file.workbook().lines.length;
    const before = s.host.file.snapshot();
    await openImport(page, '明细');
    await choose(page, badLinesCsv(s.dir));
    const alert = dialog(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('没有导入任何内容：有错的明细.csv 有 4 处问题');
    const rows = alert.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(table.map((r) => r.slice(0, 2))).toEqual([
      ['3', '资金来源'],
      ['4', '金额（元）'],
      ['6', '功能分类科目编码'],
      ['7', '项目名称'],
    ]);
    expect(table[0][2]).toBe('资金来源“自筹资金”无效');
    expect(table[0][3]).toMatch(/^应为：一般公共预算财政拨款、/);
    expect(table[1][2]).toBe('“一百元”不是金额');
    expect(table[1][3]).toContain('应为数字，如 1200486.48');
    expect(table[2][3]).toContain('请核对编码');
    await dialog(page).screenshot({ path: join(RESULTS, 'imports-bad-rows.png') });
    // nothing applied: neither the screen nor the file changed
    await expect.poll(() => linesShown(page)).toBe(`明细 ${lines0} 行`);
    const after = s.host.file.snapshot();
    expect(after.revision).toBe(before.revision);
    expect(after.workbook.lines).toEqual(before.workbook.lines);
    await closeImport(page);
  });

  it('a file with a whole column wrong lists all its rows, a page at a time', async () => {
    const s = await open();
    const { page } = s;
    const wrong = join(s.dir, '资金来源写错.csv');
    writeFileSync(wrong, [HEADER, ...Array.from({ length: 1_200 }, (_, i) => `${UNIT},2080505,30108,基本支出,财政拨款,,${i + 1}.00,`)].join('\n'));
    const revision = s.host.file.snapshot().revision;
    await openImport(page, '明细');
    await choose(page, wrong);
    const alert = dialog(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('有 1200 处问题');
    await expect.poll(() => alert.locator('tbody tr').count()).toBe(500);
    await alert.getByRole('button', { name: '已列出 500 处，共 1,200 处：再显示 700 处' }).click();
    await expect.poll(() => alert.locator('tbody tr').count()).toBe(1_200);
    expect(await alert.locator('tbody tr').last().locator('td').first().textContent()).toBe('1201');
    expect(await alert.getByRole('button', { name: /再显示/ }).count()).toBe(0);
    expect(s.host.file.snapshot().revision).toBe(revision);
    await closeImport(page);
  });

  it('imports last year’s publication as the baseline: the 上年 figures and the text follow', async () => {
    const s = await open();
    const { page } = s;
    const wb = s.host.file.workbook();
    const total = wb.lines.reduce((sum, l) => sum + l.amount, 0);
    const previousTotal = sampleWorkbook().lines.reduce((sum, l) => sum + l.amount, 0) + 10_000_000;
    await page.getByRole('tab', { name: /^变动分析/ }).click();
    const totalRow = page.locator('.yoy tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^\s*收支总计\s*$/ }) });
    const previousCell = totalRow.locator('td').nth(2);
    const changeCell = totalRow.locator('td').nth(3);
    const before = await previousCell.textContent();
    const changeBefore = await changeCell.textContent();
    expect(before).not.toBe(formatWan(previousTotal));

    await openImport(page, '上年公开表');
    await choose(page, await baselineXlsx(s.dir));
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toMatch(/已从 2023年部门预算公开表\.xlsx 导入 2023 年上年基数 \d+ 项，取代原来的上年基数/);
    await screenshot(page, 'imports-baseline');
    await closeImport(page);
    await expect.poll(() => previousCell.textContent()).toBe(formatWan(previousTotal));
    expect(s.host.file.workbook().baseline.figures.total).toBe(previousTotal);
    const change = (await changeCell.textContent())!;
    expect(change).toBe(`${total > previousTotal ? '增加' : '减少'} ${formatWan(Math.abs(total - previousTotal))}`);
    expect(change).not.toBe(changeBefore);

    // the text says the new change: 收支总计 …，比 2023 年预算增加 … 万元
    await page.getByRole('tab', { name: /^编制说明/ }).click();
    await expect.poll(() => page.locator('.narrative').textContent()).toContain(`比 2023 年预算${change} 万元`);

    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('.notice-toast').textContent()).toContain('已撤销：导入上年公开表');
    await page.getByRole('tab', { name: /^变动分析/ }).click();
    await expect.poll(() => previousCell.textContent()).toBe(before);
  });

  it('imports an official 科目表 edition: recorded in the workbook, the lines’ codes checked against it', async () => {
    const s = await open();
    const { page } = s;
    const using = s.host.file.workbook().lines.filter((l) => l.functionCode === '2080505').length;
    expect(using).toBeGreaterThan(0);
    await openImport(page, '科目表');
    const d = dialog(page);
    await d.getByLabel('科目分类').selectOption({ label: '功能分类' });
    await d.getByLabel('版本年度').fill('2024');
    await choose(page, catalogCsv(s.dir));
    await expect.poll(() => d.getByRole('status').textContent()).toContain(`已导入 2024 年功能分类科目表`);
    await expect.poll(() => d.getByRole('status').textContent()).toContain(`明细中有 ${using} 行的功能分类编码不在这份科目表中，已列入“审核”`);
    expect(s.host.file.workbook().catalogEditions?.function?.edition).toBe(2024);
    await screenshot(page, 'imports-catalog');
    await closeImport(page);
    await page.getByRole('tab', { name: /^审核/ }).click();
    await expect.poll(() => page.locator('.finding', { hasText: '2080505' }).count()).toBeGreaterThanOrEqual(using);

    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('.notice-toast').textContent()).toContain('已撤销：导入 2024 年功能分类科目表');
    expect(s.host.file.workbook().catalogEditions?.function).toBeUndefined();
  });
});

describe('导入 in Electron: main asks for the file with the open dialog, the screen is the same', () => {
  const open = sessionPerTest();

  /**
   * A fresh session whose page has Electron's preload bridge: main's dispatch of each call on the
   * open file (main/electron/ipc.ts), an open dialog that answers from `picks` (null: cancelled),
   * and `menu` sending a menu command as main does.
   */
  async function openInElectron() {
    const s = await open();
    const { page } = s;
    const picks: (string | null)[] = [];
    const target: CallTarget = {
      file: s.host.file,
      exportExcel: async () => ({ savedTo: null }),
      exportUnitFile: async () => ({ savedTo: null }),
      pickImportFile: async () => picks.shift() ?? null,
    };
    await page.exposeFunction('electronCall', async (name: unknown, args: unknown) => {
      try {
        return { ok: true, value: await dispatchCall(target, name, args) };
      } catch (e) {
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    });
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & { electronCall(name: string, args: unknown[]): Promise<{ ok: boolean; value?: unknown; message?: string }> };
      w.budget = {
        async call(name: string, ...args: unknown[]) {
          const reply = await w.electronCall(name, args);
          if (!reply.ok) throw new Error(reply.message);
          return reply.value;
        },
        onMenu(listener: unknown) {
          w.menuListener = listener;
          return () => {};
        },
      };
    });
    await page.reload();
    await page.locator('.ag-row').first().waitFor();
    const menu = (command: unknown) => page.evaluate((c) => (window as unknown as { menuListener(c: unknown): void }).menuListener(c), command);
    return { s, page, picks, menu };
  }

  it('文件 › 导入明细… opens the dialog; 选择文件… goes to main’s open dialog; cancelled, bad, then good', async () => {
    const { s, page, picks, menu } = await openInElectron();
    const good = join(s.dir, '明细.csv');
    writeFileSync(good, [HEADER, ...GOOD_ROWS].join('\r\n'));
    const bad = badLinesCsv(s.dir);
    const lines0 = s.host.file.workbook().lines.length;
    await menu({ command: 'import', kind: 'lines' });
    const d = dialog(page);
    await expect.poll(() => d.getByRole('radio', { name: '明细' }).isChecked()).toBe(true);
    expect(await d.getByLabel('选择要导入的文件').count()).toBe(0);
    const pick = d.getByRole('button', { name: '选择文件…' });

    picks.push(null);
    await pick.click();
    await expect.poll(() => picks.length).toBe(0);
    await expect.poll(() => pick.isEnabled()).toBe(true);
    expect(await d.getByRole('alert').count()).toBe(0);
    expect(await d.getByRole('status').count()).toBe(0);

    picks.push(bad);
    await pick.click();
    await expect.poll(() => d.getByRole('alert').textContent()).toContain('没有导入任何内容：有错的明细.csv 有 4 处问题');
    expect(s.host.file.workbook().lines).toHaveLength(lines0);

    picks.push(good);
    await pick.click();
    await expect.poll(() => d.getByRole('status').textContent()).toContain('已从 明细.csv 导入 2 条明细');
    await expect.poll(() => linesShown(page)).toBe(`明细 ${lines0 + 2} 行`);
    await closeImport(page);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('.notice-toast').textContent()).toContain('已撤销：导入 2 条明细');
    expect(s.host.file.workbook().lines).toHaveLength(lines0);
  });

  it('文件 › 导入科目表… opens the dialog on 科目表', async () => {
    const { page, menu } = await openInElectron();
    await menu({ command: 'import', kind: 'catalog' });
    await expect.poll(() => dialog(page).getByRole('radio', { name: '科目表' }).isChecked()).toBe(true);
    await expect.poll(() => dialog(page).getByLabel('版本年度').inputValue()).toBe('2024');
    await closeImport(page);
  });
});
