import { fileProblem } from '../io/fileProblem';
import { AmountRangeError } from '../../shared/core/money';
import { UserError } from '../io/userError';
import { COMMANDS } from './commands';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return ['用法：budget <命令> [参数]', '', '命令：', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`), '', '每个命令的参数：budget <命令> --help'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new UserError(`未知命令“${name}”。\n\n${usage()}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const fileTrouble = fileProblem((error as NodeJS.ErrnoException | undefined)?.code);
    if (error instanceof UserError || error instanceof AmountRangeError) {
      process.stderr.write(`错误：${error.message}\n`);
      process.exitCode = error instanceof UserError ? error.exitCode : 2;
    } else if (fileTrouble) {
      // A file the user named could not be read or written: their situation to mend, not a bug.
      const path = (error as NodeJS.ErrnoException).path;
      process.stderr.write(`错误：${path ? `${path}：` : ''}${fileTrouble}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    }
  },
);
