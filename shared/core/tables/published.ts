import { cellText, type TableId, type TableModel } from './tableModel';

/** A table as printed: column names and cell texts. The shape of `seed-2024-tables.json`. */
export interface PublishedTable {
  id: TableId;
  title: string;
  unit: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

export interface Publication {
  department: string;
  year: number;
  /** The template the tables are laid out by (absent: shanghai-district). */
  template?: string;
  tables: PublishedTable[];
}

export function toPublishedTable(table: TableModel): PublishedTable {
  return {
    id: table.id,
    title: table.title,
    unit: table.unit,
    columns: table.columns.map((c) => c.key),
    rows: table.rows.map((r) => r.cells.map((c) => cellText(table, c))),
    ...(table.note ? { note: table.note } : {}),
  };
}

export function toPublication(department: string, year: number, tables: readonly TableModel[], template?: string): Publication {
  return { department, year, ...(template && template !== 'shanghai-district' ? { template } : {}), tables: tables.map(toPublishedTable) };
}
