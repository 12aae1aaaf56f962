import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, leafLength } from '../../shared/core/catalog/catalog';
import { EXPENDITURE_KINDS, FUND_SOURCES, UNIT_TYPES, unitTypeLookup, type BudgetUnit, type LineItem } from '../../shared/core/model';
import { aggregate, applyLine } from '../../shared/core/tables/aggregate';
import { tablesFromAggregates, updateTables, withLineUnits, type DeriveContext } from '../../shared/core/tables/derive';
import { runs } from '../helpers/runs';

// A few codes under the same 类 and 款, so that edits make rows appear and disappear around each other.
const FUNCTION_CODES = [...BUILTIN_CATALOGS.function.entries.keys()].filter((c) => c.length === leafLength('function') && /^(205|208|212)/.test(c)).slice(0, 12);
const ECONOMIC_CODES = ['30101', '30201', '30212', '30217', '30231', '31013', '30302'];
const UNIT_NAMES = ['本级', '甲中心', '乙所'];

const fieldsArb = fc.record({
  unit: fc.constantFrom(...UNIT_NAMES),
  functionCode: fc.constantFrom(...FUNCTION_CODES),
  economicCode: fc.constantFrom(...ECONOMIC_CODES),
  kind: fc.constantFrom(...EXPENDITURE_KINDS),
  source: fc.constantFrom(...FUND_SOURCES),
  project: fc.constant(''),
  amount: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000_000 })),
});

const editArb = fc.record({ index: fc.nat(), fields: fieldsArb, only: fc.constantFrom('amount', 'all', 'zero') });

describe('updateTables after edits', () => {
  it('equals a full derivation from the same aggregates, edit after edit', () => {
    fc.assert(
      fc.property(
        fc.array(fieldsArb, { minLength: 1, maxLength: 40 }),
        fc.tuple(...UNIT_NAMES.map(() => fc.constantFrom(...UNIT_TYPES))),
        fc.array(editArb, { minLength: 1, maxLength: 15 }),
        fc.constantFrom<string | undefined>(undefined, '甲中心'),
        (fields, types, edits, unit) => {
          const units: BudgetUnit[] = UNIT_NAMES.map((name, i) => ({ name, type: types[i] }));
          const all: LineItem[] = fields.map((f, i) => ({ id: i + 1, ...f }));
          const lines = unit === undefined ? all : all.map((l) => ({ ...l, unit }));
          const ctx: DeriveContext = { department: '测试部门', year: 2025, units: withLineUnits(units, lines), unit };
          const typeOf = unitTypeLookup(ctx.units);
          const agg = aggregate(lines, typeOf);
          let tables = tablesFromAggregates(ctx, agg);
          for (const e of edits) {
            const i = e.index % lines.length;
            const before = lines[i];
            const after: LineItem =
              e.only === 'amount' ? { ...before, amount: e.fields.amount } : e.only === 'zero' ? { ...before, amount: 0 } : { ...before, ...e.fields, unit: before.unit };
            applyLine(agg, before, typeOf(before.unit), -1);
            applyLine(agg, after, typeOf(after.unit), 1);
            lines[i] = after;
            tables = updateTables(tables, ctx, agg, [before.functionCode, after.functionCode]);
            expect(tables).toEqual(tablesFromAggregates(ctx, agg));
          }
        },
      ),
      { numRuns: runs(400) },
    );
  });
});
