import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type ColDef, type GridApi, type RowClassParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cellText, parseCell, readRows, type ItemColumn } from '../../../shared/core/itemColumns';
import { AG_GRID_ZH_CN } from '../agGridLocale';
import { isTextEntry } from '../textEntry';
import { formatTsv, parseTsv } from '../tsv';

ModuleRegistry.registerModules([AllCommunityModule]);

const THEME = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 5,
});

/** A grid row: an item by its index, or the empty row at the bottom where a new item is typed. */
type Row = { index: number; cells: Record<string, string>; isNew?: true };

interface Props<T> {
  /** Says what the grid holds, for messages and screen readers (e.g. 政府采购). */
  label: string;
  columns: readonly ItemColumn<T>[];
  items: readonly T[];
  /** A new item before any cell is typed into it. */
  blank: T;
  /** A change to the list, made from the list as saved when its turn comes: one edit, one undo. */
  onChange(update: (items: readonly T[]) => T[]): Promise<boolean>;
  notify(message: string, kind?: 'info' | 'error'): void;
  /** A class for an item's row (e.g. flagged by 审核). */
  rowClass?(item: T, index: number): string | undefined;
  /** Rows to show in the grid's viewport before it scrolls. */
  height?: number;
}

/**
 * A list of records edited like the 明细 grid: arrows, Enter down, Tab right, type or F2 to edit,
 * a new record typed in the empty last row, Ctrl+C / Ctrl+V as tab-separated blocks with Excel (a
 * paste is all or nothing, and one undo), the selected rows deleted at once. Every cell is read by
 * its column (itemColumns), so a bad cell is refused with its reason and changes nothing.
 */
