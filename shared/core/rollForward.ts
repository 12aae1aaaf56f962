import type { LineItem, Workbook } from './model';
import { emptySchedules } from './schedules/model';

const copyLine = (line: LineItem): LineItem => ({ ...line });
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Next year's workbook from this one: this year's lines are the starting draft, and this year's
 * budget, line by line, is next year's prior-year baseline, so every year-on-year change starts at
 * zero. Texts are kept except the reasons for changes, which explained this year's changes.
 * 人员与标准 (staff, standards for the user to update, mapping) and the computed lines are carried
 * (a confirmation of a hand-changed line is not: it was for this year); of the schedules only the
 * 部门整体绩效目标 and the indicator library go on (projects carry their own 绩效目标): 采购, 购买服务
 * and 资产配置 start empty.
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
    ...(wb.compute ? { compute: { ...copy(wb.compute), computed: wb.compute.computed.map(({ confirmed: _c, ...r }) => ({ ...r })) } } : {}),
    ...(wb.schedules ? { schedules: { ...emptySchedules(), department: copy(wb.schedules.department), indicatorLibrary: copy(wb.schedules.indicatorLibrary) } } : {}),
  };
}
