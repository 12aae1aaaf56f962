import { layoutHeader, type HeaderCell } from '../tables/tableModel';
import type { TableTemplate, Template } from './types';

/** A table's title for a year and scope word (`2024 年部门财务收支预算总表`). */
export function tableTitle(spec: TableTemplate, year: number, scope: string): string {
  return spec.title.replaceAll('{year}', String(year)).replaceAll('{scope}', scope);
}

/** A table's header cells with their spans, the year filled in. */
export function tableHeader(spec: TableTemplate, year: number): HeaderCell[] {
  return layoutHeader(spec.header.map((row) => row.map(([text, r, c]): [string, number?, number?] => [text.replaceAll('{year}', String(year)), r, c])));
}

/** The table of a template by its number. */
export function tableSpec(template: Template, number: number): TableTemplate | undefined {
  return template.tables.find((t) => t.number === number);
}

/** A table's name without year and scope (`财务收支预算总表`). */
export function tableName(spec: TableTemplate): string {
  return spec.title.replace(/\{year\}\s*年?/g, '').replace(/\{scope\}/g, '').trim();
}
