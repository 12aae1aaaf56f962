import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, publicationTextFacts } from '../../shared/core/checks/textRules';
import { measureKey } from '../../shared/core/measures';
import { FUND_SOURCES, type Workbook } from '../../shared/core/model';
import { buildNarrative, renderNarrativeText } from '../../shared/core/narrative/index';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';

const KEYS = [measureKey.total, measureKey.fiscal, ...FUND_SOURCES.map(measureKey.source)];

/** A random workbook under jiangsu-province with some prior-year figures. */
const jiangsuWorkbook = fc
  .record({ wb: workbookArb(false, 40), figures: fc.array(fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: undefined }), { minLength: KEYS.length, maxLength: KEYS.length }) })
  .map(({ wb, figures }): Workbook => {
    const baseline = { year: wb.year - 1, figures: {} as Record<string, number> };
    KEYS.forEach((key, i) => {
      if (figures[i] !== undefined) baseline.figures[key] = figures[i]!;
    });
    return { ...wb, template: 'jiangsu-province', baseline };
  });

/** The text checks on a workbook's Jiangsu text against its Jiangsu tables (the department's, or one unit's), the template told by their titles. */
function findings(wb: Workbook, unit?: string) {
  const text = renderNarrativeText(buildNarrative(wb, undefined, { unit }));
  return checkText(text, publicationTextFacts(deriveWorkbookTables(wb, unit).map(toPublishedTable)));
}

describe('the text checks on our own Jiangsu narrative', () => {
  it('never fire, for the department and each unit, on random workbooks (property)', () => {
    fc.assert(
      fc.property(jiangsuWorkbook, (wb) => {
        expect(findings(wb)).toEqual([]);
        for (const unit of new Set(wb.lines.map((l) => l.unit))) expect(findings(wb, unit)).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });
});
