import type { ImportProblem } from '../../shared/contract/imports';

/**
 * Where a message says how to put it right: our messages say what is wrong, then (after a comma,
 * a semicolon, a full stop or in brackets) “请……” or “应为……”.
 */
const FIX = /[，；。（]\s*((?:请|应为|应每|应有|第一行应为)[^]*)$/;

/** A message split into what is wrong and how to fix it (when it says), for the screen's list of bad rows. */
export function splitFix(text: string): Pick<ImportProblem, 'message' | 'fix'> {
  const m = FIX.exec(text);
  if (!m || m.index === 0) return { message: text };
  const bracketed = text[m.index] === '（';
  const fix = bracketed ? m[1].replace(/）$/, '') : m[1];
  return { message: text.slice(0, m.index), fix: fix.replace(/[。.]$/, '') };
}
