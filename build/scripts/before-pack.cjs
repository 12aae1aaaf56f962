// electron-builder's beforePack hook: before each target is packed, makes sure the better-sqlite3
// addon for that platform and architecture, built for Electron, is in build/native/<os>-<arch>/,
// where electron-builder.yml's extraResources takes it from. (npmRebuild is off: electron-builder's
// own rebuild would overwrite node_modules' build for Node, which the tests use.) Then its SHA-256
// goes into dist/main/electron/, which is packed into the asar (integrity-checked by Electron):
// main checks the addon outside the asar against it at start (main/electron/nativeBinding.ts).
const { execFileSync } = require('node:child_process');
const { copyFileSync } = require('node:fs');
const { join } = require('node:path');
const { Arch } = require('builder-util');

exports.default = async function beforePack(context) {
  const root = join(__dirname, '..', '..');
  const arch = Arch[context.arch];
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'build', 'scripts', 'native-electron.ts'), '--platform', context.electronPlatformName, '--arch', arch], {
    cwd: root,
    stdio: 'inherit',
  });
  const os = { darwin: 'mac', win32: 'win', linux: 'linux' }[context.electronPlatformName];
  // NATIVE_HASH and PACKAGED_HASH of main/electron/nativeBinding.ts
  copyFileSync(join(root, 'build', 'native', `${os}-${arch}`, 'better_sqlite3.node.sha256'), join(root, 'dist', 'main', 'electron', 'better_sqlite3.node.sha256'));
};
