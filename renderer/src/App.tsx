import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { SCREEN_TABS, type Bridge, type CallResults, type ScreenTab } from '../../shared/contract/calls';
import type { ImportKind } from '../../shared/contract/imports';
import type { CheckFinding } from '../../shared/core/checks/index';
import { buildNarrative } from '../../shared/core/narrative/index';
import { formatYuan, type Fen } from '../../shared/core/money';
import type { UnitType } from '../../shared/core/model';
import { yearOnYear } from '../../shared/core/yoy';
import { BasicsView } from './basics/BasicsView';
import { ChangesView } from './changes/ChangesView';
import { ChecksView } from './checks/ChecksView';
import { ExportView } from './export/ExportView';
import { HelpDialog } from './help/HelpDialog';
import { ImportDialog } from './imports/ImportDialog';
import { LinesGrid, type LineTarget } from './lines/LinesGrid';
import { linesTotal } from './lines/gridRows';
import { NarrativeView } from './narrative/NarrativeView';
import { SchedulesView, type ScheduleScreen } from './schedules/SchedulesView';
import { StaffView } from './staff/StaffView';
import { ProjectForm } from './projects/ProjectForm';
import { TablesView, type TableTarget } from './tables/TablesView';
import { UnitsPanel } from './units/UnitsPanel';
import { isTextEntry } from './textEntry';
import { useLiveWorkbook } from './useLiveWorkbook';
import { useWorkbook } from './useWorkbook';

declare global {
  interface Window {
    /** See main/electron/window.ts `holdCloseUntilCommitted`. */
    budgetCommitBeforeClose?: () => Promise<void>;
  }
}

interface Notice {
  id: number;
  message: string;
  kind: 'info' | 'error';
}

