import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/core/checks/index';
import { applyEdit } from '../../shared/core/edits';
import { carriesTargets } from '../../shared/core/projects';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { checkDate, checkFund, newProject, renameProject, saveProject } from '../../renderer/src/projects/projectEdits';

const UNRECORDED = '其他项目支出（原文未逐项列明）';

describe('the project form’s edits', () => {
  it('a new record takes its name, the line’s unit and its lines’ money; all it lacks is its 绩效目标', () => {
    const wb = sampleWorkbook();
    const p = newProject(wb, UNRECORDED, '上海市宝山区城市运行管理中心');
    expect(p).toMatchObject({
      name: UNRECORDED,
      implementer: '上海市宝山区城市运行管理中心',
      start: '2024-01-01',
      end: '2024-12-31',
      funds: { total: 18_482_400, fiscal: 18_482_400, other: 0, currentYearFiscal: 18_482_400, carriedOver: 0, otherAnnual: 0 },
    });
    expect(p.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '成本指标', '效益指标', '效益指标', '效益指标', '效益指标', '满意度指标']);
    // Empty indicators are not 绩效目标: the narrative's count does not change until some are written.
    expect(carriesTargets(p)).toBe(false);
    const after = applyEdit(wb, saveProject(wb, UNRECORDED, p)).workbook;
    expect(after.projects.map((x) => x.name)).toEqual(['城管通服务费', UNRECORDED]);
    expect(checkWorkbook(after).filter((f) => f.place.project === UNRECORDED).map((f) => f.rule)).toEqual(['P-NO-TARGETS']);
  });

  it('saving replaces the record of that name in one edit, which undoes in one step', () => {
    const wb = sampleWorkbook();
    const edit = saveProject(wb, '城管通服务费', { ...wb.projects[0], calculation: '43*128*12+3250*12+47452' });
    const { workbook, inverse } = applyEdit(wb, edit);
    expect(workbook.projects).toHaveLength(1);
    expect(checkWorkbook(workbook).filter((f) => f.rule === 'P-CALC')).toEqual([]);
    expect(applyEdit(workbook, inverse).workbook.projects).toEqual(wb.projects);
  });

  it('renaming renames the project on its lines too, and refuses an empty or taken name', () => {
    const wb = sampleWorkbook();
    const r = renameProject(wb, wb.projects[0], ' 城管通通信服务费 ');
    expect(r.ok).toBe(true);
    const after = applyEdit(wb, r.ok ? r.value : { op: 'batch', edits: [] }).workbook;
    expect(after.projects[0].name).toBe('城管通通信服务费');
    expect(after.lines.find((l) => l.id === 29)?.project).toBe('城管通通信服务费');
    expect(checkWorkbook(after).filter((f) => f.rule === 'P-PROJECT-SUM')).toEqual([]);

    const withTwo = applyEdit(wb, saveProject(wb, UNRECORDED, newProject(wb, UNRECORDED, ''))).workbook;
    expect(renameProject(withTwo, withTwo.projects[0], UNRECORDED)).toEqual({ ok: false, reason: `已有名为“${UNRECORDED}”的项目；请换一个名称` });
    expect(renameProject(wb, wb.projects[0], '  ')).toEqual({ ok: false, reason: '项目名称不能为空' });
  });

  it('reads dates and amounts as people type them, and says in Chinese what it cannot read', () => {
    expect(checkDate('2024-1-5')).toEqual({ ok: true, value: '2024-01-05' });
    expect(checkDate('2024年12月31日')).toEqual({ ok: true, value: '2024-12-31' });
    expect(checkDate('2024/02/29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(checkDate('')).toEqual({ ok: true, value: '' });
    expect(checkDate('2023-02-29')).toEqual({ ok: false, reason: '日期“2023-02-29”无法识别；请按“2024-01-01”的格式填写' });
    expect(checkFund('152,500.00')).toEqual({ ok: true, value: 15_250_000 });
    expect(checkFund('15.25万')).toEqual({ ok: true, value: 15_250_000 });
    expect(checkFund('')).toEqual({ ok: true, value: 0 });
    expect(checkFund('-1')).toEqual({ ok: false, reason: '项目资金不能为负数' });
    const bad = checkFund('12,34.5');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/^金额.*千分位/);
  });
});
