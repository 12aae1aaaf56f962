import type { Catalogs } from '../catalog/catalog';
import { workbookCatalogs } from '../catalog/workbookCatalogs';
import type { Workbook } from '../model';
import { templateFor } from '../templates/registry';
import type { Template } from '../templates/types';
import { deriveWorkbookTables } from '../workbookTables';
import { budgetChapter } from './budget';
import { NarrativeContext } from './context';
import type { Narrative } from './model';
import { assetsSection, officeExpensesSection, performanceSection, procurementSection } from './otherSections';
import { sanGongSection } from './sanGong';

export type { Narrative, NarrativeChapter, NarrativeEdit, NarrativeParagraph, NarrativeSection, NarrativeSectionId } from './model';
export { performanceSource, procurementFigures, VEHICLE_KINDS, type PerformanceFigures, type ProcurementFigures } from './otherSections';
export { renderNarrativeText } from './render';
export { renderChange } from './text';

/**
 * The explanatory text of a workbook: 预算编制说明 and 其他相关情况说明. Every number comes from the
 * lines, the baseline and the entered figures; a person writes only the 用途 of each 类 and the reasons
 * for changes. A comparison with an unknown prior-year figure is left out and listed in `gaps`.
 * Under a template that declares its narrative (the workbook's, or `opts.template`), the income and
 * spending sentences name that template's sources and uses with the figures its tables print.
 */
export function buildNarrative(wb: Workbook, catalogs: Catalogs = workbookCatalogs(wb), opts: { unit?: string; template?: Template } = {}): Narrative {
  const ctx = new NarrativeContext(wb, opts.unit);
  const template = opts.template ?? templateFor(wb, opts.unit);
  const printed = template.narrative ? { template, tables: deriveWorkbookTables(wb, opts.unit, catalogs, template) } : undefined;
  const chapters = [
    budgetChapter(ctx, catalogs, printed),
    {
      title: '其他相关情况说明',
      sections: [sanGongSection(ctx), officeExpensesSection(ctx), procurementSection(ctx), performanceSection(ctx), assetsSection(ctx)],
    },
  ];
  return {
    department: opts.unit ?? wb.department,
    year: wb.year,
    previousYear: wb.baseline.year,
    chapters,
    ...(wb.baseline.reconstructed ? { baselineNote: wb.baseline.provenance || `${wb.baseline.year} 年数据为反推值，并非当年预算原数` } : {}),
    gaps: ctx.gaps,
    notes: ctx.notes,
  };
}
