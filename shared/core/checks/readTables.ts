import { CODE_LEVELS, type CatalogKind } from '../catalog/catalog';
import type { TableId } from '../tables/tableModel';

/** A published table as read in: the shape of `PublishedTable`, with the id optional (the title decides). */
export interface PublishedTableInput {
  id?: number;
  title: string;
  unit?: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

const PLAIN = /^[\x21-\x7e]*$/;

/** Text compared without spacing or width differences: `合 计` is `合计`, `（` is `(`. */
export function norm(text: string): string {
  // codes and plain numbers, most of what is compared, are already in normal form
  if (PLAIN.test(text)) return text;
  return text.normalize('NFKC').replace(/\s+/g, '');
}


const has = (text: string, word: string) => norm(text).includes(norm(word));

/** Checked in this order: a later title is contained in an earlier one's wording. */
const TITLE_TESTS: [TableId, string[]][] = [
  [9, ['三公']],
  [8, ['经济分类']],
  [5, ['一般公共预算支出']],
  [6, ['政府性基金预算支出', '政府性基金支出']],
  [7, ['国有资本经营预算支出', '国有资本经营支出']],
  [4, ['财政拨款收支']],
  [1, ['收支预算总表', '收支总表']],
  [2, ['收入预算总表', '收入总表']],
  [3, ['支出预算总表', '支出总表']],
];

/** Which of the nine tables a title names, by its keywords (any year, 部门 or 单位). */
export function identifyTable(title: string): TableId | undefined {
  return TITLE_TESTS.find(([, words]) => words.some((w) => has(title, w)))?.[0];
}

export type ColumnRole = 'code' | 'text' | 'amount';

export interface ColumnInfo {
  index: number;
  key: string;
  /** The heading's parts (`本年收入.预算数` → 本年收入, 预算数), normalized. */
  segments: string[];
  last: string;
  role: ColumnRole;
}

function roleOf(last: string): ColumnRole {
  if (['类', '款', '项'].includes(last) || last.includes('编码') || last.includes('代码')) return 'code';
  if (last.includes('名称') || last === '项目' || last === '科目') return 'text';
  return 'amount';
}

export function readColumns(keys: readonly string[]): ColumnInfo[] {
  return keys.map((key, index) => {
    const segments = key.split('.').map(norm);
    const last = segments[segments.length - 1];
    return { index, key, segments, last, role: roleOf(last) };
  });
}

export function columnLabel(column: ColumnInfo): string {
  return column.key.split('.').join('·');
}

export function isTotalLabel(text: string): boolean {
  const t = stripNumbering(norm(text));
  return t === '合计' || t === '总计' || t.endsWith('总计');
}

/** `一、`, `1、`, `（一）`, `(1)` and `1.` numbering before a label. */
export function stripNumbering(label: string): string {
  return norm(label).replace(/^(?:[一二三四五六七八九十]+、|\d+[、.]|\([一二三四五六七八九十\d]+\))/, '');
}

/** Table 8 is coded by 经济分类, the function tables by 功能分类. */
export function codeKind(table: TableId): CatalogKind {
  return table === 8 ? 'economic' : 'function';
}

/** A code printed in split 类/款/项 columns (`212`, `01`, `99` or `212`, `21201`, …) or in one column. */
export function joinCode(parts: readonly string[], kind: CatalogKind): string | undefined {
  const levels = CODE_LEVELS[kind];
  const cells = parts.map((p) => norm(p));
  if (cells.length === 1) return /^\d+$/.test(cells[0]) && levels.includes(cells[0].length) ? cells[0] : undefined;
  let code = '';
  let ended = false;
  for (let i = 0; i < cells.length; i++) {
    const part = cells[i];
    if (part === '') {
      ended = true;
      continue;
    }
    if (ended || !/^\d+$/.test(part) || i >= levels.length) return undefined;
    if (part.length === levels[i] && part.startsWith(code)) code = part;
    else if (code.length + part.length === levels[i]) code += part;
    else return undefined;
  }
  return code || undefined;
}
