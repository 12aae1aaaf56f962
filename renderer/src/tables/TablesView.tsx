import { useEffect, useMemo, useState } from 'react';
import { columnWidths, isLandscape } from '../../../shared/core/tables/printLayout';
import { unitTypeLookup, type LineItem, type Workbook } from '../../../shared/core/model';
import { addFen, formatYuan } from '../../../shared/core/money';
import { matchesFilter, type LineFilter, type TableId } from '../../../shared/core/tables/tableModel';
import type { LiveState } from '../useLiveWorkbook';
import { TableModelView } from './TableModelView';

/** A table (and a body row of it) to show, e.g. from a finding; `seq` changes on every request. */
export interface TableTarget {
  table: TableId;
  row?: number;
  seq: number;
}

interface Props {
  workbook: Workbook;
  /** The tables kept up to date edit by edit. */
  derived: LiveState;
  target: TableTarget | null;
  onGoToLine(lineId: number): void;
}

interface Figure {
  label: string;
  filter: LineFilter;
}

const SHOWN_LINES = 200;

/** 公开表: the template's tables drawn from their models; a click on a figure lists the lines it sums. */
export function TablesView({ workbook, derived, target, onGoToLine }: Props) {
  const [current, setCurrent] = useState(0);
  /** '' for the department's tables (部门预算), else one unit's (单位预算). */
  const [unit, setUnit] = useState('');
  const tables = useMemo(() => (unit === '' ? derived.live.tables : derived.live.unitTables(unit)), [derived, unit]);
  useEffect(() => {
    if (!target) return;
    setUnit('');
    setCurrent(target.table - 1);
    setFigure(null);
  }, [target]);
  const [figure, setFigure] = useState<Figure | null>(null);
  const unitTypeOf = useMemo(() => unitTypeLookup(workbook.units), [workbook.units]);
  const table = tables[current];
  // The same rule as the Excel file's page setup: a table too wide for A4 portrait prints on its side.
  const landscape = useMemo(() => (table ? isLandscape(columnWidths(table)) : false), [table]);

  const lines = useMemo<LineItem[]>(
    () => (figure ? workbook.lines.filter((l) => matchesFilter(figure.filter, l, unitTypeOf(l.unit))) : []),
    [figure, workbook.lines, unitTypeOf],
  );
  const total = lines.reduce((s, l) => addFen(s, l.amount), 0);

  return (
    <div className="tables">
      <nav className="table-list" aria-label="公开表">
        {workbook.units.length > 1 && (
          <select value={unit} aria-label="部门或单位" onChange={(e) => setUnit(e.target.value)}>
            <option value="">部门预算</option>
            {workbook.units.map((u) => (
              <option key={u.name} value={u.name}>
                单位预算：{u.name}
              </option>
            ))}
          </select>
        )}
        {tables.map((t, i) => (
          <button
            key={t.id}
            type="button"
            className={i === current ? 'active' : undefined}
            onClick={() => {
              setCurrent(i);
              setFigure(null);
            }}
          >
            表{t.id}　{t.title.replace(/^\d{4}\s*年/, '')}
          </button>
        ))}
      </nav>
      <div className="table-body">
        {table && (
          <div className="print-bar">
            <button type="button" onClick={() => window.print()} title="按公开格式打印当前表（Ctrl+P）：一张表一页，宽表横向">
              打印当前表
            </button>
          </div>
        )}
        {/* The page the current table prints on (one table is printed at a time). */}
        {table && <style>{`@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm; }`}</style>}
        {table && (
          <div className="print-page">
            <TableModelView table={table} highlightRow={target?.table === table.id ? target.row : undefined} onFigure={(filter, label) => setFigure({ filter, label })} />
          </div>
        )}
        {figure && (
          <aside className="figure-lines" aria-label="构成此数的明细">
            <header>
              <strong>{figure.label}</strong>
              <span>
                共 {lines.length} 行明细，合计 {formatYuan(total)} 元
              </span>
              <button type="button" onClick={() => setFigure(null)}>
                关闭
              </button>
            </header>
            <table>
              <thead>
                <tr>
                  <th>单位</th>
                  <th>功能分类</th>
                  <th>经济分类</th>
                  <th>支出类型</th>
                  <th>资金来源</th>
                  <th>项目</th>
                  <th>金额（元）</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {lines.slice(0, SHOWN_LINES).map((l) => (
                  <tr key={l.id}>
                    <td>{l.unit}</td>
                    <td>{l.functionCode}</td>
                    <td>{l.economicCode}</td>
                    <td>{l.kind}</td>
                    <td>{l.source}</td>
                    <td>{l.project}</td>
                    <td className="type-amount">{formatYuan(l.amount)}</td>
                    <td>
                      <button type="button" className="link" onClick={() => onGoToLine(l.id)}>
                        在明细中查看
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {lines.length > SHOWN_LINES && <p className="hint">只列出前 {SHOWN_LINES} 行；可在“明细”中筛选查看全部。</p>}
          </aside>
        )}
      </div>
    </div>
  );
}