export function App({ bridge }: { bridge: Bridge }) {
  // One message at a time, in its own strip above the status bar (never over the 合计 row): a later
  // message replaces an earlier one; a success fades, an error stays until replaced or closed.
  const [notice, setNotice] = useState<Notice | null>(null);
  const nextNotice = useRef(1);
  const notify = useCallback((message: string, kind: 'info' | 'error' = 'info') => {
    const id = nextNotice.current++;
    setNotice({ id, message, kind });
    if (kind === 'info') setTimeout(() => setNotice((n) => (n?.id === id ? null : n)), 6000);
  }, []);
  const session = useWorkbook(bridge, (m) => notify(m, 'error'));
  const { open, send } = session;
  /** Bumped when the keys should go back to the 明细 grid (after undo, a form or a dialog closing). */
  const [gridFocus, setGridFocus] = useState(0);
  const undo = useCallback(async () => {
    const what = await session.undo();
    notify(what ? `已撤销：${what}` : '没有可撤销的操作');
    setGridFocus((n) => n + 1);
  }, [session.undo, notify]);
  const redo = useCallback(async () => {
    const what = await session.redo();
    notify(what ? `已重做：${what}` : '没有可重做的操作');
    setGridFocus((n) => n + 1);
  }, [session.redo, notify]);
  const [helpShown, setHelpShown] = useState(false);
  const showHelp = useCallback(() => setHelpShown(true), []);
  const closeHelp = useCallback(() => {
    setHelpShown(false);
    setGridFocus((n) => n + 1);
  }, []);
  /** The 导入 dialog, open on what to import. */
  const [importShown, setImportShown] = useState<ImportKind | null>(null);
  const closeImport = useCallback(() => {
    setImportShown(null);
    setGridFocus((n) => n + 1);
  }, []);
  const [filtered, setFiltered] = useState<{ total: Fen; count: number } | null>(null);
  const onFilteredTotal = useCallback((total: Fen | null, count: number) => setFiltered(total === null ? null : { total, count }), []);
  /** Commits the open cell editor; set by the grid. */
  const flushGrid = useRef<() => void>(() => {});
  const onFlush = useCallback((flush: () => void) => {
    flushGrid.current = flush;
  }, []);
  const [tab, setTab] = useState<ScreenTab>('明细');
  const [lineTarget, setLineTarget] = useState<LineTarget | null>(null);
  const [tableTarget, setTableTarget] = useState<TableTarget | null>(null);
  const [scheduleScreen, setScheduleScreen] = useState<ScheduleScreen>('procurement');
  /** The project whose form is open, and the unit of the line it was opened from. */
  const [projectShown, setProjectShown] = useState<{ name: string; unit?: string } | null>(null);
  const seq = useRef(0);
  const [unitsFocus, setUnitsFocus] = useState<{ part: 'export' | 'merge'; seq: number } | null>(null);
  const [origin, setOrigin] = useState<CallResults['units.origin']>(null);
  useEffect(() => {
    bridge.call('units.origin').then(setOrigin, (e: unknown) => notify(e instanceof Error ? e.message : String(e), 'error'));
  }, [bridge, notify]);

  // The tables and the checks follow each edit incrementally (a LiveWorkbook); what is still derived
  // whole (changes, narrative) follows a deferred copy, so typing stays responsive.
  const workbook = useDeferredValue(open?.workbook);
  const derived = useLiveWorkbook(session.subscribe);
  const findings = useMemo(() => derived?.live.findings() ?? [], [derived]);
  const report = useMemo(() => (workbook && (tab === '变动分析' || tab === '编制说明') ? yearOnYear(workbook) : null), [workbook, tab]);
  /** Whose text 编制说明 shows: the department's (undefined) or one unit's. */
  const [narrativeUnit, setNarrativeUnit] = useState<string | undefined>(undefined);
  const narrative = useMemo(
    () => (workbook && tab === '编制说明' ? buildNarrative(workbook, undefined, { unit: narrativeUnit && workbook.lines.some((l) => l.unit === narrativeUnit) ? narrativeUnit : undefined }) : null),
    [workbook, tab, narrativeUnit],
  );
  const labels = useMemo(() => {
    const map = new Map<string, string>();
    if (report) for (const r of [...report.summary, ...report.bySource, ...report.byFunction, ...report.byEconomic, ...report.sanGong]) map.set(r.key, r.label);
    return map;
  }, [report]);
  const changes = useMemo(() => new Map(report?.explained.map((r) => [r.key, r]) ?? []), [report]);
  const total = useMemo(() => (open ? linesTotal(open.workbook.lines) : 0), [open]);
  const errors = findings.filter((f) => f.severity === '错误').length;
  const warnings = findings.length - errors;

  const goToLine = useCallback((lineId: number, column?: string) => {
    setTab('明细');
    setLineTarget({ lineId, column, seq: ++seq.current });
  }, []);
  const openProject = useCallback((name: string, unit?: string) => setProjectShown({ name, unit }), []);
  const closeProject = useCallback(() => {
    setProjectShown(null);
    setGridFocus((n) => n + 1);
  }, []);
  const registerUnit = useCallback(
    (f: CheckFinding, type: UnitType) => {
      const name = open?.workbook.lines.find((l) => l.id === f.place.lineId)?.unit;
      if (!name) return;
      void send((wb) => ({ op: 'setUnits', units: [...wb.units, { name, type }] }), `登记单位“${name}”`).then((ok) => ok && notify(`已登记单位“${name}”（${type}）；可在基本信息中修改`));
    },
    [open, send, notify],
  );
  const goToFinding = useCallback(
    (f: CheckFinding) => {
      if (f.place.project !== undefined) openProject(f.place.project);
      else if (f.place.change !== undefined) setTab('变动分析');
      else if (f.place.lineId !== undefined) goToLine(f.place.lineId, f.place.column);
      else if (f.place.schedule !== undefined) {
        setScheduleScreen(f.place.schedule);
        setTab('附表');
      }
      else if (f.place.table !== undefined) {
        setTab('公开表');
        setTableTarget({ table: f.place.table, row: f.place.row, seq: ++seq.current });
      }
    },
    [goToLine, openProject],
  );

  // A window or tab that closes: what is typed in a cell editor or a text box is committed first
  // (the calls go out as keep-alive requests, which outlive the page).
  useEffect(() => {
    const flush = () => {
      flushGrid.current();
      if (document.activeElement instanceof HTMLElement && isTextEntry(document.activeElement)) document.activeElement.blur();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    // Electron holds a closing window until this has committed and the file has answered (main/electron/window.ts).
    window.budgetCommitBeforeClose = async () => {
      flush();
      await session.idle();
    };
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      delete window.budgetCommitBeforeClose;
    };
  }, [session.idle]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1') {
        e.preventDefault();
        showHelp();
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextEntry(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, showHelp]);

  useEffect(
    () =>
      bridge.onMenu((m) => {
        if (m.command === 'undo') void undo();
        else if (m.command === 'redo') void redo();
        else if (m.command === 'exportExcel') setTab('导出');
        else if (m.command === 'find') {
          setTab('明细');
          document.querySelector<HTMLInputElement>('.quick-filter')?.focus();
        } else if (m.command === 'showTab') setTab(m.tab);
        else if (m.command === 'help') showHelp();
        else if (m.command === 'import') setImportShown(m.kind);
        else if (m.command === 'exportUnitFile' || m.command === 'mergeUnitFiles') {
          setTab('导出');
          setUnitsFocus({ part: m.command === 'exportUnitFile' ? 'export' : 'merge', seq: ++seq.current });
        }
      }),
    [bridge, undo, redo, notify, showHelp],
  );

  const title = open ? `${open.fileName} — 预算编制工作台` : '预算编制工作台';
  useEffect(() => {
    document.title = title;
  }, [title]);

  if (session.loadError) return <div className="fatal">无法打开工作簿：{session.loadError}</div>;
  if (!open || !workbook) return <div className="loading">正在打开工作簿……</div>;

  return (
    <div className="app">
      <header className="app-head">
        <h1>预算编制工作台</h1>
        <span className="file" title="工作簿文件">
          {open.fileName}
        </span>
        <span className="dept">
          {open.workbook.department} · {open.workbook.year} 年
        </span>
        {origin && (
          <span className="unit-origin" title={`导出时间 ${origin.madeAt.slice(0, 16).replace('T', ' ')}`}>
            单位工作簿：{origin.unit}（部门工作簿第 {origin.revision} 次修改时导出）
          </span>
        )}
        <div className="undo-redo">
          <button type="button" onClick={() => setImportShown('lines')} title="导入明细、上年公开表或科目表（Excel 或 CSV）">
            导入…
          </button>
          <button type="button" disabled={!open.canUndo} onClick={() => void undo()} title="撤销（Ctrl+Z）">
            撤销
          </button>
          <button type="button" disabled={!open.canRedo} onClick={() => void redo()} title="重做（Ctrl+Y）">
            重做
          </button>
          <button type="button" onClick={showHelp} title="快捷键与金额写法（F1）">
            帮助
          </button>
        </div>
      </header>
      <nav className="tabs" role="tablist">
        {SCREEN_TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={t === tab} className={t === tab ? 'active' : undefined} onClick={() => setTab(t)}>
            {t}
            {t === '审核' && errors > 0 && <span className="badge">{errors}</span>}
          </button>
        ))}
      </nav>
      <main className="content">
        <div className="pane" hidden={tab !== '明细'}>
          <LinesGrid
            workbook={open.workbook}
            total={total}
            findings={findings}
            send={send}
            notify={notify}
            target={lineTarget}
            onOpenProject={openProject}
            focusRequest={gridFocus}
            onHelp={showHelp}
            onFilteredTotal={onFilteredTotal}
            onFlush={onFlush}
            subscribe={session.subscribe}
          />
        </div>
        {tab === '公开表' && derived && <TablesView workbook={workbook} derived={derived} target={tableTarget} onGoToLine={(id) => goToLine(id)} />}
        {tab === '审核' && <ChecksView findings={findings} onGo={goToFinding} onRegisterUnit={registerUnit} />}
        {tab === '变动分析' && report && <ChangesView workbook={workbook} report={report} bridge={bridge} send={send} />}
        {tab === '编制说明' && narrative && (
          <NarrativeView
            workbook={workbook}
            narrative={narrative}
            labelOf={(k) => labels.get(k) ?? ''}
            changeOf={(k) => changes.get(k)}
            send={send}
            unit={narrativeUnit}
            onUnit={setNarrativeUnit}
          />
        )}
        {tab === '基本信息' && <BasicsView workbook={workbook} send={send} notify={notify} />}
        {tab === '人员与标准' && <StaffView workbook={open.workbook} send={send} notify={notify} />}
        {tab === '附表' && <SchedulesView workbook={open.workbook} screen={scheduleScreen} onScreen={setScheduleScreen} findings={findings} send={send} notify={notify} />}
        {tab === '导出' && (
          <>
            <ExportView bridge={bridge} workbook={workbook} findings={findings} onShowChecks={() => setTab('审核')} />
            <UnitsPanel bridge={bridge} workbook={workbook} perform={session.perform} focus={unitsFocus} origin={origin} />
          </>
        )}
      </main>
      {projectShown && (
        <ProjectForm
          workbook={open.workbook}
          name={projectShown.name}
          unit={projectShown.unit}
          findings={findings}
          send={send}
          notify={notify}
          onRenamed={(name) => setProjectShown((shown) => shown && { ...shown, name })}
          onUndo={() => void undo()}
          onClose={closeProject}
        />
      )}
      {helpShown && <HelpDialog onClose={closeHelp} />}
      {importShown && (
        <ImportDialog
          bridge={bridge}
          kind={importShown}
          year={open.workbook.year}
          nativeDialog={window.budget !== undefined}
          perform={session.perform}
          notify={notify}
          onClose={closeImport}
        />
      )}
      <div className="message-area" aria-live="polite">
        {notice && (
          <div key={notice.id} className={`notice-toast ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
            <span>{notice.message}</span>
            <button type="button" aria-label="关闭" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>
      <footer className="status">
        <span className="status-total">合计 {formatYuan(total)} 元</span>
        {filtered && (
          <span className="status-filtered">
            筛选出 {filtered.count.toLocaleString('zh-CN')} 行，合计 {formatYuan(filtered.total)} 元
          </span>
        )}
        <span className="status-lines">明细 {open.workbook.lines.length.toLocaleString('zh-CN')} 行</span>
        <button type="button" className={errors > 0 ? 'status-errors bad' : 'status-errors good'} onClick={() => setTab('审核')}>
          错误 {errors} 个 · 警告 {warnings} 个
        </button>
        <span className="status-saved">已保存（第 {open.revision} 次修改）</span>
      </footer>
    </div>
  );
}
