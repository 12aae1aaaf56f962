import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/core/checks';
import { checkProjects } from '../../shared/core/checks/projectRules';
import type { Workbook } from '../../shared/core/model';
import { annualRequest, calculationResult, carriesTargets, projectLinesAmount } from '../../shared/core/projects';
import { sampleWorkbook } from '../../shared/core/sample/sample';

function withProject(patch: Partial<Workbook['projects'][number]>): Workbook {
  const wb = sampleWorkbook();
  wb.projects = [{ ...wb.projects[0], ...patch }];
  return wb;
}

const rules = (wb: Workbook) => checkProjects(wb).map((f) => [f.rule, f.severity]);

describe('城管通服务费 as the publication gives it', () => {
  const wb = sampleWorkbook();
  const project = wb.projects[0];

  it('its money agrees with its line', () => {
    expect(annualRequest(project)).toBe(15_250_000);
    expect(projectLinesAmount(wb.lines, project.name)).toBe(15_250_000);
    expect(carriesTargets(project)).toBe(true);
  });

  it('its 测算 comes to 105,048.00 against 152,500.00 budgeted, and the check says so', () => {
    expect(calculationResult(project)).toEqual({ ok: true, fen: 10_504_800 });
    const [f] = checkProjects(wb);
    expect(f).toEqual({
      rule: 'P-CALC',
      severity: '警告',
      message: '项目“城管通服务费”的测算（43*128*12+3250*12）为 105,048.00 元，未达到预算 152,500.00 元，差 47,452.00 元；请补全测算依据或调整预算',
      place: { project: '城管通服务费' },
    });
  });
});

describe('project rules', () => {
  it('P-CALC: none when the 测算 reaches the amount, or when there is no 测算', () => {
    expect(rules(withProject({ calculation: '43*128*12+3250*12+47452' }))).toEqual([]);
    expect(rules(withProject({ calculation: '' }))).toEqual([]);
  });

  it('P-CALC: a 测算 above the amount, and one that cannot be computed, are warnings', () => {
    const over = checkProjects(withProject({ calculation: '200000' }));
    expect(over.map((f) => f.message)).toEqual(['项目“城管通服务费”的测算（200000）为 200,000.00 元，超出预算 152,500.00 元 47,500.00 元；请补全测算依据或调整预算']);
    const broken = checkProjects(withProject({ calculation: '43*(128' }));
    expect(broken[0].rule).toBe('P-CALC');
    expect(broken[0].message).toContain('测算无法计算');
  });

  it('P-PROJECT-SUM: the project’s money must equal its lines', () => {
    const wb = withProject({ calculation: '' });
    wb.lines = wb.lines.map((l) => (l.project === '城管通服务费' ? { ...l, amount: 15_000_000 } : l));
    const [f] = checkProjects(wb);
    expect(f.rule).toBe('P-PROJECT-SUM');
    expect(f.message).toBe('项目“城管通服务费”的年度资金申请总额为 152,500.00 元，但属于该项目的项目支出明细合计 150,000.00 元，相差 2,500.00 元；请核对项目资金或明细');
    expect(checkWorkbook(wb).filter((x) => x.severity === '错误').map((x) => x.rule)).toEqual(['P-PROJECT-SUM']);
  });

  it('P-PROJECT-FUNDS: 项目资金总额 = 财政资金 + 其他资金', () => {
    const funds = { ...sampleWorkbook().projects[0].funds, other: 100 };
    expect(rules(withProject({ calculation: '', funds }))).toEqual([['P-PROJECT-FUNDS', '错误']]);
  });
});
