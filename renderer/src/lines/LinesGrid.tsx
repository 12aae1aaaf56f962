import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellClassParams,
  type CellEditRequestEvent,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type ICellRendererParams,
  type ITooltipParams,
  type RowClassParams,
  type ValueFormatterParams,
  type ValueGetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditRequest } from '../../../shared/contract/api';
import type { CheckFinding } from '../../../shared/core/checks/index';
import { LINE_COLUMNS, type LineColumn } from '../../../shared/core/lineTable';
import type { LineItem, Workbook } from '../../../shared/core/model';
import { formatYuan, type Fen } from '../../../shared/core/money';
import { AG_GRID_ZH_CN } from '../agGridLocale';
import { isTextEntry } from '../textEntry';
import { formatTsv, parseTsv } from '../tsv';
import { workbookCatalogs } from '../../../shared/core/catalog/workbookCatalogs';
import { CodeEditor } from './CodeEditor';
import { newLineRow, totalRow, type GridRow } from './gridRows';
import { CHOICES, CODE_COLUMNS, GRID_COLUMNS, blankLine, cellCopyText, cellEditText, describePasteProblem, parseCellInput, planPaste } from './lineCells';

ModuleRegistry.registerModules([AllCommunityModule]);

const THEME = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 5,
});

const WIDTHS: Record<LineColumn, number> = {
  unit: 220,
  functionCode: 130,
  economicCode: 130,
  kind: 100,
  source: 190,
  project: 260,
  amount: 150,
  functionName: 170,
  economicName: 150,
  costType: 100,
  basis: 220,
  note: 160,
};

/** Where to take the user: a line, and a column of it when the finding names one. */
export interface LineTarget {
  lineId: number;
  column?: string;
  /** Changes on every request, so asking twice for the same line moves there again. */
  seq: number;
}

interface Props {
  workbook: Workbook;
  /** The lines' total, for the pinned 合计 row. */
  total: Fen;
  findings: readonly CheckFinding[];
  send(edit: EditRequest): Promise<boolean>;
  notify(message: string, kind?: 'info' | 'error'): void;
  target: LineTarget | null;
  /** Opens the form of the project a 项目支出 line names. */
  onOpenProject(name: string, unit: string): void;
}

/** Reasons by line and column header; a finding on a whole line sits under ''. */
function reasonsByCell(findings: readonly CheckFinding[]): Map<number, Map<string, string[]>> {
  const map = new Map<number, Map<string, string[]>>();
  for (const f of findings) {
    if (f.place.lineId === undefined) continue;
    let cells = map.get(f.place.lineId);
    if (!cells) map.set(f.place.lineId, (cells = new Map()));
    const key = f.place.column ?? '';
    cells.set(key, [...(cells.get(key) ?? []), `${f.severity}：${f.message}`]);
  }
  return map;
}

/** A 项目支出 line's project: its name, and a button to its form (项目信息, or 补充信息 when it has no record yet). */
function projectCell(p: ICellRendererParams<GridRow>, wb: Workbook, open: Props['onOpenProject']) {
  const row = p.data;
  if (!row || row.pinned || row.kind !== '项目支出' || row.project === '') return String(p.value ?? '');
  const recorded = wb.projects.some((x) => x.name === row.project);
  return (
    <span className="project-cell">
      <span className="project-name">{row.project}</span>
      <button
        type="button"
        className={recorded ? 'project-open' : 'project-open missing'}
        title={recorded ? '打开项目信息（经费情况说明、测算、绩效目标），或在该行按 Ctrl+Enter' : '该项目还没有项目信息，点击补充（或在该行按 Ctrl+Enter）'}
        onClick={() => open(row.project, row.unit)}
      >
        {recorded ? '项目信息' : '补充信息'}
      </button>
    </span>
  );
}

function isOpenKey(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey);
}

/**
 * 明细: the lines as a grid that behaves like a spreadsheet. Edits go to the file as edits (the grid
 * never changes its rows itself: `readOnlyEdit`); what the file applied comes back as the new rows.
 */
