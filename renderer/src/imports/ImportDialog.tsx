import { useEffect, useRef, useState } from 'react';
import type { EditResult } from '../../../shared/contract/api';
import type { Bridge, ImportRequest } from '../../../shared/contract/calls';
import { IMPORT_KINDS, tooLargeToImport, type ImportKind, type ImportOutcome, type ImportProblem } from '../../../shared/contract/imports';
import { CATALOG_LABELS, type CatalogKind } from '../../../shared/core/catalog/catalog';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/core/limits';
import { fileToBase64 } from '../fileBytes';

interface Props {
  bridge: Bridge;
  /** What to import first (the 文件 menu item chosen, or 明细). */
  kind: ImportKind;
  /** The workbook's year: the catalog edition offered first. */
  year: number;
  /** Electron: main asks for the file with its open dialog; the browser page has a file input. */
  nativeDialog: boolean;
  /** Runs the import in turn with the screen's edits and applies its result to the screen's copy. */
  perform(call: () => Promise<EditResult | null>, label?: string | (() => string)): Promise<boolean>;
  notify(message: string): void;
  onClose(): void;
}

const TITLES: Record<ImportKind, string> = { lines: '明细', baseline: '上年公开表', catalog: '科目表' };

const ABOUT: Record<ImportKind, string> = {
  lines:
    'CSV（UTF-8 或 GB18030，即 Excel 中文版的“CSV（逗号分隔）”）或 Excel 工作簿（.xlsx：名为“明细”的工作表，否则第一个工作表），表头与导出的明细相同。' +
    '导入的明细加在原有明细之后，不替换原有明细。',
  baseline: '上年已公开的九张表（本程序导出的 .xlsx，或按标准表样录入的 .xlsx）作为上年基数，取代原有的上年基数；各表的上年数与编制说明中的增减随之更新。',
  catalog: '财政部当年的正式科目表（CSV 或 .xlsx 的第一个工作表，两列：科目编码、科目名称），在本工作簿中取代内置的同类科目表；明细的编码随即按它重新核对。',
};

const ACCEPT: Record<ImportKind, string> = { lines: '.csv,.xlsx', baseline: '.xlsx', catalog: '.csv,.xlsx' };

type Stage =
  | { kind: 'choose' }
  | { kind: 'running'; file: string; sending: boolean; rows: number }
  | { kind: 'refused'; source: string; problems: ImportProblem[] }
  | { kind: 'done'; summary: string; warnings: ImportProblem[] };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What one import undoes as, named after what it brought in. */
function undoLabel(request: ImportRequest, outcome: ImportOutcome | undefined): string {
  if (request.kind === 'lines') return `导入 ${outcome?.status === 'imported' ? outcome.count : ''} 条明细`;
  if (request.kind === 'baseline') return '导入上年公开表';
  return `导入 ${request.edition} 年${CATALOG_LABELS[request.catalog]}科目表`;
}

/**
 * 导入: a file of 明细, last year's 上年公开表 or an official 科目表, read and checked by main with the
 * command line's readers. It shows progress while main reads, then what was imported (one undo step)
 * or every bad row — row, column, what is wrong, how to fix it — with nothing applied.
 */
