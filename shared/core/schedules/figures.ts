import { addFen, formatWanOrZero, type Fen } from '../money';
import type { Workbook } from '../model';

export interface ProcurementFigures {
  goods: Fen;
  works: Fen;
  services: Fen;
  smeReserved: Fen;
  smallMicro: Fen;
  /** Whether the figures are the sums of the 政府采购 schedule (else the entered totals). */
  fromItems: boolean;
}

/** The 政府采购 figures the text states: the schedule's sums when it has items, the entered totals otherwise. */
export function procurementFigures(wb: Pick<Workbook, 'entered' | 'schedules'>): ProcurementFigures {
  const items = wb.schedules?.procurement ?? [];
  if (items.length === 0) return { ...wb.entered.procurement, smallMicro: 0, fromItems: false };
  const f: ProcurementFigures = { goods: 0, works: 0, services: 0, smeReserved: 0, smallMicro: 0, fromItems: true };
  for (const item of items) {
    const kind = item.kind === '货物' ? 'goods' : item.kind === '工程' ? 'works' : 'services';
    f[kind] = addFen(f[kind], item.amount);
    f.smeReserved = addFen(f.smeReserved, item.smeReserved);
    f.smallMicro = addFen(f.smallMicro, item.smallMicro);
  }
  return f;
}

const WAN_50 = 50 * 10_000 * 100;

/**
 * The 国有资产 paragraph's planned purchases, from the 资产配置 schedule: vehicles by kind, and
 * equipment of 50 万元 and more a piece; undefined when the schedule is empty (the entered text serves).
 */
export function plannedPurchaseText(wb: Pick<Workbook, 'year' | 'schedules'>): string | undefined {
  const assets = wb.schedules?.assets ?? [];
  if (assets.length === 0) return undefined;
  const vehicles = new Map<string, { count: number; amount: Fen }>();
  let equipment = 0;
  let equipmentAmount: Fen = 0;
  for (const a of assets) {
    if (a.vehicleKind !== '') {
      const v = vehicles.get(a.vehicleKind) ?? { count: 0, amount: 0 };
      v.count += a.quantity;
      v.amount = addFen(v.amount, a.amount);
      vehicles.set(a.vehicleKind, v);
    } else if (a.unitPrice >= WAN_50) {
      equipment += a.quantity;
      equipmentAmount = addFen(equipmentAmount, a.amount);
    }
  }
  if (vehicles.size === 0 && equipment === 0) return `本部门${wb.year}年未安排购置车辆及单位价值50万元以上设备经费预算。`;
  const parts: string[] = [];
  if (vehicles.size > 0) {
    const count = [...vehicles.values()].reduce((n, v) => n + v.count, 0);
    const amount = [...vehicles.values()].reduce((s, v) => addFen(s, v.amount), 0);
    parts.push(`购置车辆${count}辆（${[...vehicles].map(([kind, v]) => `${kind}${v.count}辆`).join('、')}），预算${formatWanOrZero(amount)}万元`);
  }
  if (equipment > 0) parts.push(`购置单位价值50万元以上设备${equipment}台（套），预算${formatWanOrZero(equipmentAmount)}万元`);
  return `本部门${wb.year}年安排${parts.join('；')}。`;
}
