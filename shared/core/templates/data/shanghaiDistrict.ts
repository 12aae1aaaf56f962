import type { TableTemplate, Template } from '../types';

const ALL_SPENDING = ['合计', '基本支出', '项目支出'];

/** A 功能分类 table of the district set: 类 / 款 / 项 in three code columns, 合计 last. */
function functionTable(number: number, title: string, group: string, columns: [string, string][], emptyNote?: string): TableTemplate {
  return {
    number,
    title: `{year} 年{scope}${title}`,
    unit: '元',
    zero: 'blank',
    header: [
      [['项目', 1, 4], [group, 1, columns.length]],
      [['功能分类科目编码', 1, 3], ['功能分类科目名称', 2], ...columns.map(([key]): [string, number] => [key, 2])],
      [['类'], ['款'], ['项']],
    ],
    columns: [
      { key: '类', type: 'code', part: 'class' },
      { key: '款', type: 'code', part: 'kuan' },
      { key: '项', type: 'code', part: 'item' },
      { key: '功能分类科目名称', type: 'text', role: 'name' },
      ...columns.map(([key, measure]) => ({ key, type: 'amount' as const, measure })),
    ],
    rows: { kind: 'functionTree', depth: 3 },
    total: { place: 'last', label: '合计' },
    ...(emptyNote ? { notes: [{ when: 'empty' as const, text: `备注：本{scope} {year} 年无${emptyNote}，故本表无数据。` }] } : {}),
  };
}

const spending = (prefix: string): [string, string][] => ALL_SPENDING.map((key, i) => [key, `${prefix}${['', '.基本支出', '.项目支出'][i]}`]);

/**
 * Shanghai's district 部门预算 set of nine tables (元; 三公 in 万元), as 上海市宝山区城市运行管理中心
 * published its 2024 部门预算 (the reference kit, /work/shared/reference). The default template.
 */
