import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { mulberry32 } from '../bench/generate';
import { ROOT } from '../helpers/cli';
import { digest } from './digest';
import { useTempDir } from './tempDir';

/**
 * The child runs the real store code, bundled once with esbuild (a dependency of vite and tsx):
 * a plain `node` start costs a fraction of a tsx start, which matters over hundreds of kills.
 */
function bundleChild(dir: string): string {
  const outfile = join(dir, 'crashChild.cjs');
  buildSync({ entryPoints: [join(ROOT, 'test', 'workbook', 'crashChild.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, external: ['better-sqlite3'], logLevel: 'error' });
  return outfile;
}

interface Acked {
  revision: number;
  digest: string;
}

/** Runs the child until a random moment, kills it with SIGKILL, and returns what it reported. */
function runAndKill(child: string, path: string, seed: number, killAfterMs: number): Promise<{ acked: Acked | undefined; inFlight: string | undefined; acks: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path, String(seed)], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!timer && out.includes('ack ')) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself: ${err}`));
      const lines = out.split('\n').slice(0, -1);
      let acked: Acked | undefined;
      let inFlight: string | undefined;
      let acks = 0;
      for (const line of lines) {
        const [word, a, b] = line.split(' ');
        if (word === 'do') inFlight = a;
        if (word === 'ack') {
          acked = { revision: Number(a), digest: b };
          inFlight = undefined;
          acks++;
        }
      }
      resolve({ acked, inFlight, acks });
    });
  });
}

const KILLS_PER_TEST = 50;

describe('a workbook file survives SIGKILL at any moment', () => {
  const temp = useTempDir();

  for (const part of [1, 2, 3, 4]) {
    it(`every acknowledged edit is in the file after each of ${KILLS_PER_TEST} kills (run ${part})`, async () => {
      const dir = temp();
      const child = bundleChild(dir);
      const path = join(dir, 'crash.budget');
      WorkbookFile.create(path, sampleWorkbook()).close();
      const random = mulberry32(part * 7_919);
      let last: Acked | undefined;
      let totalAcks = 0;
      let uncommittedSeen = 0;
      for (let round = 0; round < KILLS_PER_TEST; round++) {
        const { acked, inFlight, acks } = await runAndKill(child, path, part * 1000 + round, Math.floor(random() * 120));
        totalAcks += acks;
        const expected = acked ?? last;
        const file = WorkbookFile.open(path);
        try {
          const now = file.snapshot();
          if (expected && now.revision === expected.revision) {
            expect(digest(now.workbook)).toBe(expected.digest);
          } else if (expected) {
            // The step in flight was committed but not yet acknowledged: one step back is the acknowledged state.
            expect(now.revision).toBe(expected.revision + 1);
            expect(inFlight).toBeDefined();
            if (inFlight === 'undo') file.redo();
            else file.undo();
            expect(digest(file.workbook())).toBe(expected.digest);
            uncommittedSeen++;
          }
          const after = file.snapshot();
          last = { revision: after.revision, digest: digest(after.workbook) };
        } finally {
          file.close();
        }
        const db = new Database(path, { fileMustExist: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      }
      expect(totalAcks).toBeGreaterThan(KILLS_PER_TEST);
      expect(uncommittedSeen).toBeLessThan(KILLS_PER_TEST);
    }, 180_000);
  }
});
