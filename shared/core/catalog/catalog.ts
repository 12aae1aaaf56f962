import { parseCsv } from '../csv';
import { ECONOMIC_CATALOG_CSV } from './economic.csv';
import { FUNCTION_CATALOG_CSV } from './function.csv';

export interface CatalogEntry {
  code: string;
  name: string;
  /** Where the row comes from: labels of ./SOURCES.md, or `导入:<edition>` for an imported edition. */
  source: string;
}

export type CatalogKind = 'function' | 'economic';

/** 功能分类: 类 3 digits, 款 5, 项 7 (the leaf). 经济分类: 类 3, 款 5 (the leaf). */
export const CODE_LEVELS: Record<CatalogKind, readonly number[]> = {
  function: [3, 5, 7],
  economic: [3, 5],
};
export const LEVEL_NAMES: Record<CatalogKind, readonly string[]> = {
  function: ['类', '款', '项'],
  economic: ['类', '款'],
};
export const CATALOG_LABELS: Record<CatalogKind, string> = { function: '功能分类', economic: '经济分类' };

export interface Catalog {
  kind: CatalogKind;
  /** Edition year of an imported official edition; undefined for the built-in partial catalog. */
  edition?: number;
  entries: ReadonlyMap<string, CatalogEntry>;
}

export function leafLength(kind: CatalogKind): number {
  const levels = CODE_LEVELS[kind];
  return levels[levels.length - 1];
}

/** The codes of a code and its ancestors, top first: 2120199 → [212, 21201, 2120199]. */
export function codePath(kind: CatalogKind, code: string): string[] {
  return CODE_LEVELS[kind].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

export function buildCatalog(kind: CatalogKind, rows: readonly CatalogEntry[], edition?: number): Catalog {
  const entries = new Map<string, CatalogEntry>();
  for (const row of rows) entries.set(row.code, row);
  return { kind, edition, entries };
}

/** Accepted header names of the code and name columns of a catalog file (compared trimmed, lower case). */
export const CATALOG_HEADERS = { code: ['code', '科目编码', '编码'], name: ['name', '科目名称', '名称'] } as const;

/** A digit string of one of the kind's level lengths (3/5/7 for 功能分类, 3/5 for 经济分类). */
export function isWellFormedCode(kind: CatalogKind, code: string): boolean {
  return /^\d+$/.test(code) && CODE_LEVELS[kind].includes(code.length);
}

/** Reads `code,name[,source]` CSV text (header required). Throws with a Chinese message naming the row. */
export function parseCatalogCsv(kind: CatalogKind, text: string, defaultSource: string): CatalogEntry[] {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const codeCol = header.findIndex((h) => (CATALOG_HEADERS.code as readonly string[]).includes(h));
  const nameCol = header.findIndex((h) => (CATALOG_HEADERS.name as readonly string[]).includes(h));
  const sourceCol = header.indexOf('source');
  if (codeCol < 0 || nameCol < 0) throw new Error('科目表缺少表头：第 1 行应为 code,name（或 科目编码,科目名称）');
  const levels = CODE_LEVELS[kind];
  const out: CatalogEntry[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.every((f) => f.trim() === '')) return;
    const code = (row[codeCol] ?? '').replace(/\s+/g, '');
    const name = (row[nameCol] ?? '').trim();
    if (!isWellFormedCode(kind, code)) {
      throw new Error(`科目表第 ${i + 2} 行：编码“${code}”不是${CATALOG_LABELS[kind]}编码（应为 ${levels.join(' / ')} 位数字）`);
    }
    if (!name) throw new Error(`科目表第 ${i + 2} 行：编码 ${code} 缺少科目名称`);
    out.push({ code, name, source: (sourceCol >= 0 && row[sourceCol]?.trim()) || defaultSource });
  });
  return out;
}

export const BUILTIN_FUNCTION_CATALOG = buildCatalog('function', parseCatalogCsv('function', FUNCTION_CATALOG_CSV, 'M'));
export const BUILTIN_ECONOMIC_CATALOG = buildCatalog('economic', parseCatalogCsv('economic', ECONOMIC_CATALOG_CSV, 'M'));

export interface Catalogs {
  function: Catalog;
  economic: Catalog;
}
export const BUILTIN_CATALOGS: Catalogs = { function: BUILTIN_FUNCTION_CATALOG, economic: BUILTIN_ECONOMIC_CATALOG };

export type CodeStatus =
  | { status: 'ok'; name: string }
  | { status: 'malformed' }
  | { status: 'notLeaf'; name: string }
  | { status: 'unknown' };

export function lookupCode(catalog: Catalog, code: string): CodeStatus {
  if (!isWellFormedCode(catalog.kind, code)) return { status: 'malformed' };
  const entry = catalog.entries.get(code);
  if (code.length !== leafLength(catalog.kind)) return { status: 'notLeaf', name: entry?.name ?? '' };
  return entry ? { status: 'ok', name: entry.name } : { status: 'unknown' };
}
