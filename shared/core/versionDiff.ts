import type { Catalogs } from './catalog/catalog';
import { workbookCatalogs } from './catalog/workbookCatalogs';
import type { LineFields } from './edits';
import { LINE_COLUMN_ORDER } from './lineTable';
import type { LineItem, Workbook } from './model';
import type { Fen } from './money';
import { buildNarrative, type Narrative, type NarrativeSectionId } from './narrative';
import { cellText, isAmount, type TableId, type TableModel } from './tables/tableModel';
import { deriveWorkbookTables } from './workbookTables';

export interface FieldChange {
  field: keyof LineFields;
  old: LineFields[keyof LineFields] | undefined;
  new: LineFields[keyof LineFields] | undefined;
}

export interface LineChange {
  id: number;
  before: LineItem;
  after: LineItem;
  fields: FieldChange[];
}

/** A figure of a derived table that differs; null where the row is absent on that side. */
export interface FigureChange {
  table: TableId;
  title: string;
  /** The row's label: its code and name, or its item (表 9 has none: ''). */
  row: string;
  column: string;
  unit: '元' | '万元';
  old: Fen | null;
  new: Fen | null;
  oldText: string;
  newText: string;
}

/** A paragraph of the explanatory text that differs: null where there is no counterpart. */
export interface NarrativeChange {
  section: NarrativeSectionId;
  sectionTitle?: string;
  old: string | null;
  new: string | null;
}

/** Parts of the workbook other than lines, compared as a whole. */
export const WORKBOOK_PARTS = { units: '单位及类型', baseline: '上年基数', entered: '录入数（采购、资产、绩效）', texts: '文字（职能、机构、用途、原因）', projects: '项目' } as const;
export type WorkbookPart = keyof typeof WORKBOOK_PARTS;

export interface WorkbookDiff {
  department?: { old: string; new: string };
  year?: { old: number; new: number };
  parts: WorkbookPart[];
  added: LineItem[];
  removed: LineItem[];
  changed: LineChange[];
  figures: FigureChange[];
  narrative: NarrativeChange[];
}

/** Deep equality of JSON-like values, whatever the order of keys; an undefined key counts as absent. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function lineChanges(before: LineItem, after: LineItem): FieldChange[] {
  return LINE_COLUMN_ORDER.filter((f) => before[f] !== after[f]).map((field) => ({ field, old: before[field], new: after[field] }));
}

export interface Figure {
  table: TableModel;
  row: string;
  column: string;
  fen: Fen;
}

/** Every amount of the tables by table, row label and column; a label that repeats is numbered. */
export function figures(tables: readonly TableModel[]): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const table of tables) {
    for (const r of table.rows) {
      let label: string[] = [];
      let afterAmount = false;
      r.cells.forEach((cell, i) => {
        if (!isAmount(cell)) {
          if (afterAmount) label = [];
          afterAmount = false;
          if (cell.text.trim()) label.push(cell.text.trim());
          return;
        }
        afterAmount = true;
        const row = label.join(' ');
        const column = table.columns[i].key;
        let key = `${table.id}\u0000${row}\u0000${column}`;
        for (let n = 2; out.has(key); n++) key = `${table.id}\u0000${row}#${n}\u0000${column}`;
        out.set(key, { table, row, column, fen: cell.fen });
      });
    }
  }
  return out;
}

function figureChanges(a: readonly TableModel[], b: readonly TableModel[]): FigureChange[] {
  const before = figures(a);
  const after = figures(b);
  const changes: FigureChange[] = [];
  const text = (f: Figure | undefined) => (f ? cellText(f.table, { fen: f.fen, filter: {} }) : '');
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const now = after.get(key);
    if (old && now && old.fen === now.fen) continue;
    if ((old?.fen ?? 0) === 0 && (now?.fen ?? 0) === 0) continue;
    const some = (now ?? old)!;
    changes.push({
      table: some.table.id,
      title: some.table.title,
      row: some.row,
      column: some.column,
      unit: some.table.unit,
      old: old ? old.fen : null,
      new: now ? now.fen : null,
      oldText: text(old),
      newText: text(now),
    });
  }
  return changes.sort((x, y) => x.table - y.table);
}

function paragraphsBySection(n: Narrative): Map<NarrativeSectionId, { title?: string; texts: string[] }> {
  const out = new Map<NarrativeSectionId, { title?: string; texts: string[] }>();
  for (const chapter of n.chapters) {
    for (const section of chapter.sections) out.set(section.id, { title: section.title, texts: section.paragraphs.map((p) => p.text) });
  }
  return out;
}

/** Paragraphs of each section that are not in the other version, paired in order. */
function narrativeChanges(a: Narrative, b: Narrative): NarrativeChange[] {
  const before = paragraphsBySection(a);
  const after = paragraphsBySection(b);
  const changes: NarrativeChange[] = [];
  for (const section of new Set([...before.keys(), ...after.keys()])) {
    const olds = before.get(section)?.texts ?? [];
    const news = after.get(section)?.texts ?? [];
    const removed = olds.filter((t) => !news.includes(t));
    const added = news.filter((t) => !olds.includes(t));
    const sectionTitle = after.get(section)?.title ?? before.get(section)?.title;
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      changes.push({ section, ...(sectionTitle ? { sectionTitle } : {}), old: removed[i] ?? null, new: added[i] ?? null });
    }
  }
  return changes;
}

/**
 * What changed from workbook `a` to workbook `b`, for the department head's review: lines added,
 * removed and changed (matched by id), every figure of the nine tables that differs, and the
 * paragraphs of the explanatory text that differ.
 */
export function diffWorkbooks(a: Workbook, b: Workbook, catalogs: Catalogs = workbookCatalogs(b)): WorkbookDiff {
  const before = new Map(a.lines.map((l) => [l.id, l]));
  const afterIds = new Set(b.lines.map((l) => l.id));
  const changed: LineChange[] = [];
  for (const line of b.lines) {
    const old = before.get(line.id);
    if (!old) continue;
    const fields = lineChanges(old, line);
    if (fields.length > 0) changed.push({ id: line.id, before: old, after: line, fields });
  }
  const parts = (Object.keys(WORKBOOK_PARTS) as WorkbookPart[]).filter((p) => !same(a[p], b[p]));
  return {
    ...(a.department !== b.department ? { department: { old: a.department, new: b.department } } : {}),
    ...(a.year !== b.year ? { year: { old: a.year, new: b.year } } : {}),
    parts,
    added: b.lines.filter((l) => !before.has(l.id)),
    removed: a.lines.filter((l) => !afterIds.has(l.id)),
    changed,
    figures: figureChanges(deriveWorkbookTables(a, undefined, catalogs), deriveWorkbookTables(b, undefined, catalogs)),
    narrative: narrativeChanges(buildNarrative(a, catalogs), buildNarrative(b, catalogs)),
  };
}
