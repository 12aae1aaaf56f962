import { buildCatalog, BUILTIN_CATALOGS, CATALOG_LABELS, type Catalog, type CatalogKind, type Catalogs } from './catalog';

/**
 * The built-in catalogs by edition year. The rows of `function.csv.ts` and `economic.csv.ts` are the
 * base (the 2024/2025 editions as far as they are known); an edition is the base with the changes
 * below that hold in its year. Each change says from which edition (and until which) a code has a
 * name, or is absent (`name: null`), and where that is known from (labels of ./SOURCES.md; `M` is
 * from memory). Later changes in the list win.
 */
export interface EditionChange {
  kind: CatalogKind;
  code: string;
  name: string | null;
  from: number;
  until?: number;
  source: string;
}

export const FIRST_BUILTIN_EDITION = 2019;
export const LAST_BUILTIN_EDITION = 2026;

export const EDITION_CHANGES: readonly EditionChange[] = [
  // 20805: before the 机关事业单位养老保险 reform was fully in the catalog, 离退休 was split by whether the unit is 归口管理.
  { kind: 'function', code: '2080501', name: '归口管理的行政单位离退休', from: 2019, until: 2020, source: 'M' },
  { kind: 'function', code: '2080504', name: '未归口管理的行政单位离退休', from: 2019, until: 2020, source: 'M' },
  // 20805 kept its old name in the 2019 edition: both 2019 Jiangsu publications (P7) print 行政事业单位离退休.
  { kind: 'function', code: '20805', name: '行政事业单位离退休', from: 2019, until: 2019, source: 'P7' },
  // 20404 检察: the 2019 edition merged the older 项 of 检察业务 into 检察监督.
  { kind: 'function', code: '2040410', name: '检察监督', from: 2019, source: 'M' },
  // 20139 社会工作事务 (党委社会工作部门, set up in 2023): printed in 2024 publications.
  { kind: 'function', code: '20139', name: '社会工作事务', from: 2024, source: 'P6' },
  { kind: 'function', code: '2013901', name: '行政运行', from: 2024, source: 'P6' },
  { kind: 'function', code: '2013950', name: '事业运行', from: 2024, source: 'P6' },
  { kind: 'function', code: '2013999', name: '其他社会工作事务支出', from: 2024, source: 'P6' },
  // 22198: 超长期特别国债安排的支出 in a 2025 publication (P4), 其他住房保障支出 in a 2026 one (P3, the base row).
  { kind: 'function', code: '22198', name: '超长期特别国债安排的支出', from: 2025, until: 2025, source: 'P4' },
];

/**
 * Names a code had that publications still print in later years: not a mismatch, but known as the
 * old name (`until` is the last edition that used it).
 */
export const OLD_NAMES: readonly { kind: CatalogKind; code: string; name: string; until: number; source: string }[] = [
  { kind: 'function', code: '210', name: '医疗卫生与计划生育支出', until: 2018, source: 'M' },
  { kind: 'function', code: '20805', name: '行政事业单位离退休', until: 2019, source: 'M' },
];

/** The edition a year uses: the year itself within the built-in range, else the nearest end of it. */
export function editionYear(year: number | undefined): number {
  if (year === undefined || !Number.isFinite(year)) return LAST_BUILTIN_EDITION;
  return Math.min(LAST_BUILTIN_EDITION, Math.max(FIRST_BUILTIN_EDITION, Math.trunc(year)));
}

function applies(change: EditionChange, year: number): boolean {
  return change.from <= year && (change.until === undefined || year <= change.until);
}

function buildEdition(kind: CatalogKind, year: number): Catalog {
  const entries = new Map(BUILTIN_CATALOGS[kind].entries);
  for (const change of EDITION_CHANGES) {
    if (change.kind !== kind || !applies(change, year)) continue;
    if (change.name === null) entries.delete(change.code);
    else entries.set(change.code, { code: change.code, name: change.name, source: change.source });
  }
  return buildCatalog(kind, [...entries.values()].sort((a, b) => (a.code < b.code ? -1 : 1)), year);
}

const editions = new Map<number, Catalogs>();

/** The built-in catalogs of an edition year (clamped to 2019–2026). */
export function builtinEdition(year: number | undefined): Catalogs {
  const y = editionYear(year);
  let catalogs = editions.get(y);
  if (!catalogs) editions.set(y, (catalogs = { function: buildEdition('function', y), economic: buildEdition('economic', y) }));
  return catalogs;
}

/** The year a publication is for, read from its table titles (`2024 年部门收入预算总表`). */
export function publicationYear(titles: readonly string[]): number | undefined {
  for (const title of titles) {
    const m = /((?:19|20)\d\d)\s*年/.exec(title.normalize('NFKC'));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Whether `name` is an older name of the code, known to be still printed after it changed. */
export function isOldName(kind: CatalogKind, code: string, name: string): boolean {
  return OLD_NAMES.some((o) => o.kind === kind && o.code === code && o.name === name);
}

/** `2024 年版功能分类科目表（内置）` or, for an imported edition, `导入的 2025 年版功能分类科目表`. */
export function editionLabel(catalog: Catalog): string {
  const imported = catalog.entries.values().next().value?.source.startsWith('导入:') ?? false;
  const year = catalog.edition === undefined ? '' : `${catalog.edition} 年版`;
  return imported ? `导入的 ${year}${CATALOG_LABELS[catalog.kind]}科目表` : `内置 ${year}${CATALOG_LABELS[catalog.kind]}科目表`;
}
