import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { codePath, type Catalogs } from '../../shared/core/catalog/catalog';
import { workbookCatalogs } from '../../shared/core/catalog/workbookCatalogs';
import { measureFromLines, measureKey } from '../../shared/core/measures';
import { FUND_SOURCES, SANGONG_ITEMS, unitTypeLookup, type MeasureKey, type Workbook } from '../../shared/core/model';
import { rollForward } from '../../shared/core/rollForward';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { yearOnYear } from '../../shared/core/yoy';
import { generateWorkbook } from '../bench/generate';
import { useTempDir } from './tempDir';

/** Every measure the lines of a workbook give: totals, sources, each 类/款/项 and 类/款, 三公. */
function measureKeys(wb: Workbook): MeasureKey[] {
  const keys = new Set<MeasureKey>([measureKey.total, measureKey.fiscal, measureKey.sanGongTotal, measureKey.vehicles, measureKey.officeExpenses]);
  for (const s of FUND_SOURCES) keys.add(measureKey.source(s));
  for (const s of SANGONG_ITEMS) keys.add(measureKey.sanGong(s.key));
  for (const l of wb.lines) {
    for (const code of codePath('function', l.functionCode)) keys.add(measureKey.function(code));
    for (const code of codePath('economic', l.economicCode)) keys.add(measureKey.economic(code));
  }
  return [...keys];
}

/** The published tables with the year taken out of their titles (with the given catalogs, else the workbook's). */
function tablesWithoutYear(wb: Workbook, catalogs: Catalogs = workbookCatalogs(wb)) {
  return deriveWorkbookTables(wb, undefined, catalogs).map((t) => ({ ...toPublishedTable(t), title: t.title.replace(String(wb.year), 'YYYY'), note: t.note?.replace(String(wb.year), 'YYYY') }));
}

describe('rolling a workbook forward to next year', () => {
  const temp = useTempDir();

  for (const [name, make] of [
    ['the sample department', sampleWorkbook],
    ['a generated department of 3,000 lines in several units', () => generateWorkbook(3000)],
  ] as const) {
    it(`keeps ${name}'s tables, and every year-on-year change is zero`, () => {
      const wb = make();
      const next = rollForward(wb);
      expect(next.year).toBe(wb.year + 1);
      expect(next.baseline).toEqual({ year: wb.year, figures: {}, lines: wb.lines, provenance: `${wb.year} 年预算明细（由 ${wb.year} 年工作簿结转）` });
      expect(next.lines).toEqual(wb.lines);
      // the 科目 names are those of the new year's catalog edition (22198 is named differently in 2025 and 2026)
      expect(tablesWithoutYear(next)).toEqual(tablesWithoutYear(wb, workbookCatalogs(next)));

      const typeOf = unitTypeLookup(next.units);
      for (const key of measureKeys(next)) {
        expect(measureFromLines(key, next.lines, typeOf), key).toBe(measureFromLines(key, next.baseline.lines!, typeOf));
      }
      const yoy = yearOnYear(next);
      const rows = [...yoy.summary, ...yoy.bySource, ...yoy.byFunction, ...yoy.byEconomic, ...yoy.sanGong];
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        expect(row.change, row.key).toBe(0);
        expect(row.flagged).toBe(false);
      }
    });
  }

  it('keeps texts, units, entered figures and projects, and clears the reasons for this year’s changes', () => {
    const wb = sampleWorkbook();
    wb.texts = { ...wb.texts, reasons: { total: { text: '增加人员' } } };
    const next = rollForward(wb);
    expect(next.texts).toEqual({ ...wb.texts, reasons: {} });
    expect(next.units).toEqual(wb.units);
    expect(next.entered).toEqual(wb.entered);
    expect(next.projects).toEqual(wb.projects);
    expect(next.department).toBe(wb.department);
    // A copy: editing next year's draft leaves this year's workbook as it was.
    next.lines[0].amount += 1;
    next.entered.procurement.goods += 1;
    expect(wb.lines[0].amount).toBe(sampleWorkbook().lines[0].amount);
    expect(wb.entered.procurement.goods).toBe(0);
  });

  it('works on files: next year’s file holds next year’s workbook, and its first edit gets a fresh id', () => {
    const dir = temp();
    const current = WorkbookFile.create(join(dir, '2024.budget'), sampleWorkbook());
    const next = WorkbookFile.create(join(dir, '2025.budget'), rollForward(current.workbook()));
    expect(next.workbook()).toEqual(rollForward(sampleWorkbook()));
    const r = next.edit({ op: 'insertLines', lines: [{ ...sampleWorkbook().lines[0] }] });
    expect(r.applied).toMatchObject({ lines: [{ id: 31 }] });
    next.close();
    current.close();
  });
});
