import { UserError } from '../io/userError';
import { launchWebHost } from './launch';

const USAGE = `用法：npm run web -- <文件.budget> [--port 端口]
      npm run web -- --sample <新文件.budget> [--port 端口]   （用内置样例新建工作簿后打开）`;

function parseArgs(argv: string[]): { path: string; sample: boolean; port?: number } {
  let path: string | undefined;
  let sample = false;
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sample') sample = true;
    else if (arg === '--port') {
      port = Number.parseInt(argv[++i] ?? '', 10);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`端口“${argv[i] ?? ''}”无效，应为 0–65535 的整数\n${USAGE}`);
    } else if (arg.startsWith('-')) throw new UserError(`不认识的选项 ${arg}\n${USAGE}`);
    else if (path === undefined) path = arg;
    else throw new UserError(`只能打开一个工作簿，多出了“${arg}”\n${USAGE}`);
  }
  if (!path) throw new UserError(`缺少工作簿文件\n${USAGE}`);
  return { path, sample, port };
}

try {
  const { host, file, close } = await launchWebHost(parseArgs(process.argv.slice(2)));
  console.log(`预算编制工作台已在本机启动（只接受本机访问）。工作簿：${file.path}`);
  console.log(`请在浏览器中打开：${host.url}`);
  console.log('按 Ctrl+C 结束。');
  const stop = () => {
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(e instanceof UserError ? e.exitCode : 1);
}
