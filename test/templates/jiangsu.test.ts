import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublicationByTemplate } from '../../shared/core/checks/byTemplate';
import { newWorkbook, type LineItem, type Workbook } from '../../shared/core/model';
import { emptySchedules } from '../../shared/core/schedules/model';
import { toPublication, type PublishedTable } from '../../shared/core/tables/published';

import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { readPublicationFile } from '../../main/excel/readPublication';
import { tempDir } from '../excel/helpers';

const GENERAL = '一般公共预算财政拨款';

let nextId = 1;
function line(unit: string, functionCode: string, economicCode: string, kind: LineItem['kind'], source: LineItem['source'], project: string, yuan: number): LineItem {
  return { id: nextId++, unit, functionCode, economicCode, kind, source, project, amount: Math.round(yuan * 100) };
}

/** A small department whose figures are worked out by hand below (万元, rounded half up). */
function smallDepartment(): Workbook {
  const wb = newWorkbook('某厅', 2019);
  wb.template = 'jiangsu-province';
  wb.units = [
    { name: '甲局', type: '行政单位' },
    { name: '乙中心', type: '事业单位' },
  ];
  wb.lines = [
    line('甲局', '2010101', '30101', '基本支出', GENERAL, '', 1_000_000), // 100.00 人员经费
    line('甲局', '2010101', '30201', '基本支出', GENERAL, '', 200_000), // 20.00 公用经费, 机关运行经费
    line('甲局', '2010101', '30217', '基本支出', GENERAL, '', 12_345), // 1.2345 公务接待费, 机关运行经费
    line('甲局', '2010102', '30215', '项目支出', GENERAL, '会议', 50_000), // 5.00 会议费
    line('乙中心', '2080505', '30108', '基本支出', GENERAL, '', 300_000), // 30.00
    line('乙中心', '2120199', '30216', '项目支出', '政府性基金预算财政拨款', '培训', 80_000), // 8.00 培训费
    line('乙中心', '2120199', '30231', '基本支出', '事业收入', '', 40_000), // 4.00 not 财政拨款: no 三公
    line('甲局', '2010101', '31013', '项目支出', GENERAL, '用车', 250_000), // 25.00 公务用车购置费
  ];
  const tie = { unit: '甲局', quantity: 1, smeReserved: 0, smallMicro: 0 };
  wb.schedules = {
    ...emptySchedules(),
    procurement: [
      { ...tie, project: '用车', economicCode: '31013', kind: '货物', item: '公务用车', method: '公开招标', unitPrice: 25_000_000, amount: 25_000_000 },
      { ...tie, project: '', economicCode: '30201', kind: '服务', item: '物业管理服务', method: '询价', unitPrice: 15_000_000, amount: 15_000_000 },
    ],
  };
  return wb;
}

const rows = (t: PublishedTable) => t.rows.map((r) => r.join('|'));

