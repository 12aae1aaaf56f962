// `npm start`: prepares what the desktop program needs (better-sqlite3 for Electron, the screen, the
// main process), then launches Electron. Where a step cannot download what it needs (many government
// networks cannot reach GitHub), it says in Chinese what to do instead of leaving npm's English.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What to do where GitHub cannot be reached; the README's section says more. */
export const OFFLINE_HELP = `如果这台电脑无法访问 GitHub（许多单位的网络如此），请改用镜像后重新安装：
  Electron 程序：      设置 ELECTRON_MIRROR（或 npm_config_electron_mirror）为镜像地址，
                       例如 https://npmmirror.com/mirrors/electron/ ，再运行 npm install（或 npm rebuild electron）
  better-sqlite3 预编译文件：设置 npm_config_better_sqlite3_binary_host 为镜像地址，再运行 npm start；
                       或装好 python3、make 与 C++ 编译器，从源码编译
详见 README.md 中“无法访问 GitHub 时的安装”一节。只用浏览器模式（npm run web）时不需要 Electron。`;

export type Step = { name: string; command: string; args: string[] };

export const STEPS: Step[] = [
  { name: '为 Electron 准备 better-sqlite3', command: 'npm', args: ['run', 'build:native'] },
  { name: '构建界面', command: 'npm', args: ['run', 'build:renderer'] },
  { name: '构建主进程', command: 'npm', args: ['run', 'build:main'] },
];

/** The Electron executable installed in node_modules, or undefined when its download did not happen. */
export function electronBinary(root = ROOT): string | undefined {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export interface Runner {
  /** Runs a command with the terminal attached; returns its exit status, or an error code when it could not start. */
  (command: string, args: string[]): { status: number | null; error?: string };
}

const runAttached: Runner = (command, args) => {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  return { status: r.status, error: (r.error as NodeJS.ErrnoException | undefined)?.code };
};

/** Runs the steps and Electron; returns the exit status and, on failure, the Chinese message printed. */
export function start(options: { root?: string; run?: Runner; print?: (text: string) => void } = {}): number {
  const run = options.run ?? runAttached;
  const print = options.print ?? ((text: string) => process.stderr.write(`${text}\n`));
  for (const step of STEPS) {
    const r = run(step.command, step.args);
    if (r.status !== 0) {
      print(`\n未能${step.name}（npm run ${step.args[1]} ${r.error ? `无法运行：${r.error}` : `退出状态 ${r.status}`}），桌面程序未启动。\n${OFFLINE_HELP}`);
      return 1;
    }
  }
  const electron = electronBinary(options.root);
  if (!electron) {
    print(`\nElectron 程序没有下载成功（安装时需要从 GitHub 下载），桌面程序无法启动。\n${OFFLINE_HELP}`);
    return 1;
  }
  const r = run(electron, ['.']);
  if (r.error) {
    print(`\n无法启动 Electron（${electron}：${r.error}）。请删除 node_modules/electron 后重新 npm install。\n${OFFLINE_HELP}`);
    return 1;
  }
  return r.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = start();
