import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE, runBudget } from '../helpers/cli';
import { SEED_PUBLISHED } from './publications';

const SEED_CSV = join(REFERENCE, 'seed-2024-line-items.csv');

describe('budget check', () => {
  it('on the seed’s published tables lists the known errors and exits 1', () => {
    const run = runBudget(['check', SEED_PUBLISHED]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('审核 seed-2024-published-tables.json：错误 6 处，警告 0 处。');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(/^错误 \[T-NUMBER\] 表 3 第 8 行“212 城乡社区支出”“基本支出”列印为“6,34695\.92”/);
    expect(lines[6]).toMatch(/^错误 \[T-PARENT-SUM\] 表 8 第 10 行“302 商品和服务支出”“合计”列为 745,280\.54，但其下各款合计为 725,280\.54/);
    expect(lines[7]).toMatch(/^  连带 \[T-PARENT-SUM\] 表 8 第 10 行“302 商品和服务支出”“公用经费”列为 745,280\.54/);
  });

  it('with --json prints the findings with their places', () => {
    const run = runBudget(['check', SEED_PUBLISHED, '--json']);
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.errors).toBe(6);
    expect(out.warnings).toBe(0);
    expect(out.findings[5]).toMatchObject({
      id: 'T-PARENT-SUM|表8|302 商品和服务支出|合计',
      rule: 'T-PARENT-SUM',
      severity: '错误',
      table: 8,
      row: 9,
      rowLabel: '302 商品和服务支出',
      column: '合计',
      place: { table: 8, row: 9, column: '合计' },
      consequences: [{ rule: 'T-PARENT-SUM', table: 8, row: 9, column: '公用经费', message: expect.stringContaining('“公用经费”列为 745,280.54') }],
    });
    const ids = out.findings.map((f: { id: string }) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[1]).toBe('T-NUMBER-STYLE|表3|212 城乡社区支出|项目支出');
  });

  it('on the seed line CSV finds nothing; on the sample only a warning; both exit 0', () => {
    const csv = runBudget(['check', SEED_CSV]);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe('审核 seed-2024-line-items.csv：未发现问题。\n');
    const sample = runBudget(['check', '--sample', '--json']);
    expect(sample.status).toBe(0);
    expect(JSON.parse(sample.stdout)).toEqual({
      input: '内置样例',
      errors: 0,
      warnings: 1,
      findings: [
        {
          id: 'P-CALC|项目:城管通服务费',
          rule: 'P-CALC',
          severity: '警告',
          message: '项目“城管通服务费”的测算（43*128*12+3250*12）为 105,048.00 元，未达到预算 152,500.00 元，差 47,452.00 元；请补全测算依据或调整预算',
          place: { project: '城管通服务费' },
          consequences: [],
        },
      ],
    });
  });

  it('on a workbook file checks its lines and tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-check-'));
    const file = join(dir, '样例.budget');
    expect(runBudget(['new', file, '--sample']).status).toBe(0);
    const run = runBudget(['check', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('审核 样例.budget：错误 0 处，警告 1 处。\n警告 [P-CALC] 项目“城管通服务费”的测算（43*128*12+3250*12）为 105,048.00 元，未达到预算 152,500.00 元，差 47,452.00 元；请补全测算依据或调整预算\n');
  });

  it('on lines with an error exits 1; with only warnings exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-check-'));
    const text = readFileSync(SEED_CSV, 'utf8').trimEnd().split('\n');
    const duplicated = join(dir, '重复.csv');
    writeFileSync(duplicated, [...text, text[1]].join('\n') + '\n');
    const warn = runBudget(['check', duplicated]);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toContain('错误 0 处，警告 1 处');
    expect(warn.stdout).toContain('警告 [L-DUPLICATE] 明细 #31');
    const negative = join(dir, '负数.csv');
    writeFileSync(negative, [...text, text[1].replace(/,800324\.32/, ',-5.00')].join('\n') + '\n');
    const err = runBudget(['check', negative]);
    expect(err.status).toBe(1);
    expect(err.stdout).toContain('错误 [L-NEGATIVE] 明细 #31');
  });

  it('on bad input exits 2 with a Chinese message naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-check-'));
    const broken = join(dir, '公开表.json');
    writeFileSync(broken, '{"tables": [');
    const run = runBudget(['check', broken]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^错误：公开表文件 公开表\.json 不是有效的 JSON/);
    const wrongShape = join(dir, '表.json');
    writeFileSync(wrongShape, JSON.stringify({ tables: [{ title: '2024 年部门收入预算总表', columns: ['类'], rows: [[208]] }] }));
    const shape = runBudget(['check', wrongShape]);
    expect(shape.status).toBe(2);
    expect(shape.stderr).toContain('公开表文件 表.json 不是公开表 JSON：第 1 张表的行 rows（第 1 行第 1 格）不符合要求');
    const missing = runBudget(['check', join(dir, '没有.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('没有.json');
    expect(missing.stderr).toContain('文件不存在');
    const option = runBudget(['check', SEED_PUBLISHED, '--jsn']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('参数有误');
  });
});