export function LinesGrid({ workbook, total, findings, send, notify, target, onOpenProject }: Props) {
  const api = useRef<GridApi<GridRow> | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const [quickFilter, setQuickFilter] = useState('');
  const [selectedCount, setSelectedCount] = useState(0);
  const reasons = useMemo(() => reasonsByCell(findings), [findings]);
  const reasonsRef = useRef(reasons);
  reasonsRef.current = reasons;
  const workbookRef = useRef(workbook);
  workbookRef.current = workbook;
  const openProjectRef = useRef(onOpenProject);
  openProjectRef.current = onOpenProject;
  /** After a new line is typed into the empty row: move to that line, in the column the user went to. */
  const focusNewLine = useRef(false);
  /** After a paste that added lines: scroll them into view. */
  const revealAdded = useRef(false);
  const lineCount = workbook.lines.length;

  const reasonOf = useCallback((row: GridRow | undefined, column: LineColumn): string | undefined => {
    if (!row || row.pinned) return undefined;
    const cells = reasonsRef.current.get(row.id);
    if (!cells) return undefined;
    const own = cells.get(LINE_COLUMNS[column].header) ?? [];
    const whole = column === GRID_COLUMNS[0] ? (cells.get('') ?? []) : [];
    const all = [...own, ...whole];
    return all.length > 0 ? all.join('\n') : undefined;
  }, []);

  const columnDefs = useMemo<ColDef<GridRow>[]>(
    () =>
      GRID_COLUMNS.map((column): ColDef<GridRow> => {
        const kind = CODE_COLUMNS[column];
        const choices = CHOICES[column];
        return {
          colId: column,
          headerName: LINE_COLUMNS[column].header,
          width: WIDTHS[column],
          valueGetter: (p: ValueGetterParams<GridRow>) => {
            const row = p.data;
            if (!row) return '';
            if (row.pinned === 'total') return column === 'unit' ? '合计' : column === 'amount' ? formatYuan(row.amount) : '';
            if (row.pinned === 'new') return '';
            return cellEditText(row, column);
          },
          ...(column === 'amount'
            ? {
                type: 'rightAligned',
                valueFormatter: (p: ValueFormatterParams<GridRow>) => (p.data && !p.data.pinned ? formatYuan(p.data.amount) : String(p.value ?? '')),
                comparator: (_a: unknown, _b: unknown, a: { data?: GridRow }, b: { data?: GridRow }) => (a.data?.amount ?? 0) - (b.data?.amount ?? 0),
                filterValueGetter: (p: ValueGetterParams<GridRow>) => (p.data ? formatYuan(p.data.amount) : ''),
              }
            : {}),
          ...(column === 'unit'
            ? { valueFormatter: (p: ValueFormatterParams<GridRow>) => (p.data?.pinned === 'new' ? '＋ 在此输入或粘贴新的明细' : String(p.value ?? '')) }
            : {}),
          ...(column === 'project' ? { cellRenderer: (p: ICellRendererParams<GridRow>) => projectCell(p, workbookRef.current, openProjectRef.current) } : {}),
          ...(kind
            ? { cellEditor: CodeEditor, cellEditorParams: { kind, catalog: () => workbookCatalogs(workbookRef.current)[kind] }, cellEditorPopup: true }
            : {}),
          ...(choices ? { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...choices] } } : {}),
          cellClassRules: {
            'cell-invalid': (p: CellClassParams<GridRow>) => reasonOf(p.data, column)?.includes('错误：') === true,
            'cell-warning': (p: CellClassParams<GridRow>) => {
              const r = reasonOf(p.data, column);
              return r !== undefined && !r.includes('错误：');
            },
            'cell-formula': (p: CellClassParams<GridRow>) => column === 'amount' && !p.data?.pinned && (p.data?.basis ?? '').startsWith('='),
          },
          tooltipValueGetter: (p: ITooltipParams<GridRow>) => reasonOf(p.data, column) ?? (column === 'amount' && p.data?.basis && !p.data.pinned ? `测算依据：${p.data.basis}` : undefined),
        };
      }),
    [reasonOf],
  );

  const defaultColDef = useMemo<ColDef<GridRow>>(
    () => ({
      editable: (p) => p.data?.pinned !== 'total',
      sortable: true,
      filter: 'agTextColumnFilter',
      floatingFilter: true,
      resizable: true,
      suppressHeaderMenuButton: true,
      // Ctrl+Enter opens a project line's form (onCellKeyDown), never the cell's editor.
      suppressKeyboardEvent: (p) => !p.editing && isOpenKey(p.event),
    }),
    [],
  );

  const pinnedBottom = useMemo(() => [newLineRow(), totalRow(total)], [total]);

  useEffect(() => {
    api.current?.refreshCells({ force: true });
  }, [reasons]);
  useEffect(() => {
    api.current?.refreshCells({ columns: ['project'], force: true });
  }, [workbook.projects]);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const column = e.column.getColId() as LineColumn;
      const row = e.data;
      const text = e.newValue == null ? '' : String(e.newValue);
      const where = row.pinned === 'new' ? '新行' : `第 ${(e.rowIndex ?? 0) + 1} 行`;
      const parsed = parseCellInput(column, text, row.pinned ? undefined : row, workbookCatalogs(workbookRef.current));
      if (!parsed.ok) {
        notify(`${where}“${LINE_COLUMNS[column].header}”未修改：${parsed.reason}`, 'error');
        return;
      }
      if (row.pinned === 'new') {
        const fields = { ...blankLine(workbookRef.current), ...parsed.set };
        focusNewLine.current = true;
        void send({ op: 'insertLines', lines: [fields] });
        return;
      }
      const changed = Object.entries(parsed.set).some(([k, v]) => (row as unknown as Record<string, unknown>)[k] !== v);
      if (changed) void send({ op: 'updateLines', changes: [{ id: row.id, set: parsed.set }] });
    },
    [notify, send],
  );

  // The line just typed into the empty row: carry on in it.
  useEffect(() => {
    const grid = api.current;
    if (grid && revealAdded.current) {
      revealAdded.current = false;
      grid.ensureIndexVisible(grid.getDisplayedRowCount() - 1, 'bottom');
    }
    if (!grid || !focusNewLine.current) return;
    focusNewLine.current = false;
    const focused = grid.getFocusedCell();
    const last = workbook.lines[workbook.lines.length - 1];
    const node = last && grid.getRowNode(String(last.id));
    if (focused?.rowPinned === 'bottom' && focused.rowIndex === 0 && node?.rowIndex != null) {
      grid.ensureIndexVisible(node.rowIndex);
      grid.setFocusedCell(node.rowIndex, focused.column);
    }
  }, [workbook.lines]);

  // Go to the line (and cell) a finding or a table figure points at.
  useEffect(() => {
    const grid = api.current;
    if (!grid || !target) return;
    const node = grid.getRowNode(String(target.lineId));
    if (!node) {
      notify(`明细 #${target.lineId} 不存在（可能已删除）`, 'error');
      return;
    }
    if (node.rowIndex == null) {
      grid.setFilterModel(null);
      setQuickFilter('');
    }
    const column = GRID_COLUMNS.find((c) => LINE_COLUMNS[c].header === target.column) ?? GRID_COLUMNS[0];
    // Filters are applied synchronously; the row now has an index.
    const index = grid.getRowNode(String(target.lineId))?.rowIndex;
    if (index == null) return;
    grid.ensureIndexVisible(index, 'middle');
    grid.ensureColumnVisible(column);
    grid.setFocusedCell(index, column);
    grid.deselectAll();
    node.setSelected(true);
  }, [target, notify]);

  const displayedLines = useCallback((): LineItem[] => {
    const out: LineItem[] = [];
    api.current?.forEachNodeAfterFilterAndSort((n) => {
      if (n.data) out.push(n.data);
    });
    return out;
  }, []);

  // Copy and paste as tab-separated text, the way spreadsheets exchange blocks of cells.
  useEffect(() => {
    const inGrid = () => host.current?.contains(document.activeElement) === true;
    const onCopy = (e: ClipboardEvent) => {
      const grid = api.current;
      if (!grid || !inGrid() || isTextEntry(e.target)) return;
      const selected = grid.getSelectedNodes().filter((n) => n.data && !n.data.pinned);
      let rows: string[][];
      if (selected.length > 1) {
        selected.sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
        rows = selected.map((n) => GRID_COLUMNS.map((c) => cellCopyText(n.data!, c)));
      } else {
        const cell = grid.getFocusedCell();
        const row = cell && (cell.rowPinned ? grid.getPinnedBottomRow(cell.rowIndex) : grid.getDisplayedRowAtIndex(cell.rowIndex));
        if (!cell || !row?.data) return;
        const column = cell.column.getColId() as LineColumn;
        rows = [[row.data.pinned ? String(grid.getCellValue({ rowNode: row, colKey: column, useFormatter: true }) ?? '') : cellCopyText(row.data, column)]];
      }
      e.clipboardData?.setData('text/plain', formatTsv(rows));
      e.preventDefault();
      notify(rows.length > 1 ? `已复制 ${rows.length} 行` : '已复制');
    };
    const onPaste = (e: ClipboardEvent) => {
      const grid = api.current;
      if (!grid || !inGrid() || isTextEntry(e.target)) return;
      e.preventDefault();
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const block = parseTsv(text);
      if (block.length === 0) return;
      const cell = grid.getFocusedCell();
      const lines = displayedLines();
      const startRow = !cell || cell.rowPinned ? lines.length : cell.rowIndex;
      const startColumn = cell ? GRID_COLUMNS.indexOf(cell.column.getColId() as LineColumn) : 0;
      const plan = planPaste(block, lines, startRow, Math.max(startColumn, 0), workbookRef.current);
      if (!plan.ok) {
        const shown = plan.problems.slice(0, 5).map(describePasteProblem).join('\n');
        notify(`未粘贴，有 ${plan.problems.length} 处内容无法读取：\n${shown}${plan.problems.length > 5 ? '\n……' : ''}`, 'error');
        return;
      }
      revealAdded.current = plan.inserted > 0;
      void send(plan.edit).then((ok) => {
        if (ok) notify(`已粘贴：修改 ${plan.updated} 行，新增 ${plan.inserted} 行（可按 Ctrl+Z 一次撤销）`);
      });
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [displayedLines, notify, send]);

  const onCellKeyDown = useCallback((e: CellKeyDownEvent<GridRow>) => {
    const row = e.data;
    if (!(e.event instanceof KeyboardEvent) || !isOpenKey(e.event) || !row || row.pinned || row.kind !== '项目支出' || row.project === '') return;
    e.event.preventDefault();
    // Opened once the grid has finished with this key, so that it does not take the focus back afterwards.
    setTimeout(() => openProjectRef.current(row.project, row.unit), 0);
  }, []);

  const deleteSelected = useCallback(() => {
    const ids = (api.current?.getSelectedRows() ?? []).filter((r) => !r.pinned).map((r) => r.id);
    if (ids.length === 0) {
      notify('请先点击行首选择要删除的明细（按住 Shift 或 Ctrl 可多选）', 'error');
      return;
    }
    void send({ op: 'deleteLines', ids }).then((ok) => ok && notify(`已删除 ${ids.length} 行（可按 Ctrl+Z 撤销）`));
  }, [notify, send]);

  return (
    <div className="lines">
      <div className="toolbar">
        <input className="quick-filter" type="search" placeholder="在全部列中查找…" aria-label="在全部列中查找" value={quickFilter} onChange={(e) => setQuickFilter(e.target.value)} />
        <button type="button" onClick={deleteSelected} disabled={selectedCount === 0}>
          删除所选行{selectedCount > 0 ? `（${selectedCount}）` : ''}
        </button>
        <span className="hint">共 {lineCount.toLocaleString('zh-CN')} 行。方向键移动，回车下移，Tab 右移，直接输入或 F2 编辑，Delete 清除；Ctrl+C / Ctrl+V 与 Excel 互相复制粘贴；金额可输入“=43*128*12”这样的算式。</span>
      </div>
      <div className="grid-host" ref={host}>
        <AgGridReact<GridRow>
          theme={THEME}
          localeText={AG_GRID_ZH_CN}
          rowData={workbook.lines as GridRow[]}
          getRowId={(p: GetRowIdParams<GridRow>) => `${p.rowPinned ?? ''}${p.data.pinned ?? p.data.id}`}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          pinnedBottomRowData={pinnedBottom}
          getRowClass={(p: RowClassParams<GridRow>) => (p.data?.pinned ? `row-${p.data.pinned}` : undefined)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onCellKeyDown={onCellKeyDown}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
          onSelectionChanged={(e) => setSelectedCount(e.api.getSelectedRows().length)}
          quickFilterText={quickFilter}
          tooltipShowDelay={300}
          onGridReady={(e) => {
            api.current = e.api;
          }}
        />
      </div>
    </div>
  );
}
