import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS } from '../../shared/core/catalog/catalog';
import { checkPublicationByTemplate } from '../../shared/core/checks/byTemplate';
import { toPublication } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { workbookArb } from '../helpers/randomWorkbooks';
import { runs } from '../helpers/runs';

describe('jiangsu-province: the relations derived between tables hold for any workbook', () => {
  it('a publication derived from any lines (every source, tiny amounts rounding to 0.00 or 0.01) is checked clean', () => {
    fc.assert(
      fc.property(workbookArb(false, 40), (start) => {
        // codes the catalog does not have print a class without a name in table 1: a matter of their own
        const known = start.lines.filter((l) => BUILTIN_CATALOGS.function.entries.has(l.functionCode) && BUILTIN_CATALOGS.economic.entries.has(l.economicCode));
        const wb = { ...start, lines: known, template: 'jiangsu-province' };
        const pub = toPublication(wb.department, wb.year, deriveWorkbookTables(wb), 'jiangsu-province');
        expect(checkPublicationByTemplate(pub.tables).filter((f) => f.severity === '错误')).toEqual([]);
      }),
      { numRuns: runs(200), seed: 17 },
    );
  });
});
