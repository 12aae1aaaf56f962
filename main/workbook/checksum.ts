import type Database from 'better-sqlite3';
import { lineUpdates, type Edit, type LineFields } from '../../shared/core/edits';
import type { LineItem, Workbook } from '../../shared/core/model';
import { LINE_COLUMNS } from './lineRows';

/**
 * Checksums of the workbook's content, one per part, kept in the `checksums` table and updated in the
 * same transaction as the content; verified when the file is opened. SQLite has no checksums of its
 * own, so without these a flipped byte in a page of lines or texts would open as a different figure.
 *
 * The lines' checksum is a sum over every field of every line of a hash of (line id, field, value):
 * an edit changes it by the fields it changes alone, from the edit and its inverse (which holds the old
 * values), so a one-line edit costs a few hashes, not a pass over 100,000 lines. The other parts are
 * hashed whole (they are small) when an edit sets them.
 */

/** The parts of a workbook, each with its own checksum row. */
export const PARTS = ['lines', 'meta', 'units', 'baseline', 'texts', 'entered', 'projects', 'catalogs', 'compute', 'schedules'] as const;
/** Parts a file of an older version lacks (with no checksum row): they hold null, until first set. */
const LATER_PARTS: ReadonlySet<Row> = new Set(['compute', 'schedules']);
export type Part = (typeof PARTS)[number];
/** The file's own state beside the content (next line id, undo position, revision) has a row too. */
export type Row = Part | 'state';

/** What the user is told is damaged. */
export const PART_NAMES: Record<Row, string> = {
  lines: '明细',
  meta: '部门与年度',
  units: '单位',
  baseline: '上年基数',
  texts: '文字说明',
  entered: '录入数',
  projects: '项目',
  catalogs: '科目表',
  compute: '人员与标准',
  schedules: '附表',
  state: '编辑记录',
};

