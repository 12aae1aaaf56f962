import { app } from 'electron';
import { checkedNativeBinding, type RuntimePlace } from './nativeBinding';

/**
 * Stands in for the `bindings` package in the bundled main process (build/scripts/build-main.ts
 * puts it in that package's place): better-sqlite3 asks `bindings` for its addon when a database is
 * opened, and gets the one built for Electron's ABI instead of node_modules' build for Node.
 */
export function loadSqliteAddon(): unknown {
  return require(checkSqliteAddon());
}

/** Checks the addon against its hash (see nativeBinding.ts); main calls it at start, before any window. */
export function checkSqliteAddon(): string {
  const place: RuntimePlace = { packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath(), platform: process.platform, arch: process.arch };
  return checkedNativeBinding(place);
}
