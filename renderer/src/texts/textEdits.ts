import type { EditRequest } from '../../../shared/contract/api';
import type { FreeTexts, MeasureKey } from '../../../shared/core/model';
import { confirmReason, writeReason, type ChangeFigures } from '../../../shared/core/reasons';

/** The edit that writes (or, when empty, removes) the reason for a change, for the change as it is now. */
export function setReason(texts: FreeTexts, change: ChangeFigures & { key: MeasureKey }, value: string): EditRequest {
  return { op: 'setTexts', texts: writeReason(texts, change.key, value, change) };
}

/** The edit that confirms a reason written for other figures still holds for the change as it is now. */
export function confirmReasonEdit(texts: FreeTexts, change: ChangeFigures & { key: MeasureKey }): EditRequest {
  return { op: 'setTexts', texts: confirmReason(texts, change.key, change) };
}

/** The edit that writes (or removes) the 用途 of a 功能分类 类. */
export function setPurpose(texts: FreeTexts, code: string, value: string): EditRequest {
  const purposes = { ...texts.purposes };
  if (value === '') delete purposes[code];
  else purposes[code] = value;
  return { op: 'setTexts', texts: { ...texts, purposes } };
}
