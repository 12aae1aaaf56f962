import type { ColumnTemplate, Measure, TableTemplate, Template } from '../types';

const FISCAL = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'] as const;
const fiscal = (m: Measure = {}): Measure => ({ sources: [...FISCAL], ...m });

const EMPTY_NOTE = [{ when: 'empty' as const, text: '注：本{scope}无相关收支项目' }];

/** A 功能分类 table: 功能科目编码 (one column) | 功能科目名称 | 金额, 合计 first (in the name column). */
function functionTable(number: number, title: string, measure: string): TableTemplate {
  return {
    number,
    title,
    unit: '万元',
    zero: 'blank',
    header: [[['功能科目编码'], ['功能科目名称'], ['金额']]],
    columns: [
      { key: '功能科目编码', type: 'code', part: 'full' },
      { key: '功能科目名称', type: 'text', role: 'name' },
      { key: '金额', type: 'amount', measure },
    ],
    rows: { kind: 'functionTree', depth: 3 },
    total: { place: 'first', label: '合计', column: 1 },
    notes: EMPTY_NOTE,
  };
}

/** An 经济分类 table: 科目编码 (one column) | 科目名称 | one amount, 合计 first (in the name column). */
function economicTable(number: number, title: string, amount: string, measure: string): TableTemplate {
  const columns: ColumnTemplate[] = [
    { key: '科目编码', type: 'code', part: 'full' },
    { key: '科目名称', type: 'text', role: 'name' },
    { key: amount, type: 'amount', measure },
  ];
  return {
    number,
    title,
    unit: '万元',
    zero: 'blank',
    header: [[['科目编码'], ['科目名称'], [amount]]],
    columns,
    rows: { kind: 'economicTree', depth: 2 },
    total: { place: 'first', label: '合计', column: 1 },
    notes: EMPTY_NOTE,
  };
}

/**
 * Jiangsu's provincial 部门预算 set of twelve tables as the 2019 publications print them (万元; titles
 * without year or scope but table 12's; codes in one column; 合计 first; zero printed blank). Its sources
 * and uses beyond ours (财政专户管理资金, 上年结转和结余资金, 单位预留机动经费, 结转下年资金, and 专项收入
 * within 一般公共预算资金) are measures with no lines: printed blank until the line model carries them
 * (docs/templates.md, 没有做的).
 */
