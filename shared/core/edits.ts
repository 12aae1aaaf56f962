import type { CatalogKind } from './catalog/catalog';
import type { ComputeSetup } from './compute/model';
import type { Schedules } from './schedules/model';
import { MAX_AMOUNT_FEN, MAX_TOTAL_FEN, absoluteTotal, lineBreakingTotal, limitText } from './limits';
import { formatYuan } from './money';
import type { Baseline, BudgetUnit, CatalogEdition, EnteredFigures, FreeTexts, LineItem, Project, Workbook } from './model';

/** The fields of a line that an edit may set (everything but its id). */
export type LineFields = Omit<LineItem, 'id'>;

/**
 * Every change to a workbook, as data. The file applies an edit in one transaction and logs its
 * inverse for undo; the screen applies the same edit to its copy, so both stay equal.
 * `insertLines` carries the ids the file gave the new lines, and, when it undoes a deletion, the
 * positions (`at`, ascending indices in the resulting list) where the lines were, so they come back there.
 */
export type Edit =
  | { op: 'insertLines'; lines: LineItem[]; at?: number[] }
  | { op: 'updateLines'; changes: { id: number; set: Partial<LineFields> }[] }
  | { op: 'deleteLines'; ids: number[] }
  | { op: 'setMeta'; department: string; year: number }
  | { op: 'setUnits'; units: BudgetUnit[] }
  | { op: 'setTexts'; texts: FreeTexts }
  | { op: 'setEntered'; entered: EnteredFigures }
  | { op: 'setBaseline'; baseline: Baseline }
  | { op: 'setProjects'; projects: Project[] }
  /** Puts an imported catalog edition in use for its kind, or (null) goes back to the built-in catalog. */
  | { op: 'setCatalogEdition'; kind: CatalogKind; edition: CatalogEdition | null }
  /** Sets 人员与标准 (staff, standards, mapping, computed lines), or (null) removes them. */
  | { op: 'setCompute'; compute: ComputeSetup | null }
  /** Sets the detail schedules, or (null) removes them. */
  | { op: 'setSchedules'; schedules: Schedules | null }
  /** Chooses the publication template (公开模板) by id, or (null) goes back to the default. */
  | { op: 'setTemplate'; template: string | null }
  | { op: 'batch'; edits: Edit[] };

/** Optional line fields that an update may clear by setting them to undefined. */
const OPTIONAL_FIELDS = ['costType', 'basis', 'note', 'functionName', 'economicName'] as const;

/** A line with some fields set (an optional field set to undefined is removed), and what undoes it. */
export function patchLine(line: LineItem, set: Partial<LineFields>): { line: LineItem; undo: Partial<LineFields> } {
  const next = { ...line } as Record<string, unknown>;
  const undo: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(set)) {
    undo[k] = (line as unknown as Record<string, unknown>)[k];
    if (v === undefined && (OPTIONAL_FIELDS as readonly string[]).includes(k)) delete next[k];
    else next[k] = v;
  }
  return { line: next as unknown as LineItem, undo: undo as Partial<LineFields> };
}

/**
 * What an `updateLines` does to each line: of several changes to one line, the last one (the screen
 * and the file both apply exactly this, so they never hold different lines).
 */
export function lineUpdates(changes: readonly { id: number; set: Partial<LineFields> }[]): Map<number, Partial<LineFields>> {
  return new Map(changes.map((c) => [c.id, c.set]));
}

/** The lines with `added[k]` placed at index `at[k]` of the result (`at` ascending). */
function insertAt(lines: readonly LineItem[], added: readonly LineItem[], at: readonly number[]): LineItem[] {
  const total = lines.length + added.length;
  if (at.length !== added.length || at.some((p, k) => !Number.isInteger(p) || p < 0 || p >= total || (k > 0 && p <= at[k - 1]))) {
    throw new Error('插入位置无效');
  }
  const out: LineItem[] = [];
  let next = 0;
  let k = 0;
  for (let i = 0; i < total; i++) out.push(k < at.length && at[k] === i ? added[k++] : lines[next++]);
  return out;
}

