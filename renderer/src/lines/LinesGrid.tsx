import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellClassParams,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type Column,
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
import type { CheckFinding } from '../../../shared/core/checks/index';
import { LINE_COLUMNS, type LineColumn } from '../../../shared/core/lineTable';
import type { LineItem, Workbook } from '../../../shared/core/model';
import { formatYuan, parseAmount, type Fen } from '../../../shared/core/money';
import { AG_GRID_ZH_CN } from '../agGridLocale';
import { isTextEntry } from '../textEntry';
import { formatTsv, parseTsv } from '../tsv';
import { workbookCatalogs } from '../../../shared/core/catalog/workbookCatalogs';
import { allCells, boundsOf, cellEdges, extendRange, isSingleCell, rangeTo, singleCell, type Bounds, type CellPos, type CellRange } from './cellRange';
import { ChoiceEditor } from './ChoiceEditor';
import { CodeEditor } from './CodeEditor';
import { EntryFlow } from './entryFlow';
import { IME_KEY } from './editorStart';
import { gridKeyAction } from './gridKeys';
import { newLineRow, totalRow, type GridRow } from './gridRows';
import type { WorkbookSession } from '../useWorkbook';
import { DraftLine, type SendEdit } from './draftLine';
import { rowTransaction } from './gridTransaction';
import { CHOICES, CODE_COLUMNS, GRID_COLUMNS, cellCopyText, cellEditText, describePasteProblem, parseCellInput, planPaste } from './lineCells';
import { planClear, planFillDown, planFillRight, planFillValue, rangeCells, type RangePlan } from './rangeEdits';
import { TextEditor } from './TextEditor';

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

/** The column of line numbers (the lines' ids, as the diff and the findings name them); a click there selects whole rows. */
const LINE_NO = 'lineNo';

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
  send: SendEdit;
  notify(message: string, kind?: 'info' | 'error'): void;
  target: LineTarget | null;
  /** Opens the form of the project a 项目支出 line names. */
  onOpenProject(name: string, unit: string): void;
  /** Changes when something outside the grid (a form, a dialog, undo) is done and the keys belong to the grid again. */
  focusRequest: number;
  /** F1. */
  onHelp(): void;
  /** The sum of the lines the filters let through, or null when nothing is filtered out. */
  onFilteredTotal(total: Fen | null, count: number): void;
  /** Registers the function that commits an open cell editor (for a window that closes). */
  onFlush(flush: () => void): void;
  /** The workbook's changes as they happen: the grid takes each edit as a transaction of the rows it touches. */
  subscribe: WorkbookSession['subscribe'];
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

function columnIndex(column: Column | string): number {
  return GRID_COLUMNS.indexOf((typeof column === 'string' ? column : column.getColId()) as LineColumn);
}

/** The cell a mouse event is over: its position among the lines, or null (a header, the pinned rows). */
function cellAt(target: EventTarget | null): (CellPos & { lineNo: boolean }) | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest('.ag-cell[col-id]');
  const row = cell?.closest('.ag-row[row-index]');
  if (!cell || !row || row.closest('.ag-floating-bottom')) return null;
  const colId = cell.getAttribute('col-id')!;
  return { row: Number(row.getAttribute('row-index')), col: colId === LINE_NO ? 0 : columnIndex(colId), lineNo: colId === LINE_NO };
}

/**
 * 明细: the lines as a grid that behaves like a spreadsheet. Edits go to the file as edits (the grid
 * never changes its rows itself: `readOnlyEdit`); what the file applied comes back as the new rows.
 * Ranges, fills and the clipboard are this component's (AG Grid Community has none).
 */
