import Decimal from 'decimal.js';
import { formatYuan, parseAmount } from '../money';
import { PROCUREMENT_KINDS, VEHICLE_KINDS, type AssetItem, type ProcurementItem, type Schedules, type ServiceItem } from './model';

/**
 * The columns of each item schedule, in order: the screen's grid, its paste, and the sheet of the
 * export and import all use these, so the layout is written once.
 */
export type ColumnType = 'text' | 'code' | 'money' | 'quantity' | 'choice';
export interface ScheduleColumn<T> {
  field: keyof T & string;
  header: string;
  type: ColumnType;
  choices?: readonly string[];
  /** A choice column that may be left empty. */
  optional?: boolean;
}

const TIE_COLUMNS = [
  { field: 'unit', header: '单位名称', type: 'text' },
  { field: 'project', header: '项目名称', type: 'text', optional: true },
  { field: 'economicCode', header: '经济分类科目编码', type: 'code' },
] as const;

export const PROCUREMENT_COLUMNS: readonly ScheduleColumn<ProcurementItem>[] = [
  ...TIE_COLUMNS,
  { field: 'kind', header: '采购类别', type: 'choice', choices: PROCUREMENT_KINDS },
  { field: 'item', header: '采购品目', type: 'text' },
  { field: 'method', header: '采购方式', type: 'text', optional: true },
  { field: 'quantity', header: '数量', type: 'quantity' },
  { field: 'unitPrice', header: '单价（元）', type: 'money' },
  { field: 'amount', header: '金额（元）', type: 'money' },
  { field: 'smeReserved', header: '面向中小企业预留（元）', type: 'money' },
  { field: 'smallMicro', header: '其中：小微企业（元）', type: 'money' },
];

export const SERVICE_COLUMNS: readonly ScheduleColumn<ServiceItem>[] = [
  ...TIE_COLUMNS,
  { field: 'category', header: '服务类别', type: 'text' },
  { field: 'content', header: '服务内容', type: 'text', optional: true },
  { field: 'amount', header: '金额（元）', type: 'money' },
  { field: 'provider', header: '承接主体类型', type: 'text', optional: true },
];

export const ASSET_COLUMNS: readonly ScheduleColumn<AssetItem>[] = [
  ...TIE_COLUMNS,
  { field: 'assetClass', header: '资产类别', type: 'text' },
  { field: 'name', header: '品名', type: 'text' },
  { field: 'vehicleKind', header: '车辆类型', type: 'choice', choices: VEHICLE_KINDS, optional: true },
  { field: 'quantity', header: '数量', type: 'quantity' },
  { field: 'unitPrice', header: '单价（元）', type: 'money' },
  { field: 'amount', header: '金额（元）', type: 'money' },
];

export type ItemSchedule = 'procurement' | 'services' | 'assets';
export const ITEM_SCHEDULES: readonly { key: ItemSchedule; title: string; columns: readonly ScheduleColumn<never>[] }[] = [
  { key: 'procurement', title: '政府采购预算表', columns: PROCUREMENT_COLUMNS as readonly ScheduleColumn<never>[] },
  { key: 'services', title: '政府购买服务预算表', columns: SERVICE_COLUMNS as readonly ScheduleColumn<never>[] },
  { key: 'assets', title: '资产配置预算表', columns: ASSET_COLUMNS as readonly ScheduleColumn<never>[] },
];

export type ScheduleItem = Schedules[ItemSchedule][number];

/** A cell as text: amounts as 1,200.00 (the way a person reads and pastes them), quantities in full. */
export function cellText(column: ScheduleColumn<never>, value: unknown): string {
  if (column.type === 'money') return formatYuan(value as number);
  if (column.type === 'quantity') return String(value);
  return String(value ?? '');
}

/** A typed or pasted cell as the field's value, or why it cannot be. */
export function parseCell(column: ScheduleColumn<never>, input: string): { ok: true; value: string | number } | { ok: false; reason: string } {
  const text = input.trim();
  switch (column.type) {
    case 'money': {
      if (text === '') return { ok: true, value: 0 };
      const r = parseAmount(text);
      if (!r.ok) return r;
      return r.fen < 0 ? { ok: false, reason: '金额不能为负数' } : { ok: true, value: r.fen };
    }
    case 'quantity': {
      const plain = text.normalize('NFKC').replace(/,/g, '');
      if (plain === '') return { ok: true, value: 0 };
      if (!/^\d+(\.\d{1,4})?$/.test(plain)) return { ok: false, reason: `“${text}”不是数量（应为不小于零的数，最多四位小数，如 3 或 2.5）` };
      return { ok: true, value: new Decimal(plain).toNumber() };
    }
    case 'code':
      return /^\d{5}$/.test(text) ? { ok: true, value: text } : { ok: false, reason: `“${text}”不是经济分类款编码（应为 5 位数字，如 30201）` };
    case 'choice':
      if (text === '' && column.optional) return { ok: true, value: '' };
      return column.choices!.includes(text) ? { ok: true, value: text } : { ok: false, reason: `应为 ${column.choices!.join('、')} 之一${column.optional ? '（或留空）' : ''}，而不是“${text}”` };
    case 'text':
      if (text === '' && !column.optional) return { ok: false, reason: '不能为空' };
      return text.length > 2000 ? { ok: false, reason: '太长（最多 2000 字）' } : { ok: true, value: text };
  }
}

/** An empty item of a schedule (the fields a grid's new row starts with). */
export function emptyItem(schedule: ItemSchedule): ScheduleItem {
  const columns = ITEM_SCHEDULES.find((s) => s.key === schedule)!.columns;
  return Object.fromEntries(columns.map((c) => [c.field, c.type === 'money' || c.type === 'quantity' ? 0 : c.type === 'choice' && !c.optional ? c.choices![0] : ''])) as unknown as ScheduleItem;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** Rows of cells (in the columns' order) as items; every problem with its row and column, or none. */
export function readItemRows(schedule: ItemSchedule, rows: readonly { row: number; cells: readonly string[] }[]): { items: ScheduleItem[]; problems: RowProblem[] } {
  const columns = ITEM_SCHEDULES.find((s) => s.key === schedule)!.columns;
  const items: ScheduleItem[] = [];
  const problems: RowProblem[] = [];
  for (const { row, cells } of rows) {
    const item: Record<string, string | number> = {};
    columns.forEach((column, c) => {
      const parsed = parseCell(column, cells[c] ?? '');
      if (parsed.ok) item[column.field] = parsed.value;
      else problems.push({ row, column: column.header, message: parsed.reason });
    });
    items.push(item as unknown as ScheduleItem);
  }
  return { items, problems };
}

/** The headers of the performance tables (项目支出 and 部门整体), one indicator a row. */
export const PROJECT_PERFORMANCE_HEADERS = ['项目名称', '年度目标', '一级指标', '二级指标', '三级指标', '指标值'] as const;
export const DEPARTMENT_PERFORMANCE_HEADERS = ['部门名称', '总体目标', '一级指标', '二级指标', '三级指标', '指标值'] as const;
