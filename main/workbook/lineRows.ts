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
/** The fields after `amount` are optional. */
const FIRST_OPTIONAL = FIELDS.indexOf('amount') + 1;
const OPTIONAL = FIELDS.slice(FIRST_OPTIONAL);

/** `id, unit, function_code, …` in the order `lineValues` and `lineFromRow` use. */
export const LINE_SELECT = ['id', ...FIELDS.map((f) => LINE_COLUMNS[f])].join(', ');

export function lineValues(line: LineItem): unknown[] {
  return [line.id, ...FIELDS.map((f) => line[f] ?? null)];
}

/**
 * A line from a row in LINE_SELECT order; NULL optional fields are left out, as in the model.
 * The required fields are written out as one literal: reading 100,000 lines, that is several times
 * faster than setting them one by one.
 */
export function lineFromRow(row: unknown[]): LineItem {
  const line = { id: row[0], unit: row[1], functionCode: row[2], economicCode: row[3], kind: row[4], source: row[5], project: row[6], amount: row[7] } as LineItem;
  for (let i = 0; i < OPTIONAL.length; i++) {
    const value = row[FIRST_OPTIONAL + 1 + i];
    if (value !== null) (line as unknown as Record<string, unknown>)[OPTIONAL[i]] = value;
  }
  return line;
}
