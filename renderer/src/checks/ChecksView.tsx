import { useState } from 'react';
import { CHECK_RULES, type CheckFinding } from '../../../shared/core/checks/index';
import { UNIT_TYPES, type UnitType } from '../../../shared/core/model';

interface Props {
  findings: readonly CheckFinding[];
  onGo(finding: CheckFinding): void;
  /** Registers the unit an unregistered-unit finding names (by the line it points at). */
  onRegisterUnit(finding: CheckFinding, type: UnitType): void;
}

const SHOWN = 500;

function placeText(f: CheckFinding): string {
  const p = f.place;
  if (p.project !== undefined) return `项目“${p.project}”`;
  if (p.lineId !== undefined) return `明细 #${p.lineId}${p.column ? ` · ${p.column}` : ''}`;
  if (p.table !== undefined) return `表${p.table}${p.row !== undefined ? ` 第 ${p.row + 1} 行` : ''}${p.column ? ` · ${p.column}` : ''}`;
  return '';
}

/** 审核: every finding, each a link to the line, table cell or project it concerns. */
export function ChecksView({ findings, onGo, onRegisterUnit }: Props) {
  const [only, setOnly] = useState<'全部' | '错误' | '警告'>('全部');
  const errors = findings.filter((f) => f.severity === '错误').length;
  const warnings = findings.length - errors;
  const shown = findings.filter((f) => only === '全部' || f.severity === only);
  return (
    <div className="checks">
      <header className="checks-summary">
        <strong className={errors > 0 ? 'bad' : 'good'}>{findings.length === 0 ? '审核通过：没有发现问题' : `共 ${errors} 个错误、${warnings} 个警告`}</strong>
        <div className="segmented" role="group" aria-label="按严重程度显示">
          {(['全部', '错误', '警告'] as const).map((s) => (
            <button key={s} type="button" className={only === s ? 'active' : undefined} onClick={() => setOnly(s)}>
              {s}
            </button>
          ))}
        </div>
      </header>
      <ol className="findings">
        {shown.slice(0, SHOWN).map((f, i) => (
          <li key={i} className={f.severity === '错误' ? 'finding error' : 'finding warning'}>
            <span className="severity">{f.severity}</span>
            <span className="message">{f.message}</span>
            {(f.place.lineId !== undefined || f.place.table !== undefined || f.place.project !== undefined) && (
              <button type="button" className="link" onClick={() => onGo(f)}>
                定位：{placeText(f)}
              </button>
            )}
            {f.rule === 'L-UNIT' && (
              <span className="register-unit">
                {UNIT_TYPES.map((t) => (
                  <button key={t} type="button" onClick={() => onRegisterUnit(f, t)}>
                    登记为{t}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ol>
      {shown.length > SHOWN && <p className="hint">只列出前 {SHOWN} 条；改正后其余的会依次显示。</p>}
      <details className="rules">
        <summary>审核规则（{CHECK_RULES.length} 条）</summary>
        <ul>
          {CHECK_RULES.map((r) => (
            <li key={r.id}>
              <span className="severity">{r.severity}</span> {r.description}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
