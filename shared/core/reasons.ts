import type { FreeTexts, MeasureKey, Reason } from './model';
import { wanHundredths, type Fen } from './money';

/** The two figures a change is between; last year's is null when unknown. */
export interface ChangeFigures {
  current: Fen;
  previous: Fen | null;
}

/** none: nothing written; current: written for this change; stale: written for another change (or for figures not kept). */
export type ReasonState = 'none' | 'current' | 'stale';

/** A free text (a reason, a 用途) as a clause: trimmed, without the full stop a person may have typed. */
export function clauseOf(text: string): string {
  return text.trim().replace(/[。；，,.;]+$/u, '').trim();
}

/**
 * Whether a reason still explains the change. A reason explains a change as printed (to 0.01 万元):
 * when the change moves so that the text states another amount, the reason may no longer hold.
 */
export function reasonState(reason: Reason | undefined, figures: ChangeFigures): ReasonState {
  if (!reason || clauseOf(reason.text) === '') return 'none';
  const w = reason.writtenFor;
  if (!w) return 'stale';
  if (figures.previous === null) return 'current';
  return wanHundredths(w.current - w.previous) === wanHundredths(figures.current - figures.previous) ? 'current' : 'stale';
}

/** The texts with the reason for `key` written (or removed, when empty) for the change as it is now. */
export function writeReason(texts: FreeTexts, key: MeasureKey, text: string, figures: ChangeFigures): FreeTexts {
  const reasons = { ...texts.reasons };
  if (clauseOf(text) === '') delete reasons[key];
  else reasons[key] = figures.previous === null ? { text } : { text, writtenFor: { current: figures.current, previous: figures.previous } };
  return { ...texts, reasons };
}

/** The texts with the reason for `key` confirmed as still holding for the change as it is now. */
export function confirmReason(texts: FreeTexts, key: MeasureKey, figures: ChangeFigures): FreeTexts {
  const reason = texts.reasons[key];
  return reason ? writeReason(texts, key, reason.text, figures) : texts;
}

/** Texts as a file of any version holds them: a reason written before reasons kept their figures is a bare string. */
export type StoredTexts = Omit<FreeTexts, 'reasons'> & { reasons?: Record<MeasureKey, Reason | string> };

/** Texts read from a file, each bare-string reason made a Reason without figures (so it shows as possibly stale until confirmed). */
export function upgradeTexts(texts: StoredTexts): FreeTexts {
  const reasons: Record<MeasureKey, Reason> = {};
  for (const [key, r] of Object.entries(texts.reasons ?? {})) reasons[key] = typeof r === 'string' ? { text: r } : r;
  return { ...texts, reasons };
}
