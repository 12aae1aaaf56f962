import type { LineFields } from '../../shared/core/edits';
import type { LineItem } from '../../shared/core/model';

/** The column of each line field in the `lines` table; optional fields are NULL when absent. */
export const LINE_COLUMNS: Record<keyof LineFields, string> = {
  unit: 'unit',
  functionCode: 'function_code',
  economicCode: 'economic_code',
  kind: 'kind',
  source: 'source',
  project: 'project',
  amount: 'amount_fen',
  costType: 'cost_type',
  basis: 'basis',
  note: 'note',
  functionName: 'function_name',
  economicName: 'economic_name',
};

const FIELDS = Object.keys(LINE_COLUMNS) as (keyof LineFields)[];
const OPTIONAL: ReadonlySet<string> = new Set(['costType', 'basis', 'note', 'functionName', 'economicName']);

/** `id, unit, function_code, …` in the order `lineValues` and `lineFromRow` use. */
export const LINE_SELECT = ['id', ...FIELDS.map((f) => LINE_COLUMNS[f])].join(', ');

export function lineValues(line: LineItem): unknown[] {
  return [line.id, ...FIELDS.map((f) => line[f] ?? null)];
}

/** A line from a raw row in LINE_SELECT order; NULL optional fields are left out, as in the model. */
export function lineFromRow(row: unknown[]): LineItem {
  const line: Record<string, unknown> = { id: row[0] };
  for (let i = 0; i < FIELDS.length; i++) {
    const value = row[i + 1];
    if (value === null && OPTIONAL.has(FIELDS[i])) continue;
    line[FIELDS[i]] = value;
  }
  return line as unknown as LineItem;
}