const lineLabel = (l: LineItem) => `明细 #${l.id}（${l.unit}｜${l.functionCode}｜${l.economicCode}）`;

/**
 * The total of a lines array's amounts taken as positive, kept per array: an edit of one line works out
 * the next array's total from this one's, so it does not add up 100,000 amounts again.
 */
const totals = new WeakMap<readonly LineItem[], number>();

function totalOf(lines: readonly LineItem[]): number {
  let total = totals.get(lines);
  if (total === undefined) totals.set(lines, (total = absoluteTotal(lines)));
  return total;
}

/** Records the total of `next`, made from `lines` by changing the total by `delta`, when that of `lines` is known. */
function carryTotal(lines: readonly LineItem[], next: readonly LineItem[], delta: number): void {
  const total = totals.get(lines);
  if (total !== undefined) totals.set(next, total + delta);
}

/**
 * Refuses lines that would take an amount or a total past what is computed exactly: any one amount
 * above 1 万亿元, or (when `grew`) all lines together above 10 万亿元, naming the line.
 */
function assertAmountsFit(lines: readonly LineItem[], changed: readonly LineItem[], grew: boolean): void {
  for (const l of changed) {
    if (!Number.isSafeInteger(l.amount) || Math.abs(l.amount) > MAX_AMOUNT_FEN) {
      throw new Error(`${lineLabel(l)}的金额 ${Number.isSafeInteger(l.amount) ? formatYuan(l.amount) + ' 元' : String(l.amount)} 超过单笔上限 ${limitText(MAX_AMOUNT_FEN)}，请核对是否多输了几位`);
    }
  }
  if (!grew || totalOf(lines) <= MAX_TOTAL_FEN) return;
  const at = lineBreakingTotal(lines)!;
  throw new Error(`加上${lineLabel(lines[at])}后，全部明细金额合计超过 ${limitText(MAX_TOTAL_FEN)}（可精确计算的上限），请核对金额是否多输了几位`);
}

/** The index of each of `ids` in `lines` (ids not there are left out): one pass, stopped once all are found. */
function positions(lines: readonly LineItem[], ids: ReadonlySet<number> | ReadonlyMap<number, unknown>): Map<number, number> {
  const found = new Map<number, number>();
  if (ids.size === 1) {
    // One line, the usual edit: a plain comparison is several times faster than a lookup per line.
    const [only] = ids.keys();
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].id === only) {
        found.set(only, i);
        break;
      }
    }
    return found;
  }
  for (let i = 0; i < lines.length && found.size < ids.size; i++) if (ids.has(lines[i].id)) found.set(lines[i].id, i);
  return found;
}

/**
 * Applies an edit to a workbook without mutating it; returns the new workbook and the edit that
 * undoes it. Throws when the edit names a line that does not exist.
 */