export const jiangsuProvince: Template = {
  id: 'jiangsu-province',
  name: '江苏 省级部门预算（十二张表）',
  source:
    '江苏省 2019 年省级部门预算公开表（公开01表 收支预算总表 … 公开12表 2019年政府采购预算表）：《江苏省政协办公厅2019年预算公开表》、' +
    '《江苏省委办公厅2019年度部门预算公开表格》，江苏省预决算公开统一平台 http://www.jszwfw.gov.cn/yjsgk/list.do；' +
    '存档于 github.com/ae86jack/open-budget（commit b7cedd1）pdf_files/jszwfw/江苏省政协办公厅/江苏省政协办公厅2019年预算公开表.pdf、' +
    'pdf_files/jszwfw/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开表格.pdf',
  scopeWords: { department: '部门', unit: '单位' },
  preparerLabels: { department: '部门', unit: '单位' },
  measures: {
    全部: {},
    '全部.基本支出': { kinds: ['基本支出'] },
    '全部.项目支出': { kinds: ['项目支出'] },
    // a publication's totals include 单位预留机动经费 (a use the lines do not carry): the measures of those totals add it,
    // so that the checks do not take 财政拨款 for 基本支出 + 项目支出
    财政拨款: fiscal({ plus: ['单位预留机动经费'] }),
    '财政拨款.基本支出': fiscal({ kinds: ['基本支出'] }),
    '财政拨款.项目支出': fiscal({ kinds: ['项目支出'] }),
    一般公共预算: { sources: ['一般公共预算财政拨款'], plus: ['单位预留机动经费'] },
    当年收支: { plus: ['单位预留机动经费'] },
    '一般公共预算.基本支出': { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'] },
    政府性基金: { sources: ['政府性基金预算财政拨款'] },
    国有资本经营: { sources: ['国有资本经营预算财政拨款'] },
    其他资金: { sources: ['事业收入', '事业单位经营收入', '其他收入'] },
    事业收入: { sources: ['事业收入'] },
    事业单位经营收入: { sources: ['事业单位经营收入'] },
    其他收入: { sources: ['其他收入'] },
    专项收入: { none: true },
    财政专户管理资金: { none: true },
    专户管理教育收费: { none: true },
    其他非税收入: { none: true },
    上年结转资金: { none: true },
    动用上年结转和结余资金: { none: true },
    单位预留机动经费: { none: true },
    结转下年资金: { none: true },
    收入合计: { plus: ['上年结转资金', '单位预留机动经费'] },
    支出合计: { plus: ['结转下年资金', '单位预留机动经费'] },
    支出预算合计: { plus: ['单位预留机动经费', '结转下年资金'] },
    三公经费: fiscal({ economicCodes: ['30212', '30217', '31013', '30231'] }),
    三公加会议培训: fiscal({ economicCodes: ['30212', '30217', '31013', '30231', '30215', '30216'] }),
    因公出国: fiscal({ economicCodes: ['30212'] }),
    公务用车: fiscal({ economicCodes: ['31013', '30231'] }),
    公务用车购置: fiscal({ economicCodes: ['31013'] }),
    公务用车运行维护: fiscal({ economicCodes: ['30231'] }),
    公务接待: fiscal({ economicCodes: ['30217'] }),
    会议费: fiscal({ economicCodes: ['30215'] }),
    培训费: fiscal({ economicCodes: ['30216'] }),
    机关运行经费: { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'], costType: '公用经费', officeUnitsOnly: true },
  },
  // 编制说明: income by the sources of table 1 (with 财政专户管理资金, 其他资金, 上年结转资金), spending by
  // its uses (with 单位预留机动经费; 支出合计 and 结转下年资金 are printed under the 功能分类 block); 财政拨款
  // spending as table 4 prints it, by source as tables 7 and 10 do.
  narrative: {
    income: [
      {
        lead: { label: '收入预算', table: 1, row: '收入合计', column: '收入.金额', change: 'total' },
        parts: [
          { label: '财政拨款收入', table: 1, row: '一、财政拨款', column: '收入.金额', change: 'fiscal' },
          { label: '财政专户管理资金收入', table: 1, row: '二、财政专户管理资金', column: '收入.金额' },
          { label: '其他资金收入', table: 1, row: '三、其他资金', column: '收入.金额' },
          { label: '上年结转资金', table: 1, row: '上年结转资金', column: '收入.金额' },
        ],
      },
      {
        within: '财政拨款收入',
        parts: [
          { label: '一般公共预算收入', table: 1, row: '1.一般公共预算', column: '收入.金额', change: 'source:一般公共预算财政拨款' },
          { label: '政府性基金预算收入', table: 1, row: '2.政府性基金预算', column: '收入.金额', change: 'source:政府性基金预算财政拨款' },
          { label: '国有资本经营预算收入', table: 1, row: '3.国有资本经营预算', column: '收入.金额', change: 'source:国有资本经营预算财政拨款' },
        ],
      },
    ],
    spending: [
      {
        lead: { label: '支出预算', table: 1, row: '支出合计', column: '支出.功能分类.金额', change: 'total' },
        parts: [
          { label: '基本支出', table: 1, row: '一、基本支出', column: '支出.支出用途.金额' },
          { label: '项目支出', table: 1, row: '二、项目支出', column: '支出.支出用途.金额' },
          { label: '单位预留机动经费', table: 1, row: '三、单位预留机动经费', column: '支出.支出用途.金额' },
          { label: '结转下年资金', table: 1, row: '结转下年资金', column: '支出.功能分类.金额' },
        ],
      },
      {
        lead: { label: '财政拨款支出预算', table: 4, row: '支出合计', column: '支出.支出用途.金额', change: 'fiscal' },
        parts: [
          { label: '一般公共预算拨款支出预算', table: 7, row: '合计', column: '金额', change: 'source:一般公共预算财政拨款' },
          { label: '政府性基金拨款支出预算', table: 10, row: '合计', column: '金额', change: 'source:政府性基金预算财政拨款' },
        ],
      },
    ],
    classes: { table: 5, column: '金额' },
    sectionFigures: [
      { key: 'sangong:total', table: 9, column: '“三公”经费.小计' },
      { key: 'sangong:abroad', table: 9, column: '“三公”经费.因公出国（境）费' },
      { key: 'sangong:vehicles', table: 9, column: '“三公”经费.公务用车购置及运行维护费.小计' },
      { key: 'sangong:vehiclePurchase', table: 9, column: '“三公”经费.公务用车购置及运行维护费.公务用车购置费' },
      { key: 'sangong:vehicleOperation', table: 9, column: '“三公”经费.公务用车购置及运行维护费.公务用车运行维护费' },
      { key: 'sangong:reception', table: 9, column: '“三公”经费.公务接待费' },
      { key: 'officeExpenses', table: 11, row: '合计', column: '机关运行经费支出' },
    ],
  },
  // the 21 类 of the 2019 政府收支分类科目 as 公开01表 lists them (中共江苏省委办公厅; some departments still printed the 2018 names)
  classLists: {
    jiangsu2019: [
      { code: '201', name: '一般公共服务支出' },
      { code: '202', name: '外交支出' },
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
      { code: '215', name: '资源勘探信息等支出' },
      { code: '216', name: '商业服务业等支出' },
      { code: '217', name: '金融支出' },
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
      title: '收支预算总表',
      unit: '万元',
      zero: 'blank',
      header: [
        [['收入', 1, 2], ['支出', 1, 4]],
        [['项目名称', 2], ['金额', 2], ['功能分类', 1, 2], ['支出用途', 1, 2]],
        [['功能科目名称'], ['金额'], ['项目名称'], ['金额']],
      ],
      columns: [
        { key: '收入.项目名称', type: 'text', role: 'label' },
        { key: '收入.金额', type: 'amount', measure: '全部' },
        { key: '支出.功能分类.功能科目名称', type: 'text', role: 'label' },
        { key: '支出.功能分类.金额', type: 'amount', measure: '全部' },
        { key: '支出.支出用途.项目名称', type: 'text', role: 'label' },
        { key: '支出.支出用途.金额', type: 'amount', measure: '全部' },
      ],
      sums: [
        { total: '一、财政拨款', parts: ['1.一般公共预算', '2.政府性基金预算', '3.国有资本经营预算'] },
        { total: '当年收入小计', parts: ['一、财政拨款', '二、财政专户管理资金', '三、其他资金'] },
        { total: '收入合计', parts: ['当年收入小计', '上年结转资金'] },
        { total: '当年支出小计', parts: ['{classes}'] },
        { total: '支出合计', parts: ['当年支出小计', '结转下年资金'] },
      ],
      balance: { income: '收入合计', spending: '支出合计' },
      rows: {
        kind: 'sides',
        sides: [
          {
            column: 0,
            width: 2,
            blocks: [
              {
                items: [
                  { label: '一、财政拨款', measure: '财政拨款' },
                  { label: '1.一般公共预算', measure: '一般公共预算' },
                  { label: '2.政府性基金预算', measure: '政府性基金' },
                  { label: '3.国有资本经营预算', measure: '国有资本经营', onlyIfNonZero: true },
                  { label: '二、财政专户管理资金', measure: '财政专户管理资金' },
                  { label: '三、其他资金', measure: '其他资金' },
                ],
              },
            ],
            footer: [
              { label: '当年收入小计', measure: '当年收支' },
              { label: '上年结转资金', measure: '上年结转资金' },
              { label: '收入合计', measure: '收入合计', level: 'total' },
            ],
          },
          {
            // the spending footer is printed once, under the 功能分类 block
            column: 2,
            width: 2,
            blocks: [{ classes: { measure: '全部', always: 'jiangsu2019', label: '{n}、{name}' } }],
            footer: [
              { label: '当年支出小计', measure: '当年收支' },
              { label: '结转下年资金', measure: '结转下年资金' },
              { label: '支出合计', measure: '支出合计', level: 'total' },
            ],
          },
          {
            column: 4,
            width: 2,
            blocks: [
              {
                items: [
                  { label: '一、基本支出', measure: '全部.基本支出' },
                  { label: '二、项目支出', measure: '全部.项目支出' },
                  { label: '三、单位预留机动经费', measure: '单位预留机动经费' },
                ],
              },
            ],
            footer: [],
          },
        ],
      },
    },
    {
      number: 2,
      title: '收入预算总表',
      unit: '万元',
      zero: 'blank',
      header: [[['项目名称', 1, 2], ['金额']]],
      columns: [
        { key: '资金类别', type: 'text', role: 'label' },
        { key: '项目名称', type: 'text', role: 'label' },
        { key: '金额', type: 'amount', measure: '全部' },
      ],
      sums: [
        { total: '收入总计', parts: ['一般公共预算资金', '政府性基金', '国有资本经营预算资金', '财政专户管理资金', '其他资金', '上年结转和结余资金'] },
        { total: '一般公共预算资金', parts: ['公共财政拨款(补助)资金', '专项收入'] },
        { total: '财政专户管理资金', parts: ['专户管理教育收费', '其他非税收入'] },
        { total: '其他资金', parts: ['事业收入', '经营收入', '其他收入'] },
      ],
      rows: {
        kind: 'items',
        items: [
          { label: '收入总计', labels: ['', '收入总计'], measure: '收入合计', level: 'total' },
          { label: '一般公共预算资金', labels: ['一般公共预算资金', '小计'], measure: '一般公共预算' },
          // the model does not split 一般公共预算 into 公共财政拨款(补助)资金 and 专项收入: all of it is the former
          { label: '公共财政拨款(补助)资金', labels: ['', '公共财政拨款(补助)资金'], measure: '一般公共预算' },
          { label: '专项收入', labels: ['', '专项收入'], measure: '专项收入' },
          { label: '政府性基金', labels: ['政府性基金', '小计'], measure: '政府性基金' },
          { label: '国有资本经营预算资金', labels: ['国有资本经营预算资金', '小计'], measure: '国有资本经营', onlyIfNonZero: true },
          { label: '财政专户管理资金', labels: ['财政专户管理资金', '小计'], measure: '财政专户管理资金' },
          { label: '专户管理教育收费', labels: ['', '专户管理教育收费'], measure: '专户管理教育收费' },
          { label: '其他非税收入', labels: ['', '其他非税收入'], measure: '其他非税收入' },
          { label: '其他资金', labels: ['其他资金', '小计'], measure: '其他资金' },
          { label: '事业收入', labels: ['', '事业收入'], measure: '事业收入' },
          { label: '经营收入', labels: ['', '经营收入'], measure: '事业单位经营收入' },
          { label: '其他收入', labels: ['', '其他收入'], measure: '其他收入' },
          { label: '上年结转和结余资金', labels: ['上年结转和结余资金', '小计'], measure: '上年结转资金' },
          { label: '其中：动用上年结转和结余资金', labels: ['', '其中：动用上年结转和结余资金'], measure: '动用上年结转和结余资金' },
        ],
      },
    },
    {
      number: 3,
      title: '支出预算总表',
      unit: '万元',
      zero: 'blank',
      header: [[['合计'], ['基本支出'], ['项目支出'], ['单位预留机动经费'], ['结转下年资金']]],
      columns: [
        { key: '合计', type: 'amount', measure: '支出预算合计' },
        { key: '基本支出', type: 'amount', measure: '全部.基本支出' },
        { key: '项目支出', type: 'amount', measure: '全部.项目支出' },
        { key: '单位预留机动经费', type: 'amount', measure: '单位预留机动经费' },
        { key: '结转下年资金', type: 'amount', measure: '结转下年资金' },
      ],
      rows: { kind: 'single' },
    },
    {
      number: 4,
      title: '财政拨款收支预算总表',
      unit: '万元',
      zero: 'blank',
      header: [
        [['收入', 1, 2], ['支出', 1, 2]],
        [['项目名称', 2], ['金额', 2], ['支出用途', 1, 2]],
        [['项目名称'], ['金额']],
      ],
      columns: [
        { key: '收入.项目名称', type: 'text', role: 'label' },
        { key: '收入.金额', type: 'amount', measure: '全部' },
        { key: '支出.支出用途.项目名称', type: 'text', role: 'label' },
        { key: '支出.支出用途.金额', type: 'amount', measure: '全部' },
      ],
      sums: [
        { total: '收入合计', parts: ['一、一般公共预算', '二、政府性基金预算', '三、国有资本经营预算'] },
        { total: '支出合计', parts: ['一、基本支出', '二、项目支出', '三、单位预留机动经费'] },
      ],
      balance: { income: '收入合计', spending: '支出合计' },
      rows: {
        kind: 'sides',
        sides: [
          {
            column: 0,
            width: 2,
            blocks: [
              {
                items: [
                  { label: '一、一般公共预算', measure: '一般公共预算' },
                  { label: '二、政府性基金预算', measure: '政府性基金' },
                  { label: '三、国有资本经营预算', measure: '国有资本经营', onlyIfNonZero: true },
                ],
              },
            ],
            footer: [{ label: '收入合计', measure: '财政拨款', level: 'total' }],
          },
          {
            column: 2,
            width: 2,
            blocks: [
              {
                items: [
                  { label: '一、基本支出', measure: '财政拨款.基本支出' },
                  { label: '二、项目支出', measure: '财政拨款.项目支出' },
                  { label: '三、单位预留机动经费', measure: '单位预留机动经费' },
                ],
              },
            ],
            footer: [{ label: '支出合计', measure: '财政拨款', level: 'total' }],
          },
        ],
      },
    },
    functionTable(5, '财政拨款支出预算表（功能科目）', '财政拨款'),
    economicTable(6, '财政拨款基本支出预算表（经济科目）', '金额', '财政拨款.基本支出'),
    functionTable(7, '一般公共预算支出预算表（功能科目）', '一般公共预算'),
    economicTable(8, '一般公共预算基本支出预算表（经济科目）', '金额', '一般公共预算.基本支出'),
    {
      number: 9,
      title: '“三公”经费、会议费、培训费支出预算表',
      unit: '万元',
      zero: 'blank',
      header: [
        [['合计', 3], ['“三公”经费', 1, 6], ['会议费', 3], ['培训费', 3]],
        [['小计', 2], ['因公出国（境）费', 2], ['公务用车购置及运行维护费', 1, 3], ['公务接待费', 2]],
        [['小计'], ['公务用车购置费'], ['公务用车运行维护费']],
      ],
      columns: [
        { key: '合计', type: 'amount', measure: '三公加会议培训' },
        { key: '“三公”经费.小计', type: 'amount', measure: '三公经费' },
        { key: '“三公”经费.因公出国（境）费', type: 'amount', measure: '因公出国' },
        { key: '“三公”经费.公务用车购置及运行维护费.小计', type: 'amount', measure: '公务用车' },
        { key: '“三公”经费.公务用车购置及运行维护费.公务用车购置费', type: 'amount', measure: '公务用车购置' },
        { key: '“三公”经费.公务用车购置及运行维护费.公务用车运行维护费', type: 'amount', measure: '公务用车运行维护' },
        { key: '“三公”经费.公务接待费', type: 'amount', measure: '公务接待' },
        { key: '会议费', type: 'amount', measure: '会议费' },
        { key: '培训费', type: 'amount', measure: '培训费' },
      ],
      rows: { kind: 'single' },
    },
    functionTable(10, '财政拨款政府性基金支出预算表', '政府性基金'),
    economicTable(11, '一般公共预算机关运行经费支出预算表', '机关运行经费支出', '机关运行经费'),
    {
      number: 12,
      title: '{year}年政府采购预算表',
      unit: '万元',
      zero: 'blank',
      header: [[['采购品目大类'], ['专项名称'], ['经济科目'], ['采购物品名称'], ['采购组织形式'], ['总计']]],
      columns: [
        { key: '采购品目大类', type: 'text', role: 'label' },
        { key: '专项名称', type: 'text', role: 'field', field: 'project' },
        { key: '经济科目', type: 'text', role: 'field', field: 'economic' },
        { key: '采购物品名称', type: 'text', role: 'field', field: 'item' },
        { key: '采购组织形式', type: 'text', role: 'field', field: 'method' },
        { key: '总计', type: 'amount', field: 'amount' },
      ],
      rows: {
        kind: 'schedule',
        schedule: 'procurement',
        groupBy: 'kind',
        groupLabels: { 货物: '一、货物A', 工程: '二、工程B', 服务: '三、服务C' },
        subtotalBy: ['project', 'economic'],
      },
      total: { place: 'first', label: '合计' },
      notes: EMPTY_NOTE,
    },
  ],
};
