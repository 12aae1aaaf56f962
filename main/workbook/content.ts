import type Database from 'better-sqlite3';
import { lineUpdates, type Edit, type LineFields } from '../../shared/core/edits';
import type { LineItem, Workbook } from '../../shared/core/model';
import { upgradeTexts } from '../../shared/core/reasons';
import { LINE_COLUMNS, LINE_SELECT, lineFromRow, lineValues } from './lineRows';

/** The single-row tables that hold one part of the workbook as JSON. */
const JSON_PARTS = ['baseline', 'texts', 'entered', 'projects', 'catalogs'] as const;
type JsonPart = (typeof JSON_PARTS)[number];
/** The workbook field each part holds. */
const FIELD = { baseline: 'baseline', texts: 'texts', entered: 'entered', projects: 'projects', catalogs: 'catalogEditions' } as const;

/** Parts a workbook may lack: their table holds 'null' until the department uses them. */
const OPTIONAL_PARTS = ['compute', 'schedules'] as const;
type OptionalPart = (typeof OPTIONAL_PARTS)[number];

/**
 * The workbook's content in the file's tables: read it whole, write it whole (a new file), or
 * apply one edit as SQL. Callers wrap writes in a transaction.
 */
export class WorkbookContent {
  private readonly insertLine: Database.Statement;
  private readonly deleteLine: Database.Statement;
  private readonly seqOf: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  private nextSeq = 1;

  constructor(private readonly db: Database.Database) {
    this.insertLine = db.prepare(`INSERT INTO lines (seq, ${LINE_SELECT}) VALUES (?, ${LINE_SELECT.split(',').map(() => '?').join(', ')})`);
    this.deleteLine = db.prepare('DELETE FROM lines WHERE id = ?');
    this.seqOf = db.prepare('SELECT seq FROM lines WHERE id = ?').pluck();
  }

  read(): Workbook {
    const meta = this.db.prepare(`SELECT department, year, ${this.hasTemplate() ? 'template' : 'NULL AS template'} FROM meta`).get() as { department: string; year: number; template: string | null };
    const units = this.db.prepare('SELECT name, type FROM units ORDER BY position').all() as Workbook['units'];
    // One JSON array from SQLite parses faster than 100,000 rows handed over value by value.
    const json = this.db.prepare(`SELECT json_group_array(json_array(${LINE_SELECT})) FROM (SELECT ${LINE_SELECT} FROM lines ORDER BY seq)`).pluck().get() as string;
    const lines = (JSON.parse(json) as unknown[][]).map(lineFromRow);
    this.continueAfter();
    const part = (name: JsonPart) => JSON.parse(this.db.prepare(`SELECT json FROM ${name}`).pluck().get() as string);
    const editions = part('catalogs') as NonNullable<Workbook['catalogEditions']>;
    return {
      department: meta.department,
      year: meta.year,
      units,
      lines,
      baseline: part('baseline'),
      entered: part('entered'),
      texts: upgradeTexts(part('texts')),
      projects: part('projects'),
      ...(meta.template !== null ? { template: meta.template } : {}),
      ...(Object.keys(editions).length > 0 ? { catalogEditions: editions } : {}),
      ...Object.fromEntries(OPTIONAL_PARTS.map((name) => [name, this.optionalPart(name)]).filter(([, v]) => v !== null)),
    };
  }

  /** Takes up where the lines in the file end: new lines go after the last. */
  continueAfter(): void {
    this.nextSeq = ((this.db.prepare('SELECT max(seq) FROM lines').pluck().get() as number | null) ?? 0) + 1;
  }

  /** Fills the tables of a new file (the meta row is written by the caller). */
  writeAll(wb: Workbook): void {
    this.writeUnits(wb.units);
    this.insertLines(wb.lines);
    for (const name of JSON_PARTS) this.db.prepare(`INSERT INTO ${name} (only, json) VALUES (1, ?)`).run(JSON.stringify(wb[FIELD[name]] ?? {}));
    // the migration put 'null' in them
    // a new file's tables start as null; a file of an older format has no such tables
    for (const name of OPTIONAL_PARTS) if (wb[name] !== undefined) this.writeOptional(name, wb[name]);
    if (wb.template !== undefined && this.hasTemplate()) this.db.prepare('UPDATE meta SET template = ?').run(wb.template);
  }

  /** Whether the file's meta row has the template column (files of format 5 and later). */
  private hasTemplate(): boolean {
    return (this.db.prepare("SELECT count(*) FROM pragma_table_info('meta') WHERE name = 'template'").pluck().get() as number) > 0;
  }