export function LinesGrid({ workbook, total, findings, send, notify, target, onOpenProject, focusRequest, onHelp, onFilteredTotal, onFlush, subscribe }: Props) {
  const api = useRef<GridApi<GridRow> | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const [quickFilter, setQuickFilter] = useState('');
  const reasons = useMemo(() => reasonsByCell(findings), [findings]);
  const reasonsRef = useRef(reasons);
  reasonsRef.current = reasons;
  const workbookRef = useRef(workbook);
  workbookRef.current = workbook;
  const openProjectRef = useRef(onOpenProject);
  openProjectRef.current = onOpenProject;
  const helpRef = useRef(onHelp);
  helpRef.current = onHelp;
  const filteredRef = useRef(onFilteredTotal);
  filteredRef.current = onFilteredTotal;
  /** The selected rectangle; a single cell is the focused cell. */
  const range = useRef<CellRange | null>(null);
  const [rangeSize, setRangeSize] = useState({ rows: 0, cells: 0 });
  const dragging = useRef(false);
  /** A range made by Shift+click or a line number: the grid's own focusing of the clicked cell does not undo it. */
  const pointerRange = useRef(false);
  const flow = useRef(new EntryFlow());
  /** The line being typed into the empty row: all its values go to one line (see DraftLine). */
  const draft = useRef(new DraftLine());
  /** Once the file has made the draft's line: scroll it into view. */
  const revealDraft = useRef(false);
  const endDraft = useCallback(() => {
    draft.current = new DraftLine();
    revealDraft.current = false;
  }, []);
  /** After a paste that added lines: scroll them into view. */
  const revealAdded = useRef(false);
  /** A line just edited while the rows are sorted or filtered: the focus follows it to where it moves. */
  const followEdit = useRef<{ lineId: number; column: string } | null>(null);
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

  const rangeBounds = useCallback((): Bounds | null => (range.current && !isSingleCell(range.current) ? boundsOf(range.current) : null), []);

  const columnDefs = useMemo<ColDef<GridRow>[]>(() => {
    const edgeRule = (column: number, edge: 'top' | 'bottom' | 'left' | 'right') => (p: CellClassParams<GridRow>) => {
      const b = rangeBounds();
      if (!b || p.node.rowPinned || p.node.rowIndex == null) return false;
      return cellEdges(b, p.node.rowIndex, column)?.[edge] === true;
    };
    const lineNo: ColDef<GridRow> = {
      colId: LINE_NO,
      headerName: '行号',
      width: 56,
      pinned: 'left',
      editable: false,
      sortable: false,
      filter: false,
      suppressNavigable: true,
      cellClass: 'line-no',
      valueGetter: (p: ValueGetterParams<GridRow>) => (p.data && !p.data.pinned ? p.data.id : ''),
      cellClassRules: {
        'line-no-selected': (p: CellClassParams<GridRow>) => {
          const b = rangeBounds();
          return b !== null && p.node.rowIndex != null && !p.node.rowPinned && p.node.rowIndex >= b.top && p.node.rowIndex <= b.bottom;
        },
      },
    };
    return [
      lineNo,
      ...GRID_COLUMNS.map((column, index): ColDef<GridRow> => {
        const kind = CODE_COLUMNS[column];
        const choices = CHOICES[column];
        const catalogName = column === 'functionName' ? 'function' : column === 'economicName' ? 'economic' : undefined;
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
          cellEditor: TextEditor,
          ...(column === 'amount'
            ? {
                type: 'rightAligned',
                // An amount never filled in (or cleared) shows empty and marked, not as a silent 0.00.
                valueFormatter: (p: ValueFormatterParams<GridRow>) => (p.data && !p.data.pinned ? (p.data.amount === 0 && !p.data.basis ? '' : formatYuan(p.data.amount)) : String(p.value ?? '')),
                comparator: (_a: unknown, _b: unknown, a: { data?: GridRow }, b: { data?: GridRow }) => (a.data?.amount ?? 0) - (b.data?.amount ?? 0),
                filter: 'agNumberColumnFilter',
                // Compared in 分: the typed bound is read as an amount is typed in a cell (1,200.50, 12万).
                filterValueGetter: (p: ValueGetterParams<GridRow>) => (p.data ? p.data.amount : null),
                filterParams: {
                  filterOptions: ['greaterThan', 'lessThan', 'inRange', 'equals', 'greaterThanOrEqual', 'lessThanOrEqual'],
                  maxNumConditions: 1,
                  allowedCharPattern: '[-0-9.,万元\\s]',
                  numberParser: (text: string | null) => {
                    const r = text ? parseAmount(text) : null;
                    return r?.ok ? r.fen : null;
                  },
                },
              }
            : {}),
          ...(column === 'unit'
            ? {
                valueFormatter: (p: ValueFormatterParams<GridRow>) => (p.data?.pinned === 'new' ? '＋ 在此输入或粘贴新的明细' : String(p.value ?? '')),
                cellEditor: ChoiceEditor,
                cellEditorPopup: true,
                cellEditorParams: { options: () => workbookRef.current.units.map((u) => u.name), free: true },
              }
            : {}),
          ...(catalogName
            ? {
                // The catalog's name, greyed, where the line carries none of its own.
                valueFormatter: (p: ValueFormatterParams<GridRow>) => {
                  const row = p.data;
                  if (!row || row.pinned || p.value) return String(p.value ?? '');
                  const code = catalogName === 'function' ? row.functionCode : row.economicCode;
                  return workbookCatalogs(workbookRef.current)[catalogName].entries.get(code)?.name ?? '';
                },
              }
            : {}),
          ...(column === 'project' ? { cellRenderer: (p: ICellRendererParams<GridRow>) => projectCell(p, workbookRef.current, openProjectRef.current) } : {}),
          ...(kind ? { cellEditor: CodeEditor, cellEditorParams: { kind, catalog: () => workbookCatalogs(workbookRef.current)[kind] }, cellEditorPopup: true } : {}),
          ...(choices ? { cellEditor: ChoiceEditor, cellEditorPopup: true, cellEditorParams: { options: () => choices, free: false } } : {}),
          cellClassRules: {
            'cell-invalid': (p: CellClassParams<GridRow>) => reasonOf(p.data, column)?.includes('错误：') === true,
            'cell-warning': (p: CellClassParams<GridRow>) => {
              const r = reasonOf(p.data, column);
              return r !== undefined && !r.includes('错误：');
            },
            'cell-formula': (p: CellClassParams<GridRow>) => column === 'amount' && !p.data?.pinned && (p.data?.basis ?? '').startsWith('='),
            'cell-empty-amount': (p: CellClassParams<GridRow>) => column === 'amount' && !p.data?.pinned && p.data?.amount === 0 && !p.data.basis,
            'cell-from-catalog': (p: CellClassParams<GridRow>) => catalogName !== undefined && !p.data?.pinned && !p.data?.[column],
            'cell-unregistered': (p: CellClassParams<GridRow>) =>
              column === 'unit' && !p.data?.pinned && p.data !== undefined && !workbookRef.current.units.some((u) => u.name === p.data!.unit),
            'range-cell': (p: CellClassParams<GridRow>) => {
              const b = rangeBounds();
              return b !== null && p.node.rowIndex != null && !p.node.rowPinned && cellEdges(b, p.node.rowIndex, index) !== null;
            },
            'range-top': edgeRule(index, 'top'),
            'range-bottom': edgeRule(index, 'bottom'),
            'range-left': edgeRule(index, 'left'),
            'range-right': edgeRule(index, 'right'),
          },
          tooltipValueGetter: (p: ITooltipParams<GridRow>) =>
            reasonOf(p.data, column) ??
            (column === 'amount' && p.data?.basis && !p.data.pinned ? `测算依据：${p.data.basis}` : undefined) ??
            (column === 'amount' && !p.data?.pinned && p.data?.amount === 0 ? '金额未填' : undefined),
        };
      }),
    ];
  }, [reasonOf, rangeBounds]);

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

  /** The lines in the order and filter shown: the rows a range's positions refer to. */
  const displayedLines = useCallback((): LineItem[] => {
    const out: LineItem[] = [];
    api.current?.forEachNodeAfterFilterAndSort((n) => {
      if (n.data) out.push(n.data);
    });
    return out;
  }, []);

  /**
   * Redraws the cells' marks on the rows drawn (a handful, however many lines there are), but not
   * a row with an open editor: redrawing it would close the editor and lose what is being typed.
   */
  const repaint = useCallback((columns?: string[]) => {
    const grid = api.current;
    if (!grid) return;
    const editing = new Set(grid.getEditingCells().map((c) => `${c.rowPinned ?? ''}${c.rowIndex}`));
    const rowNodes = grid.getRenderedNodes().filter((n) => !editing.has(`${n.rowPinned ?? ''}${n.rowIndex}`));
    grid.refreshCells({ force: true, suppressFlash: true, rowNodes, columns });
  }, []);

  /** Repaints the range's outline. */
  const paintRange = useCallback(() => {
    const b = rangeBounds();
    setRangeSize(b ? { rows: b.bottom - b.top + 1, cells: (b.bottom - b.top + 1) * (b.right - b.left + 1) } : { rows: 0, cells: 0 });
    repaint();
  }, [rangeBounds, repaint]);

  const setRange = useCallback(
    (next: CellRange | null) => {
      const was = rangeBounds();
      range.current = next;
      const now = rangeBounds();
      if (was !== null || now !== null) paintRange();
    },
    [paintRange, rangeBounds],
  );

  /**
   * Puts the keys on a cell of the grid, and keeps them there once its row is drawn (a row scrolled
   * to is drawn a frame later; a pinned row is drawn anew after each edit).
   */
  const focusCell = useCallback((rowIndex: number, column: string, pinned?: 'bottom' | null) => {
    const grid = api.current;
    if (!grid) return;
    if (!pinned) grid.ensureIndexVisible(rowIndex);
    grid.ensureColumnVisible(column);
    grid.setFocusedCell(rowIndex, column, pinned ?? undefined);
    let tries = 3;
    const check = () => {
      const active = document.activeElement;
      const here = grid.getFocusedCell();
      if (!here || here.rowIndex !== rowIndex || here.column.getColId() !== column) return;
      if (active instanceof HTMLElement && active.classList.contains('ag-cell-focus')) return;
      if (active && active !== document.body && !host.current?.contains(active)) return;
      if (grid.getEditingCells().length > 0) return;
      grid.setFocusedCell(rowIndex, column, pinned ?? undefined);
      if (--tries > 0) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, []);

  /** Back to the focused cell when the keys were left nowhere (on the page itself) or on a header. */
  const keepFocus = useCallback(() => {
    const grid = api.current;
    const active = document.activeElement;
    if (!grid || grid.getEditingCells().length > 0) return;
    const lost = !active || active === document.body || (host.current?.contains(active) === true && !active.closest('.ag-cell') && !isTextEntry(active));
    if (!lost) return;
    const cell = grid.getFocusedCell();
    if (cell) focusCell(cell.rowIndex, cell.column.getColId(), cell.rowPinned === 'bottom' ? 'bottom' : null);
    else if (grid.getDisplayedRowCount() > 0) focusCell(0, GRID_COLUMNS[0]);
  }, [focusCell]);

  useEffect(() => {
    if (focusRequest > 0) requestAnimationFrame(keepFocus);
  }, [focusRequest, keepFocus]);

  useEffect(() => repaint(), [reasons, repaint]);
  useEffect(() => repaint(['project', 'unit']), [workbook.projects, workbook.units, repaint]);

  /** A value committed in a cell (typed, picked): parsed, then sent to the file as one edit, or refused with its reason. */
  const commitCell = useCallback(
    (row: GridRow, column: LineColumn, value: unknown) => {
      const text = value == null ? '' : String(value);
      const where = row.pinned === 'new' ? '新行' : `第 ${row.id} 行`;
      const parsed = parseCellInput(column, text, row.pinned ? undefined : row, workbookCatalogs(workbookRef.current));
      if (!parsed.ok) {
        notify(`${where}“${LINE_COLUMNS[column].header}”未修改：${parsed.reason}`, 'error');
        return;
      }
      flow.current.entry();
      if (row.pinned === 'new') {
        if (!draft.current.started) revealDraft.current = true;
        void draft.current.commit(send, parsed.set, LINE_COLUMNS[column].header);
        return;
      }
      const changed = Object.entries(parsed.set).some(([k, v]) => (row as unknown as Record<string, unknown>)[k] !== v);
      if (!changed) return;
      const grid = api.current;
      if (grid && (grid.isAnyFilterPresent() || grid.getColumnState().some((c) => c.sort))) followEdit.current = { lineId: row.id, column };
      const label = `修改第 ${row.id} 行“${LINE_COLUMNS[column].header}”`;
      // Said in the one message area: it replaces an earlier error about this or another cell.
      void send({ op: 'updateLines', changes: [{ id: row.id, set: parsed.set }] }, label).then((ok) => ok && notify(`已${label}`));
    },
    [notify, send],
  );

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<GridRow>) => commitCell(e.data, e.column.getColId() as LineColumn, e.newValue), [commitCell]);

  /**
   * Commits the open editor at once, in the order of the keys (the grid would report it a moment
   * later, after keys pressed meanwhile, such as Ctrl+Z).
   */
  const commitOpenEditor = useCallback(() => {
    const grid = api.current;
    const open = grid?.getEditingCells()[0];
    const editor = grid?.getCellEditorInstances()[0] as { getValue?: () => unknown } | undefined;
    if (!grid || !open || !editor?.getValue) {
      grid?.stopEditing();
      return;
    }
    const node = open.rowPinned ? grid.getPinnedBottomRow(open.rowIndex) : grid.getDisplayedRowAtIndex(open.rowIndex);
    const value = editor.getValue();
    grid.stopEditing(true);
    const column = open.column?.getColId() as LineColumn;
    if (node?.data && columnIndex(column) >= 0) commitCell(node.data, column, value);
  }, [commitCell]);

  // After each change of the lines: carry on in a line typed into the empty row, follow an edited
  // line to where the sort puts it, show pasted lines, and keep the keys in the grid.
  useEffect(() => {
    const grid = api.current;
    if (!grid) return;
    if (revealAdded.current) {
      revealAdded.current = false;
      grid.ensureIndexVisible(grid.getDisplayedRowCount() - 1, 'bottom');
    }
    const drafted = draft.current.lineId;
    if (revealDraft.current && drafted !== null) {
      // The keys stay in the empty row until Enter (moving them under the typing would split it); the
      // line its values go to is brought into view above it.
      revealDraft.current = false;
      const index = grid.getRowNode(String(drafted))?.rowIndex;
      if (index != null) grid.ensureIndexVisible(index);
    }
    const followed = followEdit.current;
    if (followed && grid.getEditingCells().length === 0) {
      followEdit.current = null;
      const index = grid.getRowNode(String(followed.lineId))?.rowIndex;
      if (index != null) {
        focusCell(index, followed.column);
        return;
      }
    }
    requestAnimationFrame(keepFocus);
  }, [workbook.lines, focusCell, keepFocus]);

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
    focusCell(index, column);
  }, [target, notify, focusCell]);

  /** Sends a range operation, or says why nothing changed. */
  const applyPlan = useCallback(
    (plan: RangePlan, what: string) => {
      if (!plan.ok) {
        const shown = plan.problems.slice(0, 5).map((p) => p.reason).join('\n');
        notify(`未${what}，有 ${plan.problems.length} 处不能这样填写：\n${shown}${plan.problems.length > 5 ? '\n……' : ''}`, 'error');
        return;
      }
      if (plan.cells === 0) return;
      const label = `${what} ${plan.cells} 个单元格`;
      void send(plan.edit, label).then((ok) => ok && notify(`已${label}（可按 Ctrl+Z 一次撤销）`));
    },
    [notify, send],
  );

  /** The range to act on: the selection, or the focused cell when nothing larger is selected. */
  const actingBounds = useCallback((): Bounds | null => {
    const b = rangeBounds();
    if (b) return b;
    const cell = api.current?.getFocusedCell();
    if (!cell || cell.rowPinned) return null;
    const col = columnIndex(cell.column);
    return col < 0 ? null : { top: cell.rowIndex, bottom: cell.rowIndex, left: col, right: col };
  }, [rangeBounds]);

  // Copy and paste as tab-separated text, the way spreadsheets exchange blocks of cells.
  useEffect(() => {
    const inGrid = () => host.current?.contains(document.activeElement) === true;
    const onCopy = (e: ClipboardEvent) => {
      const grid = api.current;
      if (!grid || !inGrid() || isTextEntry(e.target)) return;
      const b = rangeBounds();
      let rows: string[][];
      if (b) rows = rangeCells(displayedLines(), b);
      else {
        const cell = grid.getFocusedCell();
        const row = cell && (cell.rowPinned ? grid.getPinnedBottomRow(cell.rowIndex) : grid.getDisplayedRowAtIndex(cell.rowIndex));
        if (!cell || !row?.data || columnIndex(cell.column) < 0) return;
        const column = cell.column.getColId() as LineColumn;
        rows = [[row.data.pinned ? String(grid.getCellValue({ rowNode: row, colKey: column, useFormatter: true }) ?? '') : cellCopyText(row.data, column)]];
      }
      e.clipboardData?.setData('text/plain', formatTsv(rows));
      e.preventDefault();
      notify(rows.length > 1 || rows[0].length > 1 ? `已复制 ${rows.length} 行 × ${rows[0].length} 列` : '已复制');
    };
    const onPaste = (e: ClipboardEvent) => {
      const grid = api.current;
      if (!grid || !inGrid() || isTextEntry(e.target)) return;
      e.preventDefault();
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const block = parseTsv(text);
      if (block.length === 0) return;
      const lines = displayedLines();
      const b = rangeBounds();
      if (b && block.length === 1 && block[0].length === 1) {
        applyPlan(planFillValue(block[0][0], lines, b, workbookRef.current), '填充');
        return;
      }
      const cell = grid.getFocusedCell();
      const startRow = b ? b.top : !cell || cell.rowPinned ? lines.length : cell.rowIndex;
      const startColumn = b ? b.left : cell ? columnIndex(cell.column) : 0;
      const plan = planPaste(block, lines, startRow, Math.max(startColumn, 0), workbookRef.current);
      if (!plan.ok) {
        const shown = plan.problems.slice(0, 5).map(describePasteProblem).join('\n');
        notify(`未粘贴，有 ${plan.problems.length} 处内容无法读取：\n${shown}${plan.problems.length > 5 ? '\n……' : ''}`, 'error');
        return;
      }
      revealAdded.current = plan.inserted > 0;
      void send(plan.edit, `粘贴 ${block.length} 行`).then((ok) => {
        if (ok) notify(`已粘贴：修改 ${plan.updated} 行，新增 ${plan.inserted} 行（可按 Ctrl+Z 一次撤销）`);
      });
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [displayedLines, notify, send, rangeBounds, applyPlan]);

  // The keys AG Grid does not have, or has otherwise than Excel: taken before the grid (and the
  // browser: Ctrl+D, Ctrl+R) sees them.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const grid = api.current;
      const where = e.target instanceof Element ? e.target : null;
      if (!grid || !where?.closest('.ag-cell, .ag-popup-editor')) return;
      pointerRange.current = false;
      const editing = grid.getEditingCells().length > 0;
      const action = gridKeyAction(e, editing);
      const cell = grid.getFocusedCell();
      if (!action) {
        if (!editing && /^(Arrow|Page)/.test(e.key)) {
          flow.current.reset();
          endDraft();
        }
        return;
      }
      const take = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      const pinned = cell?.rowPinned === 'bottom' ? ('bottom' as const) : null;
      switch (action.kind) {
        case 'help':
          take();
          helpRef.current();
          return;
        case 'tab':
          if (!editing) return;
          // The entry flow begins with a Tab that enters a value; Tabs that only move do not start it.
          if (cell && columnIndex(cell.column) >= 0) flow.current.tab(columnIndex(cell.column));
          // As in Excel: the value is committed and the next cell is focused, not opened for editing.
          take();
          commitOpenEditor();
          grid.tabToNextCell();
          return;
        case 'enter': {
          if (!cell) return;
          const onNewRow = pinned === 'bottom' && cell.rowIndex === 0;
          if (editing) flow.current.entry();
          const start = flow.current.enter();
          if (start === null && !onNewRow) {
            endDraft();
            return;
          }
          take();
          const column = start === null ? cell.column.getColId() : GRID_COLUMNS[start];
          // The next row; after the last line, and from the empty row itself, the empty row (the next new line).
          const next = cell.rowPinned ? null : cell.rowIndex + 1 < grid.getDisplayedRowCount() ? cell.rowIndex + 1 : null;
          if (editing) commitOpenEditor();
          // What follows in the empty row is a new line of its own.
          endDraft();
          flow.current.reset();
          if (next === null) focusCell(0, column, 'bottom');
          else focusCell(next, column);
          return;
        }
        case 'ime':
          if (!cell || columnIndex(cell.column) < 0 || (pinned && cell.rowIndex !== 0)) return;
          // The input method's text follows in the editor this opens (focused at once): none of it is lost.
          grid.startEditingCell({ rowIndex: cell.rowIndex, colKey: cell.column.getColId(), rowPinned: pinned ?? undefined, key: IME_KEY });
          return;
        case 'rowStart':
        case 'rowEnd':
          if (!cell) return;
          take();
          focusCell(cell.rowIndex, GRID_COLUMNS[action.kind === 'rowStart' ? 0 : GRID_COLUMNS.length - 1], pinned);
          return;
        case 'firstCell':
        case 'lastCell': {
          take();
          const count = grid.getDisplayedRowCount();
          if (count === 0) return;
          focusCell(action.kind === 'firstCell' ? 0 : count - 1, GRID_COLUMNS[action.kind === 'firstCell' ? 0 : GRID_COLUMNS.length - 1]);
          return;
        }
        case 'extend': {
          if (!cell || pinned || (!range.current && columnIndex(cell.column) < 0)) return;
          take();
          const current = range.current ?? singleCell({ row: cell.rowIndex, col: columnIndex(cell.column) });
          const next = extendRange(current, action.rows, action.cols, grid.getDisplayedRowCount(), GRID_COLUMNS.length);
          setRange(next);
          grid.ensureIndexVisible(next.focus.row);
          grid.ensureColumnVisible(GRID_COLUMNS[next.focus.col]);
          return;
        }
        case 'selectAll':
          take();
          setRange(allCells(grid.getDisplayedRowCount(), GRID_COLUMNS.length));
          return;
        case 'fillDown':
        case 'fillRight': {
          take();
          const b = actingBounds();
          if (!b) return;
          const down = action.kind === 'fillDown';
          // One cell fills from its neighbour above (left), as in Excel.
          const from = down ? (b.top === b.bottom ? { ...b, top: b.top - 1 } : b) : b.left === b.right ? { ...b, left: b.left - 1 } : b;
          if (from.top < 0 || from.left < 0) return;
          const lines = displayedLines();
          applyPlan(down ? planFillDown(lines, from, workbookRef.current) : planFillRight(lines, from, workbookRef.current), down ? '向下填充' : '向右填充');
          return;
        }
        case 'clear': {
          const b = rangeBounds();
          if (!b) return; // One cell: the grid clears it as an edit of that cell.
          take();
          const { plan, kept } = planClear(displayedLines(), b, workbookRef.current);
          applyPlan(plan, '清除');
          if (kept.length > 0) notify(`${kept.map((c) => LINE_COLUMNS[c].header).join('、')}不能为空，未清除`, 'error');
          return;
        }
      }
    };
    const onMouseDown = (e: MouseEvent) => {
      const grid = api.current;
      const pos = cellAt(e.target);
      if (!grid || e.button !== 0) return;
      flow.current.reset();
      endDraft();
      pointerRange.current = false;
      if (!pos) return;
      if (pos.lineNo) {
        pointerRange.current = true;
        // A line number: whole rows, as Excel's row headers.
        e.preventDefault();
        e.stopPropagation();
        const anchor = e.shiftKey && range.current ? range.current.anchor : { row: pos.row, col: 0 };
        setRange({ anchor: { row: anchor.row, col: 0 }, focus: { row: pos.row, col: GRID_COLUMNS.length - 1 } });
        if (!e.shiftKey) focusCell(pos.row, GRID_COLUMNS[0]);
        dragging.current = true;
        return;
      }
      if (e.shiftKey) {
        const cell = grid.getFocusedCell();
        if (!cell || cell.rowPinned || columnIndex(cell.column) < 0) return;
        e.preventDefault();
        e.stopPropagation();
        pointerRange.current = true;
        const anchor = range.current?.anchor ?? { row: cell.rowIndex, col: columnIndex(cell.column) };
        setRange(rangeTo({ anchor, focus: anchor }, pos));
        return;
      }
      dragging.current = true;
      setRange(singleCell(pos));
    };
    const onMouseMove = (e: MouseEvent) => {
      if (!dragging.current || !range.current) return;
      if ((e.buttons & 1) === 0) {
        dragging.current = false;
        return;
      }
      const pos = cellAt(e.target);
      if (!pos) return;
      const wholeRows = range.current.anchor.col === 0 && range.current.focus.col === GRID_COLUMNS.length - 1 && pos.lineNo;
      const focus = wholeRows ? { row: pos.row, col: GRID_COLUMNS.length - 1 } : pos;
      if (focus.row !== range.current.focus.row || focus.col !== range.current.focus.col) setRange(rangeTo(range.current, focus));
    };
    const onMouseUp = () => {
      dragging.current = false;
    };
    el.addEventListener('keydown', onKeyDown, true);
    el.addEventListener('mousedown', onMouseDown, true);
    el.addEventListener('mousemove', onMouseMove);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      el.removeEventListener('keydown', onKeyDown, true);
      el.removeEventListener('mousedown', onMouseDown, true);
      el.removeEventListener('mousemove', onMouseMove);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, [actingBounds, applyPlan, displayedLines, endDraft, focusCell, notify, rangeBounds, setRange]);

  // The rows follow the workbook edit by edit (a whole new list only on loading, or when an edit is best shown so).
  useEffect(
    () =>
      subscribe((change) => {
        const grid = api.current;
        if (!grid) return;
        const tx = change.kind === 'edit' ? rowTransaction(change.edit, change.workbook) : null;
        if (tx === 'none') return;
        if (tx) grid.applyTransaction(tx);
        else grid.setGridOption('rowData', change.workbook.lines as GridRow[]);
      }),
    [subscribe],
  );

  // A window or tab that closes commits what is in an open cell editor first.
  useEffect(() => onFlush(commitOpenEditor), [onFlush, commitOpenEditor]);

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridRow>) => {
      if (dragging.current || pointerRange.current || e.rowIndex == null || !e.column || typeof e.column === 'string') return;
      const col = columnIndex(e.column);
      const r = range.current;
      // A move of the focused cell (arrows, Tab, Enter, a click) leaves a range, as in Excel.
      if (r && !isSingleCell(r) && r.anchor.row === e.rowIndex && r.anchor.col === col && !e.rowPinned) return;
      setRange(e.rowPinned || col < 0 ? null : singleCell({ row: e.rowIndex, col }));
    },
    [setRange],
  );

  const onCellKeyDown = useCallback((e: CellKeyDownEvent<GridRow>) => {
    const row = e.data;
    if (!(e.event instanceof KeyboardEvent) || !isOpenKey(e.event) || !row || row.pinned || row.kind !== '项目支出' || row.project === '') return;
    e.event.preventDefault();
    // Opened once the grid has finished with this key, so that it does not take the focus back afterwards.
    setTimeout(() => openProjectRef.current(row.project, row.unit), 0);
  }, []);

  const reportFiltered = useCallback(() => {
    const grid = api.current;
    if (!grid) return;
    if (!grid.isAnyFilterPresent()) {
      filteredRef.current(null, 0);
      return;
    }
    let sum = 0;
    let count = 0;
    grid.forEachNodeAfterFilter((n) => {
      if (n.data) {
        sum += n.data.amount;
        count++;
      }
    });
    filteredRef.current(sum, count);
  }, []);
  useEffect(reportFiltered, [workbook.lines, quickFilter, reportFiltered]);

  const deleteSelected = useCallback(() => {
    const b = actingBounds();
    if (!b) {
      notify('请先点击行号选择要删除的明细（按住 Shift 点击可选多行）', 'error');
      return;
    }
    const ids = displayedLines()
      .slice(b.top, b.bottom + 1)
      .map((l) => l.id);
    void send({ op: 'deleteLines', ids }, `删除 ${ids.length} 行`).then((ok) => {
      if (!ok) return;
      setRange(null);
      notify(`已删除 ${ids.length} 行（可按 Ctrl+Z 撤销）`);
      requestAnimationFrame(keepFocus);
    });
  }, [actingBounds, displayedLines, keepFocus, notify, send, setRange]);

  return (
    <div className="lines">
      <div className="toolbar">
        <input className="quick-filter" type="search" placeholder="在全部列中查找…" aria-label="在全部列中查找" value={quickFilter} onChange={(e) => setQuickFilter(e.target.value)} />
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={deleteSelected} disabled={rangeSize.rows === 0}>
          删除所选行{rangeSize.rows > 0 ? `（${rangeSize.rows}）` : ''}
        </button>
        <span className="hint">
          共 {lineCount.toLocaleString('zh-CN')} 行{rangeSize.cells > 1 ? `，已选 ${rangeSize.rows} 行 ${rangeSize.cells} 个单元格` : ''}。直接输入（含中文）即编辑，Tab 右移、回车回到起始列的下一行；Shift+方向键或拖动选择区域，Ctrl+D / Ctrl+R
          填充，Delete 清除；按 F1 查看全部快捷键。
        </span>
      </div>
      <div className="grid-host" ref={host}>
        <AgGridReact<GridRow>
          theme={THEME}
          localeText={AG_GRID_ZH_CN}
          getRowId={(p: GetRowIdParams<GridRow>) => `${p.rowPinned ?? ''}${p.data.pinned ?? p.data.id}`}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          pinnedBottomRowData={pinnedBottom}
          getRowClass={(p: RowClassParams<GridRow>) => (p.data?.pinned ? `row-${p.data.pinned}` : undefined)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onCellKeyDown={onCellKeyDown}
          onCellFocused={onCellFocused}
          onCellEditingStarted={(e) => {
            // Typing in a line ends what the empty row began.
            if (!e.rowPinned) endDraft();
          }}
          onSortChanged={() => {
            setRange(null);
            requestAnimationFrame(keepFocus);
          }}
          onFilterChanged={() => {
            setRange(null);
            reportFiltered();
          }}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          // Twelve columns: all drawn, so that a range and the keys reach every one of them.
          suppressColumnVirtualisation
          quickFilterText={quickFilter}
          tooltipShowDelay={300}
          onGridReady={(e) => {
            api.current = e.api;
            e.api.setGridOption('rowData', workbookRef.current.lines as GridRow[]);
          }}
        />
      </div>
    </div>
  );
}
