import { useEffect, useRef, useState } from 'react';
import type { EditResult } from '../../../shared/contract/api';
import type { Bridge, CallResults, UnitFileUpload } from '../../../shared/contract/calls';
import type { Workbook } from '../../../shared/core/model';
import { formatYuan } from '../../../shared/core/money';
import { annualRequest } from '../../../shared/core/projects';
import type { Conflict, Resolution, UnitMergePreview } from '../../../shared/core/units/merge';
import { DiffView, lineSummary } from '../changes/DiffView';
import { fileToBase64 } from '../fileBytes';

interface Props {
  bridge: Bridge;
  workbook: Workbook;
  /** Runs the merge in turn with the screen's edits and applies its result to the screen's copy. */
  perform(call: () => Promise<EditResult | null>, label?: string): Promise<boolean>;
  /** Set by the 文件 menu: which part to bring forward. */
  focus: { part: 'export' | 'merge'; seq: number } | null;
  /** Set when the open file is a unit's workbook. */
  origin: CallResults['units.origin'];
}

type MergeStage =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; files: UnitFileUpload[]; previews: UnitMergePreview[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function sideText(c: Conflict, which: 'mine' | 'theirs'): string {
  if (c.kind === 'project') {
    const p = c[which];
    return p === null ? '已删除' : `已修改（年度资金申请总额 ${formatYuan(annualRequest(p))} 元）`;
  }
  const l = c[which];
  return l === null ? '已删除' : lineSummary(l);
}

const CHOICES: { value: Resolution; label: string }[] = [
  { value: 'mine', label: '保留部门的' },
  { value: 'theirs', label: '采用单位的' },
  { value: 'both', label: '两者都要' },
];

function downloadFrom(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * 单位工作簿 (多机编制): make a unit's own workbook from the department's, and merge units' workbooks
 * back after a preview of what each would change, deciding every conflict.
 */
export function UnitsPanel({ bridge, workbook, perform, focus, origin }: Props) {
  const [unit, setUnit] = useState(workbook.units[0]?.name ?? '');
  const [exported, setExported] = useState('');
  const [stage, setStage] = useState<MergeStage>({ kind: 'idle' });
  const [choices, setChoices] = useState<Record<string, Resolution>>({});
  const [each, setEach] = useState<{ done: number; total: number; current: string; failed?: string } | null>(null);
  const exportRef = useRef<HTMLElement>(null);
  const mergeRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!focus) return;
    const target = focus.part === 'export' ? exportRef.current : mergeRef.current;
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('select, button, input')?.focus();
  }, [focus]);

  const exportUnit = async () => {
    setExported('正在导出……');
    try {
      const r = await bridge.call('units.exportFile', { unit });
      if (r.downloadUrl) downloadFrom(r.downloadUrl);
      setExported(r.savedTo ? `已导出到 ${r.savedTo}` : r.downloadUrl ? '已导出，浏览器正在下载单位工作簿。' : '已取消。');
    } catch (e) {
      setExported(`导出失败：${message(e)}`);
    }
  };

  /** The department's publication and every unit's, one file each, with progress. */
  const exportEach = async () => {
    const scopes = [undefined, ...workbook.units.map((u) => u.name)];
    for (const [i, scope] of scopes.entries()) {
      setEach({ done: i, total: scopes.length, current: scope ?? workbook.department });
      try {
        const r = await bridge.call('excel.export', scope === undefined ? {} : { unit: scope });
        if (r.downloadUrl) downloadFrom(r.downloadUrl);
      } catch (e) {
        setEach({ done: i, total: scopes.length, current: scope ?? workbook.department, failed: message(e) });
        return;
      }
    }
    setEach({ done: scopes.length, total: scopes.length, current: '' });
  };

  const choose = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setStage({ kind: 'reading' });
    setChoices({});
    try {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, data: await fileToBase64(f) })));
      setStage({ kind: 'preview', files, previews: await bridge.call('units.previewMerge', { files }) });
    } catch (e) {
      setStage({ kind: 'failed', message: message(e) });
    }
  };

  const conflicts = stage.kind === 'preview' ? stage.previews.flatMap((p) => p.conflicts) : [];
  const undecided = conflicts.filter((c) => !choices[c.key]).length;

  const apply = async () => {
    if (stage.kind !== 'preview') return;
    const { files, previews } = stage;
    let failure = '';
    const changed = await perform(async () => {
      try {
        return await bridge.call('units.applyMerge', { files, resolutions: choices });
      } catch (e) {
        failure = message(e);
        throw e;
      }
    }, `合并单位工作簿（${previews.length} 个单位）`);
    const names = previews.map((p) => `“${p.unit}”`).join('、');
    if (failure) setStage({ kind: 'failed', message: failure });
    else setStage({ kind: 'done', message: changed ? `已合并 ${names}，作为一次修改（可撤销）。` : `没有需要合并的变化：部门工作簿已包含 ${names} 的内容。` });
  };

  if (origin) {
    return (
      <div className="units-panel">
        <section aria-label="单位工作簿">
          <h2>单位工作簿</h2>
          <p>
            这是单位“{origin.unit}”的工作簿，由“{origin.department}”的部门工作簿导出。在这里录入本单位的明细和项目；部门、年度、单位、科目表和部门的文字只读。
            编好后把这个文件交回部门，由部门用“合并单位工作簿”收回。
          </p>
        </section>
      </div>
    );
  }

  return (
    <div className="units-panel">
      <section ref={exportRef} aria-label="导出单位工作簿">
        <h2>导出单位工作簿</h2>
        <p>为一个预算单位生成它自己的工作簿，交给该单位的会计在自己的电脑上编制；部门、年度、单位、科目表和部门的文字在其中只读。改好后用下面的“合并单位工作簿”收回。</p>
        <label className="field">
          <span>单位</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            {workbook.units.map((u) => (
              <option key={u.name} value={u.name}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!unit} onClick={() => void exportUnit()}>
          导出单位工作簿
        </button>
        {exported && <span className="hint"> {exported}</span>}
      </section>
      <section aria-label="各单位的公开表">
        <h2>各单位的公开表</h2>
        <p>逐个导出部门的公开表和每个单位的单位预算公开表（每个一个 Excel 文件；单位预算用与上面“导出范围”选单位时相同的单位表）。</p>
        <button type="button" disabled={each !== null && each.done < each.total && !each.failed} onClick={() => void exportEach()}>
          导出部门和各单位的公开表
        </button>
        {each && (
          <div className={each.failed ? 'notice bad' : 'notice'} role={each.failed ? 'alert' : 'status'} aria-label="各单位公开表的进度">
            {each.failed
              ? `导出“${each.current}”失败：${each.failed}（已导出 ${each.done} 个）`
              : each.done < each.total
                ? `正在导出第 ${each.done + 1} / ${each.total} 个：${each.current}`
                : `已导出 ${each.total} 个文件（部门 1 个，单位 ${each.total - 1} 个）。`}
          </div>
        )}
      </section>
      <section ref={mergeRef} aria-label="合并单位工作簿">
        <h2>合并单位工作簿</h2>
        <p>选择一个或多个单位交回的工作簿：先逐个单位列出将要发生的变化，确认后作为一次修改合并（可撤销）。</p>
        <label className="file-pick">
          <span className="button">选择单位工作簿…</span>
          <input
            type="file"
            multiple
            accept=".budget"
            aria-label="选择单位工作簿"
            onChange={(e) => {
              void choose(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        {stage.kind === 'reading' && (
          <div className="progress" role="progressbar" aria-label="正在读取单位工作簿">
            <div className="bar" />
            <span>正在读取单位工作簿……</span>
          </div>
        )}
        {stage.kind === 'failed' && (
          <div className="notice bad" role="alert">
            未合并：{stage.message}
          </div>
        )}
        {stage.kind === 'done' && (
          <div className="notice good" role="status">
            {stage.message}
          </div>
        )}
        {stage.kind === 'preview' && (
          <div className="merge-preview">
            {stage.previews.map((p) => (
              <article key={p.unit} className="merge-unit" aria-label={`单位“${p.unit}”的变化`}>
                <h3>
                  单位“{p.unit}”<span className="hint">（{p.fileName}）</span>
                </h3>
                {p.notes.map((n) => (
                  <p key={n} className="notice">
                    {n}
                  </p>
                ))}
                <DiffView diff={p.diff} title={p.conflicts.length > 0 ? '合并后与现在相比（冲突处暂按部门的内容计）' : '合并后与现在相比'} />
                {p.conflicts.length > 0 && (
                  <div className="conflicts">
                    <h4>冲突 {p.conflicts.length} 处：部门在导出之后也改了这些内容，且与单位改得不同</h4>
                    {p.conflicts.map((c) => (
                      <div key={c.key} className="conflict" role="group" aria-label={c.kind === 'line' ? `冲突：明细 #${c.base.id}` : `冲突：项目“${c.name}”`}>
                        <p>{c.kind === 'line' ? `明细 #${c.base.id}（导出时：${lineSummary(c.base)}）` : `项目“${c.name}”`}</p>
                        <p>
                          部门：<span className="mine">{sideText(c, 'mine')}</span>
                        </p>
                        <p>
                          单位：<span className="theirs">{sideText(c, 'theirs')}</span>
                        </p>
                        <div className="choices">
                          {CHOICES.filter((o) => o.value !== 'both' || c.kind === 'line').map((o) => (
                            <label key={o.value}>
                              <input type="radio" name={c.key} checked={choices[c.key] === o.value} onChange={() => setChoices((all) => ({ ...all, [c.key]: o.value }))} />
                              {o.label}
                            </label>
                          ))}
                        </div>
                      </div>
                    ))}
                  </div>
                )}
              </article>
            ))}
            <div className="modal-actions">
              <button type="button" className="primary" disabled={undecided > 0} onClick={() => void apply()}>
                {undecided > 0 ? `还有 ${undecided} 处冲突未决定` : '合并（可撤销）'}
              </button>
              <button type="button" onClick={() => setStage({ kind: 'idle' })}>
                取消
              </button>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
