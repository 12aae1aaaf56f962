import { existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { withLineUnits } from '../../../shared/core/tables/derive';
import { excelFileName } from '../../electron/fileNames';
import { refuseOverwritingInput } from '../../excel/atomicFile';
import { exportPublication } from '../../excel/writeWorkbook';
import { UserError } from '../../io/userError';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { WORKBOOK_OPTIONS, WORKBOOK_USAGE, loadWorkbook, type WorkbookArgs } from '../workbookInput';

const usage = `用法：budget export <工作簿.budget | 明细.csv | --sample> --out 文件.xlsx [选项]
把整套公开表导出为一个 Excel 文件：公开模板的每张表各一个工作表（表头合并单元格、金额为数值、A4 一页宽），
预算编制说明、其他相关情况说明，有项目时另有项目经费情况说明与绩效目标申报表，以及可编辑、可再导入的“明细”表。
  --out 文件.xlsx      输出文件（先写临时文件再改名：出错时不留下半个文件）
  --unit 名称          只导出该预算单位的表与明细（单位预算）
  --each-unit --out-dir 文件夹
                      在文件夹中写出部门的公开表和每个单位的单位预算公开表（每个一个 .xlsx）。
                      单位预算用与 --unit 相同的单位表（缺省用单位预算模板 shanghai-unit）
${WORKBOOK_USAGE}`;

async function exportEachUnit(positionals: string[], values: WorkbookArgs & { out?: string; unit?: string; 'each-unit'?: boolean; 'out-dir'?: string }): Promise<number> {
  if (!values['each-unit']) throw new UserError(`--out-dir 只与 --each-unit 一起使用；导出一个文件请用 --out\n\n${usage}`);
  const dir = values['out-dir'];
  if (!dir) throw new UserError(`缺少 --out-dir：请给出写入各单位公开表的文件夹\n\n${usage}`);
  if (values.out || values.unit) throw new UserError('--each-unit 写出部门和每个单位的文件，不能再给 --out 或 --unit');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`文件夹 ${dir} 不存在，请先建立它`);
  if (positionals.length !== 1) throw new UserError(`需要一个输入文件\n\n${usage}`);
  const wb = await loadWorkbook(positionals[0], values);
  const scopes: (string | undefined)[] = [undefined, ...withLineUnits(wb.units, wb.lines).map((u) => u.name)];
  for (const [i, unit] of scopes.entries()) {
    const name = excelFileName(wb, unit);
    await exportPublication(wb, join(dir, name), { unit });
    process.stdout.write(`[${i + 1}/${scopes.length}] 已导出 ${unit ?? wb.department}：${name}\n`);
  }
  return 0;
}

export const exportCommand: Command = {
  summary: '导出整套公开表为 Excel（.xlsx）',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...WORKBOOK_OPTIONS, out: { type: 'string' }, unit: { type: 'string' }, 'each-unit': { type: 'boolean' }, 'out-dir': { type: 'string' } },
      usage,
    );
    if (values['each-unit'] || values['out-dir'] !== undefined) return exportEachUnit(positionals, values);
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
