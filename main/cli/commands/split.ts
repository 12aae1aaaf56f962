import { basename } from 'node:path';
import { UserError } from '../../io/userError';
import { splitToFile } from '../../units/unitFiles';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { prepareNewWorkbookPath, withWorkbookFile } from '../workbookInput';

const usage = `用法：budget split <部门.budget> --unit 单位名称 --out <单位.budget> [--force]
从部门工作簿导出一个预算单位的工作簿，供该单位的会计在自己的电脑上编制：其中有本单位的明细和项目，
部门、年度、单位及类型、科目表、上年基数和部门的文字只读；并记下它来自哪个部门工作簿的第几次修改，
合并时（budget merge）据此找出部门在此之后对本单位也做过的修改。
  --unit 名称   要导出的单位（须已在部门工作簿中登记）
  --out 文件    要生成的单位工作簿（.budget）
  --force      覆盖已存在的文件`;

export const split: Command = {
  summary: '从部门工作簿导出一个单位的工作簿',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { unit: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } }, usage);
    if (positionals.length !== 1) throw new UserError(`需要一个部门工作簿文件\n\n${usage}`);
    if (!values.unit) throw new UserError(`缺少 --unit：请给出要导出的单位名称\n\n${usage}`);
    const out = prepareNewWorkbookPath(values.out, values.force);
    const made = withWorkbookFile(positionals[0], (dept) => splitToFile(dept, values.unit!, out));
    process.stdout.write(`已导出单位“${values.unit}”的工作簿 ${basename(out)}：明细 ${made.lines} 条，项目 ${made.projects} 个\n`);
    return 0;
  },
};
