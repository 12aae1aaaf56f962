import type { LineFields } from '../edits';
import type { LineItem, Project, Workbook } from '../model';

/** What a unit owns in its department's workbook: its lines, and the projects of those lines. */
export interface UnitPart {
  lines: LineItem[];
  projects: Project[];
}

/**
 * A unit's part: its lines, and the projects its 项目支出 lines name, or that no line names and
 * the unit carries out (a project drafted before its lines).
 */
export function unitPart(wb: Workbook, unit: string): UnitPart {
  const lines = wb.lines.filter((l) => l.unit === unit);
  const named = new Set(lines.filter((l) => l.kind === '项目支出').map((l) => l.project));
  const namedAnywhere = new Set(wb.lines.filter((l) => l.kind === '项目支出').map((l) => l.project));
  const projects = wb.projects.filter((p) => named.has(p.name) || (!namedAnywhere.has(p.name) && p.implementer === unit));
  return { lines, projects };
}

const FIELDS: readonly (keyof LineFields)[] = ['unit', 'functionCode', 'economicCode', 'kind', 'source', 'project', 'amount', 'costType', 'basis', 'note', 'functionName', 'economicName'];

/** A line's fields without its id, in a fixed order: two lines with the same key are the same line's content. */
export function lineKey(line: LineFields): string {
  return JSON.stringify(FIELDS.map((f) => line[f] ?? null));
}

export function sameLine(a: LineFields, b: LineFields): boolean {
  return lineKey(a) === lineKey(b);
}

/** A project's content with its keys in a fixed order. */
export function projectKey(p: Project): string {
  return JSON.stringify(p, Object.keys(p).sort().concat(Object.keys(p.funds).sort(), Object.keys(p.goals).sort(), ['level1', 'level2', 'level3', 'value']));
}

/** The fields of a line, without its id. */
export function lineFields(line: LineItem): LineFields {
  const { id: _id, ...fields } = line;
  return fields;
}

/**
 * Whether two parts hold the same content: the same lines (whatever their ids and order) and the
 * same projects. A unit file made again from the merged department equals the unit's file in this sense.
 */
export function sameParts(a: UnitPart, b: UnitPart): boolean {
  const lines = (p: UnitPart) => p.lines.map(lineKey).sort();
  const projects = (p: UnitPart) => p.projects.map(projectKey).sort();
  return JSON.stringify([lines(a), projects(a)]) === JSON.stringify([lines(b), projects(b)]);
}
