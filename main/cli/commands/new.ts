import { sampleWorkbook } from '../../../shared/core/sample/sample';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { UserError } from '../../io/userError';
import { WorkbookFile } from '../../workbook/file';
import { checkName, parseYear, prepareNewWorkbookPath } from '../workbookInput';

const usage = `用法：budget new <工作簿.budget> --department 部门名称 --year YYYY [--force]
       budget new <工作簿.budget> --sample [--force]
新建工作簿文件。
  --department 名称   主管部门名称
  --year YYYY         预算年度
  --sample            以内置样例（宝山区城市运行管理中心 2024 年）为内容
  --force             覆盖已存在的同名文件`;

export const newCommand: Command = {
  summary: '新建工作簿文件（.budget）',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { department: { type: 'string' }, year: { type: 'string' }, sample: { type: 'boolean' }, force: { type: 'boolean' } },
      usage,
    );
    if (positionals.length > 1) throw new UserError(`只能给出一个文件名，多了：${positionals.slice(1).join(' ')}\n\n${usage}`);
    let init: Parameters<typeof WorkbookFile.create>[1];
    if (values.sample) {
      if (values.department !== undefined || values.year !== undefined) throw new UserError('--sample 自带部门和年度：请去掉 --department 和 --year');
      init = sampleWorkbook();
    } else {
      const department = values.department?.trim();
      if (!department) throw new UserError(`请用 --department 给出主管部门名称\n\n${usage}`);
      checkName(department, '--department');
      if (!values.year) throw new UserError(`请用 --year 给出预算年度，如 --year 2025\n\n${usage}`);
      init = { department, year: parseYear(values.year) };
    }
    const path = prepareNewWorkbookPath(positionals[0], values.force);
    const file = WorkbookFile.create(path, init);
    const wb = file.workbook();
    file.close();
    process.stdout.write(`已新建工作簿 ${path}：${wb.department} ${wb.year} 年，明细 ${wb.lines.length} 条\n`);
    return 0;
  },
};
