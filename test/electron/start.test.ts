import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STEPS, electronBinary, start, type Runner } from '../../build/scripts/start';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project folder whose Electron download did (with a binary) or did not happen. */
function projectRoot(withElectron: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'budget-start-'));
  dirs.push(root);
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(join(dir, 'dist'), { recursive: true });
  if (withElectron) {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return root;
}

function runWith(failAt: string | null): { run: Runner; ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      return args.includes(failAt ?? '') ? { status: 1 } : { status: 0 };
    },
  };
}

describe('npm start says in Chinese what to do when a download fails', () => {
  it('stops at a failed better-sqlite3 download with the mirror settings', () => {
    const printed: string[] = [];
    const { run, ran } = runWith('build:native');
    expect(start({ root: projectRoot(true), run, print: (t) => printed.push(t) })).toBe(1);
    expect(ran).toEqual(['npm run build:native']);
    expect(printed.join()).toContain('未能为 Electron 准备 better-sqlite3');
    expect(printed.join()).toContain('npm_config_better_sqlite3_binary_host');
  });

  it('does not launch an Electron whose binary was never downloaded, and names ELECTRON_MIRROR', () => {
    const printed: string[] = [];
    const { run, ran } = runWith(null);
    expect(electronBinary(projectRoot(false))).toBeUndefined();
    expect(start({ root: projectRoot(false), run, print: (t) => printed.push(t) })).toBe(1);
    expect(ran).toEqual(STEPS.map((s) => [s.command, ...s.args].join(' ')));
    expect(printed.join()).toContain('Electron 程序没有下载成功');
    expect(printed.join()).toContain('ELECTRON_MIRROR');
  });

  it('launches Electron when everything is in place', () => {
    const root = projectRoot(true);
    const { run, ran } = runWith(null);
    expect(start({ root, run, print: () => {} })).toBe(0);
    expect(ran.at(-1)).toBe(`${join(root, 'node_modules', 'electron', 'dist', 'electron')} .`);
  });
});
