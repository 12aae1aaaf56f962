import type { ColumnTemplate, Side, TableTemplate, Template } from '../types';
import { shanghaiDistrict } from './shanghaiDistrict';

const CODE = { key: '功能分类科目编码', type: 'code', part: 'full' } as const;

/** A district 功能分类 table with the three code columns printed as one (类 `201`, 款 `20101`, 项 `2010101`). */
function oneCodeColumn(t: TableTemplate): TableTemplate {
  if (t.rows.kind !== 'functionTree') return t;
  const amounts = t.columns.filter((c) => c.type === 'amount');
  const group = t.header[0][1][0];
  return {
    ...t,
    header: [
      [['功能分类科目编码', 2], ['功能分类科目名称', 2], [group, 1, amounts.length]],
      amounts.map((c): [string] => [c.key]),
    ],
    columns: [CODE, t.columns[3], ...amounts],
  };
}

const table1: TableTemplate = {
  number: 1,
  title: '{year}年{scope}财务收支预算总表',
  unit: '元',
  zero: 'blank',
  header: [
    [['本年收入', 1, 2], ['本年支出', 1, 5]],
    [['项目'], ['预算数'], ['项目'], ['合计'], ['人员经费'], ['公用经费'], ['项目支出']],
  ],
  columns: [
    { key: '本年收入.项目', type: 'text', role: 'label' },
    { key: '本年收入.预算数', type: 'amount', measure: '全部' },
    { key: '本年支出.项目', type: 'text', role: 'label' },
    { key: '本年支出.合计', type: 'amount', measure: '全部' },
    { key: '本年支出.人员经费', type: 'amount', measure: '基本支出.人员经费' },
    { key: '本年支出.公用经费', type: 'amount', measure: '基本支出.公用经费' },
    { key: '本年支出.项目支出', type: 'amount', measure: '全部.项目支出' },
  ] satisfies ColumnTemplate[],
  rows: {
    kind: 'sides',
    sides: [
      (shanghaiDistrict.tables[0].rows as { kind: 'sides'; sides: Side[] }).sides[0],
      {
        column: 2,
        width: 5,
        blocks: [{ classes: { measure: '全部', always: '区级二十类', label: '{n}、{name}' } }],
        footer: [{ label: '支出总计', level: 'total' }],
      },
    ],
  },
};

/**
 * Shanghai's 单位预算 set: the district's nine tables as a budget unit prints them — titles
 * `2024年预算单位…`, 功能分类 codes in one column (7 digits for a 项), and table 1's 本年支出 by 类 as
 * 合计 / 人员经费 / 公用经费 / 项目支出. The layout of the 单位预算 published with the district's
 * 部门预算 (上海市宝山区城市运行管理中心 2024 年单位预算公开, 上海市宝山区人民政府网站).
 */
export const shanghaiUnit: Template = {
  ...shanghaiDistrict,
  id: 'shanghai-unit',
  name: '上海 单位预算（九张表）',
  source: '上海市宝山区城市运行管理中心 2024 年单位预算公开（九张表，表 1 按类分列人员经费、公用经费、项目支出），上海市宝山区人民政府网站',
  scopeWords: { department: '预算单位', unit: '预算单位' },
  measures: {
    ...shanghaiDistrict.measures,
    '基本支出.人员经费': { kinds: ['基本支出'], costType: '人员经费' },
    '基本支出.公用经费': { kinds: ['基本支出'], costType: '公用经费' },
  },
  tables: [
    table1,
    ...shanghaiDistrict.tables.slice(1).map((t) => oneCodeColumn({ ...t, title: t.title.replace('{year} 年{scope}', '{year}年{scope}') })),
  ],
};
