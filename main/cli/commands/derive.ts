import { deriveWorkbookTables } from '../../../shared/core/workbookTables';
import { toPublication } from '../../../shared/core/tables/published';
import { requireUnit } from '../../excel/writeWorkbook';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { WORKBOOK_OPTIONS, WORKBOOK_USAGE, loadWorkbook } from '../workbookInput';

const usage = `用法：budget derive <明细.csv | --sample> [选项]
输出公开表（JSON，与 seed-2024-tables.json 同一格式；按公开模板，缺省上海九张表）。
${WORKBOOK_USAGE}
  --unit 名称          只输出该预算单位的表（缺省用单位预算模板 shanghai-unit）`;

export const derive: Command = {
  summary: '由明细生成九张公开表（JSON）',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...WORKBOOK_OPTIONS, unit: { type: 'string' } }, usage);
    const wb = await loadWorkbook(positionals[0], values);
    requireUnit(wb, values.unit);
    const tables = deriveWorkbookTables(wb, values.unit);
    process.stdout.write(JSON.stringify(toPublication(wb.department, wb.year, tables, wb.template), null, 2) + '\n');
    return 0;
  },
};
