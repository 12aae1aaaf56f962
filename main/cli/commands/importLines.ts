import { basename } from 'node:path';
import { importLinesFile } from '../../excel/importFiles';
import { UserError } from '../../io/userError';
import { WorkbookFile } from '../../workbook/file';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';

const usage = `用法：budget import-lines <工作簿.budget> <明细.csv | 明细.xlsx>
把明细（CSV，或 Excel 中名为“明细”的工作表、否则第一个工作表）的各行加到工作簿中。
有任何一行有误则一行也不导入；导入是一步操作，可整体撤销。
列见 budget derive --help（单位名称、功能分类科目编码、经济分类科目编码、支出类型、资金来源、项目名称、金额（元）…）。`;

export const importLines: Command = {
  summary: '把明细 CSV 或 Excel 导入工作簿（一步，可撤销）',
  usage,
  async run(args) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    if (positionals.length !== 2) throw new UserError(`需要两个参数：工作簿文件和明细文件（.csv 或 .xlsx）\n\n${usage}`);
    const [workbookPath, linesPath] = positionals;
    const file = WorkbookFile.open(workbookPath);
    try {
      const { lines, warnings, result } = await importLinesFile(file, linesPath, {
        onProgress: (rows) => process.stderr.isTTY && process.stderr.write(`\r已读取 ${rows} 行`),
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      for (const w of warnings) process.stderr.write(`警告：${basename(linesPath)} 第 ${w.row} 行“${w.column}”列：${w.message}\n`);
      process.stdout.write(`已导入 ${lines.length} 条明细到 ${basename(workbookPath)}（修订 ${result.revision}，可整体撤销）\n`);
      return 0;
    } finally {
      file.close();
    }
  },
};
