import { describe, expect, it } from 'vitest';
import { buildNarrative } from '../../shared/core/narrative/index';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { emptySchedules } from '../../shared/core/schedules/model';
import { sampleSchedules } from './scheduleItems';

const section = (wb: Workbook, id: string) =>
  buildNarrative(wb)
    .chapters.flatMap((c) => c.sections)
    .find((s) => s.id === id)!
    .paragraphs.map((p) => p.text)
    .join('\n');

describe('the schedules in the text', () => {
  it('政府采购: the items’ sums replace the entered totals when items exist', () => {
    const entered = { ...sampleWorkbook(), entered: { ...sampleWorkbook().entered, procurement: { goods: 1_000_000, works: 0, services: 0, smeReserved: 0 } } };
    expect(section(entered, 'procurement')).toContain('政府采购预算1.00万元，其中：政府采购货物预算1.00万元、政府采购工程预算0万元、政府采购服务预算0万元');
    const withItems = { ...entered, schedules: sampleSchedules() };
    expect(section(withItems, 'procurement')).toBe(
      '本部门2024年政府采购预算15.75万元，其中：政府采购货物预算0.50万元、政府采购工程预算0万元、政府采购服务预算15.25万元。本部门2024年面向中小企业预留政府采购项目预算0.50万元，其中，预留给小型和微型企业的政府采购项目预算为0.20万元。',
    );
  });

  it('国有资产: planned vehicles, 通用设备 of 50 万元 and 专用设备 of 100 万元 and more come from 资产配置', () => {
    expect(section(sampleWorkbook(), 'assets')).toContain('本部门2024年未安排购置车辆及单位价值50~100万元以上设备经费预算。');
    const unit = sampleWorkbook().department;
    const assets = [
      { unit, project: '', economicCode: '31013', assetClass: '车辆', name: '新能源轿车', vehicleKind: '一般公务用车' as const, quantity: 1, unitPrice: 180_000_00, amount: 180_000_00 },
      { unit, project: '', economicCode: '31003', assetClass: '专用设备', name: '检测车载设备', vehicleKind: '' as const, quantity: 1, unitPrice: 1_200_000_00, amount: 1_200_000_00 },
      { unit, project: '', economicCode: '31003', assetClass: '专用设备', name: '便携检测仪', vehicleKind: '' as const, quantity: 2, unitPrice: 600_000_00, amount: 1_200_000_00 },
      { unit, project: '', economicCode: '31002', assetClass: '通用设备', name: '服务器', vehicleKind: '' as const, quantity: 2, unitPrice: 500_000_00, amount: 1_000_000_00 },
      { unit, project: '', economicCode: '31002', assetClass: '通用设备', name: '台式计算机', vehicleKind: '' as const, quantity: 10, unitPrice: 6_000_00, amount: 60_000_00 },
    ];
    expect(section({ ...sampleWorkbook(), schedules: { ...emptySchedules(), assets } }, 'assets')).toContain(
      '本部门2024年安排购置车辆1辆（一般公务用车1辆），预算18.00万元；购置单位价值100万元以上专用设备1台（套），预算120.00万元；购置单位价值50万元以上通用设备2台（套），预算100.00万元。',
    );
  });
});
