import { describe, expect, it } from 'vitest';
import { checkPublication, type PublishedTableInput } from '../../shared/core/checks/index';
import { SEED_DERIVED, places, readTables, roots, rowWith, setCell, table } from './publications';
import { asDerived, carryOver, codeColumn, emptyMarks, plainNumbers, unitTable1, type Style } from './styles';

/** The sample's tables (as they must come out) in a printing style. */
const sample = (style: Style = asDerived): PublishedTableInput[] => style(readTables(SEED_DERIVED));

/** Retitles every table for another year (`2024 年…` → `2019 年…`). */
function forYear(tables: PublishedTableInput[], year: number): PublishedTableInput[] {
  for (const t of tables) {
    t.title = t.title.replace(/\d{4}/, String(year));
    // the 2019 edition names 20805 行政事业单位离退休 (as the 2019 Jiangsu publications print it; catalog/SOURCES.md P7)
    if (year <= 2019) for (const r of t.rows) r.forEach((c, i) => (r[i] = c === '行政事业单位养老支出' ? '行政事业单位离退休' : c));
  }
  return tables;
}

/** Inserts a row into a coded table after the row with `after`'s code. */
function insertRow(tables: PublishedTableInput[], id: number, after: string, row: string[]): number {
  const at = rowWith(tables, id, after) + 1;
  table(tables, id).rows.splice(at, 0, row);
  return at;
}

describe('1. a row whose code is printed malformed', () => {
  it('is reported once and still counts where its position puts it (no parent or total reported)', () => {
    const tables = sample();
    const row = rowWith(tables, 8, '30102');
    setCell(tables, 8, row, '款', '2');
    const item = rowWith(tables, 5, '2101102');
    setCell(tables, 5, item, '类', '7');
    expect(roots(checkPublication(tables))).toEqual([
      { rule: 'T-CODE', table: 5, row: item, column: '类', consequences: [] },
      { rule: 'T-CODE', table: 8, row, column: '类', consequences: [] },
    ]);
  });

  it('in one code column too (`301 7`)', () => {
    const tables = sample(codeColumn);
    const row = rowWith(tables, 8, '30107');
    setCell(tables, 8, row, '科目编码', '301 7');
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-CODE', table: 8, row, column: '科目编码' }]);
  });

  it('a wrong amount on such a row is still found, at its parent', () => {
    const tables = sample();
    const row = rowWith(tables, 8, '30102');
    setCell(tables, 8, row, '款', '2');
    setCell(tables, 8, row, '合计', '556,356.00');
    setCell(tables, 8, row, '人员经费', '556,356.00');
    const rules = places(checkPublication(tables)).map((p) => `${p.rule} ${p.row}`);
    expect(rules).toEqual([`T-PARENT-SUM ${rowWith(tables, 8, '301')}`, `T-CODE ${row}`]);
  });
});

describe('2. one error, one finding', () => {
  it('a 302 subtotal 1 元 above its 款, with the 合计 made from the 类: one root at 302, the rest its consequences', () => {
    const tables = sample();
    const row = rowWith(tables, 8, '302');
    const total = rowWith(tables, 8, '合计');
    setCell(tables, 8, row, '合计', '725,281.54');
    setCell(tables, 8, row, '公用经费', '725,281.54');
    setCell(tables, 8, total, '合计', '8,422,238.13');
    setCell(tables, 8, total, '公用经费', '745,281.54');
    const findings = checkPublication(tables);
    expect(roots(findings)).toEqual([
      {
        rule: 'T-PARENT-SUM',
        table: 8,
        row,
        column: '合计',
        consequences: [
          { rule: 'T-PARENT-SUM', table: 8, row, column: '公用经费' },
          { rule: 'T-TOTAL-SUM', table: 8, row: total, column: '合计' },
          { rule: 'T-TOTAL-SUM', table: 8, row: total, column: '公用经费' },
        ],
      },
    ]);
    expect(findings[0].message).toContain('相差 1.00');
  });

  it('two errors in one table with different differences stay two findings', () => {
    const tables = sample();
    const a = rowWith(tables, 8, '30201');
    const b = rowWith(tables, 8, '30101');
    setCell(tables, 8, a, '合计', '77,875.00');
    setCell(tables, 8, b, '合计', '995,666.00');
    expect(places(checkPublication(tables)).map((p) => p.row)).toEqual([b, a]);
  });
});

