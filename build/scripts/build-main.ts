// Bundles Electron's main process and the preload into dist/main/electron/ as CommonJS:
//   main.cjs     the app, everything but 'electron' bundled in. better-sqlite3 finds its addon
//                through the `bindings` package, which is replaced here by loadSqliteAddon of
//                main/electron/sqliteAddon.ts: it loads the addon built for Electron (nativeBinding.ts)
//   preload.cjs  a single file that requires nothing but 'electron', as sandboxed preloads must
//   npx tsx build/scripts/build-main.ts [output folder]
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN_OUT = join(root, 'dist', 'main', 'electron');

/** `require('bindings')` in the bundle yields loadSqliteAddon, called as bindings is: as a function. */
const sqliteAddon: Plugin = {
  name: 'sqlite-addon',
  setup(b) {
    b.onResolve({ filter: /^bindings$/ }, () => ({ path: 'bindings', namespace: 'sqlite-addon' }));
    b.onLoad({ filter: /.*/, namespace: 'sqlite-addon' }, () => ({
      contents: `module.exports = require(${JSON.stringify(join(root, 'main/electron/sqliteAddon.ts'))}).loadSqliteAddon;`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

export async function buildMain(outDir = MAIN_OUT): Promise<string> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'error',
    absWorkingDir: root,
  };
  await build({
    ...common,
    entryPoints: [join(root, 'main/electron/main.ts')],
    outfile: join(outDir, 'main.cjs'),
    plugins: [sqliteAddon],
  });
  await build({ ...common, entryPoints: [join(root, 'main/electron/preload.ts')], outfile: join(outDir, 'preload.cjs') });
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = await buildMain(process.argv[2]);
  console.log(`已生成 ${join(out, 'main.cjs')} 与 ${join(out, 'preload.cjs')}`);
}
