import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain } from '../../build/scripts/build-main';

const out = mkdtempSync(join(tmpdir(), 'budget-main-'));
beforeAll(() => buildMain(out), 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const requires = (file: string) => [...new Set([...readFileSync(join(out, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))].sort();

describe('the bundled main process and preload', () => {
  it('the preload is one file that requires nothing but electron (as sandboxed preloads must)', () => {
    expect(requires('preload.cjs')).toEqual(['electron']);
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect(code).toContain('exposeInMainWorld("budget"');
    expect(code).toContain('budget:call');
  });

  it('the preload, run as Electron runs a sandboxed preload, exposes exactly the bridge as window.budget', async () => {
    const exposed: Record<string, any> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: async (...a: unknown[]) => (invoked.push(a), { ok: true, value: 'done' }), on: () => {}, removeListener: () => {} },
    };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(join(out, 'preload.cjs'), 'utf8'), { require: sandboxRequire, module, exports: module.exports });
    expect(Object.keys(exposed)).toEqual(['budget']);
    expect(Object.keys(exposed.budget).sort()).toEqual(['call', 'onMenu']);
    expect(await exposed.budget.call('workbook.undo')).toBe('done');
    expect(invoked).toEqual([['budget:call', 'workbook.undo', []]]);
  });

  it('main requires only electron and Node’s own modules: no node_modules at run time', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(requires('main.cjs').filter((m) => m !== 'electron' && !builtins.has(m))).toEqual([]);
  });

  it('main gets better-sqlite3’s addon through the Electron build, not node_modules', () => {
    const code = readFileSync(join(out, 'main.cjs'), 'utf8');
    expect(code).toContain('better_sqlite3.node');
    expect(code).not.toMatch(/node_modules[\\/]+bindings/);
  });
});
