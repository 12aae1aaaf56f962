import { applyEdit, type Edit, type LineFields } from '../edits';
import type { LineItem, Project, Workbook } from '../model';
import { diffWorkbooks, type WorkbookDiff } from '../versionDiff';
import { targetsOf, type DepartmentInput, type UnitFileInput } from './check';
import { lineFields, lineKey, projectKey, unitPart } from './part';

/** How a conflict is settled: the department's side, the unit file's side, or both (lines only). */
export type Resolution = 'mine' | 'theirs' | 'both';

/** A line both the department and the unit changed since the unit file was made, differently. null: deleted on that side. */
export interface LineConflict {
  key: string;
  kind: 'line';
  unit: string;
  base: LineItem;
  mine: LineItem | null;
  theirs: LineItem | null;
}

export interface ProjectConflict {
  key: string;
  kind: 'project';
  unit: string;
  name: string;
  base: Project | null;
  mine: Project | null;
  theirs: Project | null;
}

export type Conflict = LineConflict | ProjectConflict;

/** The changes a merge makes to the department, as data: new lines have no ids yet. */
export interface MergeChanges {
  deleteIds: number[];
  updates: { id: number; set: Partial<LineFields> }[];
  inserts: LineFields[];
  /** The department's project list after the merge; null when no project changes. */
  projects: Project[] | null;
}

/** One unit file's merge, before conflicts are settled. */
export interface UnitMerge {
  fileName: string;
  unit: string;
  notes: string[];
  conflicts: Conflict[];
  /** The changes that need no decision. */
  clean: { deleteIds: number[]; updates: { id: number; set: Partial<LineFields> }[]; inserts: LineFields[]; projects: Map<string, Project | null> };
}

const OPTIONAL: readonly (keyof LineFields)[] = ['costType', 'basis', 'note', 'functionName', 'economicName'];

/** The fields that turn `from` into `to` (an optional field `to` lacks is set to undefined, which clears it). */
function fieldsToSet(from: LineFields, to: LineFields): Partial<LineFields> {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(to)) if ((from as unknown as Record<string, unknown>)[k] !== v) set[k] = v;
  for (const k of OPTIONAL) if (from[k] !== undefined && to[k] === undefined) set[k] = undefined;
  return set as Partial<LineFields>;
}

const sameProject = (a: Project | undefined | null, b: Project | undefined | null) => (a ? (b ? projectKey(a) === projectKey(b) : false) : !b);

/**
 * A three-way merge of one unit file into the department: the base is the unit's part when the
 * file was made (recorded in it), "theirs" the unit file now, "mine" the department's part now.
 * What only the unit changed is taken; what only the department changed is kept; what both changed
 * the same way is left; what both changed differently is a conflict. Lines the unit added are
 * matched with lines of the unit the department has that the base had not (a merge already
 * done), so merging the same file twice adds nothing.
 */
export function planUnitMerge(dept: Workbook, file: UnitFileInput, unit: string, notes: string[]): UnitMerge {
  const frame = file.frame!;
  const asUnit = (l: LineItem): LineItem => (l.unit === unit ? l : { ...l, unit });
  const base = frame.base.lines.map(asUnit);
  const baseIds = new Set(base.map((l) => l.id));
  const theirs = new Map(file.workbook.lines.map((l) => [l.id, asUnit(l)]));
  const mine = unitPart(dept, unit);
  const mineById = new Map(mine.lines.map((l) => [l.id, l]));
  const clean: UnitMerge['clean'] = { deleteIds: [], updates: [], inserts: [], projects: new Map() };
  const conflicts: Conflict[] = [];

  const deptAdded = new Map<string, number>();
  for (const l of mine.lines) if (!baseIds.has(l.id)) deptAdded.set(lineKey(l), (deptAdded.get(lineKey(l)) ?? 0) + 1);
  /** Whether the department already has a line like this one that the base had not (a merge done before); takes it. */
  const takeAdded = (line: LineItem): boolean => {
    const key = lineKey(line);
    const left = deptAdded.get(key) ?? 0;
    if (left > 0) deptAdded.set(key, left - 1);
    return left > 0;
  };

  for (const b of base) {
    const t = theirs.get(b.id) ?? null;
    if (t && lineKey(t) === lineKey(b)) continue;
    const m = mineById.get(b.id) ?? null;
    if (m && lineKey(m) === lineKey(b)) {
      if (t) clean.updates.push({ id: b.id, set: fieldsToSet(m, lineFields(t)) });
      else clean.deleteIds.push(b.id);
      continue;
    }
    if ((t === null && m === null) || (t && m && lineKey(t) === lineKey(m))) continue;
    // the unit's line already came in beside or instead of the department's (a conflict settled before)
    if (t && takeAdded(t)) continue;
    conflicts.push({ key: `${unit}\u0000line\u0000${b.id}`, kind: 'line', unit, base: b, mine: m, theirs: t });
  }

  for (const t of theirs.values()) if (!baseIds.has(t.id) && !takeAdded(t)) clean.inserts.push(lineFields(t));

  const baseProjects = new Map(frame.base.projects.map((p) => [p.name, p]));
  const theirProjects = new Map(file.workbook.projects.map((p) => [p.name, p]));
  const deptProjects = new Map(dept.projects.map((p) => [p.name, p]));
  for (const name of new Set([...baseProjects.keys(), ...theirProjects.keys()])) {
    const b = baseProjects.get(name);
    const t = theirProjects.get(name);
    if (sameProject(t, b)) continue;
    const m = deptProjects.get(name);
    if (sameProject(m, b)) clean.projects.set(name, t ?? null);
    else if (!sameProject(m, t)) conflicts.push({ key: `${unit}\u0000project\u0000${name}`, kind: 'project', unit, name, base: b ?? null, mine: m ?? null, theirs: t ?? null });
  }
  return { fileName: file.name, unit, notes, conflicts, clean };
}

