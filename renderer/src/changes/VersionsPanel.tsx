import { useCallback, useEffect, useState } from 'react';
import type { Version } from '../../../shared/contract/api';
import type { Bridge } from '../../../shared/contract/calls';
import type { Workbook } from '../../../shared/core/model';
import { LINE_COLUMNS } from '../../../shared/core/lineTable';
import { formatYuan } from '../../../shared/core/money';
import { WORKBOOK_PARTS, diffWorkbooks, type WorkbookDiff } from '../../../shared/core/versionDiff';

interface Props {
  bridge: Bridge;
  workbook: Workbook;
}

const CURRENT = 0;

const fieldText = (v: unknown) => (typeof v === 'number' ? formatYuan(v) : v === undefined || v === '' ? '（空）' : String(v));
const SHOWN = 100;

/** Marked versions of the file, and what changed between two of them (or a version and now). */
export function VersionsPanel({ bridge, workbook }: Props) {
  const [versions, setVersions] = useState<Version[]>([]);
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number>(CURRENT);
  const [diff, setDiff] = useState<WorkbookDiff | null>(null);
  const [message, setMessage] = useState('');

  const reload = useCallback(() => {
    bridge
      .call('versions.list')
      .then((v) => {
        setVersions(v);
        setFrom((f) => f ?? v[v.length - 1]?.id ?? null);
      })
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  }, [bridge]);
  useEffect(reload, [reload]);

  const mark = async () => {
    if (label.trim() === '') {
      setMessage('请先填写版本名称，例如“一上”或“报局审核稿”');
      return;
    }
    try {
      const v = await bridge.call('versions.mark', label.trim());
      setLabel('');
      setMessage(`已标记版本“${v.label}”`);
      reload();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const compare = async () => {
    if (from === null) return;
    try {
      const load = (id: number) => (id === CURRENT ? Promise.resolve(workbook) : bridge.call('versions.workbook', id));
      const [a, b] = await Promise.all([load(from), load(to)]);
      setDiff(diffWorkbooks(a, b));
      setMessage('');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const name = (id: number) => (id === CURRENT ? '当前' : (versions.find((v) => v.id === id)?.label ?? String(id)));

  return (
    <section className="versions">
      <h3>版本对比</h3>
      <div className="versions-bar">
        <input value={label} maxLength={100} placeholder="版本名称，如“一上”" aria-label="版本名称" onChange={(e) => setLabel(e.target.value)} />
        <button type="button" onClick={() => void mark()}>
          标记当前为版本
        </button>
        {versions.length > 0 ? (
          <>
            <label>
              从
              <select value={from ?? ''} onChange={(e) => setFrom(Number(e.target.value))}>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}（{v.createdAt.slice(0, 16).replace('T', ' ')}）
                  </option>
                ))}
              </select>
            </label>
            <label>
              到
              <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
                <option value={CURRENT}>当前</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void compare()}>
              比较
            </button>
          </>
        ) : (
          <span className="hint">还没有标记过版本。</span>
        )}
        {message && <span className="hint">{message}</span>}
      </div>
      {diff && from !== null && (
        <div className="diff">
          <p>
            “{name(from)}”→“{name(to)}”：新增明细 {diff.added.length} 行，删除 {diff.removed.length} 行，修改 {diff.changed.length} 行
            {diff.parts.length > 0 && `；另有变动：${diff.parts.map((p) => WORKBOOK_PARTS[p]).join('、')}`}
            {diff.department && `；部门由“${diff.department.old}”改为“${diff.department.new}”`}
            {diff.year && `；年度由 ${diff.year.old} 改为 ${diff.year.new}`}
          </p>
          {diff.figures.length > 0 && (
            <table className="yoy">
              <thead>
                <tr>
                  <th>表</th>
                  <th>行</th>
                  <th>列</th>
                  <th>原数</th>
                  <th>新数</th>
                </tr>
              </thead>
              <tbody>
                {diff.figures.slice(0, SHOWN).map((f, i) => (
                  <tr key={i}>
                    <td>表{f.table}</td>
                    <td>{f.row}</td>
                    <td>{f.column}</td>
                    <td className="type-amount">{f.oldText || '—'}</td>
                    <td className="type-amount">{f.newText || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {diff.changed.slice(0, SHOWN).map((c) => (
            <p key={c.id} className="hint">
              明细 #{c.id}：
              {c.fields.map((f) => `${LINE_COLUMNS[f.field].header} ${fieldText(f.old)} → ${fieldText(f.new)}`).join('；')}
            </p>
          ))}
          {diff.narrative.length > 0 && (
            <ul className="narrative-diff">
              {diff.narrative.slice(0, SHOWN).map((n, i) => (
                <li key={i}>
                  {n.old && <del>{n.old}</del>}
                  {n.new && <ins>{n.new}</ins>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
