import { addFen, formatYuan, type Fen } from '../money';
import type { Project, Workbook } from '../model';
import { annualRequest, calculationResult, projectLinesAmount } from '../projects';
import { finding, type CheckFinding } from './rules';

/** The rules on projects: their money agrees with their lines, and their 测算 reaches their budget. */
export function checkProjects(wb: Pick<Workbook, 'projects' | 'lines'>): CheckFinding[] {
  return wb.projects.flatMap((p) => checkProject(p, projectLinesAmount(wb.lines, p.name)));
}

/** `checkProjectGaps` worked out afresh from the lines. */
export function checkProjectsExplained(wb: Pick<Workbook, 'projects' | 'lines'>): CheckFinding[] {
  const amounts = new Map<string, Fen>();
  for (const l of wb.lines) if (l.kind === '项目支出') amounts.set(l.project, addFen(amounts.get(l.project) ?? 0, l.amount));
  return checkProjectGaps(wb.projects, amounts);
}

/** The project rules on one project, given the sum of its 项目支出 lines. */
export function checkProject(p: Project, lines: Fen): CheckFinding[] {
  const out: CheckFinding[] = [];
  const where = `项目“${p.name}”`;
  const place = { project: p.name };
  const annual = annualRequest(p);
  if (lines !== annual) {
    out.push(
      finding(
        'P-PROJECT-SUM',
        `${where}的年度资金申请总额为 ${formatYuan(annual)} 元，但属于该项目的项目支出明细合计 ${formatYuan(lines)} 元，相差 ${formatYuan(Math.abs(annual - lines))} 元；请核对项目资金或明细`,
        place,
      ),
    );
  }
  const { total, fiscal, other } = p.funds;
  if (total !== fiscal + other) {
    out.push(finding('P-PROJECT-FUNDS', `${where}的项目资金总额 ${formatYuan(total)} 元不等于财政资金 ${formatYuan(fiscal)} 元与其他资金 ${formatYuan(other)} 元之和`, place));
  }
  const calc = calculationResult(p);
  if (calc && !calc.ok) out.push(finding('P-CALC', `${where}的测算无法计算：${calc.reason}`, place));
  else if (calc && calc.fen !== annual) {
    const gap = formatYuan(Math.abs(annual - calc.fen));
    const verdict = calc.fen < annual ? `未达到预算 ${formatYuan(annual)} 元，差 ${gap} 元` : `超出预算 ${formatYuan(annual)} 元 ${gap} 元`;
    out.push(finding('P-CALC', `${where}的测算（${p.calculation}）为 ${formatYuan(calc.fen)} 元，${verdict}；请补全测算依据或调整预算`, place));
  }
  return out;
}

/** What a project record lacks of its 绩效目标: the goals, the indicators, or both; '' when nothing. */
function missingTargets(p: Project): string {
  const goals = p.goals.overall.trim() !== '' || p.goals.annual.trim() !== '';
  const indicators = p.indicators.some((i) => i.level3.trim() !== '' && i.value.trim() !== '');
  if (goals && indicators) return '';
  return !goals && !indicators ? '绩效目标与绩效指标' : !goals ? '绩效目标（总目标或年度目标）' : '绩效指标（三级指标及年度指标值）';
}

/**
 * Whether every project is explained: each project that has 项目支出 lines has a record, each record
 * states its 绩效目标 and 指标, and each record has lines. `amounts` holds the project names that
 * lines name (with their money).
 */
export function checkProjectGaps(projects: readonly Project[], amounts: ReadonlyMap<string, Fen>): CheckFinding[] {
  const out: CheckFinding[] = [];
  const recorded = new Set(projects.map((p) => p.name));
  for (const [name, fen] of amounts) {
    const f = noRecordFinding(name, fen, recorded);
    if (f) out.push(f);
  }
  return [...out, ...recordGapFindings(projects, amounts)];
}

/** P-NO-RECORD of a project name lines give, with their money: none for '' or a name with a record. */
export function noRecordFinding(name: string, fen: Fen, recorded: ReadonlySet<string>): CheckFinding | undefined {
  if (name === '' || recorded.has(name)) return undefined;
  return finding(
    'P-NO-RECORD',
    `项目“${name}”有项目支出明细 ${formatYuan(fen)} 元，但没有项目信息：公开文本将缺少它的项目经费情况说明与绩效目标申报表；请在明细中选中该项目的一行，按 Ctrl+Enter 填写项目信息`,
    { project: name },
  );
}

/** The gaps of the records: 绩效目标 not stated (P-NO-TARGETS), no lines (P-NO-LINES). */
export function recordGapFindings(projects: readonly Project[], amounts: ReadonlyMap<string, Fen>): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const p of projects) {
    const missing = missingTargets(p);
    if (missing) out.push(finding('P-NO-TARGETS', `项目“${p.name}”的项目信息未写${missing}：绩效目标申报表将是空的；请在项目信息中填写`, { project: p.name }));
    if (!amounts.has(p.name)) out.push(finding('P-NO-LINES', `项目“${p.name}”有项目信息，但没有属于它的项目支出明细（项目名称须相同）；请核对项目名称，或删去不再需要的项目信息`, { project: p.name }));
  }
  return out;
}
