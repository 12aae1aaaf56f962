import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, leafLength } from '../../shared/core/catalog/catalog';
import { COST_TYPES, EXPENDITURE_KINDS, FUND_SOURCES, UNIT_TYPES, unitTypeLookup, type BudgetUnit, type LineItem } from '../../shared/core/model';
import { aggregate, applyLine } from '../../shared/core/tables/aggregate';
import { deriveTables, tablesFromAggregates, withLineUnits } from '../../shared/core/tables/derive';
import { isAmount, matchesFilter, type TableModel } from '../../shared/core/tables/tableModel';
import { runs } from '../helpers/runs';

const leaves = (kind: 'function' | 'economic') => [...BUILTIN_CATALOGS[kind].entries.keys()].filter((c) => c.length === leafLength(kind));
const FUNCTION_LEAVES = leaves('function');
const ECONOMIC_LEAVES = leaves('economic');
const UNIT_NAMES = ['本级', '甲中心', '乙所'];

const lineArb = fc.record({
  unit: fc.constantFrom(...UNIT_NAMES),
  functionCode: fc.constantFrom(...FUNCTION_LEAVES),
  economicCode: fc.constantFrom(...ECONOMIC_LEAVES),
  kind: fc.constantFrom(...EXPENDITURE_KINDS),
  source: fc.constantFrom(...FUND_SOURCES),
  project: fc.constantFrom('', '项目甲', '项目乙'),
  // up to 100 亿元 a line, in 分; 300 lines stay far inside the safe-integer range
  amount: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 10_000 })),
  costType: fc.option(fc.constantFrom(...COST_TYPES), { nil: undefined }),
});

const workbookArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 300 }).map((ls) => ls.map((l, i): LineItem => ({ id: i + 1, ...l }))),
  units: fc.tuple(...UNIT_NAMES.map(() => fc.constantFrom(...UNIT_TYPES))).map((types) => types.map((type, i): BudgetUnit => ({ name: UNIT_NAMES[i], type }))),
});

function amountCells(table: TableModel) {
  return table.rows.flatMap((row, r) => row.cells.flatMap((cell, c) => (isAmount(cell) ? [{ cell, r, c }] : [])));
}

/** Exact oracle: BigInt sums cannot lose a 分 however large the figures grow. */
function bigSum(lines: readonly LineItem[]): bigint {
  return lines.reduce((s, l) => s + BigInt(l.amount), 0n);
}

describe('tables of random workbooks', () => {
  it('every figure equals the exact sum of the lines behind it', () => {
    fc.assert(
      fc.property(workbookArb, ({ lines, units }) => {
        const typeOf = unitTypeLookup(units);
        for (const table of deriveTables({ department: '测试部门', year: 2025, units }, lines)) {
          for (const { cell } of amountCells(table)) {
            expect(Number.isSafeInteger(cell.fen)).toBe(true);
            const behind = lines.filter((l) => matchesFilter(cell.filter, l, typeOf(l.unit)));
            expect(BigInt(cell.fen)).toBe(bigSum(behind));
          }
        }
      }),
      { numRuns: runs(1500) },
    );
  });

  it('totals equal the sum of all lines, and parents the sum of their children', () => {
    fc.assert(
      fc.property(workbookArb, ({ lines, units }) => {
        const tables = deriveTables({ department: '测试部门', year: 2025, units }, lines);
        const t3 = tables[2];
        const total = t3.rows.at(-1)!.cells[4];
        expect(isAmount(total) && BigInt(total.fen)).toBe(bigSum(lines));
        for (const table of [tables[1], tables[2], tables[4], tables[5], tables[6]]) {
          const body = table.rows.filter((r) => r.level !== 'total');
          const codeOf = (cells: typeof body[number]['cells']) => cells.slice(0, 3).map((c) => ('text' in c ? c.text : '')).join('');
          for (const parent of body.filter((r) => r.level !== 'item')) {
            const code = codeOf(parent.cells);
            const childLength = code.length + 2;
            const children = body.filter((r) => codeOf(r.cells).length === childLength && codeOf(r.cells).startsWith(code));
            parent.cells.forEach((cell, i) => {
              if (!isAmount(cell)) return;
              const sum = children.reduce((s, ch) => s + (ch.cells[i] as { fen: number }).fen, 0);
              expect(sum).toBe(cell.fen);
            });
          }
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('tables kept up to date line by line equal tables derived afresh', () => {
    fc.assert(
      fc.property(workbookArb, fc.array(fc.nat(), { maxLength: 20 }), ({ lines, units }, picks) => {
        fc.pre(lines.length > 0);
        const all = withLineUnits(units, lines);
        const typeOf = unitTypeLookup(all);
        const agg = aggregate(lines, typeOf);
        let current = lines;
        for (const p of picks) {
          const old = current[p % current.length];
          const changed = { ...old, amount: old.amount + 12_345, source: FUND_SOURCES[p % FUND_SOURCES.length] };
          applyLine(agg, old, typeOf(old.unit), -1);
          applyLine(agg, changed, typeOf(changed.unit), 1);
          current = current.map((l) => (l.id === old.id ? changed : l));
        }
        const ctx = { department: '测试部门', year: 2025, units: all };
        const strip = (ts: TableModel[]) => ts.map((t) => t.rows.map((r) => r.cells.map((c) => (isAmount(c) ? c.fen : c.text))));
        expect(strip(tablesFromAggregates(ctx, agg))).toEqual(strip(deriveTables(ctx, current)));
      }),
      { numRuns: runs(500) },
    );
  });
});
