import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/core/checks/index';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { sampleWorkbook } from '../../shared/core/sample/sample';

describe('a line naming a unit the workbook has not registered', () => {
  const wb = sampleWorkbook();
  const typo = { ...wb, lines: wb.lines.map((l) => (l.id === 7 || l.id === 9 ? { ...l, unit: '上海市宝山区城市运行管理所' } : l)) };

  it('is a warning on its first line, naming the unit and how many lines', () => {
    const found = checkWorkbook(typo).filter((f) => f.rule === 'L-UNIT');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: '警告', place: { lineId: 7, column: '单位名称' } });
    expect(found[0].message).toContain('单位“上海市宝山区城市运行管理所”未在基本信息中登记（2 行明细）');
    expect(checkWorkbook(wb).filter((f) => f.rule === 'L-UNIT')).toHaveLength(0);
  });

  it('goes once the unit is registered or the lines are mended, edit by edit', () => {
    const live = new LiveWorkbook(typo);
    live.apply({ op: 'setUnits', units: [...typo.units, { name: '上海市宝山区城市运行管理所', type: '行政单位' }] });
    expect(live.findings().filter((f) => f.rule === 'L-UNIT')).toHaveLength(0);
    const again = new LiveWorkbook(typo);
    again.apply({ op: 'updateLines', changes: [7, 9].map((id) => ({ id, set: { unit: wb.units[0].name } })) });
    expect(again.findings().filter((f) => f.rule === 'L-UNIT')).toHaveLength(0);
  });

  it('is not reported for a workbook that registers no units', () => {
    expect(checkWorkbook({ ...typo, units: [] }).filter((f) => f.rule === 'L-UNIT')).toHaveLength(0);
  });
});
