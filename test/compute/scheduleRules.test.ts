import { describe, expect, it } from 'vitest';
import { confirmComputed, planEdit } from '../../shared/core/compute/apply';
import { computePlan } from '../../shared/core/compute/propose';
import { checkWorkbook } from '../../shared/core/checks/index';
import { applyEdit } from '../../shared/core/edits';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { emptySchedules, type AssetItem, type ProcurementItem } from '../../shared/core/schedules/model';
import { workedUnit } from './workedUnit';

const rules = (wb: Workbook, prefix: string) => checkWorkbook(wb).filter((f) => f.rule.startsWith(prefix));

describe('a computed line changed by hand', () => {
  const applied = applyEdit(workedUnit(), planEdit(computePlan(workedUnit()), 1)).workbook;
  const office = applied.lines.find((l) => l.economicCode === '30201')!;
  const edited = applyEdit(applied, { op: 'updateLines', changes: [{ id: office.id, set: { amount: 25_000_00 } }] }).workbook;

  it('is a 警告 in 审核 naming the line, its 测算 and how to fix it', () => {
    expect(rules(applied, 'C-')).toEqual([]);
    expect(rules(edited, 'C-')).toEqual([
      {
        rule: 'C-COMPUTED-EDITED',
        severity: '警告',
        message: '明细（示例局 2010101 / 30201）金额 25,000.00 元与测算 21,000.00 元不同（测算依据：办公费：在职行政 14 人 × 1,500.00 元）：如确需调整，请在“人员与标准”页签确认；否则重新应用测算',
        place: { lineId: office.id },
      },
    ]);
  });

  it('is no longer flagged once confirmed, until the 测算 changes', () => {
    const confirmed = applyEdit(edited, { op: 'setCompute', compute: confirmComputed(edited.compute!, office, 25_000_00) }).workbook;
    expect(rules(confirmed, 'C-')).toEqual([]);
    const setup = confirmed.compute!;
    const moreStaff = { ...confirmed, compute: { ...setup, staff: setup.staff.map((s) => (s.grade === '科员' ? { ...s, count: 11 } : s)) } };
    const recomputed = applyEdit(moreStaff, planEdit(computePlan(moreStaff), 100)).workbook;
    expect(rules(recomputed, 'C-').map((f) => f.message)).toEqual([expect.stringContaining('金额 25,000.00 元与测算 22,500.00 元不同')]);
  });

  it('is kept live, edit by edit', () => {
    const live = new LiveWorkbook(applied);
    expect(live.findings().filter((f) => f.rule === 'C-COMPUTED-EDITED')).toEqual([]);
    live.apply({ op: 'updateLines', changes: [{ id: office.id, set: { amount: 25_000_00 } }] });
    expect(live.findings().filter((f) => f.rule === 'C-COMPUTED-EDITED')).toHaveLength(1);
    live.apply({ op: 'updateLines', changes: [{ id: office.id, set: { amount: 21_000_00 } }] });
    expect(live.findings().filter((f) => f.rule === 'C-COMPUTED-EDITED')).toEqual([]);
  });
});

const sample = sampleWorkbook();
const paper = (amount: number, smeReserved = 0, smallMicro = 0): ProcurementItem => ({
  unit: sample.department, project: '', economicCode: '30201', kind: '货物', item: '复印纸', method: '框架协议采购', quantity: 10, unitPrice: amount / 10, amount, smeReserved, smallMicro,
});
const withSchedules = (s: Partial<ReturnType<typeof emptySchedules>>): Workbook => ({ ...sample, schedules: { ...emptySchedules(), ...s } });

describe('政府采购 items', () => {
  // the sample's 30201 办公费 line is 77,874.00
  it('under a line may reach the line, not exceed it', () => {
    expect(rules(withSchedules({ procurement: [paper(50_000_00), paper(27_874_00)] }), 'S-')).toEqual([]);
    expect(rules(withSchedules({ procurement: [paper(50_000_00), paper(27_874_01)] }), 'S-')).toEqual([
      {
        rule: 'S-PROC-LINE',
        severity: '错误',
        message: `政府采购中属于“${sample.department} 基本支出 30201”的各项合计 77,874.01 元，超过该科目明细 77,874.00 元：请核减采购金额或补足明细`,
        place: { schedule: 'procurement', item: 0 },
      },
    ]);
  });

  it('reserve for SMEs no more than the item, and of it for small and micro firms no more than the reserve', () => {
    expect(rules(withSchedules({ procurement: [paper(10_000_00, 10_000_00, 10_000_00)] }), 'S-')).toEqual([]);
    expect(rules(withSchedules({ procurement: [paper(10_000_00, 10_000_01)] }), 'S-').map((f) => f.message)).toEqual(['政府采购第 1 项（复印纸）面向中小企业预留 10,000.01 元，超过该项金额 10,000.00 元']);
    expect(rules(withSchedules({ procurement: [paper(10_000_00, 5_000_00, 5_000_01)] }), 'S-').map((f) => f.message)).toEqual(['政府采购第 1 项（复印纸）预留给小微企业 5,000.01 元，超过面向中小企业预留 5,000.00 元']);
  });
});

describe('a vehicle purchase', () => {
  const car: AssetItem = { unit: sample.department, project: '', economicCode: '31013', assetClass: '车辆', name: '新能源轿车', vehicleKind: '一般公务用车', quantity: 1, unitPrice: 180_000_00, amount: 180_000_00 };
  const desk: AssetItem = { ...car, economicCode: '31002', assetClass: '通用设备', name: '办公桌', vehicleKind: '', quantity: 5, unitPrice: 2_000_00, amount: 10_000_00 };
  const vehicleLine = { ...sample.lines[0], id: 999, functionCode: '2120199', economicCode: '31013', amount: 180_000_00 };

  it('in the 资产配置 schedule without a 31013 line is a 警告', () => {
    expect(rules(withSchedules({ assets: [car] }), 'S-').map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['S-VEHICLE', '警告', `资产配置计划购置车辆（${sample.department}：新能源轿车），但该单位没有公务用车购置（31013）的明细：请补列预算或核对配置计划`],
    ]);
    expect(rules({ ...withSchedules({ assets: [car] }), lines: [...sample.lines, vehicleLine] }, 'S-')).toEqual([]);
  });

  it('a 31013 line without a vehicle in the schedule is a 警告 (once the schedule is in use)', () => {
    expect(rules({ ...withSchedules({ assets: [desk] }), lines: [...sample.lines, vehicleLine] }, 'S-').map((f) => f.message)).toEqual([
      `${sample.department}有公务用车购置（31013）的明细，但资产配置中没有该单位购置车辆的计划：请在资产配置中列明车辆`,
    ]);
    expect(rules({ ...sample, lines: [...sample.lines, vehicleLine] }, 'S-')).toEqual([]);
  });
});
