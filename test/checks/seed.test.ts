import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLines, checkPublication, checkWorkbook } from '../../shared/core/checks/index';
import { BUILTIN_CATALOGS } from '../../shared/core/catalog/catalog';
import { FUND_SOURCES, EXPENDITURE_KINDS, type LineItem } from '../../shared/core/model';
import { formatYuan } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { SEED_DERIVED, SEED_PUBLISHED, readTables, roots } from './publications';
import { runs } from '../helpers/runs';

describe('the checks on the reference publication', () => {
  it('find exactly the publication’s known errors: table 3’s malformed amounts and mixed style, table 8’s 302 subtotal once', () => {
    const findings = checkPublication(readTables(SEED_PUBLISHED));
    const malformed = (row: number) => ({ rule: 'T-NUMBER', table: 3, row, column: '基本支出', consequences: [] });
    expect(roots(findings)).toEqual([
      malformed(7),
      { rule: 'T-NUMBER-STYLE', table: 3, row: 7, column: '项目支出', consequences: [] },
      malformed(8),
      malformed(9),
      malformed(13),
      { rule: 'T-PARENT-SUM', table: 8, row: 9, column: '合计', consequences: [{ rule: 'T-PARENT-SUM', table: 8, row: 9, column: '公用经费' }] },
    ]);
    expect(findings.every((f) => f.severity === '错误')).toBe(true);
    expect(findings[0].message).toBe(
      '表 3 第 8 行“212 城乡社区支出”“基本支出”列印为“6,34695.92”，不是规范的金额：“6,34695.92”的千分位分隔符位置不对（应每三位一个逗号，如 1,200,486.48）；请按正确金额改印',
    );
    // one finding for the table, naming both styles; the grouped (standard) side is not blamed
    expect(findings[1].message).toMatch(/^表 3 中 1,000 以上的金额有两种写法：用千分位分隔符的 24 处（如 .*“1,200,486.48”.*），不用的 4 处（如 表 3 第 8 行“212 城乡社区支出”“项目支出”列“337324.00”/);
    expect(findings[5].message).toBe('表 8 第 10 行“302 商品和服务支出”“合计”列为 745,280.54，但其下各款合计为 725,280.54，相差 20,000.00；请核对该行或其下各行');
    expect(findings[5].rowLabel).toBe('302 商品和服务支出');
  });

  it('find nothing in the tables as they must come out', () => {
    expect(checkPublication(readTables(SEED_DERIVED))).toEqual([]);
  });

  it('find nothing in the sample’s lines and derived tables; only that 城管通服务费’s 测算 falls short', () => {
    expect(checkWorkbook(sampleWorkbook()).map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['P-CALC', '警告', '项目“城管通服务费”的测算（43*128*12+3250*12）为 105,048.00 元，未达到预算 152,500.00 元，差 47,452.00 元；请补全测算依据或调整预算'],
    ]);
  });
});

describe('the checks on derived tables', () => {
  it('find nothing in a department with every source, several units, projects and all 三公 items', () => {
    const wb = sampleWorkbook();
    const base = wb.lines[4];
    let id = 100;
    const line = (patch: Partial<LineItem>): LineItem => ({ ...base, id: id++, ...patch });
    wb.projects = [];
    wb.units = [...wb.units, { name: '某区某局机关', type: '行政单位' }];
    wb.lines = [
      ...wb.lines,
      line({ unit: '某区某局机关', functionCode: '2010101', economicCode: '30201', amount: 1_234_567 }),
      line({ unit: '某区某局机关', functionCode: '2010101', economicCode: '30212', amount: 3_000_000 }),
      line({ functionCode: '2120199', economicCode: '31013', kind: '项目支出', project: '执法车辆更新', amount: 45_000_000 }),
      line({ functionCode: '2120199', economicCode: '30231', kind: '项目支出', project: '车辆运维', amount: 555_555 }),
      line({ functionCode: '2120801', economicCode: '30227', source: '政府性基金预算财政拨款', kind: '项目支出', project: '土地整理', amount: 98_765_432 }),
      line({ functionCode: '2230199', economicCode: '31099', source: '国有资本经营预算财政拨款', kind: '项目支出', project: '国企注资', amount: 10_000_000 }),
      line({ functionCode: '2120199', economicCode: '30201', source: '事业收入', amount: 12_345 }),
      line({ functionCode: '2080505', economicCode: '30108', source: '其他收入', amount: 7_777 }),
      line({ functionCode: '2010199', economicCode: '30299', source: '事业单位经营收入', kind: '项目支出', project: '培训服务', amount: 500_000 }),
    ];
    const tables = deriveWorkbookTables(wb).map(toPublishedTable);
    expect(tables[8].rows[0]).toEqual(['51.55', '3.00', '0.29', '48.26', '45.00', '3.26', '4.23']);
    expect(checkWorkbook(wb)).toEqual([]);
  });

  it('find nothing in the tables derived from any well-formed lines (property)', () => {
    const functionCodes = [...BUILTIN_CATALOGS.function.entries.keys()].filter((c) => c.length === 7);
    const economicCodes = [...BUILTIN_CATALOGS.economic.entries.keys()].filter((c) => c.length === 5);
    const lineArb = fc.record({
      unit: fc.constantFrom('甲单位', '乙单位'),
      functionCode: fc.constantFrom(...functionCodes),
      economicCode: fc.constantFrom(...economicCodes),
      kind: fc.constantFrom(...EXPENDITURE_KINDS),
      source: fc.constantFrom(...FUND_SOURCES),
      amount: fc.integer({ min: 1, max: 5_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 25 }), (drawn) => {
        const wb = sampleWorkbook();
        wb.units = [{ name: '甲单位', type: '行政单位' }];
        wb.lines = drawn.map((l, i) => ({ ...l, id: i + 1, project: l.kind === '项目支出' ? `项目${i + 1}` : '' }));
        const tables = deriveWorkbookTables(wb).map(toPublishedTable);
        expect(checkPublication(tables)).toEqual([]);
        expect(checkLines(wb.lines).filter((f) => f.rule !== 'L-DUPLICATE')).toEqual([]);
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('no blind spots', () => {
  it('changing any printed amount of tables 1 to 8 by any amount is an error somewhere (property)', () => {
    const cells = readTables(SEED_DERIVED)
      .filter((t) => t.id !== 9)
      .flatMap((t) => t.rows.flatMap((r, row) => r.map((text, col) => ({ id: t.id, row, col, text })).filter((c) => /^[\d,]+\.\d\d$/.test(c.text))));
    fc.assert(
      fc.property(fc.constantFrom(...cells), fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0), (cell, delta) => {
        const tables = readTables(SEED_DERIVED);
        const fen = Number(cell.text.replace(/[,.]/g, '')) + delta;
        fc.pre(fen >= 0);
        tables.find((t) => t.id === cell.id)!.rows[cell.row][cell.col] = formatYuan(fen);
        expect(checkPublication(tables).some((f) => f.severity === '错误')).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});
