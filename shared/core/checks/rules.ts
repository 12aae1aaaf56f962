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
}

/** A finding that follows from another one (its root): reported inside the root, not on its own. */
export interface Consequence {
  rule: RuleId;
  message: string;
  place: FindingPlace;
}

/** One result of the checks (审核). The screen, the CLI and the Excel export all show these. */
export interface CheckFinding {
  rule: RuleId;
  severity: Severity;
  /** What is wrong, where, and how to fix it, in Chinese. */
  message: string;
  place: FindingPlace;
  /** The row of a published table as printed: its code and name (`302 商品和服务支出`) or item label. */
  rowLabel?: string;
  /** What this one error makes wrong elsewhere (a 合计, another column of its row, …). */
  consequences?: Consequence[];
}

/** Every rule the checks apply, as data for the screen's rule list. */
export const CHECK_RULES = [
  { id: 'L-CODE', severity: '错误', description: '明细的功能分类、经济分类编码须在科目表中且为末级科目（功能分类到项，经济分类到款）' },
  { id: 'L-CODE-NAMED', severity: '警告', description: '明细的编码不在科目表中，但写明了科目名称：按所写名称使用，请核对' },
  { id: 'L-NEGATIVE', severity: '错误', description: '明细金额不能为负数' },
  { id: 'L-PROJECT', severity: '错误', description: '项目支出须写明项目名称' },
  { id: 'L-DUPLICATE', severity: '警告', description: '同一单位、科目、支出类型、资金来源和项目的明细出现不止一条' },
  { id: 'L-UNIT', severity: '警告', description: '明细的单位须在基本信息中登记（未登记的单位按事业单位计算，其公用经费不计入机关运行经费）' },
  { id: 'P-PROJECT-SUM', severity: '错误', description: '项目的年度资金申请总额等于属于该项目的项目支出明细之和' },
  { id: 'P-PROJECT-FUNDS', severity: '错误', description: '项目资金总额等于财政资金与其他资金之和' },
  { id: 'P-CALC', severity: '警告', description: '项目的测算应能计算，且结果等于年度资金申请总额' },
  { id: 'T-TABLE', severity: '警告', description: '无法识别的表或表头：该表（或该列）未参与审核' },
  { id: 'T-NUMBER', severity: '错误', description: '印出的金额不是规范的数字（如千分位逗号位置不对、多于两位小数）' },
  { id: 'T-NUMBER-STYLE', severity: '错误', description: '同一张表中 1,000 以上的金额有的用千分位分隔符、有的不用（每张表报告一次，列出两种写法的个数和示例）' },
  { id: 'T-EMPTY', severity: '错误', description: '表注或占位文字（“无”“此表为空”等）说本表无数据，表中却有金额' },
  { id: 'T-NOTE', severity: '错误', description: '表注与本表不符：说的是另一张表的预算种类（如表 7 的注写政府性基金），或与表中金额矛盾' },
  { id: 'T-NAME', severity: '警告', description: '印出的科目名称与该年度科目表中此编码的名称不符：依赖编码的审核（三公、人员/公用）在该行跳过' },
  { id: 'T-NEGATIVE', severity: '错误', description: '公开表中的金额不能为负数' },
  { id: 'T-CODE', severity: '错误', description: '科目编码格式不对或同一编码在表中出现两次' },
  { id: 'T-ORDER', severity: '警告', description: '科目行的排列位置不对：不在其上级科目之下，或未按编码顺序排列' },
  { id: 'T-CODE-UNKNOWN', severity: '警告', description: '公开表中的科目编码（或表 1、表 4 的类名称）不在科目表中：可能有误，或需导入当年科目表' },
  { id: 'T-ROW-SUM', severity: '错误', description: '每行的合计等于其各组成列之和（基本支出 + 项目支出、各项收入、人员经费 + 公用经费、各类预算、三公各项）' },
  { id: 'T-PARENT-SUM', severity: '错误', description: '每个上级科目（类、款）等于其下级科目之和；财政拨款收入等于其下各项资金之和' },
  { id: 'T-TOTAL-SUM', severity: '错误', description: '合计（总计）行等于各末级行之和' },
  { id: 'T-BALANCE', severity: '错误', description: '收入总计等于支出总计（表 1、表 4）' },
  { id: 'T-CROSS', severity: '错误', description: '表 1 至表 7 相互一致：同一科目、同一资金来源在各表中的金额相同（表 4 与表 5、6、7 按类、按预算种类一致）' },
  { id: 'T-BASIC', severity: '错误', description: '表 8 的合计等于表 5 的基本支出合计' },
  { id: 'T-SANGONG', severity: '错误', description: '表 9 的“三公”各项不小于表 8 中相应经济分类款的金额（表 8 列有该款时才比较）' },
] as const satisfies readonly { id: string; severity: Severity; description: string }[];

export type RuleId = (typeof CHECK_RULES)[number]['id'];

const SEVERITY = new Map<RuleId, Severity>(CHECK_RULES.map((r) => [r.id, r.severity]));

export function finding(rule: RuleId, message: string, place: FindingPlace): CheckFinding {
  return { rule, severity: SEVERITY.get(rule)!, message, place };
}

/**
 * A finding's identity across runs, for tools that compare them: rule and place, the row by its
 * printed code and name when it has one (so that an inserted row does not rename every later finding).
 */
export function findingId(f: CheckFinding): string {
  const p = f.place;
  const where =
    p.project !== undefined
      ? [`项目:${p.project}`]
      : p.lineId !== undefined
        ? [`明细:${p.lineId}`, p.column ?? '']
        : [p.table === undefined ? '' : `表${p.table}`, f.rowLabel ?? (p.row === undefined ? '' : `第${p.row + 1}行`), p.column ?? ''];
  return [f.rule, ...where].join('|');
}

export function hasErrors(findings: readonly CheckFinding[]): boolean {
  return findings.some((f) => f.severity === '错误');
}
