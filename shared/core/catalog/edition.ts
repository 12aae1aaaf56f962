import { parseCsv } from '../csv';
import { NAME_LIMIT } from '../limits';
import {
  buildCatalog,
  CATALOG_HEADERS,
  CATALOG_LABELS,
  CODE_LEVELS,
  codePath,
  isWellFormedCode,
  LEVEL_NAMES,
  type Catalog,
  type CatalogEntry,
  type CatalogKind,
  type Catalogs,
} from './catalog';

/** A problem of a catalog file: `row` is 1-based in the file, absent when no row is at fault (the edition year). */
export interface CatalogProblem {
  row?: number;
  message: string;
}

/** The first digit of every code of a kind: 支出功能分类 2xx, 部门预算支出经济分类 3xx (政府预算经济分类 is 5xx). */
const FIRST_DIGIT: Record<CatalogKind, string> = { function: '2', economic: '3' };

/** 政府收支分类科目 exist since the 2007 edition. */
const FIRST_EDITION = 2007;

/** The source label of the rows of an imported edition. */
function editionSource(edition: number): string {
  return `导入:${edition}`;
}

function levelName(kind: CatalogKind, code: string): string {
  return LEVEL_NAMES[kind][CODE_LEVELS[kind].indexOf(code.length)];
}

/**
 * The structure of a catalog: codes unique, and every 款/项 has its 类/款 in the catalog.
 * `rows` are the codes with the row each comes from, in file order.
 */
export function checkCatalogStructure(kind: CatalogKind, rows: readonly { code: string; row: number }[]): Required<CatalogProblem>[] {
  const problems: Required<CatalogProblem>[] = [];
  const firstRow = new Map<string, number>();
  for (const { code, row } of rows) {
    const earlier = firstRow.get(code);
    if (earlier === undefined) firstRow.set(code, row);
    else problems.push({ row, message: `第 ${row} 行：编码 ${code} 与第 ${earlier} 行重复，请删除其中一行` });
  }
  for (const { code, row } of rows) {
    for (const parent of codePath(kind, code).slice(0, -1)) {
      if (!firstRow.has(parent)) {
        problems.push({
          row,
          message: `第 ${row} 行：${levelName(kind, code)} ${code} 的上级${levelName(kind, parent)} ${parent} 不在表中，请补上该${levelName(kind, parent)}`,
        });
      }
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}

export type EditionImport = { ok: true; catalog: Catalog } | { ok: false; problems: CatalogProblem[] };

/**
 * Reads an official edition from rows of text (from a CSV file or a worksheet): the first non-blank
 * row is the header with a code column (code / 科目编码 / 编码) and a name column (name / 科目名称 / 名称).
 * Every row is checked; the edition is taken only when no row has a problem. Its rows are labelled
 * `导入:<edition>`, and it replaces the built-in catalog of its kind (see `withEdition`).
 */
export function importCatalogEdition(kind: CatalogKind, rows: readonly (readonly string[])[], edition: number): EditionImport {
  const label = CATALOG_LABELS[kind];
  if (!Number.isInteger(edition) || edition < FIRST_EDITION || edition > 9999) {
    return { ok: false, problems: [{ message: `${label}科目表的版本年度“${edition}”无效：请填写 ${FIRST_EDITION} 年以后的四位年份，如 2025` }] };
  }
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = (rows[headerIndex] ?? []).map((h) => h.normalize('NFKC').trim().toLowerCase());
  const codeCol = header.findIndex((h) => (CATALOG_HEADERS.code as readonly string[]).includes(h));
  const nameCol = header.findIndex((h) => (CATALOG_HEADERS.name as readonly string[]).includes(h));
  if (headerIndex < 0 || codeCol < 0 || nameCol < 0) {
    const row = Math.max(headerIndex, 0) + 1;
    return { ok: false, problems: [{ row, message: `第 ${row} 行：${label}科目表缺少表头，应有“科目编码”和“科目名称”两列（或 code,name）` }] };
  }
  const problems: CatalogProblem[] = [];
  const entries: CatalogEntry[] = [];
  const placed: { code: string; row: number }[] = [];
  const levels = CODE_LEVELS[kind].join(' / ');
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (i <= headerIndex || cells.every((c) => c.trim() === '')) return;
    const code = (cells[codeCol] ?? '').normalize('NFKC').replace(/\s+/g, '');
    const name = (cells[nameCol] ?? '').trim();
    if (!isWellFormedCode(kind, code) || !code.startsWith(FIRST_DIGIT[kind])) {
      problems.push({
        row,
        message: `第 ${row} 行：编码“${code}”不是${label}编码（应为 ${FIRST_DIGIT[kind]} 开头的 ${levels} 位数字），请改正或删除该行`,
      });
      return;
    }
    if (!name) problems.push({ row, message: `第 ${row} 行：编码 ${code} 缺少科目名称，请补上名称` });
    else if ([...name].length > NAME_LIMIT) problems.push({ row, message: `第 ${row} 行：编码 ${code} 的科目名称过长（${[...name].length} 个字），最多 ${NAME_LIMIT} 个字` });
    placed.push({ code, row });
    entries.push({ code, name, source: editionSource(edition) });
  });
  problems.push(...checkCatalogStructure(kind, placed));
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ row: headerIndex + 1, message: `${label}科目表在表头之后没有任何科目行，请检查文件是否选对` });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  return { ok: true, catalog: buildCatalog(kind, entries, edition) };
}

/** `importCatalogEdition` for the text of a `code,name` CSV file. */
export function importCatalogEditionCsv(kind: CatalogKind, text: string, edition: number): EditionImport {
  return importCatalogEdition(kind, parseCsv(text), edition);
}

/** The catalogs with `catalog` in place of the one of its kind: an edition replaces, it is never merged. */
export function withEdition(catalogs: Catalogs, catalog: Catalog): Catalogs {
  return { ...catalogs, [catalog.kind]: catalog };
}
