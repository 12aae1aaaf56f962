// Bundles Electron's main process and the preload into dist/main/electron/ as CommonJS:
//   main.cjs     the app, everything but 'electron' bundled in. better-sqlite3 finds its addon
//                through the `bindings` package, which is replaced here by main/electron/sqliteAddon.ts:
//                it loads the addon built for Electron (see main/electron/nativeBinding.ts)
//   preload.cjs  a single file that requires nothing but 'electron', as sandboxed preloads must
//   npx tsx build/scripts/build-main.ts [output folder]
import { build, type BuildOptions } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN_OUT = join(root, 'dist', 'main', 'electron');

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
    alias: { bindings: join(root, 'main/electron/sqliteAddon.ts') },
  });
  await build({ ...common, entryPoints: [join(root, 'main/electron/preload.ts')], outfile: join(outDir, 'preload.cjs') });
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = await buildMain(process.argv[2]);
  console.log(`已生成 ${join(out, 'main.cjs')} 与 ${join(out, 'preload.cjs')}`);
}
