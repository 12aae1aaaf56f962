import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronVersion, isCurrent } from '../../build/scripts/native-electron';
import { NATIVE_FILE, NATIVE_STAMP, nativeBindingPath, nativeDir } from '../../main/electron/nativeBinding';
import { APP_ID, WORKBOOK_FILTER } from '../../main/electron/product';
import { FILE_EXTENSION } from '../../main/workbook/schema';

const root = join(import.meta.dirname, '..', '..');
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
type Target = { target: string; arch: string[] };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  files: string[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  beforePack: string;
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string; name: string; role: string }[];
  electronFuses: Record<string, boolean>;
  directories: { output: string };
  win: { target: Target[] };
  nsis: { oneClick: boolean; allowToChangeInstallationDirectory: boolean; installerLanguages: string[] };
  linux: { target: Target[]; category: string };
  mac: { target: Target[] };
};

describe('electron-builder.yml', () => {
  it('builds the Windows installer (nsis, x64) in Chinese, letting the user choose the folder', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, installerLanguages: ['zh_CN'] });
  });

  it('builds AppImage and deb for x64 and arm64 on Linux, and a dmg on macOS', () => {
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.directories.output).toBe('release');
  });

  it('has the application id the app claims on Windows', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('associates the workbook extension, named as in the file dialogs', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: FILE_EXTENSION.slice(1), name: WORKBOOK_FILTER.name, role: 'Editor' })]);
  });

  it('never rebuilds node_modules in place, and ships the Electron addon where the app looks for it', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.beforePack).toBe('build/scripts/before-pack.cjs');
    const [resource] = config.extraResources;
    // electron-builder puts extraResources under process.resourcesPath; ${os} is mac, win or linux.
    expect(join('/resources', resource.to)).toBe(nativeBindingPath({ packaged: true, resourcesPath: '/resources', appPath: '/app', platform: 'win32', arch: 'x64' }));
    const from = resource.from.replace('${os}', 'win').replace('${arch}', 'x64');
    expect(join(root, from)).toBe(join(nativeDir(root, 'win32', 'x64'), NATIVE_FILE));
  });

  it('flips Electron’s fuses: no Node mode, no NODE_OPTIONS or inspector, only the checked asar, no file:// rights', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the bundles and the screen, without node_modules or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'package.json', '!node_modules/**', '!**/*.map']));
  });
});

describe('where the app finds better-sqlite3 built for Electron', () => {
  it('in development: build/native/<os>-<arch>, apart from node_modules’ build for Node', () => {
    const place = { packaged: false, resourcesPath: '/x', appPath: '/repo', platform: 'darwin' as const, arch: 'arm64' };
    expect(nativeBindingPath(place)).toBe('/repo/build/native/mac-arm64/better_sqlite3.node');
    expect(nativeBindingPath({ ...place, platform: 'linux', arch: 'x64' })).toBe('/repo/build/native/linux-x64/better_sqlite3.node');
  });

  it('refuses a platform it cannot package for', () => {
    expect(() => nativeDir('/repo', 'aix', 'ppc64')).toThrow('不支持的平台：aix');
  });
});

describe('the Electron build of the addon', () => {
  it('is rebuilt when missing or made for another Electron version, and kept otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-native-'));
    try {
      const version = electronVersion();
      expect(version).toMatch(/^\d+\.\d+\.\d+/);
      expect(isCurrent(dir, version)).toBe(false);
      writeFileSync(join(dir, NATIVE_FILE), 'addon');
      expect(isCurrent(dir, version)).toBe(false);
      writeFileSync(join(dir, NATIVE_STAMP), '39.0.0\n');
      expect(isCurrent(dir, version)).toBe(false);
      writeFileSync(join(dir, NATIVE_STAMP), `${version}\n`);
      expect(isCurrent(dir, version)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
