import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksums, readChecksums, readFileState, stateSum } from '../../main/workbook/checksum';
import { WorkbookContent } from '../../main/workbook/content';
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

interface Killed {
  acked: Acked | undefined;
  inFlight: string | undefined;
  acks: number;
  /** Where the child stopped by design (`pause` mode): 'mid' a transaction, or 'committed' before the checkpoint. */
  paused?: 'mid' | 'committed';
  /** The -wal's size at the moment of the kill. */
  walBytes: number;
}

/**
 * Runs the child until a random moment (or, with `pause`, until it stops where it was told to), kills
 * it with SIGKILL, and returns what it reported.
 */
function runAndKill(child: string, path: string, seed: number, killAfterMs: number, mode = ''): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path, String(seed), mode], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (mode === 'pause' ? out.includes('pause ') : !timer && out.includes('ack ')) {
        if (mode === 'pause') proc.kill('SIGKILL');
        else timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
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
      let paused: Killed['paused'];
      for (const line of lines) {
        const [word, a, b] = line.split(' ');
        if (word === 'pause') paused = a as Killed['paused'];
        if (word === 'do') inFlight = a;
        if (word === 'ack') {
          acked = { revision: Number(a), digest: b };
          inFlight = undefined;
          acks++;
        }
      }
      resolve({ acked, inFlight, acks, paused, walBytes: existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0 });
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

  it('kills inside a transaction and between a commit and its checkpoint, by design; a plain SQLite connection finds the file whole first', async () => {
    const dir = temp();
    const child = bundleChild(dir);
    const path = join(dir, 'pause.budget');
    WorkbookFile.create(path, sampleWorkbook()).close();
    mkdirSync(join(dir, 'copies'));
    const seen = { mid: 0, committed: 0, spilled: 0 };
    for (let round = 0; round < 16; round++) {
      const killed = await runAndKill(child, path, 90_000 + round, 0, 'pause');
      expect(killed.paused).toBeDefined();
      const acked = killed.acked!;
      seen[killed.paused!]++;
      if (killed.paused === 'mid' && killed.walBytes > 0) seen.spilled++;
      // The state the kill left, kept for the program's own open below.
      const copy = join(dir, 'copies', `r${round}.budget`);
      copyFileSync(path, copy);
      if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);

      // A plain connection, as any SQLite tool would open it.
      const db = new Database(path, { fileMustExist: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const content = new WorkbookContent(db).read();
      const state = readFileState(db);
      expect(readChecksums(db)).toEqual({ ...checksums(content), state: stateSum(state) });
      db.close();
      if (killed.paused === 'mid') {
        // Nothing of the unfinished transaction: exactly the last acknowledged state.
        expect(state.revision).toBe(acked.revision);
        expect(digest(content)).toBe(acked.digest);
      } else {
        // The step was committed (not yet acknowledged): it is there whole.
        expect(state.revision).toBe(acked.revision + 1);
      }

      // The program's own open of the copy (with the -wal the kill left) finds the same.
      const file = WorkbookFile.open(copy);
      expect(file.snapshot().revision).toBe(state.revision);
      expect(digest(file.workbook())).toBe(digest(content));
      file.close();
    }
    expect(seen.mid).toBeGreaterThan(0);
    expect(seen.committed).toBeGreaterThan(0);
    expect(seen.spilled).toBeGreaterThan(0);
  }, 180_000);
});
