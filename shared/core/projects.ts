import { evaluateFormula, type FormulaResult } from './formula';
import { addFen, type Fen } from './money';
import type { LineItem, Project, Workbook } from './model';

/** 年度资金申请总额: this year's fiscal money, money carried over, and other money for the year. */
export function annualRequest(project: Project): Fen {
  const { currentYearFiscal, carriedOver, otherAnnual } = project.funds;
  return currentYearFiscal + carriedOver + otherAnnual;
}

/** The 项目支出 lines that belong to a project (by its name). */
export function projectLines(lines: readonly LineItem[], name: string): LineItem[] {
  return lines.filter((l) => l.kind === '项目支出' && l.project === name);
}

export function projectLinesAmount(lines: readonly LineItem[], name: string): Fen {
  return projectLines(lines, name).reduce((s, l) => addFen(s, l.amount), 0);
}

/** A project carries 绩效目标 when it states a goal or at least one indicator. */
export function carriesTargets(project: Project): boolean {
  return project.goals.overall.trim() !== '' || project.goals.annual.trim() !== '' || project.indicators.some((i) => i.level3.trim() !== '');
}

/** The 测算 evaluated exactly, in 分; undefined when the project has none. */
export function calculationResult(project: Project): FormulaResult | undefined {
  const text = project.calculation.trim();
  return text === '' ? undefined : evaluateFormula(text.startsWith('=') ? text : `=${text}`);
}

export function findProject(wb: Workbook, name: string): Project | undefined {
  return wb.projects.find((p) => p.name === name);
}
