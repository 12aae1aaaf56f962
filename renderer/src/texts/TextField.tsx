import { useEffect, useState } from 'react';

interface Props {
  label: string;
  value: string;
  placeholder?: string;
  /** Called with the new text when the field loses focus after a change. */
  onCommit(value: string): void;
  rows?: number;
}

/** A free text the person writes (a 用途, a reason): saved to the file when the field is left. */
export function TextField({ label, value, placeholder, onCommit, rows = 2 }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <label className="text-field">
      <span>{label}</span>
      <textarea
        rows={rows}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft.trim() !== value.trim()) onCommit(draft.trim());
        }}
      />
    </label>
  );
}
