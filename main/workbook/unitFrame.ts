import type Database from 'better-sqlite3';
import type { UnitFrame } from '../../shared/core/units/frame';

/** The file's lasting id, drawn at random when the file (or its upgrade to version 3) was made. */
export function readFileId(db: Database.Database): string {
  return db.prepare('SELECT id FROM file_id').pluck().get() as string;
}

/** The frame a unit's file records; null in a department's file. */
export function readUnitFrame(db: Database.Database): UnitFrame | null {
  const json = db.prepare('SELECT json FROM unit_frame').pluck().get() as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as UnitFrame);
}

export function writeUnitFrame(db: Database.Database, frame: UnitFrame): void {
  db.prepare('INSERT INTO unit_frame (only, json) VALUES (1, ?)').run(JSON.stringify(frame));
}
