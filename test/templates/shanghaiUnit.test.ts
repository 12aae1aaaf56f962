import { describe, expect, it } from 'vitest';
import { checkPublication } from '../../shared/core/checks/index';
import { parseAmount, type Fen } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { toPublishedTable, type PublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';

const fen = (text: string): Fen => {
  if (text === '') return 0;
  const p = parseAmount(text);
  if (!p.ok) throw new Error(text);
  return p.fen;
};
const col = (t: PublishedTable, key: string) => t.columns.indexOf(key);

describe('shanghai-unit: a budget unit’s nine tables', () => {
  const wb = sampleWorkbook();
  const unit = wb.units[0].name;
  const tables = deriveWorkbookTables(wb, unit).map(toPublishedTable);
  const [t1, , t3] = tables;
  const t8 = tables[7];

  it('is what a unit’s tables are printed in by default: 预算单位 titles, one 功能分类 code column', () => {
    expect(tables.map((t) => t.title)).toEqual([
      '2024年预算单位财务收支预算总表',
      '2024年预算单位收入预算总表',
      '2024年预算单位支出预算总表',
      '2024年预算单位财政拨款收支预算总表',
      '2024年预算单位一般公共预算支出功能分类预算表',
      '2024年预算单位政府性基金预算支出功能分类预算表',
      '2024年预算单位国有资本经营预算支出功能分类预算表',
      '2024年预算单位一般公共预算基本支出部门预算经济分类预算表',
      '2024年预算单位“三公”经费和机关运行经费预算表',
    ]);
    expect(t3.columns).toEqual(['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出']);
    expect(t3.rows.slice(0, 3).map((r) => r[0])).toEqual(['208', '20805', '2080505']);
    expect(t1.columns).toEqual(['本年收入.项目', '本年收入.预算数', '本年支出.项目', '本年支出.合计', '本年支出.人员经费', '本年支出.公用经费', '本年支出.项目支出']);
  });

  it('table 1’s 人员经费 / 公用经费 / 项目支出 by 类 equal table 3’s 基本支出 and 项目支出, and table 8', () => {
    const classRow = new Map(t3.rows.filter((r) => r[0].length === 3).map((r) => [r[1], r]));
    let compared = 0;
    for (const r of t1.rows.slice(0, -1)) {
      const name = r[2].replace(/^[一二三四五六七八九十]+、/, '');
      const three = classRow.get(name);
      const [total, personnel, office, project] = [3, 4, 5, 6].map((i) => fen(r[i]));
      expect(total).toBe(personnel + office + project);
      expect(project, name).toBe(three ? fen(three[col(t3, '项目支出')]) : 0);
      expect(personnel + office, name).toBe(three ? fen(three[col(t3, '基本支出')]) : 0);
      if (three) compared++;
    }
    expect(compared).toBe(4);
    // the sample's 基本支出 is all 一般公共预算: table 8 holds all of it
    const last1 = t1.rows.at(-1)!;
    const last8 = t8.rows.at(-1)!;
    expect(fen(last1[4])).toBe(fen(last8[col(t8, '人员经费')]));
    expect(fen(last1[5])).toBe(fen(last8[col(t8, '公用经费')]));
    expect(fen(last1[6])).toBe(fen(t3.rows.at(-1)![col(t3, '项目支出')]));
  });

  it('the unit’s publication passes every check', () => {
    expect(checkPublication(tables).filter((f) => f.severity === '错误')).toEqual([]);
  });
});
