import { basename } from 'node:path';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { UserError } from '../../io/userError';
import { withWorkbookFile } from '../workbookInput';

const usage = `用法：budget versions <工作簿.budget> [--mark 名称] [--json]
列出工作簿中标记过的版本；加 --mark 则把当前内容标记为一个版本（如“报送稿 2024-11-20”）。
  --mark 名称   标记当前内容为版本
  --json        以 JSON 输出`;

export const versions: Command = {
  summary: '列出或标记工作簿的版本',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { mark: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (positionals.length !== 1) throw new UserError(`需要一个参数：工作簿文件\n\n${usage}`);
    return withWorkbookFile(positionals[0], (file) => {
      if (values.mark !== undefined) {
        const v = file.markVersion(values.mark);
        process.stdout.write(values.json ? `${JSON.stringify(v)}\n` : `已标记版本 ${v.id}「${v.label}」（${v.createdAt}）\n`);
        return 0;
      }
      const list = file.versions();
      if (values.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) process.stdout.write(`${basename(file.path)} 还没有标记过版本。用 --mark 名称 标记当前内容。\n`);
      else process.stdout.write(['编号\t标记时间\t名称', ...list.map((v) => `${v.id}\t${v.createdAt}\t${v.label}`)].join('\n') + '\n');
      return 0;
    });
  },
};
