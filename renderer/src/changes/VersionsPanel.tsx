import { useCallback, useEffect, useState } from 'react';
import type { Version } from '../../../shared/contract/api';
import type { Bridge } from '../../../shared/contract/calls';
import type { Workbook } from '../../../shared/core/model';
import { diffWorkbooks, type WorkbookDiff } from '../../../shared/core/versionDiff';
import { DiffView } from './DiffView';

interface Props {
  bridge: Bridge;
  workbook: Workbook;
}

const CURRENT = 0;


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
      {diff && from !== null && <DiffView diff={diff} title={`“${name(from)}”→“${name(to)}”`} />}
    </section>
  );
}