describe('3. empty-table placeholders', () => {
  it.each(['无', '此表为空', '本表为空', '（此表无数据）'])('“%s” in a code or name cell means an empty table', (mark) => {
    expect(checkPublication(sample(emptyMarks(mark)))).toEqual([]);
    expect(checkPublication(sample(emptyMarks(mark, 'name')))).toEqual([]);
  });

  it('a placeholder on a table with figures is a finding', () => {
    const tables = sample(emptyMarks('无'));
    const t3 = table(tables, 3);
    t3.rows.unshift(['无', '', '', '', '', '', '']);
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-EMPTY', table: 3, row: 0 }]);
  });
});

describe('4. notes are read', () => {
  it('table 7 with the note of table 6 is a finding; its own note is not', () => {
    const tables = sample();
    expect(checkPublication(tables)).toEqual([]);
    table(tables, 7).note = table(tables, 6).note;
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-NOTE', table: 7 }]);
    expect(findings[0].message).toContain('是国有资本经营预算支出表，表注却说的是政府性基金预算');
  });

  it('a note saying the table is empty on a table with figures is a finding', () => {
    const tables = sample();
    table(tables, 5).note = '备注：本部门 2024 年无一般公共预算财政拨款支出，故本表无数据。';
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-EMPTY', table: 5, row: 0, column: '合计' }]);
  });

  it('table 9’s note denying 机关运行经费 while the table prints one is a finding', () => {
    const tables = sample();
    table(tables, 9).rows[0][6] = '12.00';
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-NOTE', table: 9, row: 0, column: '机关运行经费预算数' }]);
  });
});

describe('5. code against name', () => {
  const withRow = (name: string) => {
    const tables = sample();
    // 30211 差旅费 printed as 30212 with a name
    const row = rowWith(tables, 8, '30211');
    table(tables, 8).rows[row] = ['302', '12', name, '20,000.00', '', '20,000.00'];
    return { tables, row };
  };

  it('a name that is not its code’s in that year’s catalog is a warning naming both, and the 三公 check skips the row', () => {
    const { tables, row } = withRow('机关事业单位退休人员活动费');
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-NAME', table: 8, row, column: '经济分类科目名称' }]);
    expect(findings[0].severity).toBe('警告');
    expect(findings[0].message).toContain('科目编码 30212 在内置 2024 年版经济分类科目表中是“因公出国（境）费用”');
    expect(findings[0].message).toContain('印为“30212 机关事业单位退休人员活动费”');
    expect(findings[0].message).toContain('该行与表 9“因公出国（境）费”的核对已跳过');
  });

  it('with its own name the code is trusted, and the 三公 check fires', () => {
    const { tables, row } = withRow('因公出国（境）费用');
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-SANGONG', table: 9, row: 0, column: '因公出国（境）费' }]);
    expect(row).toBeGreaterThan(0);
  });

  it('an old name still printed in later years is known as such', () => {
    const tables = sample();
    for (const id of [2, 3, 5]) setCell(tables, id, rowWith(tables, id, '210'), '功能分类科目名称', '医疗卫生与计划生育支出');
    expect(checkPublication(tables)).toEqual([]);
  });
});

