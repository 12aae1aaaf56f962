import { COMPUTED_KIND, COMPUTED_SOURCE, placeKey } from '../compute/propose';
import { addFen, formatYuan, type Fen } from '../money';
import type { LineItem, Workbook } from '../model';
import type { ScheduleTie } from '../schedules/model';
import { finding, type CheckFinding } from './rules';

const VEHICLE_PURCHASE = '31013';

const tieKey = (t: ScheduleTie) => `${t.unit}\u0000${t.project}\u0000${t.economicCode}`;
const tieText = (t: ScheduleTie) => `${t.unit} ${t.project ? `项目“${t.project}”` : '基本支出'} ${t.economicCode}`;

/** Whether a workbook has anything these rules look at (else they need not read the lines). */
export function hasComputeOrSchedules(wb: Pick<Workbook, 'compute' | 'schedules'>): boolean {
  const s = wb.schedules;
  return (wb.compute?.computed.length ?? 0) > 0 || (s !== undefined && (s.procurement.length > 0 || s.assets.length > 0));
}

/**
 * The rules on computed lines and the detail schedules: a computed line changed by hand (警告 until
 * confirmed), procurement items over their lines, 预留 over an item, and a vehicle purchase without
 * a 31013 line or the reverse.
 */
export function checkComputeAndSchedules(wb: Pick<Workbook, 'compute' | 'schedules'>, lines: () => Iterable<LineItem>): CheckFinding[] {
  if (!hasComputeOrSchedules(wb)) return [];
  const out: CheckFinding[] = [];
  const records = new Map((wb.compute?.computed ?? []).map((r) => [placeKey(r), r]));
  const firstAtPlace = new Set<string>();
  const byTie = new Map<string, Fen>();
  const vehicleLineUnits = new Set<string>();
  const procurement = wb.schedules?.procurement ?? [];
  const ties = new Set(procurement.map(tieKey));
  for (const line of lines()) {
    if (records.size > 0 && line.kind === COMPUTED_KIND && line.source === COMPUTED_SOURCE && line.project === '') {
      const key = placeKey(line);
      const record = records.get(key);
      if (record && !firstAtPlace.has(key)) {
        firstAtPlace.add(key);
        if (line.amount !== record.amount && line.amount !== record.confirmed) {
          out.push(
            finding(
              'C-COMPUTED-EDITED',
              `明细（${line.unit} ${line.functionCode} / ${line.economicCode}）金额 ${formatYuan(line.amount)} 元与测算 ${formatYuan(record.amount)} 元不同（测算依据：${record.basis}）：如确需调整，请在“人员与标准”页签确认；否则重新应用测算`,
              { lineId: line.id },
            ),
          );
        }
      }
    }
    if (ties.size > 0) {
      const key = tieKey({ unit: line.unit, project: line.kind === '项目支出' ? line.project : '', economicCode: line.economicCode });
      if (ties.has(key)) byTie.set(key, addFen(byTie.get(key) ?? 0, line.amount));
    }
    if (line.economicCode === VEHICLE_PURCHASE && line.amount > 0) vehicleLineUnits.add(line.unit);
  }
  const itemsByTie = new Map<string, { tie: ScheduleTie; total: Fen; first: number }>();
  procurement.forEach((item, i) => {
    const key = tieKey(item);
    const entry = itemsByTie.get(key) ?? { tie: item, total: 0, first: i };
    entry.total = addFen(entry.total, item.amount);
    itemsByTie.set(key, entry);
    const where = `政府采购第 ${i + 1} 项（${item.item || '未写品目'}）`;
    if (item.smeReserved > item.amount) out.push(finding('S-PROC-RESERVE', `${where}面向中小企业预留 ${formatYuan(item.smeReserved)} 元，超过该项金额 ${formatYuan(item.amount)} 元`, { schedule: 'procurement', item: i }));
    else if (item.smallMicro > item.smeReserved) out.push(finding('S-PROC-RESERVE', `${where}预留给小微企业 ${formatYuan(item.smallMicro)} 元，超过面向中小企业预留 ${formatYuan(item.smeReserved)} 元`, { schedule: 'procurement', item: i }));
  });
  for (const [key, { tie, total, first }] of itemsByTie) {
    const lineTotal = byTie.get(key) ?? 0;
    if (total > lineTotal) {
      out.push(
        finding(
          'S-PROC-LINE',
          `政府采购中属于“${tieText(tie)}”的各项合计 ${formatYuan(total)} 元，超过该科目明细 ${formatYuan(lineTotal)} 元：请核减采购金额或补足明细`,
          { schedule: 'procurement', item: first },
        ),
      );
    }
  }
  const assets = wb.schedules?.assets ?? [];
  if (assets.length > 0) {
    const vehicleUnits = new Set(assets.filter((a) => a.vehicleKind !== '' && a.quantity > 0).map((a) => a.unit));
    assets.forEach((a, i) => {
      if (a.vehicleKind !== '' && a.quantity > 0 && !vehicleLineUnits.has(a.unit) && assets.findIndex((b) => b.unit === a.unit && b.vehicleKind !== '' && b.quantity > 0) === i) {
        out.push(finding('S-VEHICLE', `资产配置计划购置车辆（${a.unit}：${a.name || a.vehicleKind}），但该单位没有公务用车购置（31013）的明细：请补列预算或核对配置计划`, { schedule: 'assets', item: i }));
      }
    });
    for (const unit of vehicleLineUnits) {
      if (!vehicleUnits.has(unit)) out.push(finding('S-VEHICLE', `${unit}有公务用车购置（31013）的明细，但资产配置中没有该单位购置车辆的计划：请在资产配置中列明车辆`, { schedule: 'assets' }));
    }
  }
  return out;
}