const FIELDS = Object.keys(LINE_COLUMNS) as (keyof LineFields)[];
const FIELD_INDEX = new Map(FIELDS.map((f, i) => [f, i + 1]));
// Sum.line numbers the fields in this order.
if (FIELDS.join() !== 'unit,functionCode,economicCode,kind,source,project,amount,costType,basis,note,functionName,economicName') {
  throw new Error('checksum.ts: the line fields changed; number them in Sum.line as in LINE_COLUMNS');
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The two 32-bit hashes (64 bits in all) last computed by `hashValue`: module state, so no pair is allocated per field. */
let laneA = 0;
let laneB = 0;

/** Hashes a string or a number into `laneA` and `laneB`. */
function hashValue(value: unknown): void {
  let a: number;
  let b: number;
  if (typeof value === 'number') {
    // Whole numbers (分, ids) below 2^53: the low and high 32 bits.
    const low = value % 0x1_0000_0000 | 0;
    const high = Math.floor(value / 0x1_0000_0000) | 0;
    a = Math.imul(low ^ 0x3c6ef372, 0x01000193) ^ Math.imul(high, 0x85ebca6b);
    b = Math.imul(high ^ 0x5bd1e995, 0xc2b2ae35) ^ Math.imul(low, 0x27d4eb2f);
  } else {
    // One FNV-1a pass; the second lane is drawn from it (a random change is missed with odds 2^-32 per field).
    const text = value as string;
    a = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(a ^ 0x5bd1e995, 0xc2b2ae35) + text.length;
  }
  laneA = fmix(a);
  laneB = fmix(b);
}

/** A running checksum: two 32-bit sums. */
export class Sum {
  constructor(
    public a = 0,
    public b = 0,
  ) {}

  static parse(text: string): Sum {
    return new Sum(Number.parseInt(text.slice(0, 8), 16), Number.parseInt(text.slice(8), 16));
  }

  text(): string {
    return this.a.toString(16).padStart(8, '0') + this.b.toString(16).padStart(8, '0');
  }

  /** Adds (sign 1) or takes away (sign -1) the hash of one field of one line. */
  field(id: number, field: number, value: unknown, sign: 1 | -1): void {
    if (value === undefined || value === null) return;
    hashValue(value);
    const seed = Math.imul(id, 0x9e3779b1) ^ Math.imul(field, 0x85ebca77);
    this.a = (this.a + sign * fmix(laneA ^ seed)) >>> 0;
    this.b = (this.b + sign * fmix(laneB ^ Math.imul(seed, 0xc2b2ae3d))) >>> 0;
  }

  /** Every field of a line, numbered as in FIELDS (written out: a keyed loop is several times slower over 100,000 lines). */
  line(l: LineItem, sign: 1 | -1): void {
    const id = l.id;
    this.field(id, 1, l.unit, sign);
    this.field(id, 2, l.functionCode, sign);
    this.field(id, 3, l.economicCode, sign);
    this.field(id, 4, l.kind, sign);
    this.field(id, 5, l.source, sign);
    this.field(id, 6, l.project, sign);
    this.field(id, 7, l.amount, sign);
    this.field(id, 8, l.costType, sign);
    this.field(id, 9, l.basis, sign);
    this.field(id, 10, l.note, sign);
    this.field(id, 11, l.functionName, sign);
    this.field(id, 12, l.economicName, sign);
  }
}

export function linesSum(lines: readonly LineItem[]): Sum {
  const sum = new Sum();
  for (const line of lines) sum.line(line, 1);
  return sum;
}

/** The text a part is hashed from: the JSON stored for JSON parts, a fixed rendering for the others. */
function partText(wb: Workbook, part: Exclude<Part, 'lines'>): string {
  switch (part) {
    case 'meta':
      // the template only when chosen, so that files written before it keep their checksum
      return JSON.stringify(wb.template === undefined ? [wb.department, wb.year] : [wb.department, wb.year, wb.template]);
    case 'units':
      return JSON.stringify(wb.units.map((u) => [u.name, u.type]));
    case 'catalogs':
      return JSON.stringify(wb.catalogEditions ?? {});
    case 'compute':
    case 'schedules':
      return JSON.stringify(wb[part] ?? null);
    default:
      return JSON.stringify(wb[part]);
  }
}

function partSum(text: string): string {
  hashValue(text);
  return new Sum(laneA, laneB).text();
}

/** The checksum of every part of a workbook. */
export function checksums(wb: Workbook): Record<Part, string> {
  const out = { lines: linesSum(wb.lines).text() } as Record<Part, string>;
  for (const part of PARTS) if (part !== 'lines') out[part] = partSum(partText(wb, part));
  return out;
}

/** The file's state beside the content, in the meta row. */
export interface FileState {
  nextLineId: number;
  /** edit_log.seq of the last edit in effect (0: none). */
  cursor: number;
  revision: number;
}

export function readFileState(db: Database.Database): FileState {
  return db.prepare('SELECT next_line_id AS nextLineId, undo_cursor AS cursor, revision FROM meta').get() as FileState;
}

export function stateSum(state: FileState): string {
  return partSum(JSON.stringify([state.nextLineId, state.cursor, state.revision]));
}

/** The parts other than the lines that an edit sets. */
function partsSet(edit: Edit, into: Set<Exclude<Part, 'lines'>>): void {
  const parts: Partial<Record<Edit['op'], Exclude<Part, 'lines'>>> = {
    setMeta: 'meta',
    setUnits: 'units',
    setTexts: 'texts',
    setEntered: 'entered',
    setBaseline: 'baseline',
    setProjects: 'projects',
    setCatalogEdition: 'catalogs',
    setCompute: 'compute',
    setSchedules: 'schedules',
    setTemplate: 'meta',
  };
  if (edit.op === 'batch') for (const e of edit.edits) partsSet(e, into);
  else if (parts[edit.op]) into.add(parts[edit.op]!);
}

/** Moves the lines' checksum by what an edit (whose inverse holds the old values) did to them. */
function moveLines(sum: Sum, edit: Edit, inverse: Edit): void {
  switch (edit.op) {
    case 'insertLines':
      for (const line of edit.lines) sum.line(line, 1);
      return;
    case 'deleteLines':
      if (inverse.op === 'insertLines') for (const line of inverse.lines) sum.line(line, -1);
      return;
    case 'updateLines': {
      if (inverse.op !== 'updateLines') return;
      const old = new Map(inverse.changes.map((c) => [c.id, c.set]));
      for (const [id, set] of lineUpdates(edit.changes)) {
        const before = old.get(id)!;
        for (const [field, value] of Object.entries(set)) {
          const index = FIELD_INDEX.get(field as keyof LineFields)!;
          sum.field(id, index, before[field as keyof LineFields], -1);
          sum.field(id, index, value, 1);
        }
      }
      return;
    }
    case 'batch':
      if (inverse.op === 'batch') edit.edits.forEach((e, i) => moveLines(sum, e, inverse.edits[edit.edits.length - 1 - i]));
      return;
    default:
  }
}

/** The checksums after `edit` took the workbook to `after`; only the changed ones. */
export function checksumsAfter(current: Record<Part, string>, edit: Edit, inverse: Edit, after: Workbook): Partial<Record<Part, string>> {
  const changed: Partial<Record<Part, string>> = {};
  const sum = Sum.parse(current.lines);
  moveLines(sum, edit, inverse);
  if (sum.text() !== current.lines) changed.lines = sum.text();
  const parts = new Set<Exclude<Part, 'lines'>>();
  partsSet(edit, parts);
  for (const part of parts) changed[part] = partSum(partText(after, part));
  return changed;
}

export function readChecksums(db: Database.Database): Partial<Record<Row, string>> {
  const rows = db.prepare('SELECT part, sum FROM checksums').all() as { part: Row; sum: string }[];
  return Object.fromEntries(rows.map((r) => [r.part, r.sum]));
}

/** The parts whose stored checksum differs from the content read (none: the content is as written). */
export function damagedParts(stored: Partial<Record<Row, string>>, actual: Record<Row, string>): Row[] {
  const nothing = partSum('null');
  return [...PARTS, 'state' as const].filter((p) => (stored[p] ?? (LATER_PARTS.has(p) ? nothing : undefined)) !== actual[p]);
}

export function writeChecksums(db: Database.Database, sums: Partial<Record<Row, string>>): void {
  const write = db.prepare('INSERT INTO checksums (part, sum) VALUES (?, ?) ON CONFLICT (part) DO UPDATE SET sum = excluded.sum');
  for (const [part, sum] of Object.entries(sums)) write.run(part, sum);
}
