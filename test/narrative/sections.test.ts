import { SAMPLE_PROJECT } from '../../shared/core/sample/sampleProject';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureKey } from '../../shared/core/measures';
import { buildNarrative, performanceSource, renderNarrativeText } from '../../shared/core/narrative/index';
import { line, workbook } from './workbooks';
import { runs } from '../helpers/runs';

const general = measureKey.source('一般公共预算财政拨款');
const reception = measureKey.sanGong('reception');
const text = (wb: Parameters<typeof buildNarrative>[0]) => renderNarrativeText(buildNarrative(wb));

describe('预算编制说明', () => {
  it('a fall is stated as 减少, and the reason sentence says 减少', () => {
    const wb = workbook([line('2120199', '30201', 500_000_000)], { [general]: 600_000_000, [measureKey.source('政府性基金预算财政拨款')]: 0, [measureKey.source('国有资本经营预算财政拨款')]: 0 });
    wb.texts.reasons.fiscal = '一次性项目结束。';
    const t = text(wb);
    expect(t).toContain('财政拨款收入 500.00 万元，比 2024 年预算减少 100.00 万元，');
    expect(t).toContain('\n\n财政拨款收入支出减少的主要原因是一次性项目结束。\n\n');
  });

  it('a reason written for a change that is now 持平 is not printed', () => {
    const wb = workbook([line('2120199', '30201', 500_000_000)], { [measureKey.fiscal]: 500_000_000 });
    wb.texts.reasons.fiscal = '人员增加';
    const t = text(wb);
    expect(t).toContain('财政拨款支出预算 500.00 万元，与 2024 年预算持平。');
    expect(t).not.toContain('主要原因');
  });

  it('a reason of punctuation only counts as none', () => {
    const wb = workbook([line('2120199', '30201', 500_000_000)], { [measureKey.fiscal]: 480_000_000 });
    wb.texts.reasons.fiscal = ' 。';
    expect(text(wb)).not.toContain('主要原因');
    expect(buildNarrative(wb).gaps).toContain('财政拨款收入支出比 2024 年预算增加，尚未写明主要原因');
  });

  it('a flagged change without a reason is listed as a gap', () => {
    const wb = workbook([line('2120199', '30201', 500_000_000)], { [general]: 100_000_000, [measureKey.source('政府性基金预算财政拨款')]: 0, [measureKey.source('国有资本经营预算财政拨款')]: 0 });
    const n = buildNarrative(wb);
    expect(n.gaps).toContain('财政拨款比上年增加 400.00 万元（400.0%），尚未写明原因');
    expect(n.gaps).toContain('一般公共预算财政拨款比上年增加 400.00 万元（400.0%），尚未写明原因');
  });

  it('lists 财政拨款 by 类 only: other sources are left out, a 类 without 用途 prints its amount', () => {
    const wb = workbook([line('2120199', '30201', 100_000_000), line('2080505', '30108', 200_000_000), line('2010101', '30201', 300_000_000, { source: '事业收入' })]);
    wb.texts.purposes['212'] = '城市运行管理';
    const t = text(wb);
    expect(t).toContain('财政拨款支出主要内容如下：\n\n1. 社会保障和就业支出 200.00 万元。\n2. 城乡社区支出 100.00 万元，主要用于城市运行管理。\n');
    expect(t).toContain('本部门收入预算 600.00 万元，其中：财政拨款收入 300.00 万元，事业收入 300.00 万元；');
    expect(buildNarrative(wb).gaps).toContain('社会保障和就业支出（208）尚未写明主要用途');
  });
});

