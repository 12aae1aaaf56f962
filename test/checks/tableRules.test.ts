import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, buildCatalog } from '../../shared/core/catalog/catalog';
import { checkPublication, identifyTable } from '../../shared/core/checks/index';
import { SEED_DERIVED, getCell, places, readTables, roots, rowWith, setCell, table, variant } from './publications';

const seed = () => readTables(SEED_DERIVED);

describe('table rules: each is triggered by a planted error and silent on the consistent tables', () => {
  it('T-TABLE: a table whose title names none of the nine, or without code columns, is not reviewed (warning)', () => {
    const tables = seed();
    tables.push({ title: '2024 年部门政府采购预算表', unit: '元', columns: ['项目', '金额'], rows: [['货物', '1,000.00']] });
    table(tables, 3).columns = table(tables, 3).columns.map((c) => (c === '类' || c === '款' || c === '项' ? '层次' : c));
    const findings = checkPublication(tables);
    expect(findings.map((f) => [f.rule, f.severity, f.place.table])).toEqual([
      ['T-TABLE', '警告', undefined],
      ['T-TABLE', '警告', 3],
    ]);
    expect(findings[0].message).toContain('第 10 张表“2024 年部门政府采购预算表”无法从标题识别');
    expect(findings[1].message).toBe('表 3“2024 年部门支出预算总表”找不到科目编码列（“类”“款”“项”或“科目编码”），该表未审核；请核对表头');
  });

  it('T-TABLE: a table 9 without any 三公 column is not reviewed (warning)', () => {
    const tables = seed();
    table(tables, 9).columns = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];
    const findings = checkPublication(tables);
    expect(findings.map((f) => [f.rule, f.place.table])).toEqual([['T-TABLE', 9]]);
  });

  it('the nine titles are recognized in the department’s and a unit’s wording', () => {
    expect(seed().map((t) => identifyTable(t.title))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(variant('unit-titles').map((t) => identifyTable(t.title))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('T-NUMBER: a misplaced separator or more than two decimals is malformed; 0, 0.00 and - are zero', () => {
    const tables = seed();
    const row = rowWith(tables, 2, '2080506');
    setCell(tables, 2, row, '财政拨款收入', '4,00162.16');
    setCell(tables, 2, rowWith(tables, 2, '2101102'), '事业收入', '0');
    setCell(tables, 2, rowWith(tables, 2, '2210201'), '事业收入', '-');
    setCell(tables, 3, rowWith(tables, 3, '2080506'), '项目支出', '0.00');
    setCell(tables, 8, rowWith(tables, 8, '30204'), '合计', '1,800.005');
    expect(places(checkPublication(tables))).toEqual([
      { rule: 'T-NUMBER', table: 2, row, column: '财政拨款收入' },
      { rule: 'T-NUMBER', table: 8, row: rowWith(tables, 8, '30204'), column: '合计' },
    ]);
  });

  it('T-NUMBER-STYLE: an ungrouped amount among grouped ones is reported; small ones and a publication without separators are not', () => {
    const tables = seed();
    const row = rowWith(tables, 8, '30299');
    setCell(tables, 8, row, '合计', '97000.00');
    setCell(tables, 8, rowWith(tables, 8, '30204'), '合计', '1800.00'.replace('1800', '1,800'));
    setCell(tables, 8, rowWith(tables, 8, '30399'), '人员经费', '9720.00'.replace('9720', '9,720'));
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-NUMBER-STYLE', table: 8, row, column: '合计' }]);
    expect(checkPublication(variant('whole-yuan'))).toEqual([]);
  });

  it('a blank in one table where another prints 0.00 or 0 is a consistent style, not an error', () => {
    const tables = seed();
    const fill = (id: number, zero: string) => {
      const t = table(tables, id);
      t.rows = t.rows.map((r) => r.map((cell, c) => (cell === '' && c >= t.columns.indexOf('合计') ? zero : cell)));
    };
    fill(2, '0.00');
    fill(8, '0');
    expect(getCell(tables, 2, 0, '事业收入')).toBe('0.00');
    expect(getCell(tables, 8, 0, '公用经费')).toBe('0');
    expect(checkPublication(tables)).toEqual([]);
  });

  it('T-NEGATIVE: a negative amount is reported at each cell; the sums are still checked', () => {
    const fund = table(seed(), 6);
    delete fund.note; // it says the table is empty: a table with figures has no such note
    fund.rows = [
      ['212', '08', '01', '征地和拆迁补偿支出', '-100.00', '', '-100.00'],
      ['合计', '', '', '', '-100.00', '', '-100.00'],
    ];
    const findings = checkPublication([fund]);
    expect(places(findings)).toEqual([
      { rule: 'T-NEGATIVE', table: 6, row: 0, column: '合计' },
      { rule: 'T-NEGATIVE', table: 6, row: 0, column: '项目支出' },
      { rule: 'T-NEGATIVE', table: 6, row: 1, column: '合计' },
      { rule: 'T-NEGATIVE', table: 6, row: 1, column: '项目支出' },
    ]);
    fund.rows[0][4] = fund.rows[0][6] = fund.rows[1][4] = fund.rows[1][6] = '100.00';
    expect(checkPublication([fund])).toEqual([]);
  });

  it('T-CODE: a repeated 科目 and an amount without a code are reported at their rows', () => {
    const tables = seed();
    const t8 = table(tables, 8);
    const twin = rowWith(tables, 8, '基本工资');
    t8.rows.splice(twin + 1, 0, [...t8.rows[twin]]);
    const t2 = table(tables, 2);
    t2.rows.splice(4, 0, ['', '', '', '不明支出', '100.00', '100.00', '', '', '']);
    t2.rows.splice(5, 0, ['', '', '', '', '', '', '', '', '']);
    expect(places(checkPublication(tables))).toEqual([
      { rule: 'T-CODE', table: 2, row: 4, column: '类' },
      { rule: 'T-CODE', table: 8, row: twin + 1, column: '类' },
    ]);
  });

  it('T-CODE-UNKNOWN: a code the catalog does not know is a warning; with a catalog that knows it, nothing', () => {
    const tables = seed();
    const row = rowWith(tables, 8, '基本工资');
    setCell(tables, 8, row, '款', '00');
    const findings = checkPublication(tables);
    expect(findings.map((f) => [f.rule, f.severity, f.place.table, f.place.row])).toEqual([['T-CODE-UNKNOWN', '警告', 8, row]]);
    // the edition is the publication's year (its titles say 2024), and the finding says which it was
    expect(findings[0].message).toBe('表 8 第 2 行科目编码 30100 不在内置 2024 年版经济分类科目表中；请核对编码，或导入当年的科目表');
    const economic = buildCatalog('economic', [...BUILTIN_CATALOGS.economic.entries.values(), { code: '30100', name: '基本工资', source: '导入:2025' }], 2025);
    expect(checkPublication(tables, { ...BUILTIN_CATALOGS, economic })).toEqual([]);
  });

  it('T-CODE-UNKNOWN: a 类 name in table 1 that no table or catalog knows is a warning', () => {
    const tables = seed();
    const row = rowWith(tables, 1, '十、城乡社区支出');
    setCell(tables, 1, row, '本年支出.项目', '十、城乡社区事务');
    const findings = checkPublication(tables);
    expect(findings.map((f) => [f.rule, f.severity, f.place.table, f.place.row])).toEqual([['T-CODE-UNKNOWN', '警告', 1, row]]);
    expect(findings[0].message).toContain('“城乡社区事务”不是功能分类中类的名称');
  });

  it('T-ROW-SUM: a row whose 合计 is not 基本 + 项目 is reported at its 合计', () => {
    const tables = seed();
    const row = rowWith(tables, 3, '2080505');
    setCell(tables, 3, row, '合计', '800,342.32');
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-ROW-SUM', table: 3, row, column: '合计' }]);
    expect(findings[0].message).toBe('表 3 第 3 行“2080505 机关事业单位基本养老保险缴费支出”“合计”列为 800,342.32，但基本支出 + 项目支出 = 800,324.32，相差 18.00；请核对该行各列');
  });

  it('T-ROW-SUM on table 9: differences within each figure’s own rounding are not errors, more is', () => {
    const tables = seed();
    setCell(tables, 9, 0, '公务用车购置及运行费.运行费', '2.71');
    expect(checkPublication(tables)).toEqual([]);
    setCell(tables, 9, 0, '公务用车购置及运行费.运行费', '2.75');
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-ROW-SUM', table: 9, row: 0, column: '公务用车购置及运行费.小计' }]);
  });

  it('T-PARENT-SUM: 财政拨款收入 in table 1 that is not the sum of its sources is reported there', () => {
    const t1 = table(seed(), 1);
    t1.rows[0][1] = '8,759,561.31';
    expect(places(checkPublication([t1]))).toEqual([{ rule: 'T-PARENT-SUM', table: 1, row: 0, column: '本年收入.预算数' }]);
  });

  it('T-TOTAL-SUM: a 合计 row that is not the sum of the leaf rows is reported at the 合计 row', () => {
    const tables = seed();
    const total = rowWith(tables, 8, '合计');
    setCell(tables, 8, total, '合计', '8,422,337.13');
    setCell(tables, 8, total, '人员经费', '7,677,056.59');
    expect(roots(checkPublication(tables))).toEqual([
      { rule: 'T-TOTAL-SUM', table: 8, row: total, column: '合计', consequences: [{ rule: 'T-TOTAL-SUM', table: 8, row: total, column: '人员经费' }] },
    ]);
  });

  it('T-BALANCE: 收入总计 different from 支出总计, each side adding up, is reported at 收入总计', () => {
    const t1 = table(seed(), 1);
    expect(checkPublication([t1])).toEqual([]);
    t1.rows[0][1] = t1.rows[1][1] = t1.rows[20][1] = '8,759,661.13';
    const findings = checkPublication([t1]);
    expect(places(findings)).toEqual([{ rule: 'T-BALANCE', table: 1, row: 20, column: '本年收入.预算数' }]);
    expect(findings[0].message).toContain('相差 100.00');
  });

  it('T-CROSS: table 3 adding up in itself but disagreeing with tables 1, 2 and 5 is reported in table 3', () => {
    const tables = seed();
    const changed = ['2101102', '21011', '210', '合计'].map((label) => rowWith(tables, 3, label));
    for (const row of changed) {
      for (const column of ['合计', '基本支出']) {
        const [int, dec] = getCell(tables, 3, row, column).replace(/,/g, '').split('.');
        setCell(tables, 3, row, column, `${(Number(int) + 9).toLocaleString('en-US')}.${dec}`);
      }
    }
    const findings = checkPublication(tables);
    // one error (the leaf, and every sum over it made to agree): one root, the rest its consequences
    expect(places(findings)).toEqual([{ rule: 'T-CROSS', table: 3, row: changed[0], column: '合计' }]);
    const all = [findings[0].place, ...findings[0].consequences!.map((c) => c.place)];
    expect(new Set(findings[0].consequences!.map((f) => f.rule))).toEqual(new Set(['T-CROSS']));
    expect(new Set(all.map((p) => p.table))).toEqual(new Set([3]));
    expect(new Set(all.map((p) => p.row))).toEqual(new Set(changed));
    const classRow = findings[0].consequences!.find((f) => f.place.row === changed[2] && f.place.column === '合计')!;
    expect(classRow.message).toBe(
      '表 3 第 5 行“210 卫生健康支出”“合计”列为 525,221.84，但表 1 第 8 行“八、卫生健康支出”“本年支出·预算数”列、表 2 第 5 行“210 卫生健康支出”“合计”列为 525,212.84，相差 9.00；功能分类 210 的支出合计在各表中应一致，请核对',
    );
  });

  it('T-CROSS: a leaf whose row adds up but contradicts other tables is reported at the leaf, not at its parent or the 合计', () => {
    const tables = seed();
    const row = rowWith(tables, 3, '2101102');
    setCell(tables, 3, row, '基本支出', '525,203.84');
    setCell(tables, 3, row, '项目支出', '9.00');
    const findings = checkPublication(tables);
    // one row whose own figures disagree with the other tables: one finding, its other column inside
    expect(roots(findings)).toEqual([{ rule: 'T-CROSS', table: 3, row, column: '基本支出', consequences: [{ rule: 'T-CROSS', table: 3, row, column: '项目支出' }] }]);
    expect(findings[0].message).toContain('但表 5、表 6、表 7中科目 2101102 的基本支出之和为 525,212.84，相差 -9.00；其上级科目 21011 与其他表一致');
  });

  it('T-BASIC: table 8 adding up in itself but not to table 5’s 基本支出 is reported at table 8’s 合计', () => {
    const tables = seed();
    for (const label of ['基本工资', '工资福利支出', '合计']) {
      const row = rowWith(tables, 8, label);
      for (const column of ['合计', '人员经费']) {
        const [int, dec] = getCell(tables, 8, row, column).replace(/,/g, '').split('.');
        setCell(tables, 8, row, column, `${(Number(int) + 100).toLocaleString('en-US')}.${dec}`);
      }
    }
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-BASIC', table: 8, row: rowWith(tables, 8, '合计'), column: '合计' }]);
    expect(findings[0].message).toContain('表 5 第 14 行“合计”“基本支出”列');
  });

  it('T-SANGONG: table 9 may exceed table 8 (project money) and need not match an item table 8 does not list', () => {
    const tables = seed();
    setCell(tables, 9, 0, '公务用车购置及运行费.运行费', '3.70');
    setCell(tables, 9, 0, '公务用车购置及运行费.小计', '3.70');
    setCell(tables, 9, 0, '因公出国（境）费', '1.00');
    setCell(tables, 9, 0, '合计', '4.99');
    expect(checkPublication(tables)).toEqual([]);
    setCell(tables, 9, 0, '公务用车购置及运行费.运行费', '2.60');
    setCell(tables, 9, 0, '公务用车购置及运行费.小计', '2.60');
    setCell(tables, 9, 0, '合计', '3.89');
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-SANGONG', table: 9, row: 0, column: '公务用车购置及运行费.运行费' }]);
  });

  it('T-SANGONG: a table 9 printed in 元 is compared with table 8 in 元', () => {
    const tables = seed();
    const t9 = table(tables, 9);
    t9.unit = '元';
    t9.rows = [['29,926.00', '', '2,926.00', '27,000.00', '', '27,000.00', '']];
    expect(checkPublication(tables)).toEqual([]);
    t9.rows = [['29,925.00', '', '2,925.00', '27,000.00', '', '27,000.00', '']];
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-SANGONG', table: 9, row: 0, column: '公务接待费' }]);
    expect(findings[0].message).toContain('为 2,925.00 元，少于表 8 第 21 行“30217 公务接待费”“合计”列的 2,926.00 元；');
  });

  it('a department that puts 303 into 公用经费 is not an error: 人员经费 = 301 + 303 is a default', () => {
    const tables = seed();
    for (const label of ['对个人和家庭的补助', '其他对个人和家庭的补助']) {
      const row = rowWith(tables, 8, label);
      setCell(tables, 8, row, '人员经费', '');
      setCell(tables, 8, row, '公用经费', '9,720.00');
    }
    const total = rowWith(tables, 8, '合计');
    setCell(tables, 8, total, '人员经费', '7,667,236.59');
    setCell(tables, 8, total, '公用经费', '755,000.54');
    expect(checkPublication(tables)).toEqual([]);
  });
});
