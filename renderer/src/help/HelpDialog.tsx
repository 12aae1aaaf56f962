import { useEffect, useRef } from 'react';
import { AMOUNT_FORMS, SHORTCUTS } from './shortcuts';

/** 帮助 (F1): every key, and how amounts can be typed. Esc or the button closes it. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === 'F1') {
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal help" role="dialog" aria-modal="true" aria-label="帮助" tabIndex={-1} ref={box}>
        <header className="help-head">
          <h3>帮助：快捷键与金额写法</h3>
          <button type="button" onClick={onClose}>
            关闭（Esc）
          </button>
        </header>
        <div className="help-body">
          {SHORTCUTS.map((g) => (
            <section key={g.group}>
              <h4>{g.group}</h4>
              <table>
                <tbody>
                  {g.keys.map(([key, what]) => (
                    <tr key={key}>
                      <th>{key}</th>
                      <td>{what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <section>
            <h4>金额的写法</h4>
            <table>
              <tbody>
                {AMOUNT_FORMS.map(([form, what]) => (
                  <tr key={form}>
                    <th>{form}</th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </div>
  );
}
