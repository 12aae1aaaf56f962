/**
 * What a cell holds, as exceljs gives it (number, string, rich text, formula with its cached
 * result, hyperlink, error, date, boolean), reduced to a number, a string or nothing. A formula
 * counts by its result: what the person saw in the cell.
 */
export function plainValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if ('error' in o) return String(o.error);
    if ('text' in o) return plainValue(o.text);
  }
  return String(v);
}