describe('jiangsu-province: the twelve tables of a provincial 部门预算', () => {
  const wb = smallDepartment();
  const pub = toPublication(wb.department, wb.year, deriveWorkbookTables(wb), 'jiangsu-province');
  const t = (n: number) => pub.tables[n - 1];

  it('prints each table’s figures as worked out by hand (万元, codes in one column, 合计 first, zero blank)', () => {
    expect(pub.tables.map((x) => x.title)).toEqual([
      '收支预算总表',
      '收入预算总表',
      '支出预算总表',
      '财政拨款收支预算总表',
      '财政拨款支出预算表（功能科目）',
      '财政拨款基本支出预算表（经济科目）',
      '一般公共预算支出预算表（功能科目）',
      '一般公共预算基本支出预算表（经济科目）',
      '“三公”经费、会议费、培训费支出预算表',
      '财政拨款政府性基金支出预算表',
      '一般公共预算机关运行经费支出预算表',
      '2019年政府采购预算表',
    ]);
    expect(pub.tables.every((x) => x.unit === '万元')).toBe(true);
    // all 21 类 of 2019 numbered, with money or not: 201 = 100 + 20 + 1.2345 + 5 + 25; 208 = 30; 212 = 8 + 4 (事业收入)
    const money: Record<string, string> = { 一般公共服务支出: '151.23', 社会保障和就业支出: '30.00', 城乡社区支出: '12.00' };
    const classes = ['一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探信息等支出', '商业服务业等支出', '金融支出', '自然资源海洋气象等支出', '住房保障支出', '粮油物资储备支出', '灾害防治及应急管理支出', '其他支出'];
    const numbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一'];
    const left = ['一、财政拨款|189.23', '1.一般公共预算|181.23', '2.政府性基金预算|8.00', '二、财政专户管理资金|', '三、其他资金|4.00'];
    const right = ['一、基本支出|155.23', '二、项目支出|38.00', '三、单位预留机动经费|'];
    expect(rows(t(1))).toEqual([
      ...classes.map((c, i) => `${left[i] ?? '|'}|${numbers[i]}、${c}|${money[c] ?? ''}|${right[i] ?? '|'}`),
      '当年收入小计|193.23|当年支出小计|193.23||',
      '上年结转资金||结转下年资金|||',
      '收入合计|193.23|支出合计|193.23||',
    ]);
    expect(rows(t(2))).toEqual([
      '|收入总计|193.23',
      '一般公共预算资金|小计|181.23',
      '|公共财政拨款(补助)资金|181.23',
      '|专项收入|',
      '政府性基金|小计|8.00',
      '财政专户管理资金|小计|',
      '|专户管理教育收费|',
      '|其他非税收入|',
      '其他资金|小计|4.00',
      '|事业收入|4.00',
      '|经营收入|',
      '|其他收入|',
      '上年结转和结余资金|小计|',
      '|其中：动用上年结转和结余资金|',
    ]);
    expect(rows(t(3))).toEqual(['193.23|155.23|38.00||']);
    // 财政拨款 only: 基本 100 + 20 + 1.2345 + 30; 项目 5 + 8 + 25
    expect(rows(t(4))).toEqual(['一、一般公共预算|181.23|一、基本支出|151.23', '二、政府性基金预算|8.00|二、项目支出|38.00', '||三、单位预留机动经费|', '收入合计|189.23|支出合计|189.23']);
    const coded = (n: number) => t(n).rows.map((r) => [r[0] || r[1], ...r.slice(2)].join('|'));
    expect(coded(5)).toEqual(['合计|189.23', '201|151.23', '20101|151.23', '2010101|146.23', '2010102|5.00', '208|30.00', '20805|30.00', '2080505|30.00', '212|8.00', '21201|8.00', '2120199|8.00']);
    expect(coded(6)).toEqual(['合计|151.23', '301|130.00', '30101|100.00', '30108|30.00', '302|21.23', '30201|20.00', '30217|1.23']);
    expect(coded(7)).toEqual(['合计|181.23', '201|151.23', '20101|151.23', '2010101|146.23', '2010102|5.00', '208|30.00', '20805|30.00', '2080505|30.00']);
    expect(coded(8)).toEqual(['合计|151.23', '301|130.00', '30101|100.00', '30108|30.00', '302|21.23', '30201|20.00', '30217|1.23']);
    // 合计 | “三公” 小计 | 出国 | 用车 小计 | 购置 | 运行维护 (30231 is 事业收入: not 财政拨款) | 接待 | 会议费 | 培训费
    expect(rows(t(9))).toEqual(['39.23|26.23||25.00|25.00||1.23|5.00|8.00']);
    expect(coded(10)).toEqual(['合计|8.00', '212|8.00', '21201|8.00', '2120199|8.00']);
    expect(coded(11)).toEqual(['合计|21.23', '302|21.23', '30201|20.00', '30217|1.23']);
    // 类别, then 专项名称 × 经济科目 with its sum, then its items
    expect(rows(t(12))).toEqual([
      '合计|||||40.00',
      '一、货物A|||||25.00',
      '|用车|公务用车购置|||25.00',
      '|||公务用车|公开招标|25.00',
      '三、服务C|||||15.00',
      '|基本支出|办公费|||15.00',
      '|||物业管理服务|询价|15.00',
    ]);
    expect(t(10).note).toBeUndefined();
  });

  it('政府采购预算表: a 专项名称 repeated in the next subtotal is left blank, as the merged cell prints (省委办公厅 2019)', () => {
    const tie = { unit: '甲局', project: '会议', quantity: 1, smeReserved: 0, smallMicro: 0, method: '分散自行组织' };
    const withTwo = {
      ...wb,
      schedules: {
        ...emptySchedules(),
        procurement: [
          { ...tie, economicCode: '30215', kind: '服务' as const, item: '会议服务', unitPrice: 30_000_00, amount: 30_000_00 },
          { ...tie, economicCode: '30216', kind: '服务' as const, item: '会议服务', unitPrice: 20_000_00, amount: 20_000_00 },
        ],
      },
    };
    const t12 = toPublication(wb.department, wb.year, deriveWorkbookTables(withTwo)).tables[11];
    expect(rows(t12)).toEqual(['合计|||||5.00', '三、服务C|||||5.00', '|会议|会议费|||3.00', '|||会议服务|分散自行组织|3.00', '||培训费|||2.00', '|||会议服务|分散自行组织|2.00']);
    expect(checkPublicationByTemplate([t12])).toEqual([]);
  });

  it('a 类 printed by the class list’s 2019 name (资源勘探信息等支出, the catalog says 资源勘探工业信息等支出) is read back by it', () => {
    const with215 = { ...wb, lines: [...wb.lines, line('甲局', '2150101', '30201', '基本支出', GENERAL, '', 70_000)] };
    const t1 = toPublication(wb.department, wb.year, deriveWorkbookTables(with215), 'jiangsu-province').tables[0];
    expect(t1.rows[13].slice(2, 4)).toEqual(['十四、资源勘探信息等支出', '7.00']);
    expect(checkPublicationByTemplate([t1])).toEqual([]);
  });

  it('is checked clean, and an empty table carries its note', () => {
    expect(checkPublicationByTemplate(pub.tables)).toEqual([]);
    const noFund = { ...wb, lines: wb.lines.filter((l) => l.source !== '政府性基金预算财政拨款') };
    const t10 = toPublication(wb.department, wb.year, deriveWorkbookTables(noFund)).tables[9];
    expect(t10.rows).toEqual([['', '合计', '']]);
    expect(t10.note).toBe('注：本部门无相关收支项目');
  });

  it('is exported, read back cell for cell, recognised as Jiangsu’s and checked clean', async () => {
    const path = join(tempDir(), '江苏.xlsx');
    await exportPublication(wb, path, { narrative: false });
    const read = await readPublicationFile(path);
    expect(read.template).toBe('jiangsu-province');
    expect(read.warnings).toEqual([]);
    expect(read.tables.map(({ id, title, unit, columns, rows, note }) => ({ id, title, unit, columns, rows, ...(note ? { note } : {}) }))).toEqual(pub.tables);
    expect(checkPublicationByTemplate(read.tables)).toEqual([]);
  });

  // one cell in each table, with the row and column it is printed in
  const PLANTS: [table: number, row: number, column: string][] = [
    [1, 0, '收入.金额'],
    [2, 1, '金额'],
    [3, 0, '基本支出'],
    [4, 0, '支出.支出用途.金额'],
    [5, 1, '金额'],
    [6, 1, '金额'],
    [7, 1, '金额'],
    [8, 4, '金额'],
    [9, 0, '“三公”经费.小计'],
    [10, 1, '金额'],
    [11, 1, '机关运行经费支出'],
    [12, 1, '总计'],
  ];

  it.each(PLANTS)('a wrong figure in table %i is found at its place, once', (table, row, column) => {
    const tables = structuredClone(pub.tables);
    const target = tables[table - 1];
    const c = target.columns.indexOf(column);
    const before = target.rows[row][c];
    target.rows[row][c] = (Number(before.replace(/,/g, '')) + 1).toFixed(2);
    const errors = checkPublicationByTemplate(tables).filter((f) => f.severity === '错误');
    expect(errors.map((f) => f.place)).toEqual([{ table, row, column }]);
    expect(errors[0].message).toContain(`应为 ${before}万元`);
  });

  it('a table the template does not have is named in one finding, and the rest still checked', () => {
    const tables = [...structuredClone(pub.tables), { ...pub.tables[2], title: '2019年省级部门项目支出绩效目标表' }];
    const findings = checkPublicationByTemplate(tables);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['T-TABLE', '警告']]);
    expect(findings[0].message).toContain('“2019年省级部门项目支出绩效目标表”不是“江苏 省级部门预算（十二张表）”模板中的表');
  });
});
