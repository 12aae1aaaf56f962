import { createHash } from 'node:crypto';
import type { Workbook } from '../../shared/core/model';

/** JSON with keys sorted and undefined fields left out, so equal workbooks give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A fingerprint of everything in a workbook, line order included. */
export function digest(wb: Workbook): string {
  return createHash('sha1').update(canonical(wb)).digest('hex');
}
