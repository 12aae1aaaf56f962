import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_LEVELS, codePath } from '../../shared/core/catalog/catalog';
import { checkPublication, type CheckFinding, type PublishedTableInput } from '../../shared/core/checks/index';
import { formatYuan } from '../../shared/core/money';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';
import { STYLES, unitTable1, type Style } from './styles';

const CODED = [2, 3, 5, 8];
const ALL_STYLES: Record<string, Style> = { ...STYLES, unitTable1 };

/** The code columns of a table (类/款/项 or one 科目编码) and the code a row prints, if it has one. */
function codeCells(t: PublishedTableInput): number[] {
  return t.columns.map((c, i) => (['类', '款', '项', '科目编码'].includes(c) ? i : -1)).filter((i) => i >= 0);
}

function rowCode(t: PublishedTableInput, row: string[]): string | undefined {
  const parts = codeCells(t)
    .map((i) => row[i])
    .filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return undefined;
  const last = parts[parts.length - 1];
  return last.length > 2 ? last : parts.join('');
}

interface Planted {
  table: number;
  row: number;
}

type Plant = (tables: PublishedTableInput[], pick: number, delta: number) => Planted | undefined;

/** Code rows of the coded tables that `ok` accepts, as [table, row]. */
function candidates(tables: PublishedTableInput[], ok: (t: PublishedTableInput, row: number, code: string) => boolean): [PublishedTableInput, number][] {
  return tables
    .filter((t) => CODED.includes(t.id!))
    .flatMap((t) => t.rows.map((r, i) => [t, i, rowCode(t, r)] as const))
    .filter(([t, i, code]) => code !== undefined && ok(t, i, code))
    .map(([t, i]) => [t, i]);
}

/** One amount of a 科目 row changed, printed in the table's style. */
const changeAmount: Plant = (tables, pick, delta) => {
  const rows = candidates(tables, () => true);
  if (rows.length === 0) return undefined;
  const [t, row] = rows[pick % rows.length];
  const amounts = t.columns.map((_, i) => i).filter((i) => i > Math.max(...codeCells(t)) + 1);
  const col = amounts[pick % amounts.length];
  const text = t.rows[row][col];
  const plain = t.rows.flat().some((c) => /^\d{4,}\.\d\d$/.test(c));
  const fen = text === '' ? 0 : Math.round(Number(text.replace(/,/g, '')) * 100);
  const printed = formatYuan(fen + delta);
  t.rows[row][col] = plain ? printed.replace(/,/g, '') : printed;
  return { table: t.id!, row };
};

/** One code printed with a digit missing (`212 1 99`, `212199`). */
const garbleCode: Plant = (tables, pick) => {
  const rows = candidates(tables, () => true);
  if (rows.length === 0) return undefined;
  const [t, row] = rows[pick % rows.length];
  const cells = codeCells(t).filter((i) => t.rows[row][i] !== '');
  const cell = cells[cells.length - 1];
  t.rows[row][cell] = t.rows[row][cell].slice(0, -1);
  return { table: t.id!, row };
};

/** One leaf row (under a listed parent, not the last row) moved to the end of its table, before the 合计. */
const moveRow: Plant = (tables, pick) => {
  const rows = candidates(tables, (t, i, code) => {
    const codes = t.rows.map((r) => rowCode(t, r)).filter((c): c is string => c !== undefined);
    const kind = t.id === 8 ? 'economic' : 'function';
    const hasParent = codePath(kind, code).slice(0, -1).some((p) => codes.includes(p));
    const isLeaf = !codes.some((c) => c !== code && c.startsWith(code));
    return hasParent && isLeaf && code.length === CODE_LEVELS[kind].at(-1) && codes[codes.length - 1] !== code && i >= 0;
  });
  if (rows.length === 0) return undefined;
  const [t, row] = rows[pick % rows.length];
  const [moved] = t.rows.splice(row, 1);
  const total = t.rows.findIndex((r) => r.includes('合计'));
  const at = total < 0 ? t.rows.length : total;
  t.rows.splice(at, 0, moved);
  return { table: t.id!, row: at };
};

const PLANTS = { changeAmount, garbleCode, moveRow };

/** What a test compares: the findings other than codes the catalog lacks (random lines use some on purpose). */
const findingsOf = (tables: PublishedTableInput[]): CheckFinding[] => checkPublication(tables).filter((f) => f.rule !== 'T-CODE-UNKNOWN');

describe('one planted error in a random derived publication in a random style', () => {
  it('is reported as exactly one root finding, at the planted place (property)', () => {
    fc.assert(
      fc.property(
        workbookArb(false, 30),
        fc.constantFrom(...Object.keys(ALL_STYLES)),
        fc.constantFrom(...(Object.keys(PLANTS) as (keyof typeof PLANTS)[])),
        fc.nat(),
        fc.integer({ min: 1, max: 10_000_000 }),
        (wb, style, plant, pick, delta) => {
          const tables = ALL_STYLES[style](deriveWorkbookTables(wb).map(toPublishedTable));
          expect(findingsOf(tables)).toEqual([]);
          const planted = PLANTS[plant](tables, pick, delta);
          fc.pre(planted !== undefined);
          const found = findingsOf(tables);
          expect(found.map((f) => ({ table: f.place.table, row: f.place.row }))).toEqual([planted]);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
