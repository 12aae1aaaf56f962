import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../shared/core/templates/registry';
import { validateTemplate } from '../../shared/core/templates/validate';
import { editedTemplate, templateProblems } from './templateProblems';
import { shanghaiDistrict } from '../../shared/core/templates/data/shanghaiDistrict';
import { jiangsuProvince } from '../../shared/core/templates/data/jiangsuProvince';

/** The district template as a JSON file would give it, changed by `edit`. */
const edited = (edit: (t: any) => void) => editedTemplate(shanghaiDistrict, edit);
const problems = templateProblems;

describe('a template is checked when loaded', () => {
  it('every shipped template passes, and names its source publication', () => {
    expect(TEMPLATES.length).toBeGreaterThan(0);
    for (const t of TEMPLATES) {
      expect(() => validateTemplate(JSON.parse(JSON.stringify(t)))).not.toThrow();
      expect(t.source).toMatch(/\d{4}/);
    }
  });

  it('a title may leave out the year, but two tables may not share one; a schedule’s subtotal fields and 类别 names are checked', () => {
    const jiangsu = (edit: (t: any) => void) => {
      const t = JSON.parse(JSON.stringify(jiangsuProvince));
      edit(t);
      return t;
    };
    expect(problems(jiangsu((t) => (t.tables[1].title = '收支预算总表')))).toEqual(['tables[1].title：表题“收支预算总表”重复（审核按表题认表）']);
    expect(problems(jiangsu((t) => (t.tables[0].title = ' ')))).toEqual(['tables[0].title：缺少表题']);
    expect(problems(jiangsu((t) => (t.tables[11].rows.subtotalBy = ['project', 'economy'])))).toEqual(['tables[11].rows.subtotalBy：小计所按的字段“economy”不是表中某列的字段']);
    expect(problems(jiangsu((t) => (t.tables[11].rows.groupLabels = { 货品: '一、货物A' })))).toEqual(['tables[11].rows.groupLabels：采购类别的行名应写成 { 货物: 文字, 工程: 文字, 服务: 文字 }']);
    expect(problems(jiangsu((t) => delete t.tables[11].columns[0].role))).toEqual(['tables[11].columns[0].field：附表没有字段“undefined”（可用：kind、item、method、project、economic、unit、quantity）']);
  });

  it('an unknown measure is refused, naming the column', () => {
    expect(problems(edited((t) => (t.tables[2].columns[5].measure = '全部.人员支出')))).toEqual([
      'tables[2].columns[5].measure：未知的度量“全部.人员支出”（measures 中没有）',
    ]);
  });

  it('a measure with a condition the model does not know, or a source it does not have, is refused', () => {
    expect(problems(edited((t) => (t.measures['事业收入'] = { sources: ['事业收人'] })))).toEqual([
      'measures.事业收入.sources：“事业收人”不可用（可用：一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款、事业收入、事业单位经营收入、其他收入）',
    ]);
    expect(problems(edited((t) => (t.measures['全部'] = { source: ['事业收入'] })))[0]).toMatch(/^measures\.全部\.source：度量没有“source”这一条件/);
  });

  it('header spans that do not tile the columns are refused, naming the header', () => {
    // 收入预算 spans one column too many
    const p = problems(edited((t) => (t.tables[1].header[0][1][2] = 6)));
    expect(p[0]).toBe('tables[1].header[0][1]：“收入预算”跨到第 10 列，表只有 9 列');
    // a header row that leaves a column uncovered
    expect(problems(edited((t) => t.tables[7].header[2].pop()))).toEqual([
      'tables[7].header：表头第 3 行没有盖住第 2 列（跨行跨列没有铺满，或列多于表头）',
    ]);
  });

  it('a span that is not a whole number of rows or columns (0, negative, 1.5, text) is refused, naming the cell', () => {
    for (const span of [0, -1, 1.5, '2']) {
      expect(problems(edited((t) => (t.tables[1].header[0][1][2] = span)))).toContain('tables[1].header[0][1]：“收入预算”的跨行、跨列应是正整数（写成 [文字, 跨行, 跨列]）');
    }
  });

  it('a missing column (one the header names but the columns do not) is refused', () => {
    const p = problems(edited((t) => t.tables[2].columns.pop()));
    expect(p.some((x) => x.startsWith('tables[2].header[0][1]：“支出预算”跨到第 7 列，表只有 6 列'))).toBe(true);
    expect(problems(edited((t) => delete t.tables[8].columns[0].measure))).toEqual(['tables[8].columns[0].measure：金额列缺少度量（measure）']);
  });

  it('an economic measure in a 功能分类 table, a side beyond the table, a bad unit are refused', () => {
    expect(problems(edited((t) => (t.tables[4].columns[4].measure = '三公')))).toEqual([
      'tables[4].columns[4].measure：度量“三公”按经济分类筛选，不能用于按功能分类排列的行',
    ]);
    expect(problems(edited((t) => (t.tables[0].rows.sides[1].width = 3)))).toEqual(['tables[0].rows.sides[1]：栏的列（column、width）超出了表的列']);
    expect(problems(edited((t) => (t.tables[8].unit = '千元')))).toEqual(['tables[8].unit：金额单位“千元”不可用，应为 元 或 万元']);
    expect(problems(edited((t) => delete t.source))).toEqual(['source：缺少模板所依据的公开文件（source）']);
  });

  it('the error message names the template and lists every problem', () => {
    try {
      validateTemplate(edited((t) => ((t.id = 'x-test'), (t.tables[8].zero = 'none'), (t.tables[0].rows.sides[0].blocks[0].items[0].measure = '财政'))));
      throw new Error('accepted');
    } catch (e) {
      expect((e as Error).message).toBe(
        '模板“x-test”有误，未载入：\n- tables[0].rows.sides[0].blocks[0].items[0].measure：未知的度量“财政”（measures 中没有）\n- tables[8].zero：零的印法“none”不可用，应为 blank、0 或 0.00',
      );
    }
  });
});

describe('docs/templates.md', () => {
  it('its example is a valid template that derives its table', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/cli');
    const { deriveTables } = await import('../../shared/core/tables/derive');
    const { sampleWorkbook } = await import('../../shared/core/sample/sample');
    const doc = readFileSync(join(ROOT, 'docs', 'templates.md'), 'utf8');
    const literal = /```ts\nexport const example: Template = (\{[\s\S]*?\});\n```/.exec(doc)![1];
    const example = validateTemplate(new Function(`return ${literal}`)());
    const wb = sampleWorkbook();
    const [table] = deriveTables({ department: wb.department, year: wb.year, units: wb.units, template: example }, wb.lines);
    expect(table.title).toBe('2024年部门财政拨款支出表');
    expect(table.rows[0].cells.slice(0, 2)).toEqual([{ text: '合计' }, { text: '' }]);
  });
});
