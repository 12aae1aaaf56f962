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
  let fix = m[1];
  const close = text.indexOf('）', m.index);
  if (text[m.index] === '（' && close > 0) {
    // “不是金额（应为数字，如 …）。请改为……”: the bracket's advice, then what follows it
    const rest = text.slice(close + 1).replace(/^[。，；]\s*/, '');
    fix = text.slice(m.index + 1, close) + (rest ? `；${rest}` : '');
  }
  return { message: text.slice(0, m.index), fix: fix.replace(/[。.]$/, '') };
}
