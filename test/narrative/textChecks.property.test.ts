import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, textFacts, workbookOnlyFigures } from '../../shared/core/checks/textRules';
import { measureKey } from '../../shared/core/measures';
import { FUND_SOURCES, SANGONG_ITEMS, type Workbook } from '../../shared/core/model';
import { buildNarrative, renderNarrativeText } from '../../shared/core/narrative/index';
import { writeReason } from '../../shared/core/reasons';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { explainedChanges } from '../../shared/core/yoy';
import { REFERENCE } from '../helpers/cli';
import { workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';

/** The text checks on a workbook's own text, against its own derived tables (department, or one unit). */
function findings(wb: Workbook, unit?: string) {
  const text = renderNarrativeText(buildNarrative(wb, undefined, { unit }));
  return checkText(text, textFacts(deriveWorkbookTables(wb, unit).map(toPublishedTable)), unit === undefined ? workbookOnlyFigures(wb) : new Map());
}

const fen = fc.integer({ min: 0, max: 2_000_000_000 });
const KEYS = [...FUND_SOURCES.map(measureKey.source), ...SANGONG_ITEMS.map((s) => measureKey.sanGong(s.key)), measureKey.officeExpenses];

/** A random workbook with a prior year of random figures (some missing), reasons for some changes, and 政府采购 entered. */
const withPriorYear = fc
  .record({
    wb: workbookArb(false, 40),
    figures: fc.array(fc.option(fen, { nil: undefined }), { minLength: KEYS.length, maxLength: KEYS.length }),
    reasons: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
    procurement: fc.tuple(fen, fen, fen, fen, fc.option(fen, { nil: undefined })),
  })
  .map(({ wb, figures, reasons, procurement: [goods, works, services, smeReserved, smallMicro] }) => {
    const next: Workbook = { ...wb, baseline: { year: wb.year - 1, figures: {} } };
    KEYS.forEach((key, i) => {
      if (figures[i] !== undefined) next.baseline.figures[key] = figures[i]!;
    });
    next.entered = { ...next.entered, procurement: { goods, works, services, smeReserved, ...(smallMicro === undefined ? {} : { smallMicro }) } };
    explainedChanges(next).forEach((row, i) => {
      if (reasons[i % reasons.length]) next.texts = writeReason(next.texts, row.key, `原因${i}`, row);
    });
    return next;
  });

describe('the text checks on our own narrative', () => {
  it('never fire, for the department and each unit, on random workbooks with a prior year (property)', () => {
    fc.assert(
      fc.property(withPriorYear, (wb) => {
        expect(findings(wb)).toEqual([]);
        for (const unit of new Set(wb.lines.map((l) => l.unit))) expect(findings(wb, unit)).toEqual([]);
      }),
      { numRuns: runs(150) },
    );
  });

  it('find nothing in the sample’s text; on the publication’s own text, only its wording error', () => {
    expect(findings(sampleWorkbook())).toEqual([]);
    const published = readFileSync(join(REFERENCE, '003_122eecf31f5b0360.txt'), 'utf8');
    const facts = textFacts(deriveWorkbookTables(sampleWorkbook()).map(toPublishedTable));
    expect(checkText(published, facts).map((f) => f.message)).toEqual(['“公务接待费0.29万元，比上年预算持平”：“比上年预算持平”不是规范用语，应写“与上年预算持平”']);
  });
});
