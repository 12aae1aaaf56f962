import { basename } from 'node:path';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { readLinesCsv } from '../../io/lineFiles';
import { UserError } from '../../io/userError';
import { withWorkbookFile } from '../workbookInput';

const usage = `用法：budget import-lines <工作簿.budget> <明细.csv>
把明细 CSV 的各行加到工作簿中。有任何一行有误则一行也不导入；导入是一步操作，可整体撤销。
CSV 的列见 budget derive --help（单位名称、功能分类科目编码、经济分类科目编码、支出类型、资金来源、项目名称、金额（元）…）。`;

export const importLines: Command = {
  summary: '把明细 CSV 导入工作簿（一步，可撤销）',
  usage,
  run(args) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    if (positionals.length !== 2) throw new UserError(`需要两个参数：工作簿文件和明细 CSV 文件\n\n${usage}`);
    const [workbookPath, csvPath] = positionals;
    return withWorkbookFile(workbookPath, (file) => {
      const { lines, warnings } = readLinesCsv(csvPath);
      for (const w of warnings) process.stderr.write(`警告：${basename(csvPath)} 第 ${w.row} 行“${w.column}”列：${w.message}\n`);
      const request = lines.map(({ id: _id, ...fields }) => fields);
      const result = file.edit({ op: 'insertLines', lines: request });
      process.stdout.write(`已导入 ${request.length} 条明细到 ${basename(workbookPath)}（修订 ${result.revision}，可整体撤销）\n`);
      return 0;
    });
  },
};
