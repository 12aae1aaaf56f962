import type { ColumnTemplate, Measure, TableTemplate, Template } from '../types';

const FISCAL = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'] as const;
const fiscal = (m: Measure = {}): Measure => ({ sources: [...FISCAL], ...m });

const CODE: ColumnTemplate = { key: '科目编码', type: 'code', part: 'full' };
const NAME: ColumnTemplate = { key: '科目名称', type: 'text', role: 'name' };

/** A 功能分类 table: 科目编码 (one column) | 科目名称 | 合计 | 基本支出 | 项目支出, 合计 first. */
function functionTable(number: number, title: string, prefix: string, emptyNote?: string): TableTemplate {
  return {
    number,
    title: `{year}年{scope}${title}`,
    unit: '万元',
    zero: 'blank',
    header: [[['科目编码', 2], ['科目名称', 2], ['本年预算', 1, 3]], [['合计'], ['基本支出'], ['项目支出']]],
    columns: [
      CODE,
      NAME,
      { key: '本年预算.合计', type: 'amount', measure: prefix },
      { key: '本年预算.基本支出', type: 'amount', measure: `${prefix}.基本支出` },
      { key: '本年预算.项目支出', type: 'amount', measure: `${prefix}.项目支出` },
    ],
    rows: { kind: 'functionTree', depth: 3 },
    total: { place: 'first', label: '合计' },
    ...(emptyNote ? { notes: [{ when: 'empty' as const, text: `注：本{scope}${'{year}'}年无${emptyNote}，故本表无数据。` }] } : {}),
  };
}

/** An 经济分类 table: 科目编码 (one column) | 科目名称 | the given amounts, 合计 first. */
function economicTable(number: number, title: string, amounts: [string, string][], emptyNote?: string): TableTemplate {
  return {
    number,
    title: `{year}年{scope}${title}`,
    unit: '万元',
    zero: 'blank',
    header: amounts.length === 1 ? [[['科目编码'], ['科目名称'], [amounts[0][0]]]] : [[['科目编码', 2], ['科目名称', 2], ['本年预算', 1, amounts.length]], amounts.map(([k]): [string] => [k])],
    columns: [CODE, NAME, ...amounts.map(([key, measure]): ColumnTemplate => ({ key: amounts.length === 1 ? key : `本年预算.${key}`, type: 'amount', measure }))],
    rows: { kind: 'economicTree', depth: 2 },
    total: { place: 'first', label: '合计' },
    ...(emptyNote ? { notes: [{ when: 'empty' as const, text: `注：本{scope}{year}年无${emptyNote}，故本表无数据。` }] } : {}),
  };
}

/**
 * Jiangsu's provincial 部门预算 set of twelve tables (万元; codes in one column; 合计 first), as the
 * 2019 省级部门预算 publications print it (江苏省财政厅《2019年省级部门预算公开》统一格式, published by each
 * provincial department on its website). Its sources and uses beyond ours (财政专户管理资金, 上年结转资金,
 * 单位预留机动经费, 结转下年资金) are measures with no lines: printed as 0.00 until the line model carries them.
 */