export function applyEdit(wb: Workbook, edit: Edit): { workbook: Workbook; inverse: Edit } {
  switch (edit.op) {
    case 'insertLines': {
      const added = new Set(edit.lines.map((l) => l.id));
      if (added.size !== edit.lines.length) throw new Error('插入的明细编号重复');
      const existing = positions(wb.lines, added);
      if (existing.size > 0) throw new Error(`明细 ${[...existing.keys()][0]} 已存在`);
      const lines = edit.at ? insertAt(wb.lines, edit.lines, edit.at) : [...wb.lines, ...edit.lines];
      carryTotal(wb.lines, lines, absoluteTotal(edit.lines));
      assertAmountsFit(lines, edit.lines, edit.lines.length > 0);
      return { workbook: { ...wb, lines }, inverse: { op: 'deleteLines', ids: edit.lines.map((l) => l.id) } };
    }
    case 'deleteLines': {
      const doomed = new Set(edit.ids);
      const where = positions(wb.lines, doomed);
      if (where.size !== doomed.size) throw new Error('要删除的明细不存在');
      const at = [...where.values()].sort((a, b) => a - b);
      const removed = at.map((i) => wb.lines[i]);
      const lines = wb.lines.filter((l) => !doomed.has(l.id));
      carryTotal(wb.lines, lines, -absoluteTotal(removed));
      return { workbook: { ...wb, lines }, inverse: { op: 'insertLines', lines: removed, at } };
    }
    case 'updateLines': {
      const byId = lineUpdates(edit.changes);
      const where = positions(wb.lines, byId);
      if (where.size !== byId.size) throw new Error('要修改的明细不存在');
      const undo: { id: number; set: Partial<LineFields> }[] = [];
      const patched: LineItem[] = [];
      let growth = 0;
      const lines = wb.lines.slice();
      for (const [id, set] of byId) {
        const i = where.get(id)!;
        const p = patchLine(lines[i], set);
        undo.push({ id, set: p.undo });
        if ('amount' in set) patched.push(p.line);
        growth += Math.abs(p.line.amount) - Math.abs(lines[i].amount);
        lines[i] = p.line;
      }
      carryTotal(wb.lines, lines, growth);
      assertAmountsFit(lines, patched, growth > 0);
      return { workbook: { ...wb, lines }, inverse: { op: 'updateLines', changes: undo } };
    }
    case 'setMeta':
      return { workbook: { ...wb, department: edit.department, year: edit.year }, inverse: { op: 'setMeta', department: wb.department, year: wb.year } };
    case 'setUnits':
      return { workbook: { ...wb, units: edit.units }, inverse: { op: 'setUnits', units: wb.units } };
    case 'setTexts':
      return { workbook: { ...wb, texts: edit.texts }, inverse: { op: 'setTexts', texts: wb.texts } };
    case 'setEntered':
      return { workbook: { ...wb, entered: edit.entered }, inverse: { op: 'setEntered', entered: wb.entered } };
    case 'setBaseline':
      if (edit.baseline.lines) assertAmountsFit(edit.baseline.lines, edit.baseline.lines, true);
      return { workbook: { ...wb, baseline: edit.baseline }, inverse: { op: 'setBaseline', baseline: wb.baseline } };
    case 'setProjects':
      return { workbook: { ...wb, projects: edit.projects }, inverse: { op: 'setProjects', projects: wb.projects } };
    case 'setCatalogEdition': {
      const { catalogEditions, ...rest } = wb;
      const editions = { ...catalogEditions };
      if (edit.edition) editions[edit.kind] = edit.edition;
      else delete editions[edit.kind];
      // No editions is no field at all, as a workbook that never had one.
      return {
        workbook: Object.keys(editions).length > 0 ? { ...rest, catalogEditions: editions } : rest,
        inverse: { op: 'setCatalogEdition', kind: edit.kind, edition: wb.catalogEditions?.[edit.kind] ?? null },
      };
    }
    case 'setCompute':
      return { workbook: withPart(wb, 'compute', edit.compute), inverse: { op: 'setCompute', compute: wb.compute ?? null } };
    case 'setSchedules':
      return { workbook: withPart(wb, 'schedules', edit.schedules), inverse: { op: 'setSchedules', schedules: wb.schedules ?? null } };
    case 'setTemplate': {
      const { template: _old, ...rest } = wb;
      return { workbook: edit.template === null ? rest : { ...rest, template: edit.template }, inverse: { op: 'setTemplate', template: wb.template ?? null } };
    }
    case 'batch': {
      let current = wb;
      const inverses: Edit[] = [];
      for (const e of edit.edits) {
        const r = applyEdit(current, e);
        current = r.workbook;
        inverses.unshift(r.inverse);
      }
      return { workbook: current, inverse: { op: 'batch', edits: inverses } };
    }
  }
}

/** The workbook with an optional part set, or (null) without the field at all, as a workbook that never had it. */
function withPart<K extends 'compute' | 'schedules'>(wb: Workbook, key: K, value: Workbook[K] | null): Workbook {
  const { [key]: _old, ...rest } = wb;
  return (value === null || value === undefined ? rest : { ...rest, [key]: value }) as Workbook;
}