/** Plans the merge of several unit files; refuses (UnitsError) what `targetsOf` refuses. */
export function planMerge(dept: DepartmentInput, files: readonly UnitFileInput[]): UnitMerge[] {
  const targets = targetsOf(dept, files);
  return files.map((f, i) => planUnitMerge(dept.workbook, f, targets[i].unit, targets[i].notes));
}

/** The resolution of each conflict: by key, else `all`; a conflict left open throws. */
export type Resolutions = { all?: Exclude<Resolution, 'both'>; byKey?: Record<string, Resolution> };

export function openConflicts(merges: readonly UnitMerge[], resolutions: Resolutions = {}): Conflict[] {
  return merges.flatMap((m) => m.conflicts).filter((c) => !resolutions.byKey?.[c.key] && !resolutions.all);
}

/** The department's changes for the given merges with their conflicts settled. */
export function mergeChanges(dept: Workbook, merges: readonly UnitMerge[], resolutions: Resolutions = {}): MergeChanges {
  const open = openConflicts(merges, resolutions);
  if (open.length > 0) throw new Error(`还有 ${open.length} 处冲突未决定`);
  const deptById = new Map(dept.lines.map((l) => [l.id, l]));
  const out: MergeChanges = { deleteIds: [], updates: [], inserts: [], projects: null };
  const projects = new Map<string, Project | null>();
  for (const m of merges) {
    out.deleteIds.push(...m.clean.deleteIds);
    out.updates.push(...m.clean.updates);
    out.inserts.push(...m.clean.inserts);
    for (const [name, p] of m.clean.projects) projects.set(name, p);
    for (const c of m.conflicts) {
      const how = resolutions.byKey?.[c.key] ?? resolutions.all!;
      if (how === 'mine') continue;
      if (c.kind === 'project') {
        projects.set(c.name, c.theirs);
        continue;
      }
      const now = deptById.get(c.base.id);
      if (how === 'both') {
        // the department's line stays as it is; the unit's comes in beside it
        if (c.theirs) out.inserts.push(lineFields(c.theirs));
        continue;
      }
      if (c.theirs === null) {
        if (c.mine) out.deleteIds.push(c.mine.id);
      } else if (now) out.updates.push({ id: now.id, set: fieldsToSet(now, lineFields(c.theirs)) });
      else out.inserts.push(lineFields(c.theirs));
    }
  }
  if (projects.size > 0) {
    const list = dept.projects.flatMap((p) => (projects.has(p.name) ? (projects.get(p.name) ? [projects.get(p.name)!] : []) : [p]));
    const present = new Set(dept.projects.map((p) => p.name));
    for (const [name, p] of projects) if (p && !present.has(name)) list.push(p);
    out.projects = list;
  }
  return out;
}

export function isEmpty(c: MergeChanges): boolean {
  return c.deleteIds.length === 0 && c.updates.length === 0 && c.inserts.length === 0 && c.projects === null;
}

/** The changes as one edit, new lines numbered from `nextId` (the file numbers them itself when it applies the merge). */
export function mergeEdit(c: MergeChanges, nextId: number): Edit {
  const edits: Edit[] = [];
  if (c.deleteIds.length > 0) edits.push({ op: 'deleteLines', ids: c.deleteIds });
  if (c.updates.length > 0) edits.push({ op: 'updateLines', changes: c.updates });
  if (c.inserts.length > 0) edits.push({ op: 'insertLines', lines: c.inserts.map((l, i) => ({ ...l, id: nextId + i })) });
  if (c.projects) edits.push({ op: 'setProjects', projects: c.projects });
  return { op: 'batch', edits };
}

/**
 * The department after the merge, new lines numbered from `nextId` (by default after its highest id;
 * a file never gives an id twice, so it numbers them after every id it ever gave).
 */
export function mergedWorkbook(dept: Workbook, c: MergeChanges, nextId = dept.lines.reduce((max, l) => Math.max(max, l.id), 0) + 1): Workbook {
  return applyEdit(dept, mergeEdit(c, nextId)).workbook;
}

/** What a unit's merge would change, for the preview: lines, every table figure, the text's paragraphs. */
export interface UnitMergePreview {
  fileName: string;
  unit: string;
  notes: string[];
  conflicts: Conflict[];
  /** The change with the conflicts settled as the department's (keep mine). */
  diff: WorkbookDiff;
}

export function previewMerge(dept: Workbook, merges: readonly UnitMerge[]): UnitMergePreview[] {
  return merges.map((m) => {
    const after = mergedWorkbook(dept, mergeChanges(dept, [m], { all: 'mine' }));
    return { fileName: m.fileName, unit: m.unit, notes: m.notes, conflicts: m.conflicts, diff: diffWorkbooks(dept, after) };
  });
}
