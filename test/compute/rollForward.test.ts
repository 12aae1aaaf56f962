import { describe, expect, it } from 'vitest';
import { planEdit } from '../../shared/core/compute/apply';
import { confirmComputed } from '../../shared/core/compute/apply';
import { computePlan } from '../../shared/core/compute/propose';
import { applyEdit } from '../../shared/core/edits';
import { rollForward } from '../../shared/core/rollForward';
import { emptySchedules } from '../../shared/core/schedules/model';
import { workedUnit } from './workedUnit';

describe('rolling 人员与标准 and the schedules forward', () => {
  const applied = applyEdit(workedUnit(), planEdit(computePlan(workedUnit()), 1)).workbook;
  const office = applied.lines.find((l) => l.economicCode === '30201')!;
  const edited = applyEdit(applied, { op: 'updateLines', changes: [{ id: office.id, set: { amount: 25_000_00 } }] }).workbook;
  const confirmed = { ...edited, compute: confirmComputed(edited.compute!, office, 25_000_00) };
  const schedules = {
    ...emptySchedules(),
    procurement: [{ unit: '示例局', project: '', economicCode: '30201', kind: '货物' as const, item: '复印纸', method: '框架协议采购', quantity: 100, unitPrice: 25_00, amount: 2_500_00, smeReserved: 2_500_00, smallMicro: 0 }],
    department: { overall: '保障机关正常运转', indicators: [{ level1: '产出指标', level2: '数量指标', level3: '保障人数', value: '14 人' }] },
    indicatorLibrary: [{ level1: '产出指标', level2: '安全指标' }],
  };
  const next = rollForward({ ...confirmed, schedules });

  it('carries staff, standards and mapping for the user to update, and the computed lines, but not this year’s confirmation', () => {
    expect(next.compute!.staff).toEqual(confirmed.compute!.staff);
    expect(next.compute!.standards).toEqual(confirmed.compute!.standards);
    expect(next.compute!.mapping).toEqual(confirmed.compute!.mapping);
    expect(confirmed.compute!.computed.find((r) => r.economicCode === '30201')!.confirmed).toBe(25_000_00);
    expect(next.compute!.computed.find((r) => r.economicCode === '30201')!.confirmed).toBeUndefined();
    // the carried lines are still the computed ones: only the hand-changed 办公费 differs
    expect(computePlan(next).changes.map((c) => c.kind).sort()).toEqual(['kept', 'same', 'same', 'same', 'same', 'same', 'same', 'same']);
  });

  it('starts 采购 / 购买服务 / 资产配置 empty, and carries the 部门整体绩效目标 and the indicator library', () => {
    expect(next.schedules).toEqual({ ...emptySchedules(), department: schedules.department, indicatorLibrary: schedules.indicatorLibrary });
    expect(rollForward(workedUnit()).schedules).toBeUndefined();
  });
});
