import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, lookupCode } from '../../shared/core/catalog/catalog';
import { checkCatalogStructure, importCatalogEdition, importCatalogEditionCsv, withEdition } from '../../shared/core/catalog/edition';
import { readLineTable } from '../../shared/core/lineTable';

const EDITION_2026 = ['code,name', '208,社会保障和就业支出', '20805,行政事业单位养老支出', '2080505,机关事业单位基本养老保险缴费支出', '2080599,其他行政事业单位养老支出', '299,新设类', '29901,新设款', '2990101,新设项', ''].join('\r\n');

function problemsOf(result: ReturnType<typeof importCatalogEdition>) {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.problems;
}

describe('importing an official edition', () => {
  it('reads a code,name CSV, keeps the edition year and labels every row 导入:<year>', () => {
    const result = importCatalogEditionCsv('function', EDITION_2026, 2026);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { catalog } = result;
    expect(catalog.kind).toBe('function');
    expect(catalog.edition).toBe(2026);
    expect([...catalog.entries.keys()]).toEqual(['208', '20805', '2080505', '2080599', '299', '29901', '2990101']);
    expect(catalog.entries.get('2990101')).toEqual({ code: '2990101', name: '新设项', source: '导入:2026' });
    expect(new Set([...catalog.entries.values()].map((e) => e.source))).toEqual(new Set(['导入:2026']));
  });

  it('replaces the built-in catalog of its kind entirely, and leaves the other kind alone', () => {
    const result = importCatalogEditionCsv('function', EDITION_2026, 2026);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const catalogs = withEdition(BUILTIN_CATALOGS, result.catalog);
    expect(catalogs.function).toBe(result.catalog);
    expect(catalogs.economic).toBe(BUILTIN_CATALOGS.economic);
    // In the built-in catalog, not in the edition: unknown now.
    expect(lookupCode(BUILTIN_CATALOGS.function, '2120199').status).toBe('ok');
    expect(lookupCode(catalogs.function, '2120199')).toEqual({ status: 'unknown' });
    expect(lookupCode(catalogs.function, '2990101')).toEqual({ status: 'ok', name: '新设项' });
    // The built-in catalog itself is untouched.
    expect(BUILTIN_CATALOGS.function.edition).toBeUndefined();
    expect(BUILTIN_CATALOGS.function.entries.has('2990101')).toBe(false);
  });

  it('is what line import checks codes against once it is in place', () => {
    const result = importCatalogEditionCsv('function', EDITION_2026, 2026);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const catalogs = withEdition(BUILTIN_CATALOGS, result.catalog);
    const header = ['单位名称', '功能分类科目编码', '经济分类科目编码', '支出类型', '资金来源', '项目名称', '金额（元）'];
    const line = (code: string) => ['本级', code, '30201', '基本支出', '一般公共预算财政拨款', '日常办公', '100'];
    const read = readLineTable([header, line('2990101'), line('2120199')], catalogs);
    expect(read.errors.map((e) => e.row)).toEqual([3]);
    expect(read.errors[0].message).toContain('2120199');
  });

  it('reads worksheet rows with 科目编码/科目名称 headers in any column order, after blank rows', () => {
    const rows = [
      ['', ''],
      ['科目名称', '科目编码'],
      ['工资福利支出', '301'],
      ['  基本工资 ', ' 30101'],
      ['', ''],
      ['津贴补贴', '30102'],
    ];
    const result = importCatalogEdition('economic', rows, 2025);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.catalog.edition).toBe(2025);
    expect([...result.catalog.entries.values()].map((e) => `${e.code} ${e.name}`)).toEqual(['301 工资福利支出', '30101 基本工资', '30102 津贴补贴']);
  });

  it('refuses bad rows, naming each row: malformed code, empty name, duplicate, missing 款 or 类', () => {
    const text = [
      'code,name',
      '201,一般公共服务支出',
      '20101,人大事务',
      '2010101,行政运行',
      '201010,六位编码',
      '2010102,',
      '2010101,行政运行（重复）',
      '2030601,兵役征集',
      '5010101,政府预算经济分类',
    ].join('\n');
    const problems = problemsOf(importCatalogEditionCsv('function', text, 2025));
    expect(problems.map((p) => p.row)).toEqual([5, 6, 7, 8, 8, 9]);
    expect(problems[0].message).toBe('第 5 行：编码“201010”不是功能分类编码（应为 2 开头的 3 / 5 / 7 位数字），请改正或删除该行');
    expect(problems[1].message).toBe('第 6 行：编码 2010102 缺少科目名称，请补上名称');
    expect(problems[2].message).toBe('第 7 行：编码 2010101 与第 4 行重复，请删除其中一行');
    expect(problems[3].message).toBe('第 8 行：项 2030601 的上级类 203 不在表中，请补上该类');
    expect(problems[4].message).toBe('第 8 行：项 2030601 的上级款 20306 不在表中，请补上该款');
    expect(problems[5].message).toContain('第 9 行：编码“5010101”');
  });

  it('refuses a file without the code and name headers', () => {
    const problems = problemsOf(importCatalogEditionCsv('economic', '编号,说明\n301,工资福利支出\n', 2025));
    expect(problems).toEqual([{ row: 1, message: '第 1 行：经济分类科目表缺少表头，应有“科目编码”和“科目名称”两列（或 code,name）' }]);
  });

  it('refuses a file with no rows after the header, and an edition year that is not a year', () => {
    expect(problemsOf(importCatalogEditionCsv('economic', 'code,name\n', 2025))[0].message).toContain('没有任何科目行');
    expect(problemsOf(importCatalogEditionCsv('economic', 'code,name\n301,工资福利支出\n', 25))).toEqual([{ message: '经济分类科目表的版本年度“25”无效：请填写 2007 年以后的四位年份，如 2025' }]);
  });

  it('refuses economic codes of the 政府预算 classification (5xx) and 项-length codes', () => {
    const problems = problemsOf(importCatalogEditionCsv('economic', 'code,name\n501,机关工资福利支出\n3010101,七位\n', 2025));
    expect(problems.map((p) => p.row)).toEqual([2, 3]);
    expect(problems[0].message).toContain('应为 3 开头的 3 / 5 位数字');
  });
});

describe('checkCatalogStructure', () => {
  it('finds nothing wrong in a complete tree', () => {
    expect(checkCatalogStructure('economic', [{ code: '301', row: 2 }, { code: '30101', row: 3 }])).toEqual([]);
  });
  it('reports a 款 without its 类 and a repeated code, in row order', () => {
    const problems = checkCatalogStructure('economic', [
      { code: '30201', row: 2 },
      { code: '301', row: 3 },
      { code: '301', row: 4 },
    ]);
    expect(problems.map((p) => p.message)).toEqual(['第 2 行：款 30201 的上级类 302 不在表中，请补上该类', '第 4 行：编码 301 与第 3 行重复，请删除其中一行']);
  });
});

describe('a real code list as an edition', () => {
  it('takes the kit function list (a code,name CSV printed from publications) as it is', () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/catalog/function-classification.csv'), 'utf8');
    const result = importCatalogEditionCsv('function', text, 2024);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.catalog.entries.size).toBe(95);
    expect(result.catalog.entries.get('2080505')).toEqual({ code: '2080505', name: '机关事业单位基本养老保险缴费支出', source: '导入:2024' });
  });
});
