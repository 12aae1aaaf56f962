import { layoutHeader, type ColumnSpec, type HeaderCell, type TableId } from './tableModel';

/** Whose tables: the department's (部门) or one budget unit's (单位). */
export type ScopeWord = '部门' | '单位';

interface Layout {
  title: (year: number, scope: ScopeWord) => string;
  unit: '元' | '万元';
  header: (year: number) => HeaderCell[];
  columns: ColumnSpec[];
}

const text = (key: string): ColumnSpec => ({ key, type: 'text' });
const code = (key: string): ColumnSpec => ({ key, type: 'code' });
const amount = (key: string): ColumnSpec => ({ key, type: 'amount' });

function functionTable(title: string, group: string, amounts: string[]): Layout {
  return {
    title: (year, scope) => `${year} 年${scope}${title}`,
    unit: '元',
    header: () =>
      layoutHeader([
        [['项目', 1, 4], [group, 1, amounts.length]],
        [['功能分类科目编码', 1, 3], ['功能分类科目名称', 2], ...amounts.map((a): [string, number] => [a, 2])],
        [['类'], ['款'], ['项']],
      ]),
    columns: [code('类'), code('款'), code('项'), text('功能分类科目名称'), ...amounts.map(amount)],
  };
}

const SPENDING = ['合计', '基本支出', '项目支出'];

/** The nine standard tables: titles, header grids with spans, and column keys. */
export const LAYOUTS: Record<TableId, Layout> = {
  1: {
    title: (year, scope) => `${year} 年${scope}财务收支预算总表`,
    unit: '元',
    header: () => layoutHeader([[['本年收入', 1, 2], ['本年支出', 1, 2]], [['项目'], ['预算数'], ['项目'], ['预算数']]]),
    columns: [text('本年收入.项目'), amount('本年收入.预算数'), text('本年支出.项目'), amount('本年支出.预算数')],
  },
  2: functionTable('收入预算总表', '收入预算', ['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']),
  3: functionTable('支出预算总表', '支出预算', SPENDING),
  4: {
    title: (year, scope) => `${year} 年${scope}财政拨款收支预算总表`,
    unit: '元',
    header: () =>
      layoutHeader([
        [['财政拨款收入', 1, 2], ['财政拨款支出', 1, 5]],
        [['项目'], ['预算数'], ['项目'], ['合计'], ['一般公共预算'], ['政府性基金预算'], ['国有资本经营预算']],
      ]),
    columns: [
      text('财政拨款收入.项目'),
      amount('财政拨款收入.预算数'),
      text('财政拨款支出.项目'),
      amount('财政拨款支出.合计'),
      amount('财政拨款支出.一般公共预算'),
      amount('财政拨款支出.政府性基金预算'),
      amount('财政拨款支出.国有资本经营预算'),
    ],
  },
  5: functionTable('一般公共预算支出功能分类预算表', '一般公共预算支出', SPENDING),
  6: functionTable('政府性基金预算支出功能分类预算表', '政府性基金预算支出', SPENDING),
  7: functionTable('国有资本经营预算支出功能分类预算表', '国有资本经营预算支出', SPENDING),
  8: {
    title: (year, scope) => `${year} 年${scope}一般公共预算基本支出部门预算经济分类预算表`,
    unit: '元',
    header: () =>
      layoutHeader([
        [['项目', 1, 3], ['一般公共预算基本支出', 1, 3]],
        [['部门预算经济分类科目编码', 1, 2], ['经济分类科目名称', 2], ['合计', 2], ['人员经费', 2], ['公用经费', 2]],
        [['类'], ['款']],
      ]),
    columns: [code('类'), code('款'), text('经济分类科目名称'), amount('合计'), amount('人员经费'), amount('公用经费')],
  },
  9: {
    title: (year, scope) => `${year} 年${scope}“三公”经费和机关运行经费预算表`,
    unit: '万元',
    header: (year) =>
      layoutHeader([
        [[`${year} 年“三公”经费预算数`, 1, 6], [`${year} 年机关运行经费预算数`, 3]],
        [['合计', 2], ['因公出国（境）费', 2], ['公务接待费', 2], ['公务用车购置及运行费', 1, 3]],
        [['小计'], ['购置费'], ['运行费']],
      ]),
    columns: [
      amount('合计'),
      amount('因公出国（境）费'),
      amount('公务接待费'),
      amount('公务用车购置及运行费.小计'),
      amount('公务用车购置及运行费.购置费'),
      amount('公务用车购置及运行费.运行费'),
      amount('机关运行经费预算数'),
    ],
  },
};

export const TABLE_IDS: readonly TableId[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
