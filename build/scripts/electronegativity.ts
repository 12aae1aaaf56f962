// Electronegativity over the Electron shell (main/electron): fails on any HIGH or MEDIUM finding.
//   npx tsx build/scripts/electronegativity.ts
// A finding that was reviewed and accepted is silenced where it occurs, with an
// `eng-disable <CHECK_ID>` comment that says why (test/electron holds the list of such comments).
import run, { type Issue } from '@doyensec/electronegativity';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCANNED = join(root, 'main', 'electron');
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

export interface ScanResult {
  issues: Issue[];
  blocking: Issue[];
  errors: { file: string; message: string }[];
}

export async function scanElectronShell(input = SCANNED): Promise<ScanResult> {
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const { issues, errors } = await run({ input, electronVersionOverride: electronVersion, isRelative: true });
  return { issues, errors, blocking: issues.filter((i) => BLOCKING.has(i.severity.name)) };
}

export function describeIssue(i: Issue): string {
  return `${i.severity.name.padEnd(13)} ${i.id}  ${i.file}:${i.location.line}${i.manualReview ? '（需人工复核）' : ''}  ${i.sample ?? ''}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await scanElectronShell();
  for (const e of result.errors) console.log(`无法分析 ${e.file}：${e.message}`);
  for (const i of result.issues) console.log(describeIssue(i));
  if (result.blocking.length > 0 || result.errors.length > 0) {
    console.log(`Electronegativity：${result.blocking.length} 项高或中等级的问题，${result.errors.length} 个文件无法分析。`);
    process.exit(1);
  }
  console.log(`Electronegativity：没有高或中等级的问题（共 ${result.issues.length} 项低等级或提示）。`);
}