describe('6. number style', () => {
  it('one style throughout (no separators) is not a finding', () => {
    expect(checkPublication(sample(plainNumbers))).toEqual([]);
  });

  it('mixed styles are one finding per table, naming both with counts and examples', () => {
    const tables = sample(plainNumbers);
    const t3 = table(tables, 3);
    // most of table 3 grouped (the standard style), three cells not: the grouped side is not blamed cell by cell
    t3.rows = readTables(SEED_DERIVED).find((t) => t.id === 3)!.rows;
    for (const label of ['208', '20805', '2080505']) setCell(tables, 3, rowWith(tables, 3, label), '合计', getPlain(tables, label));
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-NUMBER-STYLE', table: 3, row: 0, column: '合计' }]);
    expect(findings[0].message).toMatch(/^表 3 中 1,000 以上的金额有两种写法：用千分位分隔符的 \d+ 处（如 .*），不用的 3 处（如 表 3 第 1 行“208 社会保障和就业支出”“合计”列“1200486.48”/);
  });

  it('a malformed number stays an error of its cell', () => {
    const tables = sample();
    setCell(tables, 3, rowWith(tables, 3, '212'), '基本支出', '6,34695.92');
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-NUMBER', table: 3, row: rowWith(tables, 3, '212'), column: '基本支出' }]);
  });
});

function getPlain(tables: PublishedTableInput[], code: string): string {
  const t3 = table(tables, 3);
  return t3.rows[rowWith(tables, 3, code)][t3.columns.indexOf('合计')].replace(/,/g, '');
}

describe('7. a 单位预算 table 1 (本年支出 as 合计 / 人员经费 / 公用经费 / 项目支出 by 类)', () => {
  const t1Row = (tables: PublishedTableInput[], label: string) => rowWith(tables, 1, label);

  it('consistent: nothing', () => {
    expect(checkPublication(sample(unitTable1))).toEqual([]);
  });

  it('a 项目支出 figure printed on another 类 is found at both rows', () => {
    const tables = sample(unitTable1);
    setCell(tables, 1, t1Row(tables, '十、城乡社区支出'), '本年支出.项目支出', '');
    setCell(tables, 1, t1Row(tables, '十、城乡社区支出'), '本年支出.公用经费', '1,082,604.54');
    setCell(tables, 1, t1Row(tables, '八、卫生健康支出'), '本年支出.项目支出', '337,324.00');
    const found = checkPublication(tables);
    expect(places(found)).toContainEqual({ rule: 'T-ROW-SUM', table: 1, row: t1Row(tables, '八、卫生健康支出'), column: '本年支出.合计' });
    const everywhere = found.flatMap((f) => [f.place, ...(f.consequences ?? []).map((c) => c.place)]);
    expect(everywhere).toContainEqual({ table: 1, row: t1Row(tables, '十、城乡社区支出'), column: '本年支出.项目支出' });
    expect(new Set(everywhere.map((p) => p.table))).toEqual(new Set([1]));
  });

  it('a 合计 0.34 元 short is found at its row', () => {
    const tables = sample(unitTable1);
    const row = t1Row(tables, '七、社会保障和就业支出');
    setCell(tables, 1, row, '本年支出.合计', '1,200,486.14');
    const findings = checkPublication(tables);
    expect(places(findings)).toEqual([{ rule: 'T-ROW-SUM', table: 1, row, column: '本年支出.合计' }]);
    expect(findings[0].message).toContain('相差 -0.34');
  });

  it('人员 / 公用 totals 101,200 元 away from table 8 are found', () => {
    const tables = sample(unitTable1);
    const row = t1Row(tables, '十、城乡社区支出');
    const total = t1Row(tables, '支出总计');
    setCell(tables, 1, row, '本年支出.人员经费', '5,499,915.38');
    setCell(tables, 1, row, '本年支出.公用经费', '846,480.54');
    setCell(tables, 1, total, '本年支出.人员经费', '7,575,756.59');
    setCell(tables, 1, total, '本年支出.公用经费', '846,480.54');
    const findings = checkPublication(tables);
    // one error (101,200 moved from 人员 to 公用): one finding, at the total row
    expect(places(findings)).toEqual([{ rule: 'T-CROSS', table: 1, row: total, column: '本年支出.人员经费' }]);
    expect(findings[0].message).toContain('但表 8 第 33 行“合计”“人员经费”列为 7,676,956.59，相差 -101,200.00');
  });
});

