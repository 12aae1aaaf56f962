import type { Cell, LineFilter, TableModel } from '../../../shared/core/tables/tableModel';
import { cellText, isAmount } from '../../../shared/core/tables/tableModel';

interface Props {
  table: TableModel;
  /** A body row to mark, e.g. the one a finding is about. */
  highlightRow?: number;
  /** Called with a figure's filter when it is clicked. */
  onFigure(filter: LineFilter, label: string): void;
}

function headerRows(table: TableModel) {
  const rows = Array.from({ length: table.headerRows }, () => [] as TableModel['header']);
  for (const cell of table.header) rows[cell.row].push(cell);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

/** A row's label for the list of lines behind one of its figures: its codes and name. */
function rowLabel(table: TableModel, cells: readonly Cell[]): string {
  return cells
    .filter((c) => !isAmount(c))
    .map((c) => cellText(table, c))
    .filter((t) => t !== '')
    .join(' ');
}

/**
 * One of the nine tables as published: title, 编制部门 and 单位 lines, the header with its merged
 * cells, and the body printed through `cellText`, the same rule the Excel file uses.
 */
export function TableModelView({ table, highlightRow, onFigure }: Props) {
  return (
    <section className="pub-table" aria-label={table.title}>
      <h2 className="pub-title">{table.title}</h2>
      <div className="pub-meta">
        <span>
          {table.preparerLabel}：{table.preparer}
        </span>
        <span>单位：{table.unit}</span>
      </div>
      <table>
        <thead>
          {headerRows(table).map((cells, r) => (
            <tr key={r}>
              {cells.map((c) => (
                <th key={`${c.row}-${c.col}`} rowSpan={c.rowSpan} colSpan={c.colSpan}>
                  {c.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length} className="pub-empty">
                （无数据）
              </td>
            </tr>
          )}
          {table.rows.map((row, r) => (
            <tr key={r} className={`level-${row.level}${r === highlightRow ? ' target' : ''}`}>
              {row.cells.map((cell, c) => {
                const text = cellText(table, cell);
                if (!isAmount(cell)) return <td key={c} className={`type-${table.columns[c]?.type ?? 'text'}`}>{text}</td>;
                const column = table.header.filter((h) => h.col <= c && c < h.col + h.colSpan).map((h) => h.text).join('·');
                return (
                  <td key={c} className="type-amount figure" title="点击查看构成此数的明细" onClick={() => onFigure(cell.filter, `${rowLabel(table, row.cells)} — ${column}`)}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="pub-note">{table.note}</p>}
    </section>
  );
}
