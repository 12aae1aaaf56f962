import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where better-sqlite3's addon built for Electron's ABI lives. node_modules/better-sqlite3 keeps
 * the build for Node (tests, the command line); the Electron build sits beside it, per target, so
 * `npm test` and `npm start` both work on one machine in either order.
 *
 *   development: build/native/<os>-<arch>/better_sqlite3.node   (build/scripts/native-electron.ts)
 *   packaged:    <resources>/native/better_sqlite3.node          (electron-builder.yml extraResources)
 *
 * <os> is electron-builder's name of the platform (mac, win, linux), so that the packaging
 * configuration can name the folder of the target it builds.
 */
export const NATIVE_FILE = 'better_sqlite3.node';
/** The Electron version the addon in a folder was built for (a rebuild is due when it differs). */
export const NATIVE_STAMP = 'electron-version.txt';
/**
 * The SHA-256 of the addon, written when it is built (build/scripts/native-electron.ts). The addon
 * ships outside the asar, which Electron checks; its hash goes inside, into the bundled main process's
 * folder (build/scripts/before-pack.cjs), so that a changed addon is refused at start.
 */
export const NATIVE_HASH = 'better_sqlite3.node.sha256';
/** Where the packaged app keeps the hash, relative to its app path (inside the asar). */
export const PACKAGED_HASH = join('dist', 'main', 'electron', NATIVE_HASH);

const OS_KEYS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'mac', win32: 'win', linux: 'linux' };

export function osKey(platform: NodeJS.Platform): string {
  const key = OS_KEYS[platform];
  if (!key) throw new Error(`不支持的平台：${platform}`);
  return key;
}

export function nativeDir(root: string, platform: NodeJS.Platform, arch: string): string {
  return join(root, 'build', 'native', `${osKey(platform)}-${arch}`);
}

export interface RuntimePlace {
  packaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the repository in development */
  appPath: string;
  platform: NodeJS.Platform;
  arch: string;
}

export function nativeBindingPath(place: RuntimePlace): string {
  return place.packaged ? join(place.resourcesPath, 'native', NATIVE_FILE) : join(nativeDir(place.appPath, place.platform, place.arch), NATIVE_FILE);
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Where the hash the addon must have is kept: inside the asar when packaged, beside the addon in development. */
export function nativeHashPath(place: RuntimePlace): string {
  return place.packaged ? join(place.appPath, PACKAGED_HASH) : join(nativeDir(place.appPath, place.platform, place.arch), NATIVE_HASH);
}

/**
 * Refuses to go on with an addon that is not the one built for this app: its SHA-256 against the
 * hash written when it was built. Returns the addon's path.
 */
export function checkedNativeBinding(place: RuntimePlace): string {
  const addon = nativeBindingPath(place);
  const hashFile = nativeHashPath(place);
  const reinstall = place.packaged ? '请重新安装预算编制工作台。' : '请运行 npm run build:native -- --force 重新准备它。';
  if (!existsSync(addon) || !existsSync(hashFile)) {
    throw new Error(`找不到程序所需的数据库组件（${NATIVE_FILE}）或它的校验值，预算编制工作台无法启动。${reinstall}`);
  }
  if (sha256(addon) !== readFileSync(hashFile, 'utf8').trim()) {
    throw new Error(`程序所需的数据库组件（${addon}）与安装时的不一致（可能被改动或已损坏），为保护工作簿，预算编制工作台不再启动。${reinstall}`);
  }
  return addon;
}
