import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, buildCatalog } from '../../shared/core/catalog/catalog';
import { CHECK_RULES, checkLines, checkWorkbook } from '../../shared/core/checks/index';
import type { LineItem } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';

const sample = () => sampleWorkbook().lines;
const rulesOf = (lines: LineItem[]) => checkLines(lines).map((f) => [f.rule, f.place.lineId]);

describe('line rules', () => {
  it('the sample lines pass every line rule', () => {
    expect(checkLines(sample())).toEqual([]);
  });

  it('L-CODE: a code that is not a leaf, not in the catalog without a name, or malformed is an error', () => {
    const lines = sample();
    lines[0] = { ...lines[0], functionCode: '20805' };
    lines[1] = { ...lines[1], functionCode: '2089899' };
    lines[2] = { ...lines[2], economicCode: '301x0' };
    const findings = checkLines(lines);
    expect(findings.map((f) => [f.rule, f.severity, f.place.lineId, f.place.column])).toEqual([
      ['L-CODE', '错误', 1, '功能分类科目编码'],
      ['L-CODE', '错误', 2, '功能分类科目编码'],
      ['L-CODE', '错误', 3, '经济分类科目编码'],
    ]);
    expect(findings[0].message).toContain('功能分类编码 20805（行政事业单位养老支出）不是末级科目，请填到项（7 位）');
    expect(findings[1].message).toContain('不在科目表中');
  });

  it('L-CODE-NAMED: an unknown code that carries its name is a warning; a catalog that knows it, nothing', () => {
    const lines = sample();
    lines[0] = { ...lines[0], functionCode: '2089899', functionName: '其他社会保障支出（试点）' };
    const findings = checkLines(lines);
    expect(findings.map((f) => [f.rule, f.severity, f.place.lineId])).toEqual([['L-CODE-NAMED', '警告', 1]]);
    expect(findings[0].message).toContain('“其他社会保障支出（试点）”');
    expect(checkWorkbook({ ...sampleWorkbook(), lines, projects: [] }).map((f) => f.rule).filter((r) => r.startsWith('L-'))).toEqual(['L-CODE-NAMED']);
    const entries = [...BUILTIN_CATALOGS.function.entries.values(), { code: '2089899', name: '其他社会保障支出（试点）', source: '导入:2025' }];
    expect(checkLines(lines, { ...BUILTIN_CATALOGS, function: buildCatalog('function', entries, 2025) })).toEqual([]);
  });

  it('L-NEGATIVE: a negative amount is an error; zero is not', () => {
    const lines = sample();
    lines[5] = { ...lines[5], amount: -12_345 };
    lines[6] = { ...lines[6], amount: 0 };
    const findings = checkLines(lines);
    expect(rulesOf(lines)).toEqual([['L-NEGATIVE', 6]]);
    expect(findings[0].message).toContain('金额为 -123.45');
  });

  it('L-PROJECT: 项目支出 without a project name is an error; 基本支出 needs none', () => {
    const lines = sample();
    const project = lines.findIndex((l) => l.kind === '项目支出');
    lines[project] = { ...lines[project], project: '  ' };
    expect(rulesOf(lines)).toEqual([['L-PROJECT', lines[project].id]]);
    expect(lines.filter((l) => l.kind === '基本支出').every((l) => l.project === '')).toBe(true);
  });

  it('L-DUPLICATE: the same unit, codes, kind, source and project twice is a warning; another project is not', () => {
    const lines = sample();
    const twin = { ...lines[28], id: 99 };
    const other = { ...lines[28], id: 100, project: '城管通二期' };
    const findings = checkLines([...lines, twin, other]);
    expect(findings.map((f) => [f.rule, f.severity, f.place.lineId])).toEqual([['L-DUPLICATE', '警告', 99]]);
    expect(findings[0].message).toContain(`与明细 #${lines[28].id} `);
  });

  it('every rule is listed with a Chinese description and a severity', () => {
    const ids = CHECK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CHECK_RULES) {
      expect(['错误', '警告']).toContain(r.severity);
      expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
