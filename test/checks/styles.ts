import type { PublishedTableInput } from '../../shared/core/checks/index';
import { formatYuan } from '../../shared/core/money';

/**
 * Printing styles of real publications, as rewrites of a consistent publication in the engine's
 * style (the derived tables, e.g. seed-2024-tables.json): the result is consistent too. Each returns
 * a new copy.
 */
export type Style = (tables: PublishedTableInput[]) => PublishedTableInput[];

const copy = (tables: readonly PublishedTableInput[]): PublishedTableInput[] => JSON.parse(JSON.stringify(tables));
const fen = (text: string): number => (text.trim() === '' ? 0 : Math.round(Number(text.replace(/,/g, '')) * 100));
const isAmountText = (text: string) => /^-?[\d,]+\.\d\d$/.test(text);
const byId = (tables: PublishedTableInput[], id: number) => tables.find((t) => t.id === id)!;

/** As the engine prints it. */
export const asDerived: Style = copy;

/** Every amount without thousands separators (`8759561.13`): one style throughout, so nothing to report. */
export const plainNumbers: Style = (tables) => {
  const out = copy(tables);
  for (const t of out) t.rows = t.rows.map((r) => r.map((c) => (isAmountText(c) ? c.replace(/,/g, '') : c)));
  return out;
};

/** One code column (`2120199`, `30201`) and a name column instead of 类 / 款 / 项. */
export const codeColumn: Style = (tables) => {
  const out = copy(tables);
  for (const t of out) {
    const codeCols = t.columns.map((c, i) => (['类', '款', '项'].includes(c) ? i : -1)).filter((i) => i >= 0);
    if (codeCols.length === 0) continue;
    const nameCol = codeCols[codeCols.length - 1] + 1;
    t.columns = ['科目编码', '科目名称', ...t.columns.slice(nameCol + 1)];
    t.rows = t.rows.map((r) => {
      const parts = codeCols.map((i) => r[i]).filter((p) => p !== '');
      const joined = parts.length === 0 ? '' : parts[parts.length - 1].length > 2 ? parts[parts.length - 1] : parts.join('');
      const total = codeCols.some((i) => r[i] === '合计');
      return [total ? '合计' : joined, total ? '' : r[nameCol], ...r.slice(nameCol + 1)];
    });
  }
  return out;
};

/** Empty tables (6, 7) print a placeholder row (`无`, `此表为空`, …) in the code or the name cell, and no note. */
export const emptyMarks =
  (mark: string, cell: 'code' | 'name' = 'code'): Style =>
  (tables) => {
    const out = copy(tables);
    for (const t of out) {
      if (t.rows.some((r) => r.some((c) => isAmountText(c) && fen(c) !== 0)) || t.id === 1 || t.id === 4 || t.id === 9) continue;
      const row = t.columns.map(() => '');
      row[cell === 'code' ? 0 : t.columns.findIndex((c) => c.includes('名称'))] = mark;
      t.rows = [row, ...t.rows];
      delete t.note;
    }
    return out;
  };

/**
 * Table 1 with this year's lines added up (本年收入合计 / 本年支出合计), then what is carried over, then
 * the 总计. In a 单位预算 table 1 (more spending columns) the carried-over money is 项目支出.
 */
export const carryOver =
  (carried = 0): Style =>
  (tables) => {
    const out = copy(tables);
    const t1 = byId(out, 1);
    const total = t1.rows.pop()!;
    const plus = (text: string) => formatYuan(fen(text) + carried);
    const carriedText = carried === 0 ? '' : formatYuan(carried);
    const extra = total.slice(4);
    const carriedParts = extra.map((_, i) => (i === extra.length - 1 ? carriedText : ''));
    const totalParts = extra.map((text, i) => (i === extra.length - 1 && carried !== 0 ? plus(text) : text));
    t1.rows.push(
      ['本年收入合计', total[1], '本年支出合计', total[3], ...extra],
      ['上年结转', carriedText, '结转下年', carriedText, ...carriedParts],
      ['收入总计', plus(total[1]), '支出总计', plus(total[3]), ...totalParts],
    );
    return out;
  };

/**
 * A 单位预算 table 1: 本年支出 by 类 as 合计 / 人员经费 / 公用经费 / 项目支出. Each 类's 基本支出 is table 3's;
 * table 8's 公用经费 total is spread over the 类 with the most 基本支出 first (the tables do not say by 类).
 */
export const unitTable1: Style = (tables) => {
  const out = copy(tables);
  const t1 = byId(out, 1);
  const t3 = byId(out, 3);
  const t8 = byId(out, 8);
  const names = t3.columns.findIndex((c) => c.includes('名称'));
  const col3 = (name: string) => t3.columns.indexOf(name);
  const classes = new Map<string, { basic: number; project: number }>();
  for (const r of t3.rows) {
    if (r[0].length === 3 && r[1] === '' && /^\d+$/.test(r[0])) classes.set(r[names], { basic: fen(r[col3('基本支出')]), project: fen(r[col3('项目支出')]) });
  }
  const t8total = t8.rows[t8.rows.length - 1];
  let publicLeft = fen(t8total[t8.columns.indexOf('公用经费')]);
  const split = new Map<string, { personnel: number; public: number; project: number }>();
  for (const [name, c] of [...classes].sort((a, b) => b[1].basic - a[1].basic)) {
    const pub = Math.min(c.basic, publicLeft);
    publicLeft -= pub;
    split.set(name, { personnel: c.basic - pub, public: pub, project: c.project });
  }
  const text = (n: number) => (n === 0 ? '' : formatYuan(n));
  const sums = { personnel: 0, public: 0, project: 0 };
  t1.columns = ['本年收入.项目', '本年收入.预算数', '本年支出.项目', '本年支出.合计', '本年支出.人员经费', '本年支出.公用经费', '本年支出.项目支出'];
  t1.rows = t1.rows.map((r, i) => {
    const label = r[2].replace(/^[一二三四五六七八九十]+、/, '');
    const s = split.get(label);
    if (i === t1.rows.length - 1) return r;
    if (!s) return [r[0], r[1], r[2], r[3], '', '', ''];
    sums.personnel += s.personnel;
    sums.public += s.public;
    sums.project += s.project;
    return [r[0], r[1], r[2], r[3], text(s.personnel), text(s.public), text(s.project)];
  });
  const last = t1.rows[t1.rows.length - 1];
  t1.rows[t1.rows.length - 1] = [last[0], last[1], last[2], last[3], text(sums.personnel), text(sums.public), text(sums.project)];
  return out;
};

/** The styles the property test draws from, with their names. */
export const STYLES: Record<string, Style> = {
  asDerived,
  plainNumbers,
  codeColumn,
  emptyMarks: emptyMarks('此表为空'),
  carryOver: carryOver(),
  carryOverWithFigures: carryOver(12_345),
};
