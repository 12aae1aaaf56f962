import { measureKey } from '../measures';
import type { EnteredFigures, Workbook } from '../model';
import { addFen, formatWanOrZero, type Fen } from '../money';
import { carriesTargets, projectLines } from '../projects';
import { plannedPurchaseText, procurementFigures } from '../schedules/figures';
import type { NarrativeContext } from './context';
import type { NarrativeSection } from './model';
import { PLAIN as P } from './text';

/** 二、机关运行经费: “无…预算” when there is none, otherwise the amount with its change. */
export function officeExpensesSection(ctx: NarrativeContext): NarrativeSection {
  const key = measureKey.officeExpenses;
  const year = ctx.wb.year;
  const current = ctx.row(key).current;
  const text =
    current === 0
      ? P`本部门${year}年无财政拨款机关运行经费预算` + (ctx.changes(key) ? ctx.changeClause(P, key, '上年预算', '机关运行经费', true) : '') + '。'
      : P`本部门${year}年财政拨款机关运行经费预算为${formatWanOrZero(current)}万元${ctx.changeClause(P, key, '上年预算', '机关运行经费', true)}。`;
  return { id: 'officeExpenses', title: '二、机关运行经费预算情况', paragraphs: [{ text, measures: [key], edits: ctx.reasonEdits([key]) }] };
}

/** 三、政府采购: goods, works, services, and the part reserved for SMEs (the schedule's sums when it has items, else as entered). */
export function procurementSection(wb: Workbook): NarrativeSection {
  const { goods, works, services, smeReserved } = procurementFigures(wb);
  const total = [goods, works, services].reduce(addFen, 0);
  const text =
    total === 0 && smeReserved === 0
      ? P`本部门${wb.year}年未安排政府采购预算。`
      : P`本部门${wb.year}年政府采购预算${formatWanOrZero(total)}万元，其中：政府采购货物预算${formatWanOrZero(goods)}万元、政府采购工程预算${formatWanOrZero(works)}万元、政府采购服务预算${formatWanOrZero(services)}万元。` +
        P`本部门${wb.year}年面向中小企业预留政府采购项目预算${formatWanOrZero(smeReserved)}万元。`;
  return { id: 'procurement', title: '三、政府采购预算情况', paragraphs: [{ text, measures: [], edits: [] }] };
}

export interface PerformanceFigures {
  units: number;
  projects: number;
  amount: Fen;
  /** 'entered' when a person entered the counts, 'projects' when counted from the projects that carry 绩效目标. */
  from: 'entered' | 'projects';
}

/**
 * The 绩效目标 counts: as entered when a person entered them (while a workbook's projects are not
 * all entered yet), otherwise counted from the projects that carry 绩效目标, with the money and the
 * units of their lines.
 */
export function performanceSource(wb: Workbook): PerformanceFigures {
  const entered = wb.entered.performance;
  if (entered.entered) return { units: entered.units, projects: entered.projects, amount: entered.amount, from: 'entered' };
  const units = new Set<string>();
  let projects = 0;
  let amount: Fen = 0;
  for (const project of wb.projects.filter(carriesTargets)) {
    projects++;
    for (const line of projectLines(wb.lines, project.name)) {
      units.add(line.unit);
      amount = addFen(amount, line.amount);
    }
  }
  return { units: units.size, projects, amount, from: 'projects' };
}

/** 四、绩效目标设置情况. */
export function performanceSection(wb: Workbook): NarrativeSection {
  const p = performanceSource(wb);
  const text =
    p.projects === 0
      ? P`本部门${wb.year}年无编报绩效目标的项目。`
      : P`按照市、区两级预算绩效管理工作的总体要求，本部门${p.units}个预算单位开展了${wb.year}年项目等预算绩效目标编报工作，其中编报绩效目标的项目${p.projects}个，涉及项目预算资金${formatWanOrZero(p.amount)}万元。`;
  return { id: 'performance', title: '四、绩效目标设置情况', paragraphs: [{ text, measures: [], edits: [] }] };
}

/** The kinds of vehicle the asset statement counts, in its order. */
export const VEHICLE_KINDS: readonly { key: keyof EnteredFigures['assets']['vehicles']; label: string }[] = [
  { key: 'general', label: '一般公务用车' },
  { key: 'lawEnforcement', label: '一般执法执勤用车' },
  { key: 'special', label: '特种专业技术用车' },
  { key: 'other', label: '其他用车' },
];

/** `2023-08-31` → `2023年8月31日`; undefined for anything else. */
function chineseDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : undefined;
}

/** 五、国有资产占有使用情况: vehicles by kind and large equipment as of a date, then the planned purchases. */
export function assetsSection(ctx: NarrativeContext): NarrativeSection {
  const { wb } = ctx;
  const a = wb.entered.assets;
  const date = chineseDate(a.asOf);
  if (!date) ctx.gap(`国有资产占有使用情况缺少统计截止日期（应为 YYYY-MM-DD，如 ${wb.year - 1}-08-31）`);
  const count = VEHICLE_KINDS.reduce((n, k) => n + a.vehicles[k.key], 0);
  const kinds = VEHICLE_KINDS.map((k) => P`${k.label}${a.vehicles[k.key]}辆`).join('、');
  const holdings =
    (date ? `截至${date}，` : '') +
    P`本部门所属各预算单位共有车辆${count}辆，其中：${kinds}；单位价值50万元以上通用设备${a.equipmentOver50}台（套）；单位价值100万元以上专用设备${a.equipmentOver100}台（套）。`;
  const purchase = plannedPurchaseText(wb) ?? (a.plannedPurchase.trim() || P`本部门${wb.year}年未安排购置车辆及单位价值50~100万元以上设备经费预算。`);
  return {
    id: 'assets',
    title: '五、国有资产占有使用情况',
    paragraphs: [
      { text: holdings, measures: [], edits: [] },
      { text: purchase, measures: [], edits: [] },
    ],
  };
}