export function ImportDialog({ bridge, kind: firstKind, year, nativeDialog, perform, notify, onClose }: Props) {
  const [kind, setKind] = useState<ImportKind>(firstKind);
  const [catalog, setCatalog] = useState<CatalogKind>('function');
  const [edition, setEdition] = useState(String(year));
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const box = useRef<HTMLDivElement>(null);
  const running = stage.kind === 'running';

  useEffect(() => setKind(firstKind), [firstKind]);
  useEffect(() => {
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      if (!running) onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose, running]);

  // While main reads the file, ask it how far it has come.
  useEffect(() => {
    if (!running || stage.sending) return;
    let stopped = false;
    const timer = setInterval(() => {
      bridge.call('imports.progress').then(
        (p) => !stopped && p && setStage((s) => (s.kind === 'running' ? { ...s, rows: p.rows } : s)),
        () => {},
      );
    }, 250);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [bridge, running, stage.kind === 'running' && stage.sending]);

  const editionYear = Number(edition);
  const editionOk = /^\d{4}$/.test(edition.trim()) && editionYear >= 2007;

  const start = async (chosen: File | null) => {
    if (chosen && chosen.size > MAX_IMPORT_FILE_BYTES) {
      setStage({ kind: 'refused', source: chosen.name, problems: [{ message: tooLargeToImport(chosen.name) }] });
      return;
    }
    setStage({ kind: 'running', file: chosen ? `${chosen.name}（${megabytes(chosen.size)}）` : '', sending: chosen !== null, rows: 0 });
    let outcome: ImportOutcome | undefined;
    try {
      const file = chosen && { name: chosen.name, data: await fileToBase64(chosen) };
      const sent: ImportRequest = kind === 'catalog' ? { kind, file, catalog, edition: editionYear } : { kind, file };
      setStage((s) => (s.kind === 'running' ? { ...s, sending: false } : s));
      await perform(
        async () => {
          outcome = await bridge.call('imports.run', sent);
          return outcome.status === 'imported' ? outcome.result : null;
        },
        () => undoLabel(sent, outcome),
      );
    } catch (e) {
      outcome = { status: 'refused', source: chosen?.name ?? '', problems: [{ message: message(e) }] };
    }
    if (!outcome) {
      // perform has shown why the file did not answer (the message area)
      setStage({ kind: 'choose' });
    } else if (outcome.status === 'cancelled') setStage({ kind: 'choose' });
    else if (outcome.status === 'refused') setStage({ kind: 'refused', source: outcome.source, problems: outcome.problems });
    else {
      setStage({ kind: 'done', summary: outcome.summary, warnings: outcome.warnings });
      notify(`${outcome.summary}（可撤销）`);
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="modal import-dialog" role="dialog" aria-modal="true" aria-label="导入" tabIndex={-1} ref={box}>
        <header className="import-head">
          <h3>导入{TITLES[kind]}</h3>
          <button type="button" onClick={onClose} disabled={running}>
            关闭（Esc）
          </button>
        </header>
        <div className="import-kinds" role="radiogroup" aria-label="导入什么">
          {IMPORT_KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="import-kind"
                checked={k === kind}
                disabled={running}
                onChange={() => {
                  setKind(k);
                  setStage({ kind: 'choose' });
                }}
              />
              {TITLES[k]}
            </label>
          ))}
        </div>
        <p className="import-about">{ABOUT[kind]}有任何一行有误则什么也不导入，并列出每一处；导入是一步操作，可整体撤销。</p>
        {kind === 'catalog' && (
          <div className="import-catalog">
            <label className="field">
              <span>科目分类</span>
              <select value={catalog} disabled={running} onChange={(e) => setCatalog(e.target.value as CatalogKind)}>
                <option value="function">{CATALOG_LABELS.function}</option>
                <option value="economic">{CATALOG_LABELS.economic}</option>
              </select>
            </label>
            <label className="field">
              <span>版本年度</span>
              <input value={edition} inputMode="numeric" maxLength={4} disabled={running} onChange={(e) => setEdition(e.target.value)} />
            </label>
            {!editionOk && <span className="bad">请填写 2007 年以后的四位年份，如 {year}</span>}
          </div>
        )}
        <div className="import-choose">
          {nativeDialog ? (
            <button type="button" className="primary" disabled={running || (kind === 'catalog' && !editionOk)} onClick={() => void start(null)}>
              选择文件…
            </button>
          ) : (
            <label className="file-pick">
              <span className="button">选择文件…</span>
              <input
                type="file"
                aria-label="选择要导入的文件"
                accept={ACCEPT[kind]}
                disabled={running || (kind === 'catalog' && !editionOk)}
                onChange={(e) => {
                  const file = e.target.files?.[0] ?? null;
                  e.target.value = '';
                  if (file) void start(file);
                }}
              />
            </label>
          )}
        </div>
        {stage.kind === 'running' && (
          <div className="progress" role="progressbar" aria-label="正在导入">
            <div className="bar" />
            <span>
              {stage.sending
                ? `正在读取 ${stage.file}……`
                : stage.rows > 0
                  ? `已读取 ${stage.rows.toLocaleString('zh-CN')} 行，正在核对……`
                  : `正在读取并核对${stage.file ? ` ${stage.file}` : ''}……`}
            </span>
          </div>
        )}
        {stage.kind === 'done' && (
          <div className="import-result" role="status">
            <p className="good">{stage.summary}。可用“撤销”（Ctrl+Z）整体撤回。</p>
            {stage.warnings.length > 0 && (
              <>
                <p>请留意以下 {stage.warnings.length} 处：</p>
                <ProblemTable problems={stage.warnings} label="导入时的提示" />
              </>
            )}
          </div>
        )}
        {stage.kind === 'refused' && (
          <div className="import-result" role="alert">
            <p className="bad">
              没有导入任何内容：{stage.source ? `${stage.source} ` : ''}有 {stage.problems.length} 处问题。改正后请重新导入。
            </p>
            <ProblemTable problems={stage.problems} label="有问题的行" />
          </div>
        )}
      </div>
    </div>
  );
}

/** Rows of the problem list drawn at first, and added by each “再显示”: a file with a whole column wrong has one per line. */
const PROBLEMS_SHOWN = 500;

/** Every problem of a file, one a row: where, what is wrong, how to fix it. */
function ProblemTable({ problems, label }: { problems: readonly ImportProblem[]; label: string }) {
  const withSheet = problems.some((p) => p.sheet);
  const [shown, setShown] = useState(PROBLEMS_SHOWN);
  return (
    <div className="problem-list">
      <table aria-label={label}>
        <thead>
          <tr>
            {withSheet && <th>工作表</th>}
            <th>行</th>
            <th>列</th>
            <th>问题</th>
            <th>怎样改</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, shown).map((p, i) => (
            <tr key={i}>
              {withSheet && <td>{p.sheet ?? ''}</td>}
              <td className="num">{p.row ?? ''}</td>
              <td>{p.column ?? ''}</td>
              <td>{p.message}</td>
              <td>{p.fix ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown && (
        <button type="button" className="link" onClick={() => setShown((n) => n + PROBLEMS_SHOWN * 2)}>
          已列出 {shown.toLocaleString('zh-CN')} 处，共 {problems.length.toLocaleString('zh-CN')} 处：再显示 {Math.min(PROBLEMS_SHOWN * 2, problems.length - shown).toLocaleString('zh-CN')} 处
        </button>
      )}
    </div>
  );
}
