import { basename, resolve } from 'node:path';
import { rollForward } from '../../../shared/core/rollForward';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { UserError } from '../../io/userError';
import { WorkbookFile } from '../../workbook/file';
import { prepareNewWorkbookPath, withWorkbookFile } from '../workbookInput';

const usage = `用法：budget roll-forward <本年.budget> <下年.budget> [--force]
由本年工作簿生成下一年度的工作簿：本年明细作为下年的初稿，本年预算逐行作为下年的上年基数
（各项与上年比较的增减从零开始）。职能、机构等文字保留，增减原因清空。
  --force   覆盖已存在的下年文件`;

export const rollForwardCommand: Command = {
  summary: '由本年工作簿生成下一年度工作簿',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { force: { type: 'boolean' } }, usage);
    if (positionals.length !== 2) throw new UserError(`需要两个参数：本年工作簿和要生成的下年工作簿\n\n${usage}`);
    const [from, to] = positionals;
    if (resolve(from) === resolve(to)) throw new UserError('下年工作簿不能与本年工作簿是同一个文件，请另给一个文件名');
    const next = withWorkbookFile(from, (file) => rollForward(file.workbook()));
    const file = WorkbookFile.create(prepareNewWorkbookPath(to, values.force), next);
    file.close();
    process.stdout.write(`已生成 ${next.year} 年工作簿 ${basename(to)}：明细 ${next.lines.length} 条，上年基数为 ${next.baseline.year} 年预算明细\n`);
    return 0;
  },
};
