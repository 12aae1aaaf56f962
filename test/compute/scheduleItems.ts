import { emptySchedules, type Schedules } from '../../shared/core/schedules/model';

export const unit = '上海市宝山区城市运行管理中心';

/** Items of every schedule for the sample department (the 30201 and 城管通服务费 lines exist). */
export function sampleSchedules(): Schedules {
  return {
    ...emptySchedules(),
    procurement: [
      { unit, project: '', economicCode: '30201', kind: '货物', item: 'A05040101 复印纸', method: '框架协议采购', quantity: 200, unitPrice: 25_00, amount: 5_000_00, smeReserved: 5_000_00, smallMicro: 2_000_00 },
      { unit, project: '城管通服务费', economicCode: '30207', kind: '服务', item: 'C0301 运营服务', method: '公开招标', quantity: 1, unitPrice: 152_500_00, amount: 152_500_00, smeReserved: 0, smallMicro: 0 },
    ],
    services: [{ unit, project: '城管通服务费', economicCode: '30207', category: '政府履职辅助性服务', content: '城管通平台运维', amount: 152_500_00, provider: '企业' }],
    assets: [{ unit, project: '', economicCode: '31002', assetClass: '通用设备', name: '台式计算机', vehicleKind: '', quantity: 2.5, unitPrice: 6_000_00, amount: 15_000_00 }],
    department: { overall: '保障城市运行管理', indicators: [{ level1: '产出指标', level2: '数量指标', level3: '受理案件数', value: '≥ 10,000 件' }] },
  };
}