export const shanghaiDistrict: Template = {
  id: 'shanghai-district',
  name: '上海 区级部门预算（九张表）',
  source: '上海市宝山区城市运行管理中心 2024 年部门预算公开（九张表），上海市宝山区人民政府网站；参考资料 seed-2024-tables.json',
  scopeWords: { department: '部门', unit: '单位' },
  measures: {
    全部: {},
    '全部.基本支出': { kinds: ['基本支出'] },
    '全部.项目支出': { kinds: ['项目支出'] },
    财政拨款: { sources: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'] },
    一般公共预算: { sources: ['一般公共预算财政拨款'] },
    '一般公共预算.基本支出': { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'] },
    '一般公共预算.项目支出': { sources: ['一般公共预算财政拨款'], kinds: ['项目支出'] },
    政府性基金: { sources: ['政府性基金预算财政拨款'] },
    '政府性基金.基本支出': { sources: ['政府性基金预算财政拨款'], kinds: ['基本支出'] },
    '政府性基金.项目支出': { sources: ['政府性基金预算财政拨款'], kinds: ['项目支出'] },
    国有资本经营: { sources: ['国有资本经营预算财政拨款'] },
    '国有资本经营.基本支出': { sources: ['国有资本经营预算财政拨款'], kinds: ['基本支出'] },
    '国有资本经营.项目支出': { sources: ['国有资本经营预算财政拨款'], kinds: ['项目支出'] },
    事业收入: { sources: ['事业收入'] },
    事业单位经营收入: { sources: ['事业单位经营收入'] },
    其他收入: { sources: ['其他收入'] },
    一般公共预算基本支出: { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'] },
    '一般公共预算基本支出.人员经费': { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'], costType: '人员经费' },
    '一般公共预算基本支出.公用经费': { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'], costType: '公用经费' },
    三公: { sources: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], economicCodes: ['30212', '30217', '31013', '30231'] },
    因公出国: { sources: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], economicCodes: ['30212'] },
    公务接待: { sources: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], economicCodes: ['30217'] },
    公务用车: { sources: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], economicCodes: ['31013', '30231'] },
    公务用车购置: { sources: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], economicCodes: ['31013'] },
    公务用车运行: { sources: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], economicCodes: ['30231'] },
    机关运行经费: { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'], costType: '公用经费', officeUnitsOnly: true },
  },
  classLists: {
    区级二十类: [
      { code: '201', name: '一般公共服务支出' },
      { code: '203', name: '国防支出' },
      { code: '204', name: '公共安全支出' },
      { code: '205', name: '教育支出' },
      { code: '206', name: '科学技术支出' },
      { code: '207', name: '文化旅游体育与传媒支出' },
      { code: '208', name: '社会保障和就业支出' },
      { code: '210', name: '卫生健康支出' },
      { code: '211', name: '节能环保支出' },
      { code: '212', name: '城乡社区支出' },
      { code: '213', name: '农林水支出' },
      { code: '214', name: '交通运输支出' },
      { code: '215', name: '资源勘探工业信息等支出' },
      { code: '216', name: '商业服务业等支出' },
      { code: '219', name: '援助其他地区支出' },
      { code: '220', name: '自然资源海洋气象等支出' },
      { code: '221', name: '住房保障支出' },
      { code: '222', name: '粮油物资储备支出' },
      { code: '224', name: '灾害防治及应急管理支出' },
      { code: '229', name: '其他支出' },
    ],
  },
  tables: [
    {
      number: 1,
      title: '{year} 年{scope}财务收支预算总表',
      unit: '元',
      zero: 'blank',
      header: [[['本年收入', 1, 2], ['本年支出', 1, 2]], [['项目'], ['预算数'], ['项目'], ['预算数']]],
      columns: [
        { key: '本年收入.项目', type: 'text', role: 'label' },
        { key: '本年收入.预算数', type: 'amount', measure: '全部' },
        { key: '本年支出.项目', type: 'text', role: 'label' },
        { key: '本年支出.预算数', type: 'amount', measure: '全部' },
      ],
      rows: {
        kind: 'sides',
        sides: [
          {
            column: 0,
            width: 2,
            blocks: [
              {
                items: [
                  { label: '一、财政拨款收入', measure: '财政拨款' },
                  { label: '1、公共财政预算资金', measure: '一般公共预算' },
                  { label: '2、政府性基金', measure: '政府性基金' },
                  // the district template has no line for 国有资本经营预算: it is added only when there is money in it
                  { label: '3、国有资本经营预算资金', measure: '国有资本经营', onlyIfNonZero: true },
                  { label: '二、事业收入', measure: '事业收入' },
                  { label: '三、事业单位经营收入', measure: '事业单位经营收入' },
                  { label: '四、其他收入', measure: '其他收入' },
                ],
              },
            ],
            footer: [{ label: '收入总计', measure: '全部', level: 'total' }],
          },
          {
            column: 2,
            width: 2,
            blocks: [{ classes: { measure: '全部', always: '区级二十类', label: '{n}、{name}' } }],
            footer: [{ label: '支出总计', measure: '全部', level: 'total' }],
          },
        ],
      },
    },
    functionTable(2, '收入预算总表', '收入预算', [
      ['合计', '全部'],
      ['财政拨款收入', '财政拨款'],
      ['事业收入', '事业收入'],
      ['事业单位经营收入', '事业单位经营收入'],
      ['其他收入', '其他收入'],
    ]),
    functionTable(3, '支出预算总表', '支出预算', spending('全部')),
    {
      number: 4,
      title: '{year} 年{scope}财政拨款收支预算总表',
      unit: '元',
      zero: 'blank',
      header: [
        [['财政拨款收入', 1, 2], ['财政拨款支出', 1, 5]],
        [['项目'], ['预算数'], ['项目'], ['合计'], ['一般公共预算'], ['政府性基金预算'], ['国有资本经营预算']],
      ],
      columns: [
        { key: '财政拨款收入.项目', type: 'text', role: 'label' },
        { key: '财政拨款收入.预算数', type: 'amount', measure: '全部' },
        { key: '财政拨款支出.项目', type: 'text', role: 'label' },
        { key: '财政拨款支出.合计', type: 'amount', measure: '财政拨款' },
        { key: '财政拨款支出.一般公共预算', type: 'amount', measure: '一般公共预算' },
        { key: '财政拨款支出.政府性基金预算', type: 'amount', measure: '政府性基金' },
        { key: '财政拨款支出.国有资本经营预算', type: 'amount', measure: '国有资本经营' },
      ],
      rows: {
        kind: 'sides',
        sides: [
          {
            column: 0,
            width: 2,
            blocks: [
              {
                items: [
                  { label: '一、一般公共预算资金', measure: '一般公共预算' },
                  { label: '二、政府性基金', measure: '政府性基金' },
                  { label: '三、国有资本经营预算', measure: '国有资本经营' },
                ],
              },
            ],
            footer: [{ label: '收入总计', measure: '财政拨款', level: 'total' }],
          },
          {
            column: 2,
            width: 5,
            blocks: [{ classes: { measure: '财政拨款', always: '区级二十类', label: '{n}、{name}' } }],
            footer: [{ label: '支出总计', level: 'total' }],
          },
        ],
      },
    },
    functionTable(5, '一般公共预算支出功能分类预算表', '一般公共预算支出', spending('一般公共预算')),
    functionTable(6, '政府性基金预算支出功能分类预算表', '政府性基金预算支出', spending('政府性基金'), '政府性基金预算财政拨款支出'),
    functionTable(7, '国有资本经营预算支出功能分类预算表', '国有资本经营预算支出', spending('国有资本经营'), '国有资本经营预算财政拨款支出'),
    {
      number: 8,
      title: '{year} 年{scope}一般公共预算基本支出部门预算经济分类预算表',
      unit: '元',
      zero: 'blank',
      header: [
        [['项目', 1, 3], ['一般公共预算基本支出', 1, 3]],
        [['部门预算经济分类科目编码', 1, 2], ['经济分类科目名称', 2], ['合计', 2], ['人员经费', 2], ['公用经费', 2]],
        [['类'], ['款']],
      ],
      columns: [
        { key: '类', type: 'code', part: 'class' },
        { key: '款', type: 'code', part: 'kuan' },
        { key: '经济分类科目名称', type: 'text', role: 'name' },
        { key: '合计', type: 'amount', measure: '一般公共预算基本支出' },
        { key: '人员经费', type: 'amount', measure: '一般公共预算基本支出.人员经费' },
        { key: '公用经费', type: 'amount', measure: '一般公共预算基本支出.公用经费' },
      ],
      rows: { kind: 'economicTree', depth: 2 },
      total: { place: 'last', label: '合计' },
    },
    {
      number: 9,
      title: '{year} 年{scope}“三公”经费和机关运行经费预算表',
      unit: '万元',
      zero: '0',
      header: [
        [['{year} 年“三公”经费预算数', 1, 6], ['{year} 年机关运行经费预算数', 3]],
        [['合计', 2], ['因公出国（境）费', 2], ['公务接待费', 2], ['公务用车购置及运行费', 1, 3]],
        [['小计'], ['购置费'], ['运行费']],
      ],
      columns: [
        { key: '合计', type: 'amount', measure: '三公' },
        { key: '因公出国（境）费', type: 'amount', measure: '因公出国' },
        { key: '公务接待费', type: 'amount', measure: '公务接待' },
        { key: '公务用车购置及运行费.小计', type: 'amount', measure: '公务用车' },
        { key: '公务用车购置及运行费.购置费', type: 'amount', measure: '公务用车购置' },
        { key: '公务用车购置及运行费.运行费', type: 'amount', measure: '公务用车运行' },
        { key: '机关运行经费预算数', type: 'amount', measure: '机关运行经费' },
      ],
      rows: { kind: 'single' },
      notes: [{ when: 'noOfficeUnits', column: '机关运行经费预算数', text: '机关运行经费为 0：{who}（非参照公务员法管理），无机关运行经费。' }],
    },
  ],
};