describe('其他相关情况说明', () => {
  it('a 三公 item that changed gives its amount, its change and the reason written for it', () => {
    const wb = workbook([line('2120199', '30217', 392_600)], { [reception]: 292_600 });
    wb.texts.reasons[reception] = '接待任务增加';
    expect(text(wb)).toContain('（三）公务接待费0.39万元，比上年预算增加0.10万元，主要原因是接待任务增加。');
  });

  it('机关运行经费 of an administrative unit is stated with its change; none gives the sentence of absence', () => {
    const wb = workbook([line('2010101', '30201', 1_234_567)], { [measureKey.officeExpenses]: 1_000_000 });
    wb.units = [{ name: '测试单位', type: '行政单位' }];
    expect(text(wb)).toContain('\n\n本部门2025年财政拨款机关运行经费预算为1.23万元，比上年预算增加0.23万元。\n\n');
    wb.units = [{ name: '测试单位', type: '事业单位' }];
    expect(text(wb)).toContain('\n\n本部门2025年无财政拨款机关运行经费预算，比上年预算减少1.00万元。\n\n');
  });

  it('政府采购 from the entered figures', () => {
    const wb = workbook([]);
    wb.entered.procurement = { goods: 1_000_000, works: 0, services: 2_500_000, smeReserved: 1_200_000 };
    expect(text(wb)).toContain(
      '三、政府采购预算情况\n\n本部门2025年政府采购预算3.50万元，其中：政府采购货物预算1.00万元、政府采购工程预算0万元、政府采购服务预算2.50万元。本部门2025年面向中小企业预留政府采购项目预算1.20万元。\n',
    );
  });

  it('绩效目标 counted from the projects that carry them when none are entered', () => {
    const wb = workbook([
      line('2120199', '30207', 152_500_00, { kind: '项目支出', project: '城管通服务费' }),
      line('2120199', '30299', 100_000_00, { kind: '项目支出', project: '城管通服务费' }),
      line('2120199', '30299', 50_000_00, { kind: '项目支出', project: '巡查', unit: '第二单位' }),
      line('2120199', '30299', 70_000_00, { kind: '项目支出', project: '无目标' }),
      line('2120199', '30201', 10_000_00),
    ]);
    wb.projects = [
      SAMPLE_PROJECT,
      { ...SAMPLE_PROJECT, name: '巡查', indicators: [], goals: { overall: '', annual: '巡查全覆盖' } },
      { ...SAMPLE_PROJECT, name: '无目标', indicators: [], goals: { overall: '', annual: '' } },
    ];
    expect(performanceSource(wb)).toEqual({ units: 2, projects: 2, amount: 302_500_00, from: 'projects' });
    expect(text(wb)).toContain('本部门2个预算单位开展了2025年项目等预算绩效目标编报工作，其中编报绩效目标的项目2个，涉及项目预算资金30.25万元。');
    expect(text(workbook([line('2120199', '30201', 100)]))).toContain('四、绩效目标设置情况\n\n本部门2025年无编报绩效目标的项目。');
  });

  it('国有资产 as of the entered date, with the planned purchases as written', () => {
    const wb = workbook([]);
    wb.entered.assets = { asOf: '2024-09-30', vehicles: { general: 2, lawEnforcement: 1, special: 0, other: 0 }, equipmentOver50: 1, equipmentOver100: 0, plannedPurchase: '本部门2025年安排购置车辆1辆。' };
    const t = text(wb);
    expect(t).toContain('截至2024年9月30日，本部门所属各预算单位共有车辆3辆，其中：一般公务用车2辆、一般执法执勤用车1辆、特种专业技术用车0辆、其他用车0辆；单位价值50万元以上通用设备1台（套）；');
    expect(t.endsWith('\n\n本部门2025年安排购置车辆1辆。\n')).toBe(true);
  });
});

describe('the text never contradicts the figures', () => {
  it('says 增加 only where a figure rose and 减少 only where it fell', () => {
    const fen = fc.integer({ min: 0, max: 1e11 });
    fc.assert(
      fc.property(fen, fen, fen, fen, (current, previous, receptionNow, receptionBefore) => {
        const lines = [line('2120199', '30201', current), line('2120199', '30217', receptionNow)];
        const wb = workbook(lines, { [general]: previous + receptionBefore, [reception]: receptionBefore });
        wb.texts.reasons.fiscal = '原因';
        const t = text(wb);
        const fiscal = /一般公共预算拨款支出预算 [\d,.]+ 万元，(比 2024 年预算(增加|减少)|与 2024 年预算持平)/.exec(t)!;
        const fiscalChange = current + receptionNow - previous - receptionBefore;
        const item = /（三）公务接待费[\d,.]+万元，(比上年预算(增加|减少)|与上年预算持平)/.exec(t)!;
        for (const [word, change] of [[fiscal[2], fiscalChange], [item[2], receptionNow - receptionBefore]] as const) {
          if (change < 0) expect(word).not.toBe('增加');
          if (change > 0) expect(word).not.toBe('减少');
          if (change === 0) expect(word).toBeUndefined();
        }
        if (fiscalChange < 0) expect(t).not.toContain('财政拨款收入支出增加');
        if (fiscalChange > 0) expect(t).not.toContain('财政拨款收入支出减少');
      }),
      { numRuns: runs(200) },
    );
  });
});
