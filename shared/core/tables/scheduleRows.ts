import { addFen, type Fen } from '../money';
import { PROCUREMENT_KINDS, type ProcurementItem, type Schedules } from '../schedules/model';
import type { TableTemplate } from '../templates/types';
import type { Cell, TableRow } from './tableModel';

/** A schedule item's field as printed (`project` of 基本支出 items reads 基本支出; `economic` is the 款's name). */
function fieldText(item: ProcurementItem, field: string | undefined, economicName: (code: string) => string): string {
  switch (field) {
    case 'kind':
      return item.kind;
    case 'item':
      return item.item;
    case 'method':
      return item.method;
    case 'project':
      return item.project || '基本支出';
    case 'economic':
      return economicName(item.economicCode);
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
 * 类别 with its sums (level `class`), then its items (level `item`) in the schedule's order — or, with
 * `subtotalBy`, a row per distinct value of those fields (level `kuan`, with its sum) followed by its items.
 * Schedule figures are not sums of lines: their cells list no lines.
 */
export function scheduleRows(spec: TableTemplate, schedules: Schedules | undefined, unit: string | undefined, economicName: (code: string) => string = () => ''): TableRow[] {
  const items = (schedules?.procurement ?? []).filter((p) => unit === undefined || p.unit === unit);
  const label = spec.columns.findIndex((c) => c.type !== 'amount');
  const options = spec.rows.kind === 'schedule' ? spec.rows : undefined;
  const by = new Set(options?.subtotalBy ?? []);
  const field = (i: number) => {
    const c = spec.columns[i];
    return c.type === 'text' ? c.field : undefined;
  };
  const sumRow = (level: TableRow['level'], of: ProcurementItem[], text: (i: number) => string): TableRow => ({
    level,
    cells: spec.columns.map((c, i): Cell => (c.type === 'amount' ? { fen: of.reduce((s: Fen, p) => addFen(s, p.amount), 0), filter: { none: true } } : { text: text(i) })),
  });
  const itemRow = (p: ProcurementItem): TableRow => ({
    level: 'item',
    cells: spec.columns.map((c, i): Cell => (c.type === 'amount' ? { fen: p.amount, filter: { none: true } } : { text: by.has(field(i) ?? '') ? '' : fieldText(p, field(i), economicName) })),
  });
  const rows: TableRow[] = [];
  for (const kind of PROCUREMENT_KINDS) {
    const of = items.filter((p) => p.kind === kind);
    if (of.length === 0) continue;
    rows.push(sumRow('class', of, (i) => (i === label ? (options?.groupLabels?.[kind] ?? kind) : '')));
    if (by.size === 0) {
      rows.push(...of.map(itemRow));
      continue;
    }
    const groups = new Map<string, ProcurementItem[]>();
    for (const p of of) {
      const key = [...by].map((f) => fieldText(p, f, economicName)).join('\u0000');
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    // a field equal to the one of the subtotal above (with all fields before it) is left blank, as a merged cell prints
    let previous: string[] = [];
    for (const group of groups.values()) {
      const values = [...by].map((f) => fieldText(group[0], f, economicName));
      const same = values.map((_, k) => values.slice(0, k + 1).every((x, j) => x === previous[j]));
      previous = values;
      rows.push(sumRow('kuan', group, (i) => (by.has(field(i) ?? '') && !same[[...by].indexOf(field(i)!)] ? values[[...by].indexOf(field(i)!)] : '')));
      rows.push(...group.map(itemRow));
    }
  }
  return rows;
}
