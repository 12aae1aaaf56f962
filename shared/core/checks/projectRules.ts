import { formatYuan, type Fen } from '../money';
import type { Project, Workbook } from '../model';
import { annualRequest, calculationResult, projectLinesAmount } from '../projects';
import { finding, type CheckFinding } from './rules';

/** The rules on projects: their money agrees with their lines, and their 测算 reaches their budget. */
export function checkProjects(wb: Pick<Workbook, 'projects' | 'lines'>): CheckFinding[] {
  return wb.projects.flatMap((p) => checkProject(p, projectLinesAmount(wb.lines, p.name)));
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
