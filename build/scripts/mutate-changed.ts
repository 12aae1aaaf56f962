// Mutation testing of the files a change touched (incremental): `npm run mutate:changed [-- BASE]`.
// BASE defaults to the branch point from main; only the folders `npm run mutate` covers are mutated.
import { execFileSync, spawnSync } from 'node:child_process';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const base = process.argv[2] ?? git('merge-base', 'HEAD', 'main');
const covered = /^(shared\/core|main\/workbook|main\/excel|main\/io)\/.*(?<!\.csv)\.ts$/;
const changed = git('diff', '--name-only', '--diff-filter=AM', base, '--', 'shared/core', 'main/workbook', 'main/excel', 'main/io')
  .split('\n')
  .filter((f) => covered.test(f) && !f.startsWith('shared/core/sample/'));
if (changed.length === 0) {
  console.log(`自 ${base.slice(0, 10)} 以来没有改动需要做变异测试的文件。`);
  process.exit(0);
}
console.log(`变异测试 ${changed.length} 个文件：\n  ${changed.join('\n  ')}`);
const run = spawnSync('npx', ['stryker', 'run', '--mutate', changed.join(',')], { stdio: 'inherit' });
process.exit(run.status ?? 1);
