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
