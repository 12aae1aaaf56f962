import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('who may import whom', () => {
  it('shared/ imports neither Node, Electron, the DOM world, main/ nor renderer/', () => {
    const allowed = /^(\.{1,2}\/|decimal\.js$|zod$)/;
    const bad = sources('shared').flatMap((f) =>
      imports(f)
        .filter((m) => !allowed.test(m) || /\/(main|renderer)\//.test(m))
        .map((m) => `${relative(ROOT, f)} → ${m}`),
    );
    expect(bad).toEqual([]);
  });

  it('no amount is ever parsed as a binary float', () => {
    const offenders = ['shared', 'main']
      .flatMap(sources)
      .filter((f) => /\bparseFloat\(|Number\.parseFloat\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
