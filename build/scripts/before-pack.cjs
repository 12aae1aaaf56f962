// electron-builder's beforePack hook: before each target is packed, makes sure the better-sqlite3
// addon for that platform and architecture, built for Electron, is in build/native/<os>-<arch>/,
// where electron-builder.yml's extraResources takes it from. (npmRebuild is off: electron-builder's
// own rebuild would overwrite node_modules' build for Node, which the tests use.)
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { Arch } = require('builder-util');

exports.default = async function beforePack(context) {
  const root = join(__dirname, '..', '..');
  const arch = Arch[context.arch];
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'build', 'scripts', 'native-electron.ts'), '--platform', context.electronPlatformName, '--arch', arch], {
    cwd: root,
    stdio: 'inherit',
  });
};
