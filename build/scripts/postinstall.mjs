// Runs after `npm install` in this repository.
// npm links the bins of dependencies into node_modules/.bin but not the project's own,
// so `budget` is linked here to make `npx budget` and node_modules/.bin/budget work.
import { existsSync, mkdirSync, symlinkSync, unlinkSync, lstatSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binDir = join(root, 'node_modules', '.bin');
const target = join(root, 'main', 'cli', 'budget.mjs');
const link = join(binDir, 'budget');
if (existsSync(join(root, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true });
  try { lstatSync(link); unlinkSync(link); } catch { /* no link yet */ }
  symlinkSync(relative(binDir, target), link);
  chmodSync(target, 0o755);
}
