import type { EditRequest } from '../../../shared/contract/api';
import { BUILTIN_CATALOGS, leafLength, type Catalog, type CatalogEntry, type CatalogKind, type Catalogs } from '../../../shared/core/catalog/catalog';
import { workbookCatalogs } from '../../../shared/core/catalog/workbookCatalogs';
import type { LineFields } from '../../../shared/core/edits';
import { evaluateFormula, isFormula } from '../../../shared/core/formula';
import { LINE_COLUMNS, LINE_COLUMN_ORDER, type LineColumn } from '../../../shared/core/lineTable';
import { COST_TYPES, EXPENDITURE_KINDS, FUND_SOURCES, type LineItem, type Workbook } from '../../../shared/core/model';
import { fenToPlainYuan, parseAmount } from '../../../shared/core/money';

/** The grid's columns: the line-item sheet's columns, in the same order as import and export. */
export const GRID_COLUMNS: readonly LineColumn[] = LINE_COLUMN_ORDER;

export const CODE_COLUMNS: Partial<Record<LineColumn, CatalogKind>> = { functionCode: 'function', economicCode: 'economic' };

export const CHOICES: Partial<Record<LineColumn, readonly string[]>> = {
  kind: EXPENDITURE_KINDS,
  source: FUND_SOURCES,
  costType: ['', ...COST_TYPES],
};

export type CellParse = { ok: true; set: Partial<LineFields> } | { ok: false; reason: string };

/** A cell as text, the way it is typed, edited and copied to a spreadsheet: amounts as plain 元, a formula as typed. */
export function cellEditText(line: LineItem, column: LineColumn): string {
  if (column === 'amount') return line.basis && isFormula(line.basis) ? line.basis : fenToPlainYuan(line.amount);
  const value = line[column];
  return value === undefined ? '' : String(value);
}

/** The value a copy puts on the clipboard: the amount as a number a spreadsheet reads, never the formula. */
export function cellCopyText(line: LineItem, column: LineColumn): string {
  return column === 'amount' ? fenToPlainYuan(line.amount) : cellEditText(line, column);
}

function choose(column: LineColumn, text: string, options: readonly string[]): CellParse {
  const exact = options.find((o) => o === text);
  const candidates = exact !== undefined ? [exact] : options.filter((o) => o !== '' && o.startsWith(text));
  if (candidates.length === 1) return { ok: true, set: { [column]: candidates[0] === '' ? undefined : candidates[0] } };
  return { ok: false, reason: `“${LINE_COLUMNS[column].header}”不能是“${text}”，应为：${options.filter((o) => o !== '').join('、')}${options.includes('') ? '，或留空' : ''}` };
}

/** Leaf codes whose code starts with the query or whose name contains it, codes first. */
export function searchCatalog(kind: CatalogKind, query: string, limit = 50, catalog: Catalog = BUILTIN_CATALOGS[kind]): CatalogEntry[] {
  const q = query.trim();
  const leaf = leafLength(kind);
  const byCode: CatalogEntry[] = [];
  const byName: CatalogEntry[] = [];
  for (const entry of catalog.entries.values()) {
    if (entry.code.length !== leaf) continue;
    if (entry.code.startsWith(q)) byCode.push(entry);
    else if (q !== '' && entry.name.includes(q)) byName.push(entry);
  }
  return [...byCode, ...byName].slice(0, limit);
}

function parseCode(column: LineColumn, kind: CatalogKind, raw: string, catalog: Catalog): CellParse {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  const header = LINE_COLUMNS[column].header;
  const leaf = leafLength(kind);
  if (/^\d*$/.test(text)) {
    if (text.length > leaf) return { ok: false, reason: `“${header}”“${text}”超过 ${leaf} 位；请填 ${leaf} 位末级科目编码` };
    return { ok: true, set: { [column]: text } };
  }
  const found = searchCatalog(kind, text, 2, catalog);
  if (found.length === 1) return { ok: true, set: { [column]: found[0].code } };
  return {
    ok: false,
    reason: found.length === 0 ? `科目表中没有名称含“${text}”的末级科目；请填写编码，或换个名称搜索` : `名称含“${text}”的科目不止一个；请在下拉列表中选择，或直接填写编码`,
  };
}

/**
 * Reads what was typed or pasted into one cell of a line. A failure says what is wrong and how to
 * fix it; the caller then changes nothing.
 */
