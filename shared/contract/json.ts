/**
 * Calls and results as JSON for the browser host. JSON drops a property whose value is undefined,
 * but an edit clears an optional field of a line exactly that way (`set: { basis: undefined }`, and
 * the inverse of filling one in); Electron's structured clone keeps it. So an undefined property
 * travels as a marker object and is put back on arrival.
 */
const MARKER = '__undefined__';

/** The header that carries the browser host's per-run token on every call. */
export const TOKEN_HEADER = 'X-Budget-Token';

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    return v === undefined && key !== '' && !Array.isArray(this) ? { [MARKER]: true } : v;
  });
}

function isMarker(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === MARKER && (v as Record<string, unknown>)[MARKER] === true;
}

/** Puts undefined back where a marker stands; without recursion, so no nesting exhausts the stack. */
function restore(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
      continue;
    }
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (isMarker(record[key])) record[key] = undefined;
      else stack.push(record[key]);
    }
  }
}

export function decodeJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  restore(value);
  return value;
}