  /** Writes an edit; `after` is the workbook with the edit applied, whose line order the file follows. */
  apply(edit: Edit, after: Workbook): void {
    switch (edit.op) {
      case 'insertLines':
        return edit.at ? this.insertLinesAt(edit.lines, after.lines) : this.insertLines(edit.lines);
      case 'deleteLines':
        for (const id of edit.ids) this.deleteLine.run(id);
        return;
      case 'updateLines':
        for (const [id, set] of lineUpdates(edit.changes)) this.updateLine(id, set);
        return;
      case 'setMeta':
        this.db.prepare('UPDATE meta SET department = ?, year = ?').run(edit.department, edit.year);
        return;
      case 'setUnits':
        return this.writeUnits(edit.units);
      case 'setTexts':
        return this.writePart('texts', edit.texts);
      case 'setEntered':
        return this.writePart('entered', edit.entered);
      case 'setBaseline':
        return this.writePart('baseline', edit.baseline);
      case 'setProjects':
        return this.writePart('projects', edit.projects);
      case 'setCatalogEdition':
        return this.writePart('catalogs', after.catalogEditions ?? {});
      case 'setCompute':
        return this.writeOptional('compute', edit.compute);
      case 'setSchedules':
        return this.writeOptional('schedules', edit.schedules);
      case 'setTemplate':
        this.db.prepare('UPDATE meta SET template = ?').run(edit.template);
        return;
      case 'batch':
        for (const e of edit.edits) this.apply(e, after);
        return;
    }
  }

  private insertLines(lines: readonly LineItem[]): void {
    for (const line of lines) this.insertLine.run(this.nextSeq++, ...lineValues(line));
  }

  /**
   * Lines that come back where they were (the undoing of a deletion): each gets a `seq` between those
   * of its nearest neighbours already in the file, so the order in the file is the order on screen.
   */
  private insertLinesAt(lines: readonly LineItem[], order: readonly LineItem[]): void {
    const pending = new Set(lines.map((l) => l.id));
    const index = new Map(order.map((l, i) => [l.id, i]));
    const neighbour = (from: number, step: 1 | -1): number | undefined => {
      for (let i = from; i >= 0 && i < order.length; i += step) {
        if (pending.has(order[i].id)) continue;
        const seq = this.seqOf.get(order[i].id) as number | undefined;
        if (seq !== undefined) return seq;
      }
      return undefined;
    };
    for (const line of lines) {
      const i = index.get(line.id)!;
      const before = neighbour(i - 1, -1);
      const after = neighbour(i + 1, 1);
      let seq = before === undefined ? (after === undefined ? this.nextSeq++ : after - 1) : after === undefined ? before + 1 : (before + after) / 2;
      if (seq === before || seq === after) {
        this.renumber();
        return this.insertLinesAt(lines.filter((l) => pending.has(l.id)), order);
      }
      this.insertLine.run(seq, ...lineValues(line));
      pending.delete(line.id);
      if (seq >= this.nextSeq) this.nextSeq = Math.floor(seq) + 1;
    }
  }

  /** Spreads the lines' `seq` out again (1, 2, 3, …) once halving has run out of room between two of them. */
  private renumber(): void {
    const ids = this.db.prepare('SELECT id FROM lines ORDER BY seq').pluck().all() as number[];
    this.db.prepare('UPDATE lines SET seq = -seq - 1').run();
    const set = this.db.prepare('UPDATE lines SET seq = ? WHERE id = ?');
    ids.forEach((id, i) => set.run(i + 1, id));
    this.nextSeq = ids.length + 1;
  }

  private updateLine(id: number, set: Partial<LineFields>): void {
    const fields = Object.keys(set) as (keyof LineFields)[];
    if (fields.length === 0) return;
    const key = fields.join(',');
    let statement = this.updates.get(key);
    if (!statement) {
      statement = this.db.prepare(`UPDATE lines SET ${fields.map((f) => `${LINE_COLUMNS[f]} = ?`).join(', ')} WHERE id = ?`);
      this.updates.set(key, statement);
    }
    statement.run(...fields.map((f) => set[f] ?? null), id);
  }

  private writeUnits(units: Workbook['units']): void {
    this.db.prepare('DELETE FROM units').run();
    const insert = this.db.prepare('INSERT INTO units (position, name, type) VALUES (?, ?, ?)');
    units.forEach((u, i) => insert.run(i + 1, u.name, u.type));
  }

  /** An optional part, or null when it is unused (or the file, of an older version being checked before its upgrade, has no table for it). */
  private optionalPart(name: OptionalPart): unknown {
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    return exists ? JSON.parse(this.db.prepare(`SELECT json FROM ${name}`).pluck().get() as string) : null;
  }

  private writeOptional(name: OptionalPart, value: unknown): void {
    this.db.prepare(`UPDATE ${name} SET json = ?`).run(JSON.stringify(value ?? null));
  }

  private writePart(name: JsonPart, value: unknown): void {
    this.db.prepare(`UPDATE ${name} SET json = ?`).run(JSON.stringify(value));
  }
}