export function parseCellInput(column: LineColumn, raw: string, line?: LineItem, catalogs: Catalogs = BUILTIN_CATALOGS): CellParse {
  const text = raw.trim();
  const kind = CODE_COLUMNS[column];
  if (kind) return parseCode(column, kind, text, catalogs[kind]);
  const options = CHOICES[column];
  if (options) {
    if (text === '' && !options.includes('')) return { ok: false, reason: `“${LINE_COLUMNS[column].header}”不能为空，应为：${options.join('、')}` };
    return choose(column, text, options);
  }
  if (column === 'amount') {
    if (text === '') return { ok: true, set: { amount: 0, ...(line?.basis && isFormula(line.basis) ? { basis: undefined } : {}) } };
    if (isFormula(text)) {
      const r = evaluateFormula(text);
      return r.ok ? { ok: true, set: { amount: r.fen, basis: text } } : { ok: false, reason: r.reason };
    }
    const r = parseAmount(text);
    if (!r.ok) return { ok: false, reason: `金额${r.reason}` };
    // A plain amount replaces a formula: the formula no longer says how the amount was reached.
    return { ok: true, set: { amount: r.fen, ...(line?.basis && isFormula(line.basis) ? { basis: undefined } : {}) } };
  }
  if (column === 'unit' && text === '') return { ok: false, reason: '单位名称不能为空；请填写预算单位名称' };
  const optional = column === 'basis' || column === 'note' || column === 'functionName' || column === 'economicName';
  return { ok: true, set: { [column]: optional && text === '' ? undefined : text } };
}

/** A new line before anything is typed into it: the first unit, 基本支出, 一般公共预算财政拨款. */
export function blankLine(wb: Pick<Workbook, 'units' | 'department'>): LineFields {
  return {
    unit: wb.units[0]?.name ?? wb.department,
    functionCode: '',
    economicCode: '',
    kind: '基本支出',
    source: '一般公共预算财政拨款',
    project: '',
    amount: 0,
  };
}

export interface PasteProblem {
  /** 1-based row and column of the pasted block. */
  row: number;
  column: number;
  reason: string;
}

export type PastePlan = { ok: true; edit: EditRequest; updated: number; inserted: number } | { ok: false; problems: PasteProblem[] };

/**
 * A pasted block as one edit: starting at `rows[startRow]` and column `startColumn` of the grid,
 * rows that exist are updated and rows past the end are inserted. Columns past the last are
 * refused. Nothing changes unless every cell reads.
 */
export function planPaste(
  block: readonly (readonly string[])[],
  rows: readonly LineItem[],
  startRow: number,
  startColumn: number,
  wb: Pick<Workbook, 'units' | 'department' | 'catalogEditions'>,
): PastePlan {
  const catalogs = workbookCatalogs(wb);
  const problems: PasteProblem[] = [];
  const changes: { id: number; set: Partial<LineFields> }[] = [];
  const inserts: LineFields[] = [];
  const width = block.reduce((w, r) => Math.max(w, r.length), 0);
  if (startColumn + width > GRID_COLUMNS.length) {
    return { ok: false, problems: [{ row: 1, column: GRID_COLUMNS.length - startColumn + 1, reason: `粘贴的内容有 ${width} 列，从当前列起只有 ${GRID_COLUMNS.length - startColumn} 列；请从更靠左的列开始粘贴` }] };
  }
  block.forEach((cells, r) => {
    const existing = rows[startRow + r] as LineItem | undefined;
    let set: Partial<LineFields> = {};
    cells.forEach((cell, c) => {
      const column = GRID_COLUMNS[startColumn + c];
      const parsed = parseCellInput(column, cell, existing, catalogs);
      if (parsed.ok) set = { ...set, ...parsed.set };
      else problems.push({ row: r + 1, column: c + 1, reason: `${LINE_COLUMNS[column].header}：${parsed.reason}` });
    });
    if (existing) changes.push({ id: existing.id, set });
    else {
      const line = { ...blankLine(wb), ...set } as Record<string, unknown>;
      for (const key of Object.keys(line)) if (line[key] === undefined) delete line[key];
      inserts.push(line as unknown as LineFields);
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const edits: EditRequest[] = [];
  if (changes.length > 0) edits.push({ op: 'updateLines', changes });
  if (inserts.length > 0) edits.push({ op: 'insertLines', lines: inserts });
  return { ok: true, edit: { op: 'batch', edits }, updated: changes.length, inserted: inserts.length };
}

export function describePasteProblem(p: PasteProblem): string {
  return `粘贴内容第 ${p.row} 行第 ${p.column} 列 — ${p.reason}`;
}
