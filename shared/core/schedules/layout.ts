import { readRows, type ItemColumn, type RowProblem } from '../itemColumns';
import type { PerformanceIndicator } from '../model';
import { PROCUREMENT_KINDS, VEHICLE_KINDS, type AssetItem, type ProcurementItem, type Schedules, type ServiceItem } from './model';

/**
 * The columns of each item schedule, in order: the screen's grid, its paste, and the sheet of the
 * export and import all use these, so the layout is written once.
 */
const TIE_COLUMNS = [
  { field: 'unit', header: '单位名称', type: 'text' },
  { field: 'project', header: '项目名称', type: 'text', optional: true },
  { field: 'economicCode', header: '经济分类科目编码', type: 'code' },
] as const;

export const PROCUREMENT_COLUMNS: readonly ItemColumn<ProcurementItem>[] = [
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

export const SERVICE_COLUMNS: readonly ItemColumn<ServiceItem>[] = [
  ...TIE_COLUMNS,
  { field: 'category', header: '服务类别', type: 'text' },
  { field: 'content', header: '服务内容', type: 'text', optional: true },
  { field: 'amount', header: '金额（元）', type: 'money' },
  { field: 'provider', header: '承接主体类型', type: 'text', optional: true },
];

export const ASSET_COLUMNS: readonly ItemColumn<AssetItem>[] = [
  ...TIE_COLUMNS,
  { field: 'assetClass', header: '资产类别', type: 'text' },
  { field: 'name', header: '品名', type: 'text' },
  { field: 'vehicleKind', header: '车辆类型', type: 'choice', choices: VEHICLE_KINDS, optional: true },
  { field: 'quantity', header: '数量', type: 'quantity' },
  { field: 'unitPrice', header: '单价（元）', type: 'money' },
  { field: 'amount', header: '金额（元）', type: 'money' },
];

export type ItemSchedule = 'procurement' | 'services' | 'assets';
export const ITEM_SCHEDULES: readonly { key: ItemSchedule; title: string; columns: readonly ItemColumn<never>[] }[] = [
  { key: 'procurement', title: '政府采购预算表', columns: PROCUREMENT_COLUMNS as readonly ItemColumn<never>[] },
  { key: 'services', title: '政府购买服务预算表', columns: SERVICE_COLUMNS as readonly ItemColumn<never>[] },
  { key: 'assets', title: '资产配置预算表', columns: ASSET_COLUMNS as readonly ItemColumn<never>[] },
];

export type { ItemColumn as ScheduleColumn, RowProblem } from '../itemColumns';
export type ScheduleItem = Schedules[ItemSchedule][number];

/** Rows of cells (in the columns' order) as items of a schedule; every problem with its row and column, or none. */
export function readItemRows(schedule: ItemSchedule, rows: readonly { row: number; cells: readonly string[] }[]): { items: ScheduleItem[]; problems: RowProblem[] } {
  const { items, problems } = readRows(ITEM_SCHEDULES.find((s) => s.key === schedule)!.columns, rows);
  return { items: items as unknown as ScheduleItem[], problems };
}

/** The headers of the performance tables (项目支出 and 部门整体), one indicator a row. */
export const PROJECT_PERFORMANCE_HEADERS = ['项目名称', '年度目标', '一级指标', '二级指标', '三级指标', '指标值'] as const;
export const DEPARTMENT_PERFORMANCE_HEADERS = ['部门名称', '总体目标', '一级指标', '二级指标', '三级指标', '指标值'] as const;

/** The columns of a 绩效指标 grid (the 申报表's 一级 / 二级 / 三级指标 and 指标值). */
export const INDICATOR_COLUMNS: readonly ItemColumn<PerformanceIndicator>[] = [
  { field: 'level1', header: '一级指标', type: 'text' },
  { field: 'level2', header: '二级指标', type: 'text' },
  { field: 'level3', header: '三级指标', type: 'text' },
  { field: 'value', header: '指标值', type: 'text', optional: true },
];
