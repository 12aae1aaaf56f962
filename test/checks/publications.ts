import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckFinding, PublishedTableInput } from '../../shared/core/checks/index';
import { FIXTURES, REFERENCE } from '../helpers/cli';

export const SEED_PUBLISHED = join(REFERENCE, 'seed-2024-published-tables.json');
export const SEED_DERIVED = join(REFERENCE, 'seed-2024-tables.json');
export const VARIANTS = join(FIXTURES, 'variants');

/** The tables of a publication JSON file, a fresh copy each time so that a test may plant errors. */
export function readTables(path: string): PublishedTableInput[] {
  return JSON.parse(readFileSync(path, 'utf8')).tables;
}

export function variant(name: string): PublishedTableInput[] {
  return readTables(join(VARIANTS, `${name}.json`));
}

export function table(tables: PublishedTableInput[], id: number): PublishedTableInput {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

/** The leading code cells of a row joined: `['208', '05', '05', …]` → `2080505`. */
function codeOf(row: readonly string[]): string {
  const end = row.findIndex((c) => !/^\d+$/.test(c));
  return row.slice(0, end < 0 ? row.length : end).join('');
}

/** The 0-based body row whose cells include `label` (a name or an item label) or whose code is `label`. */
export function rowWith(tables: PublishedTableInput[], id: number, label: string): number {
  const row = table(tables, id).rows.findIndex((r) => r.includes(label) || codeOf(r) === label);
  if (row < 0) throw new Error(`no row “${label}” in table ${id}`);
  return row;
}

export function setCell(tables: PublishedTableInput[], id: number, row: number, column: string, text: string): void {
  const t = table(tables, id);
  const c = t.columns.indexOf(column);
  if (c < 0) throw new Error(`no column ${column} in table ${id}`);
  t.rows[row][c] = text;
}

export function getCell(tables: PublishedTableInput[], id: number, row: number, column: string): string {
  const t = table(tables, id);
  return t.rows[row][t.columns.indexOf(column)];
}

/** Findings reduced to what the tests compare: rule and place. */
export function places(findings: readonly CheckFinding[]) {
  return findings.map((f) => ({ rule: f.rule, ...f.place }));
}

/** Findings as roots, each with the places of the consequences folded into it. */
export function roots(findings: readonly CheckFinding[]) {
  return findings.map((f) => ({ rule: f.rule, ...f.place, consequences: (f.consequences ?? []).map((c) => ({ rule: c.rule, ...c.place })) }));
}
