import { basename, extname } from 'node:path';
import { refuseOverwritingInput } from '../../excel/atomicFile';
import { exportPublication } from '../../excel/writeWorkbook';
import { UserError } from '../../io/userError';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { WORKBOOK_OPTIONS, WORKBOOK_USAGE, loadWorkbook } from '../workbookInput';

const usage = `用法：budget export <工作簿.budget | 明细.csv | --sample> --out 文件.xlsx [选项]
把整套公开表导出为一个 Excel 文件：九张表各一个工作表（表头合并单元格、金额为数值、A4 一页宽），
预算编制说明、其他相关情况说明，有项目时另有项目经费情况说明与绩效目标申报表，以及可编辑、可再导入的“明细”表。
  --out 文件.xlsx      输出文件（先写临时文件再改名：出错时不留下半个文件）
  --unit 名称          只导出该预算单位的表与明细（单位预算）
${WORKBOOK_USAGE}`;

export const exportCommand: Command = {
  summary: '导出整套公开表为 Excel（.xlsx）',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...WORKBOOK_OPTIONS, out: { type: 'string' }, unit: { type: 'string' } }, usage);
    const out = values.out;
    if (!out) throw new UserError(`缺少 --out：请给出要写入的 .xlsx 文件\n\n${usage}`);
    if (extname(out).toLowerCase() !== '.xlsx') throw new UserError(`输出文件应以 .xlsx 结尾，而不是“${basename(out)}”`);
    if (positionals.length > 1) throw new UserError(`只能给一个输入文件，收到了 ${positionals.length} 个：${positionals.join('、')}`);
    refuseOverwritingInput(out, [positionals[0], values.units, values.baseline]);
    const wb = await loadWorkbook(positionals[0], values);
    let sheets = 0;
    await exportPublication(wb, out, { unit: values.unit, onProgress: (done) => (sheets = done) });
    process.stdout.write(`已导出 ${values.unit ?? wb.department} ${wb.year} 年预算到 ${out}（${sheets} 个工作表）\n`);
    return 0;
  },
};
