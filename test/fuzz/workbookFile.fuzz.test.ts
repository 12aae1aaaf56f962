import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../main/io/userError';
import { WorkbookFile } from '../../main/workbook/file';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { runs } from '../helpers/runs';
import { fingerprint } from '../workbook/refused';
import { digest } from '../workbook/digest';

/**
 * Hostile `.budget` files: truncated, bytes flipped anywhere (header, pages, the -wal), junk pages,
 * a -wal of another copy or of the file's own interrupted write, a junk -journal. For each: the
 * process lives, and either the file is refused with a Chinese message and nothing on disk changed,
 * or it opens with the content it holds (the saved workbook, or with the -wal's committed edit).
 * `FUZZ_RUNS` sets the number of inputs (the long run of `npm run fuzz`); else 150 times FC_RUNS. The
 * seed is the suite's fixed one (test/setup/fastCheck.ts).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? runs(150));

const hold = vi.hoisted(() => ({ checkpoint: false }));
vi.mock('../../main/workbook/openFile', async (original) => {
  const actual = await original<typeof import('../../main/workbook/openFile')>();
  return { ...actual, checkpoint: (db: Parameters<typeof actual.checkpoint>[0]) => (hold.checkpoint ? undefined : actual.checkpoint(db)) };
});

interface Kit {
  file: Buffer;
  /** The file's own -wal: an edit committed but not yet checkpointed when the program was killed. */
  ownWal: Buffer;
  /** A -wal left by a copy of the file that has moved on differently. */
  foreignWal: Buffer;
  /** Digests of the workbook saved, and with the own -wal's edit. */
  saved: string;
  withOwnWal: string;
}

let root: string;
let kit: Kit;

/** An edit committed but not checkpointed: the file and -wal as a kill right after the commit leaves them. */
function interrupted(path: string, department: string): { file: Buffer; wal: Buffer; digest: string } {
  const file = WorkbookFile.open(path);
  hold.checkpoint = true;
  try {
    file.edit({ op: 'setMeta', department, year: 2030 });
    return { file: readFileSync(path), wal: readFileSync(`${path}-wal`), digest: digest(file.workbook()) };
  } finally {
    hold.checkpoint = false;
    file.close();
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'budget-fuzz-'));
  const wb = sampleWorkbook();
  const path = join(root, 'base.budget');
  const lines = Array.from({ length: 300 }, (_, i) => ({ ...wb.lines[i % wb.lines.length], id: i + 1, note: `第${i}行的备注` }));
  WorkbookFile.create(path, { ...wb, lines, texts: { ...wb.texts, organization: '主要职能：负责本部门预算编制与执行。' } }).close();
  const base = readFileSync(path);
  const first = WorkbookFile.open(path);
  const saved = digest(first.workbook());
  first.close();
  // The own -wal: an interrupted edit of exactly this file.
  const own = interrupted(path, '被中断的修改');
  // The foreign -wal: another copy moved on by one edit, then interrupted.
  writeFileSync(path, base);
  const other = join(root, 'other.budget');
  writeFileSync(other, base);
  const opened = WorkbookFile.open(other);
  opened.edit({ op: 'setMeta', department: '另一份副本', year: 2031 });
  opened.close();
  const foreign = interrupted(other, '另一份副本的中断修改');
  // The file as the kill after the own edit's commit left it (not yet checkpointed: the saved content).
  kit = { file: own.file, ownWal: own.wal, foreignWal: foreign.wal, saved, withOwnWal: own.digest };
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: { at: number; xor: number }[]; inWal: boolean }
  | { kind: 'junkPage'; page: number; seed: number }
  | { kind: 'wal'; which: 'own' | 'foreign'; flips: { at: number; xor: number }[] }
  | { kind: 'journal'; bytes: Uint8Array };

const flips = fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 4 });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), flips, inWal: fc.boolean() }),
  fc.record({ kind: fc.constant('junkPage' as const), page: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('wal' as const), which: fc.constantFrom('own' as const, 'foreign' as const), flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('journal' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 2048 }) }),
);

function applyFlips(bytes: Buffer, list: { at: number; xor: number }[]): Buffer {
  const out = Buffer.from(bytes);
  for (const { at, xor } of list) out[at % out.length] ^= xor;
  return out;
}

/** Writes the damaged file (and side file) into `dir`; returns the digests an open may rightly show. */
function lay(dir: string, d: Damage): { path: string; allowed: string[] } {
  const path = join(dir, 'f.budget');
  let file = kit.file;
  let allowed = [kit.saved];
  switch (d.kind) {
    case 'truncate':
      file = file.subarray(0, d.at % file.length);
      break;
    case 'flip':
      if (d.inWal) {
        writeFileSync(`${path}-wal`, applyFlips(kit.ownWal, d.flips));
        allowed = [kit.saved, kit.withOwnWal];
      } else file = applyFlips(file, d.flips);
      break;
    case 'junkPage': {
      file = Buffer.from(file);
      const pages = file.length / 4096;
      const start = (d.page % pages) * 4096;
      for (let i = 0; i < 4096; i++) file[start + i] = (d.seed + i * 7919) & 0xff;
      break;
    }
    case 'wal':
      writeFileSync(`${path}-wal`, applyFlips(d.which === 'own' ? kit.ownWal : kit.foreignWal, d.flips));
      // A damaged frame ends what SQLite applies of a -wal: the saved state is right then too.
      if (d.which === 'own') allowed = [kit.saved, kit.withOwnWal];
      break;
    case 'journal':
      writeFileSync(`${path}-journal`, d.bytes);
      break;
  }
  writeFileSync(path, file);
  return { path, allowed };
}

describe('hostile .budget files', () => {
  it(`the process lives; refused in Chinese with nothing changed, or opened with the content the file holds (${RUNS} inputs)`, () => {
    const counts = { refused: 0, opened: 0 };
    let n = 0;
    fc.assert(
      fc.property(damage, (d) => {
        const dir = join(root, `case${n++}`);
        mkdirSync(dir);
        try {
          const { path, allowed } = lay(dir, d);
          const before = fingerprint(dir);
          let file: WorkbookFile | undefined;
          try {
            file = WorkbookFile.open(path);
          } catch (e) {
            expect(e).toBeInstanceOf(UserError);
            const message = (e as Error).message;
            // Chinese, and no library's English: apart from file names and the word SQLite, no Latin letters.
            expect(message.replace(/f\.budget(-wal|-journal)?|\.budget|SQLite/g, '')).not.toMatch(/[A-Za-z]/);
            expect(message).toMatch(/[\u4e00-\u9fff]/);
            expect(fingerprint(dir)).toEqual(before);
            counts.refused++;
            return;
          }
          try {
            expect(allowed).toContain(digest(file.workbook()));
            counts.opened++;
          } finally {
            file.close();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
    // Written out by the long run (npm run fuzz) for docs/.
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ suite: 'workbookFile', tried: RUNS, ...counts }));
    expect(counts.refused + counts.opened).toBe(RUNS);
  }, Math.max(60_000, RUNS * 100));
});
