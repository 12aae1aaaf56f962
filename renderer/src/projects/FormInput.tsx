import { useEffect, useState } from 'react';

interface Props {
  label: string;
  value: string;
  /**
   * Called with the text when the field is left (or Enter pressed in a one-line field) after a
   * change. Returns false when nothing was saved: the field then shows the stored value again.
   */
  onCommit(text: string): boolean;
  /** Follows every keystroke, for what is shown live beside the field. */
  onDraft?(text: string): void;
  /** A textarea of this many rows; a one-line input when absent. */
  rows?: number;
  /** The label read out, not shown (a cell of a table with its own headings). */
  hiddenLabel?: boolean;
  className?: string;
}

/** A field of the project form: edited freely, saved to the file when left. */
export function FormInput({ label, value, onCommit, onDraft, rows, hiddenLabel, className }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const change = (text: string) => {
    setDraft(text);
    onDraft?.(text);
  };
  const commit = () => {
    if (draft === value || onCommit(draft)) return;
    change(value);
  };
  const common = {
    value: draft,
    'aria-label': label,
    onChange: (e: { target: { value: string } }) => change(e.target.value),
    onBlur: commit,
  };
  const field =
    rows === undefined ? (
      <input {...common} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
    ) : (
      <textarea {...common} rows={rows} />
    );
  if (hiddenLabel) return <span className={className}>{field}</span>;
  return (
    <label className={`form-field ${className ?? ''}`}>
      <span>{label}</span>
      {field}
    </label>
  );
}
