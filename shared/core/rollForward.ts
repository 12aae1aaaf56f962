import type { LineItem, Workbook } from './model';

const copyLine = (line: LineItem): LineItem => ({ ...line });

/**
 * Next year's workbook from this one: this year's lines are the starting draft, and this year's
 * budget, line by line, is next year's prior-year baseline, so every year-on-year change starts at
 * zero. Texts are kept except the reasons for changes, which explained this year's changes.
 */
export function rollForward(wb: Workbook): Workbook {
  return {
    department: wb.department,
    year: wb.year + 1,
    units: wb.units.map((u) => ({ ...u })),
    lines: wb.lines.map(copyLine),
    baseline: {
      year: wb.year,
      figures: {},
      lines: wb.lines.map(copyLine),
      provenance: `${wb.year} 年预算明细（由 ${wb.year} 年工作簿结转）`,
    },
    entered: JSON.parse(JSON.stringify(wb.entered)) as Workbook['entered'],
    texts: { ...wb.texts, purposes: { ...wb.texts.purposes }, reasons: {} },
    projects: JSON.parse(JSON.stringify(wb.projects)) as Workbook['projects'],
  };
}
