import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeIssue, SCANNED, scanElectronShell } from '../../build/scripts/electronegativity';

const work = mkdtempSync(join(tmpdir(), 'budget-eng-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Electronegativity over the Electron shell', () => {
  it('finds nothing of high or medium severity, and reads every file', async () => {
    const result = await scanElectronShell();
    expect(result.errors).toEqual([]);
    expect(result.blocking.map(describeIssue)).toEqual([]);
  });

  it('would find a window that loses its sandbox or its context isolation', async () => {
    const copy = join(work, 'electron');
    cpSync(SCANNED, copy, { recursive: true });
    const file = join(copy, 'window.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sandbox: true', 'sandbox: false').replace('contextIsolation: true', 'contextIsolation: false'));
    const ids = (await scanElectronShell(copy)).blocking.map((i) => i.id);
    expect(ids).toContain('SANDBOX_JS_CHECK');
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK');
  });

  it('has only the reviewed exception silenced in the code', () => {
    const silenced = readdirSync(SCANNED)
      .flatMap((f) => readFileSync(join(SCANNED, f), 'utf8').split('\n').map((line) => ({ f, line })))
      .filter(({ line }) => line.includes('eng-disable'))
      .map(({ f, line }) => `${f}: ${line.slice(line.indexOf('eng-disable')).trim()}`);
    expect(silenced).toEqual(['window.ts: eng-disable PRELOAD_JS_CHECK']);
  });
});
