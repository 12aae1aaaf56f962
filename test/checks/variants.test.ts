import { describe, expect, it } from 'vitest';
import { checkPublication } from '../../shared/core/checks/index';
import type { PublishedTableInput } from '../../shared/core/checks/index';
import { SEED_DERIVED, places, readTables, roots, rowWith, setCell, variant } from './publications';
import { carryOver, emptyMarks, unitTable1 } from './styles';

const STYLES = ['whole-yuan', 'zero-cells', 'listed-classes', 'code-column', 'unit-titles', 'older-labels', 'carry-over', 'unit-table1', 'empty-marks'];

describe('publications printed in other styles', () => {
  it.each(STYLES)('%s: a consistent publication passes clean', (name) => {
    expect(checkPublication(variant(name))).toEqual([]);
  });

  it('carry-over, unit-table1 and empty-marks are the sample in the styles of styles.ts', () => {
    const sample = readTables(SEED_DERIVED);
    const unitTitles = (tables: PublishedTableInput[]) => tables.map((t) => ({ ...t, title: t.title.replace('年部门', '年单位') }));
    expect(variant('carry-over')).toEqual(carryOver(12_345)(sample));
    expect(variant('unit-table1')).toEqual(unitTitles(unitTable1(sample)));
    expect(variant('empty-marks')).toEqual(emptyMarks('（此表无数据）')(sample));
  });

  it('whole-yuan: a wrong 类 subtotal in table 8 is caught at that row only', () => {
    const tables = variant('whole-yuan');
    const row = rowWith(tables, 8, '商品和服务支出');
    setCell(tables, 8, row, '合计', '745281');
    setCell(tables, 8, row, '公用经费', '745281');
    expect(roots(checkPublication(tables))).toEqual([
      { rule: 'T-PARENT-SUM', table: 8, row, column: '合计', consequences: [{ rule: 'T-PARENT-SUM', table: 8, row, column: '公用经费' }] },
    ]);
  });

  it('whole-yuan: a misplaced separator is malformed, a lone grouped number makes the table mixed', () => {
    const tables = variant('whole-yuan');
    const row = rowWith(tables, 3, '其他城乡社区管理事务支出');
    setCell(tables, 3, row, '基本支出', '6,34696');
    setCell(tables, 5, row, '基本支出', '6,346,396');
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([
      { rule: 'T-NUMBER', table: 3, row, column: '基本支出' },
      { rule: 'T-NUMBER-STYLE', table: 5, row, column: '基本支出' },
    ]);
    expect(findings[1].message).toMatch(/^表 5 中 1,000 以上的金额有两种写法：用千分位分隔符的 1 处（如 表 5 第 10 行“2120199 其他城乡社区管理事务支出”“基本支出”列“6,346,396”），不用的 \d+ 处/);
  });

  it('zero-cells: a wrong 类 in table 1 is caught at that 类, not at the total', () => {
    const tables = variant('zero-cells');
    const row = rowWith(tables, 1, '十、城乡社区支出');
    setCell(tables, 1, row, '本年支出.预算数', '6,683,791.92');
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-CROSS', table: 1, row, column: '本年支出.预算数' }]);
    expect(findings[0].message).toContain('表 2 第 8 行“212 城乡社区支出”“合计”列');
  });

  it('listed-classes: a wrong budget-kind amount in table 4 is caught in its row', () => {
    const tables = variant('listed-classes');
    const row = rowWith(tables, 4, '三、城乡社区支出');
    setCell(tables, 4, row, '财政拨款支出.一般公共预算', '6,683,000.00');
    expect(roots(checkPublication(tables))).toEqual([
      { rule: 'T-ROW-SUM', table: 4, row, column: '财政拨款支出.合计', consequences: [{ rule: 'T-CROSS', table: 4, row, column: '财政拨款支出.一般公共预算' }] },
    ]);
  });

  it('code-column: a wrong 款 subtotal is caught at the 款; a malformed code at its row', () => {
    const tables = variant('code-column');
    const kuan = rowWith(tables, 2, '21201');
    setCell(tables, 2, kuan, '合计', '6,684,719.92');
    setCell(tables, 2, kuan, '财政拨款收入', '6,684,719.92');
    const item = rowWith(tables, 5, '2101102');
    setCell(tables, 5, item, '科目编码', '21O1102');
    expect(roots(checkPublication(tables))).toEqual([
      { rule: 'T-PARENT-SUM', table: 2, row: kuan, column: '合计', consequences: [{ rule: 'T-PARENT-SUM', table: 2, row: kuan, column: '财政拨款收入' }] },
      { rule: 'T-CODE', table: 5, row: item, column: '科目编码', consequences: [] },
    ]);
  });

  it('unit-titles: table 9 below table 8 is caught at the 三公 item', () => {
    const tables = variant('unit-titles');
    setCell(tables, 9, 0, '公务接待费', '0.20');
    setCell(tables, 9, 0, '合计', '2.90');
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-SANGONG', table: 9, row: 0, column: '公务接待费' }]);
    expect(findings[0].message).toContain('2,926.00 元');
  });

  it('older-labels: a wrong 一般公共预算资金 in table 1 is caught at that line, not at 财政拨款收入', () => {
    const tables = variant('older-labels');
    const row = rowWith(tables, 1, '1、一般公共预算资金');
    setCell(tables, 1, row, '本年收入.预算数', '8,759,516.13');
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-CROSS', table: 1, row, column: '本年收入.预算数' }]);
  });
});
