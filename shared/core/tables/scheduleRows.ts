import { addFen } from '../money';
import { PROCUREMENT_KINDS, type ProcurementItem, type Schedules } from '../schedules/model';
import type { TableTemplate } from '../templates/types';
import type { Cell, TableRow } from './tableModel';

/** A schedule item's field as printed (`project` of 基本支出 items reads 基本支出). */
function fieldText(item: ProcurementItem, field: string | undefined): string {
  switch (field) {
    case 'kind':
      return item.kind;
    case 'item':
      return item.item;
    case 'method':
      return item.method;
    case 'project':
      return item.project || '基本支出';
    case 'unit':
      return item.unit;
    case 'quantity':
      return String(item.quantity);
    default:
      return '';
  }
}

/**
 * The rows of a schedule table (政府采购预算表): per 采购类别 (货物 / 工程 / 服务) with items, a row of the
 * 类别 with its sums (level `class`) and then its items (level `item`), in the schedule's order.
 * Schedule figures are not sums of lines: their cells list no lines.
 */
export function scheduleRows(spec: TableTemplate, schedules: Schedules | undefined, unit: string | undefined): TableRow[] {
  const items = (schedules?.procurement ?? []).filter((p) => unit === undefined || p.unit === unit);
  const label = spec.columns.findIndex((c) => c.type !== 'amount');
  const rows: TableRow[] = [];
  for (const kind of PROCUREMENT_KINDS) {
    const of = items.filter((p) => p.kind === kind);
    if (of.length === 0) continue;
    const groupCells = spec.columns.map((c, i): Cell => {
      if (c.type === 'amount') return { fen: of.reduce((s, p) => addFen(s, p.amount), 0), filter: { none: true } };
      return { text: i === label ? kind : '' };
    });
    rows.push({ level: 'class', cells: groupCells });
    for (const p of of) {
      rows.push({
        level: 'item',
        cells: spec.columns.map((c): Cell => (c.type === 'amount' ? { fen: p.amount, filter: { none: true } } : { text: fieldText(p, c.type === 'text' ? c.field : undefined) })),
      });
    }
  }
  return rows;
}
