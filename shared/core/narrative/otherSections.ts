import { measureKey } from '../measures';
import { unitTypeLookup, type EnteredFigures, type LineItem, type UnitType, type Workbook } from '../model';
import { addFen, formatWanOrZero, type Fen } from '../money';
import { carriesTargets, projectLines } from '../projects';
import { plannedPurchaseText, procurementFigures } from '../schedules/figures';

export { procurementFigures, type ProcurementFigures } from '../schedules/figures';
import type { NarrativeContext } from './context';
import type { NarrativeSection } from './model';
import { PLAIN as P } from './text';

/** The units whose 公用经费 count as 机关运行经费, by type, among the units with lines. */
function officeUnitCounts(wb: Workbook): string {
  const typeOf = unitTypeLookup(wb.units);
  const units = new Set(wb.lines.map((l) => l.unit));
  const count = (type: UnitType) => [...units].filter((u) => typeOf(u) === type).length;
  const parts = [
    [count('行政单位'), '行政单位'],
    [count('参照公务员法管理的事业单位'), '参照公务员法管理的事业单位'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n}个${label}`)
    .join('和');
}

/** 二、机关运行经费: “无…预算” when there is none, otherwise the amount with the 行政 / 参公 units it is for and its change. */
export function officeExpensesSection(ctx: NarrativeContext): NarrativeSection {
  const key = measureKey.officeExpenses;
  const { wb, subject } = ctx;
  const year = wb.year;
  const current = ctx.row(key).current;
  const units = ctx.unit === undefined ? officeUnitCounts(wb) : '';
  const text =
    current === 0
      ? P`${subject}${year}年无财政拨款机关运行经费预算` + (ctx.changes(key) ? ctx.changeClause(P, key, '上年预算', '机关运行经费', true) : '') + '。'
      : P`${subject}${units ? `下属${units}` : ''}${year}年财政拨款机关运行经费预算为${formatWanOrZero(current)}万元${ctx.changeClause(P, key, '上年预算', '机关运行经费', true)}。`;
  return { id: 'officeExpenses', title: '二、机关运行经费预算情况', paragraphs: [{ text, measures: [key], edits: ctx.reasonEdits([key]) }] };
}

/** 三、政府采购: goods, works, services, and the part reserved for SMEs (and of it for 小微企业). */
export function procurementSection(ctx: NarrativeContext): NarrativeSection {
  const { wb, subject } = ctx;
  // a unit's publication states them only when the unit is the whole department
  const f = ctx.unit === undefined || ctx.wholeDepartment ? procurementFigures(wb) : undefined;
  let text: string;
  if (!f) {
    ctx.gap('政府采购预算按部门填报：本单位的说明未写政府采购数');
    text = P`${subject}${wb.year}年政府采购预算情况见部门预算。`;
  } else {
    const total = [f.goods, f.works, f.services].reduce(addFen, 0);
    text =
      total === 0 && f.smeReserved === 0
        ? P`${subject}${wb.year}年未安排政府采购预算。`
        : P`${subject}${wb.year}年政府采购预算${formatWanOrZero(total)}万元，其中：政府采购货物预算${formatWanOrZero(f.goods)}万元、政府采购工程预算${formatWanOrZero(f.works)}万元、政府采购服务预算${formatWanOrZero(f.services)}万元。` +
          P`${subject}${wb.year}年面向中小企业预留政府采购项目预算${formatWanOrZero(f.smeReserved)}万元` +
          (f.smallMicro !== undefined && f.smeReserved > 0 ? P`，其中，预留给小型和微型企业的政府采购项目预算为${formatWanOrZero(f.smallMicro)}万元` : '') +
          '。';
  }
  return { id: 'procurement', title: '三、政府采购预算情况', paragraphs: [{ text, measures: [], edits: f ? [{ kind: 'entered', part: 'procurement' }] : [] }] };
}

export interface PerformanceFigures {
  units: number;
  projects: number;
  amount: Fen;
  /** 'entered' when a person entered the counts, 'projects' when counted from the projects that carry 绩效目标. */
  from: 'entered' | 'projects';
}

/** The 项目支出 of some lines. */
function projectMoney(lines: readonly LineItem[]): Fen {
  return lines.reduce((s, l) => (l.kind === '项目支出' ? addFen(s, l.amount) : s), 0);
}

/**
 * The 绩效目标 counts: from the project records that carry 绩效目标 (their lines' units and money).
 * Entered counts stand only where the records cannot give them: when the workbook has no project
 * records, or while its 项目支出 is the amount they were entered for (a publication that counts
 * projects it does not detail, as the sample's does). One function, so another source can replace it.
 */
export function performanceSource(wb: Workbook, enteredApply = true): PerformanceFigures {
  const entered = wb.entered.performance;
  const forNow = entered.forProjectAmount === projectMoney(wb.lines);
  if (enteredApply && entered.entered && (wb.projects.length === 0 || forNow)) return { units: entered.units, projects: entered.projects, amount: entered.amount, from: 'entered' };
  const units = new Set<string>();
  let projects = 0;
  let amount: Fen = 0;
  for (const project of wb.projects.filter(carriesTargets)) {
    const lines = projectLines(wb.lines, project.name);
    if (lines.length === 0) continue;
    projects++;
    for (const line of lines) {
      units.add(line.unit);
      amount = addFen(amount, line.amount);
    }
  }
  return { units: units.size, projects, amount, from: 'projects' };
}

/** 四、绩效目标设置情况: counted from the project records (entered counts only where they cannot be, and then said so in the gaps). */
export function performanceSection(ctx: NarrativeContext): NarrativeSection {
  const { wb, subject } = ctx;
  const p = performanceSource(wb, ctx.unit === undefined || ctx.wholeDepartment);
  if (p.from === 'entered' && wb.entered.performance.remark) ctx.note(`绩效目标数为录入数：${wb.entered.performance.remark}`);
  const who = ctx.unit === undefined ? `${subject}${p.units}个预算单位` : subject;
  const text =
    p.projects === 0
      ? P`${subject}${wb.year}年无编报绩效目标的项目。`
      : P`按照市、区两级预算绩效管理工作的总体要求，${who}开展了${wb.year}年项目等预算绩效目标编报工作，其中编报绩效目标的项目${p.projects}个，涉及项目预算资金${formatWanOrZero(p.amount)}万元。`;
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
  const { wb, subject } = ctx;
  const a = wb.entered.assets;
  if (ctx.unit !== undefined && !ctx.wholeDepartment) {
    ctx.gap('国有资产占有使用情况按部门填报：本单位的说明未写');
    return { id: 'assets', title: '五、国有资产占有使用情况', paragraphs: [{ text: P`${subject}国有资产占有使用情况见部门预算。`, measures: [], edits: [] }] };
  }
  const date = chineseDate(a.asOf);
  if (!date) ctx.gap(`国有资产占有使用情况缺少统计截止日期（应为 YYYY-MM-DD，如 ${wb.year - 1}-08-31）`);
  const count = VEHICLE_KINDS.reduce((n, k) => n + a.vehicles[k.key], 0);
  const kinds = VEHICLE_KINDS.map((k) => P`${k.label}${a.vehicles[k.key]}辆`).join('、');
  const holdings =
    (date ? `截至${date}，` : '') +
    P`${ctx.unit === undefined ? '本部门所属各预算单位' : subject}共有车辆${count}辆，其中：${kinds}；单位价值50万元以上通用设备${a.equipmentOver50}台（套）；单位价值100万元以上专用设备${a.equipmentOver100}台（套）。`;
  // Without a written statement the sentence is made from the lines: it never says “未安排购置车辆” while a car is bought.
  const cars = ctx.row(measureKey.sanGong('vehiclePurchase')).current;
  if (!a.plannedPurchase.trim() && cars > 0) ctx.gap('预算安排了公务用车购置费：请在“拟购置车辆及设备”中写明购置的车辆及设备');
  const purchase =
    (ctx.unit === undefined ? plannedPurchaseText(wb) : undefined) ??
    (a.plannedPurchase.trim() ||
    (cars > 0 ? P`${subject}${wb.year}年安排公务用车购置费预算${formatWanOrZero(cars)}万元。` : P`${subject}${wb.year}年未安排购置车辆及单位价值50~100万元以上设备经费预算。`));
  return {
    id: 'assets',
    title: '五、国有资产占有使用情况',
    paragraphs: [
      { text: holdings, measures: [], edits: [{ kind: 'entered', part: 'assets' }] },
      { text: purchase, measures: [], edits: [] },
    ],
  };
}
