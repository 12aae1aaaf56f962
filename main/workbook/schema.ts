import type Database from 'better-sqlite3';

/** PRAGMA application_id of every workbook file ('BDGT'): tells a workbook from any other SQLite file. */
export const APPLICATION_ID = 0x42444754;

export const FILE_EXTENSION = '.budget';

/** A step of the file format: brings a file from version i to i + 1 (index i), inside one transaction. */
export type Migration = (db: Database.Database) => void;

/**
 * Every version of the schema, from an empty database on. A new file runs them all; an older file
 * runs those it lacks when opened (after a copy of it is kept beside it). Never edit a published step:
 * append one.
 */
export const MIGRATIONS: readonly Migration[] = [
  (db) =>
    db.exec(`
      CREATE TABLE meta (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        department TEXT NOT NULL,
        year INTEGER NOT NULL,
        -- ids are never reused, so a version diff never takes a new line for an old one
        next_line_id INTEGER NOT NULL,
        -- edit_log.seq of the last edit in effect; entries after it can be redone
        undo_cursor INTEGER NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE units (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, type TEXT NOT NULL) STRICT;
      CREATE TABLE lines (
        id INTEGER PRIMARY KEY,
        -- the order of lines in the workbook: a new line goes last; a line whose deletion is undone
        -- comes back between its old neighbours (a seq halfway between theirs)
        seq REAL NOT NULL UNIQUE,
        unit TEXT NOT NULL,
        function_code TEXT NOT NULL,
        economic_code TEXT NOT NULL,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        project TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        cost_type TEXT,
        basis TEXT,
        note TEXT,
        function_name TEXT,
        economic_name TEXT
      ) STRICT;
      CREATE TABLE baseline (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
      CREATE TABLE texts (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
      CREATE TABLE entered (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
      CREATE TABLE projects (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
      -- the imported catalog editions in use, by kind ({} while the built-in catalogs serve)
      CREATE TABLE catalogs (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
      CREATE TABLE edit_log (seq INTEGER PRIMARY KEY, edit TEXT NOT NULL, inverse TEXT NOT NULL, at TEXT NOT NULL) STRICT;
      CREATE TABLE versions (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, workbook TEXT NOT NULL) STRICT;
    `),
  // Version 2. The checksum of each part of the content (see checksum.ts), filled when a file of
  // version 1 is first opened; and the file's identity: a random tag (hex) drawn anew by every write,
  // with the tags of the writes before it, newest first, against which a -wal found beside the file is
  // checked (see sideFiles.ts).
  (db) =>
    db.exec(`
      CREATE TABLE checksums (part TEXT PRIMARY KEY, sum TEXT NOT NULL) STRICT;
      CREATE TABLE identity (only INTEGER PRIMARY KEY CHECK (only = 1), tag TEXT NOT NULL, previous TEXT NOT NULL) STRICT;
      INSERT INTO identity (only, tag, previous) VALUES (1, hex(randomblob(16)), '');
    `),
  // Version 3. The file's lasting id (a unit's file names the department file it was made from; unlike
  // identity.tag it never changes), and the frame a unit's file records (no row in a department's file).
  (db) =>
    db.exec(`
      CREATE TABLE file_id (only INTEGER PRIMARY KEY CHECK (only = 1), id TEXT NOT NULL) STRICT;
      INSERT INTO file_id (only, id) VALUES (1, lower(hex(randomblob(16))));
      CREATE TABLE unit_frame (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
    `),
  // Version 4. 人员与标准 (compute) and the detail schedules, each one JSON document; 'null' while unused
  (db) =>
    db.exec(`
      CREATE TABLE compute (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
      CREATE TABLE schedules (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL) STRICT;
      INSERT INTO compute (only, json) VALUES (1, 'null');
      INSERT INTO schedules (only, json) VALUES (1, 'null');
    `),
  // Version 5. The publication template (公开模板) chosen for the workbook; NULL: the default (shanghai-district)
  (db) => db.exec(`ALTER TABLE meta ADD COLUMN template TEXT`),
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The first version whose files keep checksums of their content (and an identity). */
export const CHECKSUM_VERSION = 2;
