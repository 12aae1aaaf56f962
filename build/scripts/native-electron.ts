// Builds better-sqlite3's addon for Electron's ABI into build/native/<os>-<arch>/, leaving
// node_modules/better-sqlite3 (built for Node: tests, command line) untouched.
//   npx tsx build/scripts/native-electron.ts [--platform linux|win32|darwin] [--arch x64|arm64] [--force]
// First it tries better-sqlite3's prebuilt addon for this Electron (downloaded by prebuild-install),
// then, for the machine's own platform and architecture, a build from source against Electron's
// headers (node-gyp; needs python3, make and a C++ compiler). Both need the network once; without it
// the script says so and stops with status 1.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NATIVE_FILE, NATIVE_HASH, NATIVE_STAMP, nativeDir, sha256 } from '../../main/electron/nativeBinding';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));

export function electronVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

/** True when the folder holds an addon built for this Electron version. */
export function isCurrent(dir: string, version: string): boolean {
  return existsSync(join(dir, NATIVE_FILE)) && existsSync(join(dir, NATIVE_STAMP)) && readFileSync(join(dir, NATIVE_STAMP), 'utf8').trim() === version;
}

/** The environment for the build: npm's `nodedir` (Node's own headers) must not leak into a build for Electron. */
function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
}

function attempt(what: string, run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    const lines = (e.stderr?.toString() || e.message).split('\n');
    const telling = lines.filter((l) => /http GET|stack Error|warn install|ENOTFOUND|ECONN|error:/i.test(l)).slice(0, 2);
    return `${what}：${(telling.length > 0 ? telling : lines.slice(-2)).map((l) => l.trim()).join(' ')}`;
  }
}

export function buildForElectron(platform: NodeJS.Platform, arch: string, force = false): string {
  const version = electronVersion();
  const out = nativeDir(root, platform, arch);
  if (!force && isCurrent(out, version)) {
    // An addon built before hashes were written gets its hash now.
    if (!existsSync(join(out, NATIVE_HASH))) writeFileSync(join(out, NATIVE_HASH), `${sha256(join(out, NATIVE_FILE))}\n`);
    return out;
  }
  const work = mkdtempSync(join(tmpdir(), 'budget-native-'));
  const pkg = join(work, 'better-sqlite3');
  try {
    const source = dirname(require.resolve('better-sqlite3/package.json'));
    cpSync(source, pkg, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) });
    const built = join(pkg, 'build', 'Release', NATIVE_FILE);
    const opts = { cwd: pkg, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[] };
    const failures: string[] = [];
    const here = platform === process.platform && arch === process.arch;
    const prebuilt = attempt('下载预编译文件', () =>
      execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--platform=${platform}`], opts),
    );
    if (prebuilt) failures.push(prebuilt);
    if (!existsSync(built)) {
      if (here) {
        const compiled = attempt('从源码编译', () =>
          execFileSync(
            process.execPath,
            [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', `--devdir=${join(homedir(), '.electron-gyp')}`],
            opts,
          ),
        );
        if (compiled) failures.push(compiled);
      } else {
        failures.push(`从源码编译：只能在 ${platform}-${arch} 的机器上进行`);
      }
    }
    if (!existsSync(built)) {
      throw new Error(
        `无法为 Electron ${version}（${platform}-${arch}）准备 better-sqlite3：\n  ${failures.join('\n  ')}\n` +
          (here ? '两种办法都要联网一次（下载预编译文件，或 Electron 的头文件）。' : '为其他平台或架构打包时只能下载预编译文件，需要联网。') +
          '请联网后重试；测试（npm test）不受影响。',
      );
    }
    mkdirSync(out, { recursive: true });
    copyFileSync(built, join(out, NATIVE_FILE));
    writeFileSync(join(out, NATIVE_HASH), `${sha256(join(out, NATIVE_FILE))}\n`);
    writeFileSync(join(out, NATIVE_STAMP), `${version}\n`);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const platform = (option(args, '--platform') ?? process.platform) as NodeJS.Platform;
  const arch = option(args, '--arch') ?? process.arch;
  try {
    const out = buildForElectron(platform, arch, args.includes('--force'));
    console.log(`better-sqlite3（Electron ${electronVersion()}，${platform}-${arch}）：${join(out, NATIVE_FILE)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
