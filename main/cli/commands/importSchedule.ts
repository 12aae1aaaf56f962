import { basename } from 'node:path';
import { readSchedulesFile } from '../../excel/readSchedules';
import { UserError } from '../../io/userError';
import { WorkbookFile } from '../../workbook/file';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';

const usage = `用法：budget import-schedule <工作簿.budget> <附表.xlsx>
把 Excel 中的明细表附表导入工作簿：政府采购预算表、政府购买服务预算表、资产配置预算表、
项目支出绩效目标表、部门整体支出绩效目标表（工作表名与列与 budget export 导出的相同，可只有其中几张）。
每张导入的表整体取代工作簿中的该附表；有任何一处错误则什么也不导入。导入是一步操作，可整体撤销。`;

export const importSchedule: Command = {
  summary: '把政府采购、购买服务、资产配置、绩效目标附表从 Excel 导入工作簿（一步，可撤销）',
  usage,
  async run(args) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    if (positionals.length !== 2) throw new UserError(`需要两个参数：工作簿文件和附表文件（.xlsx）\n\n${usage}`);
    const [workbookPath, xlsxPath] = positionals;
    if (!xlsxPath.toLowerCase().endsWith('.xlsx')) throw new UserError(`附表文件应为 .xlsx，而不是“${basename(xlsxPath)}”`);
    const file = WorkbookFile.open(workbookPath);
    try {
      const { schedules, projects, sheets } = await readSchedulesFile(xlsxPath, file.workbook());
      const { revision } = file.edit({ op: 'batch', edits: [{ op: 'setSchedules', schedules }, { op: 'setProjects', projects }] });
      process.stdout.write(`已导入 ${sheets.join('、')} 到 ${basename(workbookPath)}（修订 ${revision}，可整体撤销）\n`);
      return 0;
    } finally {
      file.close();
    }
  },
};
