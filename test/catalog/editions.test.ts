import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, type CatalogKind } from '../../shared/core/catalog/catalog';
import { checkCatalogStructure } from '../../shared/core/catalog/edition';
import { EDITION_CHANGES, FIRST_BUILTIN_EDITION, LAST_BUILTIN_EDITION, OLD_NAMES, builtinEdition, editionLabel, editionYear, isOldName, publicationYear } from '../../shared/core/catalog/editions';
import { workbookCatalogs } from '../../shared/core/catalog/workbookCatalogs';

const SOURCES = readFileSync(join(import.meta.dirname, '../../shared/core/catalog/SOURCES.md'), 'utf8');
/** The publication labels of SOURCES.md with the edition years their row names. */
const LABEL_YEARS = new Map([...SOURCES.matchAll(/^\| (P\w+) \| [^|]* \| ([^|]*) \|/gm)].map((m) => [m[1], [...m[2].matchAll(/\d{4}/g)].map((y) => Number(y[0]))]));
const KINDS: CatalogKind[] = ['function', 'economic'];
const YEARS = Array.from({ length: LAST_BUILTIN_EDITION - FIRST_BUILTIN_EDITION + 1 }, (_, i) => FIRST_BUILTIN_EDITION + i);

/** Rows of an edition: all, confirmed by a publication of that year, by another year's only, from memory only. */
function counts(year: number, kind: CatalogKind): number[] {
  const out = [0, 0, 0, 0];
  for (const e of builtinEdition(year)[kind].entries.values()) {
    const years = e.source.split('+').flatMap((l) => LABEL_YEARS.get(l) ?? []);
    out[0]++;
    out[years.includes(year) ? 1 : years.length > 0 ? 2 : 3]++;
  }
  return out;
}

describe('the built-in catalogs by edition year', () => {
  it('have every edition 2019–2026 structurally whole, and every change labelled with a source SOURCES.md defines', () => {
    for (const year of YEARS) {
      for (const kind of KINDS) {
        const rows = [...builtinEdition(year)[kind].entries.keys()].map((code, i) => ({ code, row: i + 2 }));
        expect(checkCatalogStructure(kind, rows), `${year} ${kind}`).toEqual([]);
      }
    }
    for (const c of [...EDITION_CHANGES, ...OLD_NAMES]) expect(c.source === 'M' || LABEL_YEARS.has(c.source), `${c.code} ${c.source}`).toBe(true);
  });

  it('know each year’s codes and names: 2080504 in 2019 only, 20139 from 2024, 22198 by year', () => {
    const name = (year: number, code: string) => builtinEdition(year).function.entries.get(code)?.name;
    expect(name(2019, '2080504')).toBe('未归口管理的行政单位离退休');
    expect(name(2024, '2080504')).toBeUndefined();
    expect(name(2019, '2040410')).toBe('检察监督');
    expect(name(2023, '20139')).toBeUndefined();
    expect(['20139', '2013901', '2013950', '2013999'].map((c) => name(2024, c))).toEqual(['社会工作事务', '行政运行', '事业运行', '其他社会工作事务支出']);
    expect(name(2025, '22198')).toBe('超长期特别国债安排的支出');
    expect(name(2026, '22198')).toBe('其他住房保障支出');
    expect(builtinEdition(2024).function.entries.get('2013901')?.source).toBe('P6');
    expect(isOldName('function', '210', '医疗卫生与计划生育支出')).toBe(true);
    expect(isOldName('function', '212', '医疗卫生与计划生育支出')).toBe(false);
  });

  it('pick the edition by year, clamped to 2019–2026, and say which', () => {
    expect([2015, 2019, 2024, 2031, undefined].map(editionYear)).toEqual([2019, 2019, 2024, 2026, 2026]);
    expect(publicationYear(['第三张', '2024 年部门收入预算总表'])).toBe(2024);
    expect(publicationYear(['2026年预算单位财务收支预算总表'])).toBe(2026);
    expect(publicationYear(['部门收入预算总表'])).toBeUndefined();
    expect(editionLabel(builtinEdition(2019).function)).toBe('内置 2019 年版功能分类科目表');
    expect(workbookCatalogs({ year: 2019 }).function.entries.has('2080504')).toBe(true);
    expect(workbookCatalogs({}).function).toBe(builtinEdition(undefined).function);
    expect(BUILTIN_CATALOGS.function.entries.has('20139')).toBe(false);
  });

  it('are counted in SOURCES.md per edition: confirmed by a publication of that year, of another year, or from memory', () => {
    const table = YEARS.map((year) => `| ${year} | ${[...counts(year, 'function'), ...counts(year, 'economic')].join(' | ')} |`);
    const printed = SOURCES.split('\n').filter((l) => /^\| 20\d\d \| \d/.test(l));
    expect(printed).toEqual(table);
  });
});
