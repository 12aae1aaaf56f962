import { basename, extname } from 'node:path';
import { formatYuan } from '../../../shared/core/money';
import { UserError } from '../../io/userError';
import { consolidateFiles, notReadyText, writeConsolidation } from '../../units/consolidateFiles';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';

const usage = `用法：budget consolidate <部门1.budget> <部门2.budget> … --out 汇总.xlsx [--json] [--title 名称]
财政局汇总多个部门：逐个（只读、各自加锁）读取部门工作簿，生成九张表并审核，写出一个 Excel：
各部门的主要数字（收入、支出总计，财政拨款分类，“三公”经费，机关运行经费，比上年增减），
公开文本尚未就绪的部门（审核有错误、变动未写原因、项目缺少绩效目标）与未能读取的文件，
全部部门相加的九张表（汇总公开表），以及各部门的审核结果。读不了的文件列出原因后跳过，不影响其他部门。
  --out 文件.xlsx   输出文件
  --json           另以 JSON 输出各部门的情况
  --title 名称     汇总表的编制单位名称（缺省：汇总）
有部门未就绪或有文件未能读取时退出状态 1。`;

export const consolidate: Command = {
  summary: '汇总多个部门的工作簿（财政局）',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, json: { type: 'boolean' }, title: { type: 'string' } }, usage);
    if (positionals.length === 0) throw new UserError(`需要至少一个部门工作簿\n\n${usage}`);
    const out = values.out;
    if (!out && !values.json) throw new UserError(`缺少 --out：请给出要写入的 .xlsx 文件（或用 --json）\n\n${usage}`);
    if (out && extname(out).toLowerCase() !== '.xlsx') throw new UserError(`输出文件应以 .xlsx 结尾，而不是“${basename(out)}”`);
    const c = consolidateFiles(positionals, (done, total, file) => process.stderr.write(`[${done}/${total}] ${file}\n`));
    if (c.reports.length === 0) throw new UserError(`没有一个文件能够汇总：\n${c.failures.map((f) => `  ${f.file}：${f.message}`).join('\n')}`);
    const tables = c.tables(values.title?.trim() || '汇总');
    if (out) await writeConsolidation(c, tables, out);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ departments: c.reports, notReady: c.notReady().map((r) => r.file), failures: c.failures }, null, 2)}\n`);
    } else {
      const total = c.reports.reduce((s, r) => s + r.headline.expenditure, 0);
      process.stdout.write(`已汇总 ${c.reports.length} 个部门，支出总计 ${formatYuan(total)} 元${out ? `，写入 ${out}` : ''}\n`);
      for (const r of c.notReady()) process.stdout.write(`未就绪：${r.file}（${r.department}）：${notReadyText(r)}\n`);
      for (const f of c.failures) process.stdout.write(`未读取：${f.file}：${f.message}\n`);
    }
    return c.notReady().length > 0 || c.failures.length > 0 ? 1 : 0;
  },
};
