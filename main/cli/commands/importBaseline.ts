import { basename, extname } from 'node:path';
import { FILE_EXTENSION } from '../../workbook/schema';
import { baselineFromPublication } from '../../excel/baseline';
import { refuseOverwritingInput, writeFileAtomic } from '../../excel/atomicFile';
import { importBaselineFile } from '../../excel/importFiles';
import { readPublicationFile } from '../../excel/readPublication';
import { UserError } from '../../io/userError';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { WorkbookFile } from '../../workbook/file';

const usage = `用法：budget import-baseline <工作簿.budget> <上年公开表.xlsx>
      budget import-baseline <上年公开表.xlsx> --out 上年基数.json
把上年已公开的九张表（本程序导出的 .xlsx，或按标准表样手工录入的 .xlsx）作为上年基数：
收入总计、各项资金来源（表 1、表 4），按功能分类类/款/项的支出（表 3），按类的财政拨款支出（表 4），
“三公”经费与机关运行经费（表 9，万元，精确到百元）。表 8 只含一般公共预算基本支出，不作为经济分类基数。
有任何金额无法识别时不导入任何数据。导入工作簿是一步操作，可撤销。
  --out 文件.json      不写入工作簿，而是写出上年基数 JSON（可用于其他命令的 --baseline）`;

export const importBaseline: Command = {
  summary: '把上年公开表（.xlsx）导入为上年基数',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } }, usage);
    const workbookPath = positionals.find((p) => extname(p).toLowerCase() === FILE_EXTENSION);
    const publication = positionals.find((p) => p !== workbookPath);
    if (!publication || positionals.length !== (values.out ? 1 : 2) || (values.out && workbookPath) || (!values.out && !workbookPath)) {
      throw new UserError(`参数有误：需要工作簿 .budget 文件和上年公开表 .xlsx 文件，或者公开表 .xlsx 加 --out\n\n${usage}`);
    }
    const name = basename(publication);
    if (values.out) {
      if (extname(values.out).toLowerCase() !== '.json') throw new UserError(`--out 应为 .json 文件，而不是“${basename(values.out)}”`);
      refuseOverwritingInput(values.out, [publication]);
      const { baseline, warnings } = baselineFromPublication(await readPublicationFile(publication), name);
      for (const w of warnings) process.stderr.write(`警告：${w}\n`);
      await writeFileAtomic(values.out, new TextEncoder().encode(JSON.stringify(baseline, null, 2) + '\n'));
      process.stdout.write(`已从 ${name} 读出 ${baseline.year} 年基数 ${Object.keys(baseline.figures).length} 项，写入 ${values.out}\n`);
      return 0;
    }
    const file = WorkbookFile.open(workbookPath!);
    try {
      const { baseline, warnings, result } = await importBaselineFile(file, publication);
      for (const w of warnings) process.stderr.write(`警告：${w}\n`);
      process.stdout.write(`已从 ${name} 导入 ${baseline.year} 年基数 ${Object.keys(baseline.figures).length} 项到 ${basename(workbookPath!)}（修订 ${result.revision}，可撤销）\n`);
      return 0;
    } finally {
      file.close();
    }
  },
};
