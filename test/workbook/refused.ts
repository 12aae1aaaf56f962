import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { UserError } from '../../main/io/userError';
import { WorkbookFile } from '../../main/workbook/file';

/** Every file of the folder with a hash of its bytes and its modification time. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = `${createHash('sha1').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`;
  }
  return out;
}

/** Opening `path` is refused with `message` (a user's message, not an internal error), and the folder is byte for byte as it was. */
export function expectRefused(path: string, message: string | RegExp): void {
  const dir = join(path, '..');
  const before = fingerprint(dir);
  let error: unknown;
  try {
    WorkbookFile.open(path).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  expect(() => {
    throw error;
  }).toThrow(message);
  expect(fingerprint(dir)).toEqual(before);
}