describe('8. catalogs by edition', () => {
  const withCode = (year: number, code: [string, string, string], name: string) => {
    const tables = forYear(sample(), year);
    for (const id of [2, 3, 5]) {
      const t = table(tables, id);
      const at = insertRow(tables, id, '20805', [...code, name, '', '', '', '', ''].slice(0, t.columns.length));
      expect(at).toBeGreaterThan(0);
    }
    return tables;
  };

  it('2080504 is a code of the 2019 edition, not of 2024’s; the finding names the edition used', () => {
    expect(checkPublication(withCode(2019, ['208', '05', '04'], '未归口管理的行政单位离退休'))).toEqual([]);
    const findings = checkPublication(withCode(2024, ['208', '05', '04'], '未归口管理的行政单位离退休'));
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['T-CODE-UNKNOWN']));
    expect(findings[0].message).toContain('不在内置 2024 年版功能分类科目表中');
  });

  it('20139 社会工作事务 is known from 2024, not in 2023', () => {
    const make = (year: number) => {
      const tables = forYear(sample(), year);
      for (const id of [2, 3, 5]) {
        const t = table(tables, id);
        const at = rowWith(tables, id, '208');
        t.rows.splice(at, 0, ['201', '39', '01', '行政运行', '', '', '', '', ''].slice(0, t.columns.length));
      }
      return tables;
    };
    expect(checkPublication(make(2024))).toEqual([]);
    expect(new Set(checkPublication(make(2023)).map((f) => f.rule))).toEqual(new Set(['T-CODE-UNKNOWN']));
  });

  it('22198 is 超长期特别国债安排的支出 in 2025 and 其他住房保障支出 in 2026', () => {
    const make = (year: number, name: string) => {
      const tables = forYear(sample(), year);
      for (const id of [2, 3, 5]) {
        const t = table(tables, id);
        const at = t.rows.findIndex((r) => r[0] === '合计');
        t.rows.splice(at, 0, ['221', '98', '', name, '', '', '', '', ''].slice(0, t.columns.length));
      }
      return tables;
    };
    expect(checkPublication(make(2025, '超长期特别国债安排的支出'))).toEqual([]);
    expect(checkPublication(make(2026, '其他住房保障支出'))).toEqual([]);
    const findings = checkPublication(make(2026, '超长期特别国债安排的支出'));
    expect(places(findings).map((p) => p.rule)).toEqual(['T-NAME', 'T-NAME', 'T-NAME']);
    expect(findings[0].message).toContain('在内置 2026 年版功能分类科目表中是“其他住房保障支出”；');
    // a catalog name only from memory is said to be so
    const memory = forYear(sample(), 2019);
    for (const id of [2, 3, 5]) {
      const t = table(memory, id);
      t.rows.unshift(['204', '04', '10', '检察业务', '', '', '', '', ''].slice(0, t.columns.length));
    }
    const found = checkPublication(memory);
    expect(found.map((f) => f.rule)).toEqual(['T-NAME', 'T-NAME', 'T-NAME']);
    expect(found[0].message).toContain('科目编码 2040410 在内置 2019 年版功能分类科目表中是“检察监督”（该名称仅凭记忆，未经公开文本证实）');
  });
});

describe('table 1 with 本年收入合计 / 上年结转 rows', () => {
  it('is understood: nothing on a consistent one, with or without carried-over figures', () => {
    expect(checkPublication(sample(carryOver()))).toEqual([]);
    expect(checkPublication(sample(carryOver(12_345)))).toEqual([]);
  });

  it('a 收入总计 that is not 本年收入合计 + 上年结转 is found there', () => {
    const tables = sample(carryOver(12_345));
    const row = rowWith(tables, 1, '收入总计');
    setCell(tables, 1, row, '本年收入.预算数', '8,759,561.13');
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-TOTAL-SUM', table: 1, row, column: '本年收入.预算数' }]);
  });
});