export function ItemGrid<T>({ label, columns, items, blank, onChange, notify, rowClass, height = 10 }: Props<T>) {
  const api = useRef<GridApi<Row> | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  const rows = useMemo(
    () => items.map((item, index): Row => ({ index, cells: Object.fromEntries(columns.map((c) => [c.field, cellText(c as ItemColumn<never>, (item as Record<string, unknown>)[c.field])])) })),
    [items, columns],
  );
  const pinned = useMemo((): Row[] => [{ index: -1, cells: Object.fromEntries(columns.map((c, i) => [c.field, i === 0 ? '（在此输入新的一行）' : ''])), isNew: true }], [columns]);

  const columnDefs = useMemo(
    (): ColDef<Row>[] =>
      columns.map((c) => ({
        colId: c.field,
        headerName: c.header,
        valueGetter: (p) => p.data?.cells[c.field] ?? '',
        editable: true,
        type: c.type === 'money' || c.type === 'quantity' || c.type === 'integer' ? 'rightAligned' : undefined,
        minWidth: c.type === 'text' ? 140 : 110,
        flex: c.type === 'text' ? 2 : 1,
        ...(c.type === 'choice' ? { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...(c.optional ? [''] : []), ...c.choices!] } } : {}),
      })),
    [columns],
  );

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<Row>) => {
      const column = columns.find((c) => c.field === e.column.getColId())!;
      const text = e.newValue == null ? '' : String(e.newValue);
      const where = e.data.isNew ? '新行' : `第 ${e.data.index + 1} 行`;
      const parsed = parseCell(column as ItemColumn<never>, text);
      if (!parsed.ok) {
        notify(`${label}${where}“${column.header}”未修改：${parsed.reason}`, 'error');
        return;
      }
      const index = e.data.index;
      if (e.data.isNew) void onChange((list) => [...list, { ...blank, [column.field]: parsed.value }]);
      else if (e.data.cells[column.field] !== cellText(column as ItemColumn<never>, parsed.value)) {
        void onChange((list) => list.map((item, i) => (i === index ? { ...item, [column.field]: parsed.value } : item)));
      }
    },
    [columns, blank, label, notify, onChange],
  );

  useEffect(() => {
    const inGrid = () => host.current?.contains(document.activeElement) === true;
    const onCopy = (e: ClipboardEvent) => {
      const grid = api.current;
      if (!grid || !inGrid() || isTextEntry(e.target)) return;
      const chosen = grid.getSelectedRows().filter((r) => !r.isNew);
      const cell = grid.getFocusedCell();
      const block =
        chosen.length > 1
          ? chosen.sort((a, b) => a.index - b.index).map((r) => columns.map((c) => r.cells[c.field]))
          : cell && !cell.rowPinned
            ? [[grid.getDisplayedRowAtIndex(cell.rowIndex)?.data?.cells[cell.column.getColId()] ?? '']]
            : null;
      if (!block) return;
      e.clipboardData?.setData('text/plain', formatTsv(block));
      e.preventDefault();
      notify(block.length > 1 ? `已复制 ${block.length} 行` : '已复制');
    };
    const onPaste = (e: ClipboardEvent) => {
      const grid = api.current;
      if (!grid || !inGrid() || isTextEntry(e.target)) return;
      e.preventDefault();
      const block = parseTsv(e.clipboardData?.getData('text/plain') ?? '').filter((r) => r.some((c) => c.trim() !== ''));
      if (block.length === 0) return;
      const cell = grid.getFocusedCell();
      const startRow = !cell || cell.rowPinned ? items.length : cell.rowIndex;
      const startColumn = Math.max(0, cell ? columns.findIndex((c) => c.field === cell.column.getColId()) : 0);
      // Each pasted row over the row it lands on (cells outside the block keep their text), new rows past the end.
      const target = block.map((cells, r) => {
        const at = startRow + r;
        const base = at < rows.length ? rows[at].cells : Object.fromEntries(columns.map((c) => [c.field, cellText(c as ItemColumn<never>, (blank as Record<string, unknown>)[c.field])]));
        return { row: at + 1, cells: columns.map((c, i) => (i >= startColumn && i - startColumn < cells.length ? cells[i - startColumn] : base[c.field])) };
      });
      const { items: read, problems } = readRows(columns, target);
      if (problems.length > 0) {
        const shown = problems.slice(0, 5).map((p) => `第 ${p.row} 行“${p.column}”：${p.message}`);
        notify(`未粘贴，有 ${problems.length} 处内容无法读取：\n${shown.join('\n')}${problems.length > 5 ? '\n……' : ''}`, 'error');
        return;
      }
      const added = Math.max(0, startRow + read.length - items.length);
      void onChange((list) => {
        const next = [...list];
        read.forEach((item, r) => (next[startRow + r] = item));
        return next;
      }).then((ok) => ok && notify(`已粘贴：修改 ${read.length - added} 行，新增 ${added} 行（可按 Ctrl+Z 一次撤销）`));
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [columns, rows, items.length, blank, notify, onChange]);

  const deleteSelected = () => {
    const doomed = new Set((api.current?.getSelectedRows() ?? []).filter((r) => !r.isNew).map((r) => r.index));
    if (doomed.size === 0) return notify('请先点击行选择要删除的行（按住 Shift 或 Ctrl 可多选）', 'error');
    void onChange((list) => list.filter((_, i) => !doomed.has(i))).then((ok) => ok && notify(`已删除 ${doomed.size} 行（可按 Ctrl+Z 撤销）`));
  };

  return (
    <div className="item-grid" aria-label={label} role="region">
      <div className="toolbar">
        <button type="button" onClick={deleteSelected} disabled={selected === 0}>
          删除所选行{selected > 0 ? `（${selected}）` : ''}
        </button>
        <span className="hint">共 {items.length} 行。在最后的空行输入新的一行；Ctrl+C / Ctrl+V 与 Excel 互相复制粘贴；Ctrl+Z 撤销。</span>
      </div>
      <div className="grid-host" ref={host} style={{ height: `${(Math.min(Math.max(items.length, 3), height) + 2) * 30 + 40}px` }}>
        <AgGridReact<Row>
          theme={THEME}
          localeText={AG_GRID_ZH_CN}
          rowData={rows}
          getRowId={(p) => (p.data.isNew ? 'new' : String(p.data.index))}
          columnDefs={columnDefs}
          pinnedBottomRowData={pinned}
          getRowClass={(p: RowClassParams<Row>) => (p.data?.isNew ? 'row-new' : p.data && rowClass ? rowClass(items[p.data.index], p.data.index) : undefined)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows().filter((r) => !r.isNew).length)}
          onGridReady={(e) => {
            api.current = e.api;
          }}
        />
      </div>
    </div>
  );
}
