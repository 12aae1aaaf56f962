import type { TableId } from '../tables/tableModel';

export type Severity = '错误' | '警告';

/** Where a finding points: a cell of a published table (row is the 0-based body row), or a line item. */
export interface FindingPlace {
  table?: TableId;
  row?: number;
  column?: string;
  lineId?: number;
  /** A project (by name), for the project rules. */
  project?: string;
  /** A detail schedule, and the index of its item, for the schedule rules. */
  schedule?: 'procurement' | 'services' | 'assets';
  item?: number;
}

/** One result of the checks (审核). The screen, the CLI and the Excel export all show these. */
export interface CheckFinding {
  rule: RuleId;
  severity: Severity;
  /** What is wrong, where, and how to fix it, in Chinese. */
  message: string;
  place: FindingPlace;
}

/** Every rule the checks apply, as data for the screen's rule list. */
export const CHECK_RULES = [
  { id: 'L-CODE', severity: '错误', description: '明细的功能分类、经济分类编码须在科目表中且为末级科目（功能分类到项，经济分类到款）' },
  { id: 'L-CODE-NAMED', severity: '警告', description: '明细的编码不在科目表中，但写明了科目名称：按所写名称使用，请核对' },
  { id: 'L-NEGATIVE', severity: '错误', description: '明细金额不能为负数' },
  { id: 'L-PROJECT', severity: '错误', description: '项目支出须写明项目名称' },
  { id: 'L-DUPLICATE', severity: '警告', description: '同一单位、科目、支出类型、资金来源和项目的明细出现不止一条' },
  { id: 'P-PROJECT-SUM', severity: '错误', description: '项目的年度资金申请总额等于属于该项目的项目支出明细之和' },
  { id: 'P-PROJECT-FUNDS', severity: '错误', description: '项目资金总额等于财政资金与其他资金之和' },
  { id: 'P-CALC', severity: '警告', description: '项目的测算应能计算，且结果等于年度资金申请总额' },
  { id: 'T-TABLE', severity: '警告', description: '无法识别的表或表头：该表（或该列）未参与审核' },
  { id: 'T-NUMBER', severity: '错误', description: '印出的金额不是规范的数字（如千分位逗号位置不对、多于两位小数）' },
  { id: 'T-NUMBER-STYLE', severity: '错误', description: '同一公开文本中金额书写不一致：1,000 以上的金额多数用千分位分隔符而此处没有（或多数不用而此处用了）' },
  { id: 'T-NEGATIVE', severity: '错误', description: '公开表中的金额不能为负数' },
  { id: 'T-CODE', severity: '错误', description: '科目编码格式不对或同一编码在表中出现两次' },
  { id: 'T-CODE-UNKNOWN', severity: '警告', description: '公开表中的科目编码（或表 1、表 4 的类名称）不在科目表中：可能有误，或需导入当年科目表' },
  { id: 'T-ROW-SUM', severity: '错误', description: '每行的合计等于其各组成列之和（基本支出 + 项目支出、各项收入、人员经费 + 公用经费、各类预算、三公各项）' },
  { id: 'T-PARENT-SUM', severity: '错误', description: '每个上级科目（类、款）等于其下级科目之和；财政拨款收入等于其下各项资金之和' },
  { id: 'T-TOTAL-SUM', severity: '错误', description: '合计（总计）行等于各末级行之和' },
  { id: 'T-BALANCE', severity: '错误', description: '收入总计等于支出总计（表 1、表 4）' },
  { id: 'T-CROSS', severity: '错误', description: '表 1 至表 7 相互一致：同一科目、同一资金来源在各表中的金额相同（表 4 与表 5、6、7 按类、按预算种类一致）' },
  { id: 'T-BASIC', severity: '错误', description: '表 8 的合计等于表 5 的基本支出合计' },
  { id: 'T-SANGONG', severity: '错误', description: '表 9 的“三公”各项不小于表 8 中相应经济分类款的金额（表 8 列有该款时才比较）' },
  { id: 'C-COMPUTED-EDITED', severity: '警告', description: '由人员与标准测算的明细被手工改过，与测算不同（在“人员与标准”中确认后不再提示）' },
  { id: 'S-PROC-LINE', severity: '错误', description: '政府采购中属于同一单位、项目（或基本支出）和经济分类的各项之和不超过该科目的明细' },
  { id: 'S-PROC-RESERVE', severity: '错误', description: '政府采购每项的面向中小企业预留不超过该项金额，其中小微企业不超过预留' },
  { id: 'S-VEHICLE', severity: '警告', description: '资产配置计划购置车辆的单位有公务用车购置（31013）的明细；有 31013 明细的单位在资产配置中列有车辆（资产配置有内容时）' },
] as const satisfies readonly { id: string; severity: Severity; description: string }[];

export type RuleId = (typeof CHECK_RULES)[number]['id'];

const SEVERITY = new Map<RuleId, Severity>(CHECK_RULES.map((r) => [r.id, r.severity]));

export function finding(rule: RuleId, message: string, place: FindingPlace): CheckFinding {
  return { rule, severity: SEVERITY.get(rule)!, message, place };
}

export function hasErrors(findings: readonly CheckFinding[]): boolean {
  return findings.some((f) => f.severity === '错误');
}
