import type { Fen } from '../money';
import type { PerformanceIndicator } from '../model';

/**
 * The detail schedules beside the lines (政府采购, 政府购买服务, 资产配置, 部门整体绩效目标). An item is
 * tied to the lines of a unit, a project ('' for 基本支出) and an 经济分类 款: the items under those
 * lines may not exceed them.
 */
export interface ScheduleTie {
  unit: string;
  /** 项目名称; '' for 基本支出. */
  project: string;
  economicCode: string;
}

export const PROCUREMENT_KINDS = ['货物', '工程', '服务'] as const;
export type ProcurementKind = (typeof PROCUREMENT_KINDS)[number];

export interface ProcurementItem extends ScheduleTie {
  kind: ProcurementKind;
  /** 品目 (政府采购品目分类目录), e.g. A02010104 台式计算机. */
  item: string;
  /** 采购方式, e.g. 公开招标, 询价, 框架协议采购. */
  method: string;
  quantity: number;
  unitPrice: Fen;
  amount: Fen;
  /** 面向中小企业预留, and of it 小微企业. */
  smeReserved: Fen;
  smallMicro: Fen;
}

export interface ServiceItem extends ScheduleTie {
  /** 服务类别 (指导性目录), e.g. 政府履职辅助性服务. */
  category: string;
  content: string;
  amount: Fen;
  /** 承接主体类型, e.g. 企业, 社会组织, 事业单位. */
  provider: string;
}

export const VEHICLE_KINDS = ['一般公务用车', '执法执勤用车', '特种专业技术用车', '其他用车'] as const;

export interface AssetItem extends ScheduleTie {
  /** 资产类别, e.g. 通用设备, 专用设备, 车辆, 房屋. */
  assetClass: string;
  name: string;
  /** The kind of vehicle when the item is a vehicle; '' otherwise. */
  vehicleKind: (typeof VEHICLE_KINDS)[number] | '';
  quantity: number;
  unitPrice: Fen;
  amount: Fen;
}

/** 部门整体支出绩效目标: the department's overall goal and its indicators. */
export interface DepartmentPerformance {
  overall: string;
  indicators: PerformanceIndicator[];
}

export interface Schedules {
  procurement: ProcurementItem[];
  services: ServiceItem[];
  assets: AssetItem[];
  department: DepartmentPerformance;
  /** 二级指标 the department adds to the standard library (see ./indicators). */
  indicatorLibrary: { level1: string; level2: string }[];
}

export function emptySchedules(): Schedules {
  return { procurement: [], services: [], assets: [], department: { overall: '', indicators: [] }, indicatorLibrary: [] };
}
