import type { EditRequest } from '../../../shared/contract/api';
import type { FreeTexts, MeasureKey } from '../../../shared/core/model';

function withEntry(record: Record<string, string>, key: string, value: string): Record<string, string> {
  const next = { ...record };
  if (value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** The edit that writes (or, when empty, removes) the reason for a change. */
export function setReason(texts: FreeTexts, key: MeasureKey, value: string): EditRequest {
  return { op: 'setTexts', texts: { ...texts, reasons: withEntry(texts.reasons, key, value) } };
}

/** The edit that writes (or removes) the 用途 of a 功能分类 类. */
export function setPurpose(texts: FreeTexts, code: string, value: string): EditRequest {
  return { op: 'setTexts', texts: { ...texts, purposes: withEntry(texts.purposes, code, value) } };
}