export const jiangsuProvince: Template = {
  id: 'jiangsu-province',
  name: '江苏 省级部门预算（十二张表）',
  source: '江苏省 2019 年省级部门预算公开统一表样（十二张表：收支预算总表 … 政府采购预算表），江苏省财政厅，各省级部门网站公开',
  scopeWords: { department: '省级部门', unit: '省级预算单位' },
  measures: {
    全部: {},
    '全部.基本支出': { kinds: ['基本支出'] },
    '全部.项目支出': { kinds: ['项目支出'] },
    财政拨款: fiscal(),
    '财政拨款.基本支出': fiscal({ kinds: ['基本支出'] }),
    '财政拨款.项目支出': fiscal({ kinds: ['项目支出'] }),
    '财政拨款.人员经费': fiscal({ kinds: ['基本支出'], costType: '人员经费' }),
    '财政拨款.公用经费': fiscal({ kinds: ['基本支出'], costType: '公用经费' }),
    一般公共预算: { sources: ['一般公共预算财政拨款'] },
    '一般公共预算.基本支出': { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'] },
    '一般公共预算.项目支出': { sources: ['一般公共预算财政拨款'], kinds: ['项目支出'] },
    政府性基金: { sources: ['政府性基金预算财政拨款'] },
    '政府性基金.基本支出': { sources: ['政府性基金预算财政拨款'], kinds: ['基本支出'] },
    '政府性基金.项目支出': { sources: ['政府性基金预算财政拨款'], kinds: ['项目支出'] },
    国有资本经营: { sources: ['国有资本经营预算财政拨款'] },
    其他资金: { sources: ['事业收入', '事业单位经营收入', '其他收入'] },
    事业收入: { sources: ['事业收入'] },
    事业单位经营收入: { sources: ['事业单位经营收入'] },
    其他收入: { sources: ['其他收入'] },
    财政专户管理资金: { none: true },
    上年结转资金: { none: true },
    单位预留机动经费: { none: true },
    结转下年资金: { none: true },
    财政拨款上年结转资金: { none: true },
    财政拨款结转下年资金: { none: true },
    收入合计: { plus: ['上年结转资金'] },
    支出合计: { plus: ['结转下年资金'] },
    支出预算合计: { plus: ['单位预留机动经费', '结转下年资金'] },
    财政拨款收入合计: fiscal({ plus: ['财政拨款上年结转资金'] }),
    财政拨款支出合计: { plus: ['财政拨款结转下年资金'] },
    三公经费: fiscal({ economicCodes: ['30212', '30217', '31013', '30231'] }),
    '三公加会议培训': fiscal({ economicCodes: ['30212', '30217', '31013', '30231', '30215', '30216'] }),
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
  // its uses (with 单位预留机动经费, 结转下年资金) and 财政拨款 spending as table 4 prints it.
  narrative: {
    income: [
      {
        lead: { label: '收入预算', table: 1, row: '收入合计', column: '收入.预算数', change: 'total' },
        parts: [
          { label: '财政拨款收入', table: 1, row: '一、财政拨款', column: '收入.预算数', change: 'fiscal' },
          { label: '财政专户管理资金收入', table: 1, row: '二、财政专户管理资金', column: '收入.预算数' },
          { label: '其他资金收入', table: 1, row: '三、其他资金', column: '收入.预算数' },
          { label: '上年结转资金', table: 1, row: '上年结转资金', column: '收入.预算数' },
        ],
      },
      {
        within: '财政拨款收入',
        parts: [
          { label: '一般公共预算收入', table: 1, row: '1、一般公共预算', column: '收入.预算数', change: 'source:一般公共预算财政拨款' },
          { label: '政府性基金预算收入', table: 1, row: '2、政府性基金预算', column: '收入.预算数', change: 'source:政府性基金预算财政拨款' },
          { label: '国有资本经营预算收入', table: 1, row: '3、国有资本经营预算', column: '收入.预算数', change: 'source:国有资本经营预算财政拨款' },
        ],
      },
    ],
    spending: [
      {
        lead: { label: '支出预算', table: 1, row: '支出合计', column: '支出.按支出用途.预算数', change: 'total' },
        parts: [
          { label: '基本支出', table: 1, row: '基本支出', column: '支出.按支出用途.预算数' },
          { label: '项目支出', table: 1, row: '项目支出', column: '支出.按支出用途.预算数' },
          { label: '单位预留机动经费', table: 1, row: '单位预留机动经费', column: '支出.按支出用途.预算数' },
          { label: '结转下年资金', table: 1, row: '结转下年资金', column: '支出.按支出用途.预算数' },
        ],
      },
      {
        lead: { label: '财政拨款支出预算', table: 4, row: '支出合计', column: '财政拨款支出.合计', change: 'fiscal' },
        parts: [
          { label: '一般公共预算拨款支出预算', table: 4, row: '支出合计', column: '财政拨款支出.一般公共预算', change: 'source:一般公共预算财政拨款' },
          { label: '政府性基金拨款支出预算', table: 4, row: '支出合计', column: '财政拨款支出.政府性基金预算', change: 'source:政府性基金预算财政拨款' },
        ],
      },
    ],
    classes: { table: 5, column: '本年预算.合计' },
    sectionFigures: [
      { key: 'sangong:total', table: 9, column: '“三公”经费.小计' },
      { key: 'sangong:abroad', table: 9, column: '“三公”经费.因公出国（境）费' },
      { key: 'sangong:vehicles', table: 9, column: '“三公”经费.公务用车购置及运行维护费.小计' },
      { key: 'sangong:vehiclePurchase', table: 9, column: '“三公”经费.公务用车购置及运行维护费.购置费' },
      { key: 'sangong:vehicleOperation', table: 9, column: '“三公”经费.公务用车购置及运行维护费.运行维护费' },
      { key: 'sangong:reception', table: 9, column: '“三公”经费.公务接待费' },
      { key: 'officeExpenses', table: 11, row: '合计', column: '合计' },
    ],
  },
  tables: [
    {
      number: 1,
      title: '{year}年{scope}收支预算总表',
      unit: '万元',
      zero: '0.00',
      header: [
        [['收入', 1, 2], ['支出', 1, 4]],
        [['项目', 2], ['预算数', 2], ['按功能分类', 1, 2], ['按支出用途', 1, 2]],
        [['项目'], ['预算数'], ['项目'], ['预算数']],
      ],
      columns: [
        { key: '收入.项目', type: 'text', role: 'label' },
        { key: '收入.预算数', type: 'amount', measure: '全部' },
        { key: '支出.按功能分类.项目', type: 'text', role: 'label' },
        { key: '支出.按功能分类.预算数', type: 'amount', measure: '全部' },
        { key: '支出.按支出用途.项目', type: 'text', role: 'label' },
        { key: '支出.按支出用途.预算数', type: 'amount', measure: '全部' },
      ],
      sums: [
        { total: '一、财政拨款', parts: ['1、一般公共预算', '2、政府性基金预算', '3、国有资本经营预算'] },
        { total: '当年收入小计', parts: ['一、财政拨款', '二、财政专户管理资金', '三、其他资金'] },
        { total: '收入合计', parts: ['当年收入小计', '上年结转资金'] },
        { total: '当年支出小计', parts: ['{classes}'] },
        { total: '当年支出小计', parts: ['基本支出', '项目支出', '单位预留机动经费'] },
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
                  { label: '1、一般公共预算', measure: '一般公共预算' },
                  { label: '2、政府性基金预算', measure: '政府性基金' },
                  { label: '3、国有资本经营预算', measure: '国有资本经营', onlyIfNonZero: true },
                  { label: '二、财政专户管理资金', measure: '财政专户管理资金' },
                  { label: '三、其他资金', measure: '其他资金' },
                ],
              },
            ],
            footer: [
              { label: '当年收入小计', measure: '全部' },
              { label: '上年结转资金', measure: '上年结转资金' },
              { label: '收入合计', measure: '收入合计', level: 'total' },
            ],
          },
          {
            column: 2,
            width: 2,
            blocks: [{ classes: { measure: '全部', label: '{name}' } }],
            footer: [
              { label: '当年支出小计', measure: '全部' },
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
                  { label: '基本支出', measure: '全部.基本支出' },
                  { label: '项目支出', measure: '全部.项目支出' },
                  { label: '单位预留机动经费', measure: '单位预留机动经费' },
                ],
              },
            ],
            footer: [
              { label: '当年支出小计', measure: '全部' },
              { label: '结转下年资金', measure: '结转下年资金' },
              { label: '支出合计', measure: '支出合计', level: 'total' },
            ],
          },
        ],
      },
    },
    {
      number: 2,
      title: '{year}年{scope}收入预算总表',
      unit: '万元',
      zero: '0.00',
      header: [[['资金类别'], ['项目'], ['预算数']]],
      columns: [
        { key: '资金类别', type: 'text', role: 'label' },
        { key: '项目', type: 'text', role: 'label' },
        { key: '预算数', type: 'amount', measure: '全部' },
      ],
      sums: [
        { total: '合计', parts: ['财政拨款', '财政专户管理资金', '其他资金', '上年结转资金'] },
        { total: '财政拨款', parts: ['一般公共预算', '政府性基金预算', '国有资本经营预算'] },
        { total: '其他资金', parts: ['事业收入', '事业单位经营收入', '其他收入'] },
      ],
      rows: {
        kind: 'items',
        items: [
          { label: '合计', labels: ['合计', ''], measure: '收入合计', level: 'total' },
          { label: '财政拨款', labels: ['财政拨款', '小计'], measure: '财政拨款' },
          { label: '一般公共预算', labels: ['', '一般公共预算'], measure: '一般公共预算' },
          { label: '政府性基金预算', labels: ['', '政府性基金预算'], measure: '政府性基金' },
          { label: '国有资本经营预算', labels: ['', '国有资本经营预算'], measure: '国有资本经营', onlyIfNonZero: true },
          { label: '财政专户管理资金', labels: ['财政专户管理资金', '小计'], measure: '财政专户管理资金' },
          { label: '其他资金', labels: ['其他资金', '小计'], measure: '其他资金' },
          { label: '事业收入', labels: ['', '事业收入'], measure: '事业收入' },
          { label: '事业单位经营收入', labels: ['', '事业单位经营收入'], measure: '事业单位经营收入' },
          { label: '其他收入', labels: ['', '其他收入'], measure: '其他收入' },
          { label: '上年结转资金', labels: ['上年结转资金', '小计'], measure: '上年结转资金' },
        ],
      },
    },
    {
      number: 3,
      title: '{year}年{scope}支出预算总表',
      unit: '万元',
      zero: '0.00',
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
      title: '{year}年{scope}财政拨款收支预算总表',
      unit: '万元',
      zero: '0.00',
      header: [
        [['财政拨款收入', 1, 2], ['财政拨款支出', 1, 4]],
        [['项目'], ['预算数'], ['项目'], ['合计'], ['一般公共预算'], ['政府性基金预算']],
      ],
      columns: [
        { key: '财政拨款收入.项目', type: 'text', role: 'label' },
        { key: '财政拨款收入.预算数', type: 'amount', measure: '全部' },
        { key: '财政拨款支出.项目', type: 'text', role: 'label' },
        { key: '财政拨款支出.合计', type: 'amount', measure: '财政拨款' },
        { key: '财政拨款支出.一般公共预算', type: 'amount', measure: '一般公共预算' },
        { key: '财政拨款支出.政府性基金预算', type: 'amount', measure: '政府性基金' },
      ],
      sums: [
        { total: '当年收入小计', parts: ['一、一般公共预算', '二、政府性基金预算', '三、国有资本经营预算'] },
        { total: '收入合计', parts: ['当年收入小计', '上年结转资金'] },
        { total: '当年支出小计', parts: ['基本支出', '项目支出', '单位预留机动经费'] },
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
                  { label: '一、一般公共预算', measure: '一般公共预算' },
                  { label: '二、政府性基金预算', measure: '政府性基金' },
                  { label: '三、国有资本经营预算', measure: '国有资本经营', onlyIfNonZero: true },
                ],
              },
            ],
            footer: [
              { label: '当年收入小计', measure: '财政拨款' },
              { label: '上年结转资金', measure: '财政拨款上年结转资金' },
              { label: '收入合计', measure: '财政拨款收入合计', level: 'total' },
            ],
          },
          {
            column: 2,
            width: 4,
            blocks: [
              {
                items: [
                  { label: '基本支出', measure: '全部.基本支出' },
                  { label: '项目支出', measure: '全部.项目支出' },
                  { label: '单位预留机动经费', measure: '单位预留机动经费' },
                ],
              },
            ],
            footer: [
              { label: '当年支出小计' },
              { label: '结转下年资金', measure: '财政拨款结转下年资金' },
              { label: '支出合计', measure: '财政拨款支出合计', level: 'total' },
            ],
          },
        ],
      },
    },
    functionTable(5, '财政拨款支出预算表（功能科目）', '财政拨款'),
    economicTable(6, '财政拨款基本支出预算表（经济科目）', [
      ['合计', '财政拨款.基本支出'],
      ['人员经费', '财政拨款.人员经费'],
      ['公用经费', '财政拨款.公用经费'],
    ]),
    functionTable(7, '一般公共预算支出预算表（功能科目）', '一般公共预算'),
    economicTable(8, '一般公共预算基本支出预算表（经济科目）', [['合计', '一般公共预算.基本支出']]),
    {
      number: 9,
      title: '{year}年{scope}“三公”经费、会议费、培训费支出预算表',
      unit: '万元',
      zero: '0.00',
      header: [
        [['合计', 3], ['“三公”经费', 1, 6], ['会议费', 3], ['培训费', 3]],
        [['小计', 2], ['因公出国（境）费', 2], ['公务用车购置及运行维护费', 1, 3], ['公务接待费', 2]],
        [['小计'], ['购置费'], ['运行维护费']],
      ],
      columns: [
        { key: '合计', type: 'amount', measure: '三公加会议培训' },
        { key: '“三公”经费.小计', type: 'amount', measure: '三公经费' },
        { key: '“三公”经费.因公出国（境）费', type: 'amount', measure: '因公出国' },
        { key: '“三公”经费.公务用车购置及运行维护费.小计', type: 'amount', measure: '公务用车' },
        { key: '“三公”经费.公务用车购置及运行维护费.购置费', type: 'amount', measure: '公务用车购置' },
        { key: '“三公”经费.公务用车购置及运行维护费.运行维护费', type: 'amount', measure: '公务用车运行维护' },
        { key: '“三公”经费.公务接待费', type: 'amount', measure: '公务接待' },
        { key: '会议费', type: 'amount', measure: '会议费' },
        { key: '培训费', type: 'amount', measure: '培训费' },
      ],
      rows: { kind: 'single' },
    },
    functionTable(10, '财政拨款政府性基金支出预算表', '政府性基金', '政府性基金预算财政拨款支出'),
    economicTable(11, '一般公共预算机关运行经费支出预算表', [['合计', '机关运行经费']], '机关运行经费（所属单位均为事业单位）'),
    {
      number: 12,
      title: '{year}年{scope}政府采购预算表',
      unit: '万元',
      zero: 'blank',
      header: [[['采购项目'], ['采购品目'], ['采购方式'], ['金额']]],
      columns: [
        { key: '采购项目', type: 'text', role: 'field', field: 'project' },
        { key: '采购品目', type: 'text', role: 'field', field: 'item' },
        { key: '采购方式', type: 'text', role: 'field', field: 'method' },
        { key: '金额', type: 'amount', field: 'amount' },
      ],
      rows: { kind: 'schedule', schedule: 'procurement', groupBy: 'kind' },
      total: { place: 'first', label: '合计' },
      notes: [{ when: 'empty', text: '注：本{scope}{year}年无政府采购预算，故本表无数据。' }],
    },
  ],
};
