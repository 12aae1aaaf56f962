import type { EditRequest } from '../../../shared/contract/api';
import type { FreeTexts } from '../../../shared/core/model';
import type { YoyRow } from '../../../shared/core/yoy';
import { TextField } from '../texts/TextField';
import { confirmReasonEdit, setReason } from '../texts/textEdits';

const SIGNIFICANCE: Record<NonNullable<YoyRow['significance']>, string> = {
  large: '变动 10% 及以上',
  fromZero: '上年为零',
  toZero: '本年为零',
};

interface Props {
  change: YoyRow;
  texts: FreeTexts;
  /** The field's label before what it says of the change; none in a table row. */
  label?: string;
  rows?: number;
  send(edit: EditRequest): Promise<boolean>;
}

/**
 * The one field of a change's reason, wherever the change is shown (变动分析, 编制说明): it says
 * whether the reason is still to be written or was written for other figures, and offers to
 * confirm a reason that still holds.
 */
export function ReasonField({ change, texts, label, rows = 1, send }: Props) {
  const why = change.significance ? SIGNIFICANCE[change.significance] : '';
  const state = change.reasonState === 'stale' ? '原因可能已过时（为此前的数字写的）' : change.flagged ? `需说明原因（${why}）` : why || '变动原因';
  return (
    <div className={change.reasonState === 'stale' ? 'reason stale' : 'reason'}>
      <TextField
        label={label ? `${label}：${state}` : state}
        value={texts.reasons[change.key]?.text ?? ''}
        rows={rows}
        placeholder="填写增减的主要原因"
        onCommit={(v) => void send(setReason(texts, change, v))}
      />
      {change.reasonState === 'stale' && (
        <button type="button" className="link" onClick={() => void send(confirmReasonEdit(texts, change))}>
          核对无误，确认仍适用
        </button>
      )}
    </div>
  );
}
