import { addFen, formatWanOrZero, type Fen } from '../money';
import type { Workbook } from '../model';

export interface ProcurementFigures {
  goods: Fen;
  works: Fen;
  services: Fen;
  smeReserved: Fen;
  /** Of the part reserved for SMEs, the part for 小微企业; undefined when entered totals do not say. */
  smallMicro?: Fen;
  /** Whether the figures are the sums of the 政府采购 schedule (else the entered totals). */
  fromItems: boolean;
}

/** The 政府采购 figures the text states: the schedule's sums when it has items, the entered totals otherwise. */
export function procurementFigures(wb: Pick<Workbook, 'entered' | 'schedules'>): ProcurementFigures {
  const items = wb.schedules?.procurement ?? [];
  if (items.length === 0) return { ...wb.entered.procurement, fromItems: false };
  const f: ProcurementFigures = { goods: 0, works: 0, services: 0, smeReserved: 0, smallMicro: 0, fromItems: true };
  for (const item of items) {
    const kind = item.kind === '货物' ? 'goods' : item.kind === '工程' ? 'works' : 'services';
    f[kind] = addFen(f[kind], item.amount);
    f.smeReserved = addFen(f.smeReserved, item.smeReserved);
    f.smallMicro = addFen(f.smallMicro ?? 0, item.smallMicro);
  }
  return f;
}

const WAN = 10_000 * 100;

/** Equipment the asset statement counts: 专用设备 of 100 万元 and more a piece, other equipment of 50 万元 and more. */
function largeEquipment(assetClass: string): { threshold: Fen; label: string } {
  return assetClass.includes('专用') ? { threshold: 100 * WAN, label: '单位价值100万元以上专用设备' } : { threshold: 50 * WAN, label: '单位价值50万元以上通用设备' };
}

/**
 * The 国有资产 paragraph's planned purchases, from the 资产配置 schedule: vehicles by kind, 通用设备 of
 * 50 万元 and 专用设备 of 100 万元 and more a piece; undefined when the schedule is empty (the entered text serves).
 */
export function plannedPurchaseText(wb: Pick<Workbook, 'year' | 'schedules'>): string | undefined {
  const assets = wb.schedules?.assets ?? [];
  if (assets.length === 0) return undefined;
  const vehicles = new Map<string, { count: number; amount: Fen }>();
  const equipment = new Map<string, { count: number; amount: Fen }>();
  for (const a of assets) {
    const large = largeEquipment(a.assetClass);
    const key = a.vehicleKind !== '' ? a.vehicleKind : a.unitPrice >= large.threshold ? large.label : undefined;
    if (!key) continue;
    const into = a.vehicleKind !== '' ? vehicles : equipment;
    const v = into.get(key) ?? { count: 0, amount: 0 };
    v.count += a.quantity;
    v.amount = addFen(v.amount, a.amount);
    into.set(key, v);
  }
  if (vehicles.size === 0 && equipment.size === 0) return `本部门${wb.year}年未安排购置车辆及单位价值50万元以上通用设备、100万元以上专用设备经费预算。`;
  const parts: string[] = [];
  if (vehicles.size > 0) {
    const count = [...vehicles.values()].reduce((n, v) => n + v.count, 0);
    const amount = [...vehicles.values()].reduce((s, v) => addFen(s, v.amount), 0);
    parts.push(`购置车辆${count}辆（${[...vehicles].map(([kind, v]) => `${kind}${v.count}辆`).join('、')}），预算${formatWanOrZero(amount)}万元`);
  }
  for (const [label, v] of equipment) parts.push(`购置${label}${v.count}台（套），预算${formatWanOrZero(v.amount)}万元`);
  return `本部门${wb.year}年安排${parts.join('；')}。`;
}
