import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../io/userError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with Chinese messages for unknown or incomplete options. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(`参数有误：${argsProblem(e as NodeJS.ErrnoException, options)}\n\n${usage}`);
  }
}

/** parseArgs's complaint in Chinese (its own text is English). */
function argsProblem(e: NodeJS.ErrnoException, options: Options): string {
  const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
  const known = Object.keys(options).map((o) => `--${o}`).join('、');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `这个命令没有选项 ${option}${known ? `（可用的选项：${known}）` : '（它不接受任何选项）'}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return options[option.replace(/^-+/, '')]?.type === 'boolean' ? `选项 ${option} 后面不应跟值` : `选项 ${option} 后面缺少值`;
    default:
      return '无法识别命令行参数';
  }
}
