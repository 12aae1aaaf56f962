import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { REFERENCE, runBudget } from '../helpers/cli';
import { useTempDir } from './tempDir';

const SEED_CSV = join(REFERENCE, 'seed-2024-line-items.csv');
const expectedTables = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-tables.json'), 'utf8'));
const DEPARTMENT = '上海市宝山区城市运行管理中心';
const hash = (path: string) => createHash('sha1').update(readFileSync(path)).digest('hex');

describe('the workbook file from the command line', () => {
  const temp = useTempDir();

  it('new, import-lines, derive: the seed lines imported into a new file give the published tables; one undo removes them', () => {
    const path = join(temp(), '2024年预算.budget');
    const created = runBudget(['new', path, '--department', DEPARTMENT, '--year', '2024']);
    expect(created).toMatchObject({ status: 0, stderr: '' });
    expect(created.stdout).toBe(`已新建工作簿 ${path}：${DEPARTMENT} 2024 年，明细 0 条\n`);

    const imported = runBudget(['import-lines', path, SEED_CSV]);
    expect(imported).toMatchObject({ status: 0, stdout: '已导入 30 条明细到 2024年预算.budget（修订 1，可整体撤销）\n' });

    const derived = runBudget(['derive', path]);
    expect(derived.stderr).toBe('');
    expect(JSON.parse(derived.stdout)).toEqual(expectedTables);

    const file = WorkbookFile.open(path);
    file.undo();
    expect(file.workbook().lines).toEqual([]);
    file.close();
  });

  it('import-lines reads the 明细 sheet of an exported .xlsx as well', () => {
    const dir = temp();
    const xlsx = join(dir, '样例.xlsx');
    expect(runBudget(['export', '--sample', '--out', xlsx]).status).toBe(0);
    const path = join(dir, '新.budget');
    expect(runBudget(['new', path, '--department', DEPARTMENT, '--year', '2024']).status).toBe(0);
    expect(runBudget(['import-lines', path, xlsx])).toMatchObject({ status: 0, stdout: '已导入 30 条明细到 新.budget（修订 1，可整体撤销）\n' });
    expect(JSON.parse(runBudget(['derive', path]).stdout)).toEqual(expectedTables);
  });

  it('import-lines imports nothing from a file with a bad row, and leaves the workbook file as it was', () => {
    const path = join(temp(), 'a.budget');
    expect(runBudget(['new', path, '--sample']).status).toBe(0);
    const bad = join(temp(), 'bad.csv');
    const rows = readFileSync(SEED_CSV, 'utf8').trimEnd().split(/\r?\n/);
    rows[5] = rows[5].replace(/,[\d.]+$/, ',12.345');
    writeFileSync(bad, rows.join('\n'));
    const before = hash(path);
    const run = runBudget(['import-lines', path, bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('错误：明细文件 bad.csv 有 1 处错误，未导入任何数据：\nbad.csv 第 6 行“金额（元）”列：“12.345”精确到分以下');
    expect(hash(path)).toBe(before);
  });

  it('new refuses an existing file without --force, and a name without .budget', () => {
    const path = join(temp(), 'a.budget');
    expect(runBudget(['new', path, '--sample']).status).toBe(0);
    const before = hash(path);
    const again = runBudget(['new', path, '--department', '甲局', '--year', '2025']);
    expect(again).toMatchObject({ status: 2, stderr: '错误：a.budget 已存在，未覆盖。要覆盖它请加 --force，或换一个文件名。\n' });
    expect(hash(path)).toBe(before);
    expect(runBudget(['new', path, '--department', '甲局', '--year', '2025', '--force']).status).toBe(0);
    const file = WorkbookFile.open(path);
    expect(file.workbook()).toMatchObject({ department: '甲局', year: 2025, lines: [] });
    file.close();
    const txt = runBudget(['new', join(temp(), 'a.txt'), '--department', '甲局', '--year', '2025']);
    expect(txt).toMatchObject({ status: 2, stderr: '错误：新工作簿的文件名应以 .budget 结尾，而不是“a.txt”\n' });
  });

  it('versions marks and lists; diff compares a version with now and two versions', () => {
    const path = join(temp(), 'a.budget');
    expect(runBudget(['new', path, '--department', DEPARTMENT, '--year', '2024']).status).toBe(0);
    expect(runBudget(['versions', path]).stdout).toBe('a.budget 还没有标记过版本。用 --mark 名称 标记当前内容。\n');
    expect(runBudget(['versions', path, '--mark', '空白稿']).stdout).toMatch(/^已标记版本 1「空白稿」（.+）\n$/);
    expect(runBudget(['import-lines', path, SEED_CSV]).status).toBe(0);
    expect(runBudget(['versions', path, '--mark', '报送稿 2024-11-20']).status).toBe(0);
    const list = runBudget(['versions', path, '--json']);
    expect(JSON.parse(list.stdout).map((v: { id: number; label: string }) => [v.id, v.label])).toEqual([
      [1, '空白稿'],
      [2, '报送稿 2024-11-20'],
    ]);

    const text = runBudget(['diff', path, '空白稿', '2']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^比较：版本 1「空白稿」（.+） → 版本 2「报送稿 2024-11-20」（.+）\n明细：新增 30 条，删除 0 条，修改 0 条\n/);
    expect(text.stdout).toContain('  新增 #1 上海市宝山区城市运行管理中心｜');
    expect(text.stdout).toContain('  表1 2024 年部门财务收支预算总表｜收入总计｜本年收入.预算数：0.00 元 → 8,759,561.13 元');
    expect(text.stdout).toContain('  表9 2024 年部门“三公”经费和机关运行经费预算表｜—｜合计：0.00 万元 → 2.99 万元');
    expect(text.stdout).toMatch(/编制说明：\d+ 段有变化/);

    const now = runBudget(['diff', path, '报送稿 2024-11-20', '--json']);
    expect(JSON.parse(now.stdout)).toMatchObject({ from: { id: 2 }, to: null, diff: { added: [], removed: [], changed: [], figures: [], narrative: [] } });
    expect(runBudget(['diff', path, '报送稿 2024-11-20']).stdout).toContain('明细：新增 0 条，删除 0 条，修改 0 条\n九张表：0 个数字有变化\n编制说明：0 段有变化\n');

    const unknown = runBudget(['diff', path, '终稿']);
    expect(unknown).toMatchObject({ status: 2, stderr: '错误：找不到版本“终稿”。已有版本：1「空白稿」、2「报送稿 2024-11-20」\n' });
  });

  it('roll-forward makes next year’s file whose tables are this year’s', () => {
    const from = join(temp(), '2024.budget');
    const to = join(temp(), '2025.budget');
    expect(runBudget(['new', from, '--sample']).status).toBe(0);
    const run = runBudget(['roll-forward', from, to]);
    expect(run).toMatchObject({ status: 0, stdout: '已生成 2025 年工作簿 2025.budget：明细 30 条，上年基数为 2024 年预算明细\n' });
    const next = JSON.parse(runBudget(['derive', to]).stdout);
    expect(next.year).toBe(2025);
    const withoutYear = (text: string | undefined) => text?.replace(/\d{4} 年/, 'YYYY 年');
    const withoutTitles = (p: { tables: { title: string; note?: string }[] }) => p.tables.map((t) => ({ ...t, title: withoutYear(t.title), note: withoutYear(t.note) }));
    expect(withoutTitles(next)).toEqual(withoutTitles(expectedTables));
    expect(runBudget(['roll-forward', from, to])).toMatchObject({ status: 2, stderr: '错误：2025.budget 已存在，未覆盖。要覆盖它请加 --force，或换一个文件名。\n' });
  });

  it('derive refuses a file that is not a workbook, with the reason', () => {
    const path = join(temp(), 'x.budget');
    writeFileSync(path, 'hello');
    expect(runBudget(['derive', path])).toMatchObject({ status: 2, stderr: '错误：x.budget 不是预算工作簿文件（文件内容不是工作簿格式）。请选择由预算编制工作台保存的 .budget 文件。文件未作任何改动。\n' });
  });

  it('derive refuses a workbook with a damaged header byte as a user error (exit 2), in Chinese, the file unchanged', () => {
    const path = join(temp(), 'a.budget');
    WorkbookFile.create(path, { department: '甲局', year: 2025 }).close();
    const original = readFileSync(path);
    // The page size, the schema format (SQLite: "unsupported file format") and the text encoding.
    for (const at of [16, 47, 59]) {
      const flipped = Buffer.from(original);
      flipped[at] ^= 0x40;
      writeFileSync(path, flipped);
      const run = runBudget(['derive', path]);
      expect(run).toMatchObject({ status: 2, stderr: '错误：a.budget 已损坏，无法打开（文件头已损坏）。请改用备份或之前发出的副本。文件未作任何改动。\n' });
      expect(readFileSync(path).equals(flipped)).toBe(true);
    }
  });
});
