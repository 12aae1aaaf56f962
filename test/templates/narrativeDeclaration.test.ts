import { describe, expect, it } from 'vitest';
import { jiangsuProvince } from '../../shared/core/templates/data/jiangsuProvince';
import { editedTemplate, templateProblems } from './templateProblems';

/** The Jiangsu template as a JSON file would give it, its narrative changed by `edit`. */
const edited = (edit: (narrative: any) => void) => editedTemplate(jiangsuProvince, (t) => edit(t.narrative));
const problems = templateProblems;

describe('a template’s narrative declaration is checked when loaded', () => {
  it('an unknown year-on-year measure is refused, naming the field', () => {
    expect(problems(edited((n) => (n.income[0].lead.change = 'source:财政专户管理资金')))).toEqual([
      'narrative.income[0].lead.change：未知的上年比较度量“source:财政专户管理资金”（可用：total、fiscal、source:资金来源）',
    ]);
  });

  it('a figure in a column, row or table the template does not have is refused, naming the field', () => {
    expect(problems(edited((n) => (n.spending[1].parts[0].column = '支出.支出用途.金额')))).toEqual([
      'narrative.spending[1].parts[0].column：表 7 没有金额列“支出.支出用途.金额”',
    ]);
    expect(problems(edited((n) => (n.spending[0].parts[2].row = '机动经费')))).toEqual([
      'narrative.spending[0].parts[2].row：表 1“支出.支出用途.金额”一栏没有名为“机动经费”的行（可用：一、基本支出、二、项目支出、三、单位预留机动经费）',
    ]);
    // a row of another side of table 1 (收入) is not in the column's side
    expect(problems(edited((n) => (n.spending[0].parts[0].row = '三、其他资金')))[0]).toMatch(/^narrative\.spending\[0\]\.parts\[0\]\.row：表 1“支出.支出用途.金额”一栏没有名为“三、其他资金”的行/u);
    expect(problems(edited((n) => (n.income[0].parts[0].row = '一般公共服务支出')))[0]).toMatch(/^narrative\.income\[0\]\.parts\[0\]\.row：表 1“收入.金额”一栏没有名为/u);
    expect(problems(edited((n) => (n.spending[1].lead.row = '合计')))[0]).toMatch(/^narrative\.spending\[1\]\.lead\.row：表 4“支出.支出用途.金额”一栏没有名为“合计”的行/u);
    expect(problems(edited((n) => (n.income[1].parts[0].table = 13)))).toEqual(['narrative.income[1].parts[0].table：模板中没有表 13']);
    // a one-row table (支出预算总表) takes no row label
    expect(problems(edited((n) => n.spending[0].parts.push({ label: '合计数', table: 3, row: '合计', column: '合计' })))).toEqual([
      'narrative.spending[0].parts[4].row：表 3 只有一行，不写行名',
    ]);
  });

  it('a label used twice, a sentence with both or neither of lead and within, and a list of 类 from a table that is not a function tree are refused', () => {
    expect(problems(edited((n) => (n.spending[0].parts[1].label = '基本支出')))).toEqual(['narrative.spending[0].parts[1].label：名称“基本支出”重复（审核按名称认出句中的数字）']);
    expect(problems(edited((n) => (n.income[1].lead = n.income[0].parts[0])))).toContain('narrative.income[1]：句子应有领起的数字（lead）或“…中”（within），二者只写一个');
    expect(problems(edited((n) => (n.classes = { table: 6, column: '金额' })))).toEqual(['narrative.classes.table：表 6 不是按功能分类排列的表']);
    expect(problems(edited((n) => (n.spending = [])))).toEqual(['narrative.spending：应是句子的列表']);
  });

  it('a figure of 其他相关情况说明 the text does not state, or in a column its table does not have, is refused', () => {
    expect(problems(edited((n) => (n.sectionFigures[0].key = 'sangong:会议费')))).toEqual([
      'narrative.sectionFigures[0].key：其他相关情况说明中没有数字“sangong:会议费”（可用：sangong:total、sangong:abroad、sangong:reception、sangong:vehiclePurchase、sangong:vehicleOperation、sangong:vehicles、officeExpenses）',
    ]);
    expect(problems(edited((n) => (n.sectionFigures[6].column = '机关运行经费')))).toEqual(['narrative.sectionFigures[6].column：表 11 没有金额列“机关运行经费”']);
  });
});
