import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../shared/core/model';
import { Consolidation } from '../../shared/core/units/consolidate';
import { figures } from '../../shared/core/versionDiff';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import type { TableModel } from '../../shared/core/tables/tableModel';
import { WorkbookFile } from '../../main/workbook/file';
import { consolidateFiles } from '../../main/units/consolidateFiles';
import { runBudget } from '../helpers/cli';
import { workbookArb } from '../helpers/randomWorkbooks';
import { generateWorkbook } from '../bench/generate';
import { runs } from '../helpers/runs';
import { useTempDir } from '../workbook/tempDir';
import { departmentWorkbook, fingerprint, split } from './departments';

/** A district's department: the bench generator's, under its own name. */
export function districtDepartment(i: number, lines = 600): Workbook {
  return { ...generateWorkbook(lines, 1000 + i), department: `区属部门${String(i).padStart(3, '0')}` };
}

/** Every amount of the tables by table, row (its code when it has one) and column. */
function amounts(tables: readonly TableModel[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [, f] of figures(tables)) {
    const row = /^\d/.test(f.row) ? f.row.split(' ')[0] : f.row;
    const key = `${f.table.id}|${row}|${f.column}`;
    out.set(key, (out.get(key) ?? 0) + f.fen);
  }
  return out;
}

describe('consolidate: a finance bureau adds many departments', () => {
  const temp = useTempDir();

  it('on a generated district with a broken file and a department with errors, names exactly those; every file unchanged', async () => {
    const dir = temp();
    const paths: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const wb = districtDepartment(i);
      if (i === 3) wb.lines[10] = { ...wb.lines[10], amount: -500 };
      const path = join(dir, `d${i}.budget`);
      WorkbookFile.create(path, wb).close();
      paths.push(path);
    }
    const broken = join(dir, 'broken.budget');
    copyFileSync(paths[0], broken);
    writeFileSync(broken, readFileSync(broken).subarray(0, 3000));
    paths.splice(2, 0, broken);
    const prints = paths.map(fingerprint);
    const out = join(dir, '汇总.xlsx');

    const r = runBudget(['consolidate', ...paths, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(['[1/6] d1.budget', '[2/6] d2.budget', '[3/6] broken.budget', '[4/6] d3.budget', '[5/6] d4.budget', '[6/6] d5.budget']);
    const said = r.stdout.split('\n').filter((l) => l.startsWith('未就绪') || l.startsWith('未读取'));
    expect(said).toEqual([expect.stringMatching(/^未就绪：d3\.budget（区属部门003）：审核有 1 个错误$/), '未读取：broken.budget：broken.budget 已损坏，无法读取（内容不完整或被改动，可能在复制或传输中损坏）。请改用备份或之前发出的副本。']);
    expect(paths.map(fingerprint)).toEqual(prints);
    const json = runBudget(['consolidate', ...paths, '--json']);
    const report = JSON.parse(json.stdout) as { departments: { file: string }[]; notReady: string[]; failures: { file: string }[] };
    expect([report.notReady, report.failures.map((f) => f.file), report.departments.map((d) => d.file)]).toEqual([['d3.budget'], ['broken.budget'], ['d1.budget', 'd2.budget', 'd3.budget', 'd4.budget', 'd5.budget']]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const notReady = book.getWorksheet('未就绪与未读取')!;
    const rows = notReady.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1, 3).join('|'));
    expect(rows).toEqual([
      '公开文本尚未就绪的部门（审核错误、变动未写原因、缺少绩效目标）',
      '文件|部门',
      'd3.budget|区属部门003',
      '未能读取、未汇总的文件',
      'broken.budget|',
    ]);
    expect(book.worksheets.map((s) => s.name)).toEqual(['各部门情况', '未就绪与未读取', '1 财务收支预算总表', '2 收入预算总表', '3 支出预算总表', '4 财政拨款收支预算总表', '5 一般公共预算支出功能分类预算表', '6 政府性基金预算支出功能分类预算表', '7 国有资本经营预算支出功能分类预算表', '8 一般公共预算基本支出部门预算经济分类预算表', '9 “三公”经费和机关运行经费预算表', '各部门审核结果']);
    const summary = book.getWorksheet('各部门情况')!;
    expect(summary.getColumn(1).values.slice(3)).toEqual(['d1.budget', 'd2.budget', 'd3.budget', 'd4.budget', 'd5.budget']);
  });

  it('the 汇总 tables equal the sum of the departments’ tables (property; the seed is the suite’s fixed one)', () => {
    fc.assert(
      fc.property(fc.array(workbookArb(false, 40), { minLength: 1, maxLength: 5 }), (departments) => {
        const c = new Consolidation();
        departments.forEach((wb, i) => c.add(`d${i}.budget`, { ...wb, department: `部门${i}` }));
        const expected = new Map<string, number>();
        for (const wb of departments) for (const [k, v] of amounts(deriveWorkbookTables(wb))) expected.set(k, (expected.get(k) ?? 0) + v);
        const got = amounts(c.tables('汇总'));
        for (const key of new Set([...expected.keys(), ...got.keys()])) expect([key, got.get(key) ?? 0]).toEqual([key, expected.get(key) ?? 0]);
      }),
      { numRuns: runs(60) },
    );
  });

  it('a department open in a window, and a unit’s workbook, are reported and skipped, the others added', () => {
    const dir = temp();
    const paths = [1, 2].map((i) => {
      const path = join(dir, `d${i}.budget`);
      WorkbookFile.create(path, districtDepartment(i, 100)).close();
      return path;
    });
    paths.push(split(paths[1], '本级', join(dir, 'unit.budget')));
    const held = WorkbookFile.open(paths[0]);
    try {
      const progress: string[] = [];
      const c = consolidateFiles(paths, (done, total, file) => progress.push(`${done}/${total} ${file}`));
      expect(progress).toEqual(['1/3 d1.budget', '2/3 d2.budget', '3/3 unit.budget']);
      expect(c.failures).toEqual([
        { file: 'd1.budget', message: 'd1.budget 正在别处打开（另一个窗口或程序正在使用它），请先在那里关闭。' },
        { file: 'unit.budget', message: 'unit.budget 是单位“本级”的工作簿，不是部门工作簿，未汇总。' },
      ]);
      expect(c.reports.map((r) => r.department)).toEqual(['区属部门002']);
      expect(held.workbook().department).toBe('区属部门001');
    } finally {
      held.close();
    }
  });

  it('not ready: errors, a change of 10% or more with no reason, a project record without 绩效目标; ready once they are mended', () => {
    const wb = districtDepartment(4, 200);
    const total = wb.lines.reduce((s, l) => s + l.amount, 0);
    const none = { total: 0, fiscal: 0, other: 0, currentYearFiscal: 0, carriedOver: 0, otherAnnual: 0 };
    const project = { ...departmentWorkbook().projects[0], funds: none, goals: { overall: '', annual: '' }, indicators: [] };
    const late = { ...wb, baseline: { year: 2024, figures: { total: Math.round(total / 2) } }, projects: [project] };
    const c = new Consolidation();
    const report = c.add('late.budget', late)!;
    expect(report.notReady).toEqual({ errors: 0, unexplained: ['收支总计'], missingTargets: [project.name] });
    expect(report.headline).toMatchObject({ income: total, expenditure: total, previousTotal: Math.round(total / 2), change: total - Math.round(total / 2) });
    const mended = { ...late, texts: { ...late.texts, reasons: { total: '新增城管执法任务' } }, projects: [{ ...project, goals: { overall: '完成年度任务', annual: '完成年度任务' } }] };
    expect(c.add('mended.budget', mended)!.notReady).toBeNull();
    expect(c.notReady().map((r) => r.file)).toEqual(['late.budget']);
  });

  it('a department of another year is reported and not added', () => {
    const c = new Consolidation();
    c.add('a.budget', districtDepartment(1, 50));
    expect(c.add('b.budget', { ...districtDepartment(2, 50), year: 2026 })).toBeNull();
    expect(c.failures).toEqual([{ file: 'b.budget', message: '区属部门002 是 2026 年的预算，汇总的是 2025 年，未汇总。' }]);
    expect(c.reports.map((r) => r.file)).toEqual(['a.budget']);
  });
});
