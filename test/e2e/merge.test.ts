import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchWebHost } from '../../main/web/launch';
import { readUnitFile } from '../../main/units/unitFiles';
import { WorkbookFile } from '../../main/workbook/file';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { ROOT } from '../helpers/cli';
import { split, withFile } from '../units/departments';
import { screenshot, sessionPerTest, tab, watchPage } from './browser';

const MAIN = '上海市宝山区城市运行管理中心';
const TEAM = '宝山区城管执法大队';
const STATION = '宝山区市容环境监测站';

/** The sample department with its lines shared among three units. */
function department(): Workbook {
  const wb = sampleWorkbook();
  const units = [MAIN, TEAM, STATION];
  return {
    ...wb,
    units: units.map((name, i) => ({ name, type: i === 0 ? '参照公务员法管理的事业单位' : '事业单位' })),
    lines: wb.lines.map((l, i) => (l.kind === '项目支出' ? l : { ...l, unit: units[i % 3] })),
  };
}

describe('merging units’ workbooks from the screen, with the preview', () => {
  let before: Workbook;
  let teamPath: string;
  let stationPath: string;
  let conflictId: number;

  /** The department's file in `dir`, and beside it the two units' files, each changed by its accountant. */
  function departmentAndUnits(dir: string): string {
    const deptPath = join(dir, '部门.budget');
    WorkbookFile.create(deptPath, department()).close();
    teamPath = split(deptPath, TEAM, join(dir, `${TEAM}.budget`));
    stationPath = split(deptPath, STATION, join(dir, `${STATION}.budget`));
    // the team's accountant raises a line and adds one; the station changes a line the department changed too
    withFile(teamPath, (f) => {
      const [first] = f.workbook().lines;
      const { id: _id, ...fields } = first;
      f.edit({ op: 'updateLines', changes: [{ id: first.id, set: { amount: first.amount + 1_000_000 } }] });
      f.edit({ op: 'insertLines', lines: [{ ...fields, economicCode: '30211', amount: 3_600_000, basis: '差旅费 36,000 元' }] });
    });
    withFile(stationPath, (f) => {
      const [first] = f.workbook().lines;
      conflictId = first.id;
      f.edit({ op: 'updateLines', changes: [{ id: first.id, set: { amount: 7_777_700 } }] });
    });
    withFile(deptPath, (f) => f.edit({ op: 'updateLines', changes: [{ id: conflictId, set: { amount: 5_555_500 } }] }));
    before = withFile(deptPath, (f) => f.workbook());
    return deptPath;
  }

  const openSession = sessionPerTest({ viewport: { width: 1440, height: 1000 }, file: departmentAndUnits });
  /** The department's workbook on the screen, at 导出. */
  async function open() {
    const s = await openSession();
    await tab(s.page, '导出');
    return s;
  }

  it('导出单位工作簿 downloads a unit file of the chosen unit', async () => {
    const { page, dir } = await open();
    const panel = page.getByRole('region', { name: '导出单位工作簿' });
    await panel.getByRole('combobox').selectOption(TEAM);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '导出单位工作簿' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${TEAM}${before.year}年单位工作簿.budget`);
    const saved = join(dir, 'downloaded.budget');
    await file.saveAs(saved);
    const unit = readUnitFile(saved);
    expect(unit.frame?.unit).toBe(TEAM);
    expect(unit.workbook.lines.map((l) => l.id)).toEqual(before.lines.filter((l) => l.unit === TEAM).map((l) => l.id));
  });

  it('导出部门和各单位的公开表 writes one file per unit with progress', async () => {
    const { page } = await open();
    const names: string[] = [];
    const onDownload = (d: { suggestedFilename(): string }) => names.push(d.suggestedFilename());
    page.on('download', onDownload);
    const panel = page.getByRole('region', { name: '各单位的公开表' });
    await panel.getByRole('button', { name: '导出部门和各单位的公开表' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('已导出 4 个文件（部门 1 个，单位 3 个）。');
    await expect.poll(() => names.length).toBe(4);
    page.off('download', onDownload);
    expect(names.sort()).toEqual([MAIN, TEAM, STATION].map((u) => `${u}${before.year}年${u === MAIN ? '部门' : '单位'}预算公开表.xlsx`).concat(`${MAIN}${before.year}年单位预算公开表.xlsx`).sort());
  });

  it('refuses a file that is not a unit’s workbook, saying why, and changes nothing', async () => {
    const { page, host, dir } = await open();
    const other = join(dir, '另一个部门.budget');
    WorkbookFile.create(other, { ...department(), department: '另一个部门' }).close();
    const panel = page.getByRole('region', { name: '合并单位工作簿' });
    await panel.getByLabel('选择单位工作簿').setInputFiles([other]);
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toBe('未合并：另一个部门.budget 不是单位工作簿（不是用“导出单位工作簿”或 budget split 从部门工作簿生成的），不能合并。');
    expect(host.file.workbook()).toEqual(before);
  });

  it('previews each unit’s change and its conflict, then merges as one undoable edit', async () => {
    const { page, host } = await open();
    const panel = page.getByRole('region', { name: '合并单位工作簿' });
    await panel.getByLabel('选择单位工作簿').setInputFiles([teamPath, stationPath]);
    const team = panel.getByRole('article', { name: `单位“${TEAM}”的变化` });
    const station = panel.getByRole('article', { name: `单位“${STATION}”的变化` });
    await expect.poll(() => team.locator('.diff > p').first().textContent()).toBe('合并后与现在相比：新增明细 1 行，删除 0 行，修改 1 行');
    expect(await team.locator('.diff-added').textContent()).toContain('30211');
    expect(await team.locator('.diff-changed').textContent()).toMatch(/金额（元） [\d,.]+ → [\d,.]+/);
    expect(await team.locator('table.yoy tbody tr').count()).toBeGreaterThan(3);
    expect(await station.locator('.diff > p').first().textContent()).toBe('合并后与现在相比（冲突处暂按部门的内容计）：新增明细 0 行，删除 0 行，修改 0 行');
    const conflict = station.getByRole('group', { name: `冲突：明细 #${conflictId}` });
    expect(await conflict.locator('.mine').textContent()).toContain('55,555.00 元');
    expect(await conflict.locator('.theirs').textContent()).toContain('77,777.00 元');
    const apply = panel.getByRole('button', { name: /还有 1 处冲突未决定|合并（可撤销）/ });
    expect(await apply.textContent()).toBe('还有 1 处冲突未决定');
    expect(await apply.isDisabled()).toBe(true);
    await conflict.getByLabel('采用单位的').check();
    await station.scrollIntoViewIfNeeded();
    await screenshot(page, 'merge-preview');
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(join(ROOT, 'test-results', 'merge-preview.png'), join(ROOT, 'docs', 'images', 'merge-preview.png'));
    }
    expect(await apply.textContent()).toBe('合并（可撤销）');
    expect(host.file.workbook()).toEqual(before);
    await apply.click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(`已合并 “${TEAM}”、“${STATION}”，作为一次修改（可撤销）。`);

    const merged = host.file.workbook();
    expect(merged.lines.find((l) => l.id === conflictId)!.amount).toBe(7_777_700);
    expect(merged.lines.length).toBe(before.lines.length + 1);
    expect(merged.lines.at(-1)).toMatchObject({ unit: TEAM, economicCode: '30211', amount: 3_600_000 });
    await expect.poll(() => page.locator('.status-saved').textContent()).toBe(`已保存（第 ${host.file.snapshot().revision} 次修改）`);

    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => host.file.workbook()).toEqual(before);
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(() => host.file.workbook()).toEqual(merged);
  });

  it('a unit’s workbook opened in the screen says whose it is and offers no export or merge of units', async () => {
    const { context } = await open();
    const unitHost = await launchWebHost({ path: teamPath });
    const unitPage = await context.newPage();
    watchPage(unitPage);
    try {
      await unitPage.goto(unitHost.host.url);
      await unitPage.locator('.ag-row').first().waitFor();
      await expect.poll(() => unitPage.locator('.unit-origin').textContent()).toBe(`单位工作簿：${TEAM}（部门工作簿第 0 次修改时导出）`);
      await unitPage.getByRole('tab', { name: '导出' }).click();
      expect(await unitPage.getByRole('region', { name: '单位工作簿' }).textContent()).toContain(`这是单位“${TEAM}”的工作簿`);
      expect(await unitPage.getByRole('region', { name: '合并单位工作簿' }).count()).toBe(0);
    } finally {
      await unitPage.close();
      await unitHost.close();
    }
  });
});
