import { describe, expect, it } from 'vitest';
import { measureKey } from '../../shared/core/measures';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { yearOnYear, type YoyRow } from '../../shared/core/yoy';
import { giveReason, line, workbook } from './workbooks';

const byKey = (rows: YoyRow[], key: string) => rows.find((r) => r.key === key)!;
const general = measureKey.source('一般公共预算财政拨款');

describe('year-on-year changes of the sample', () => {
  const report = yearOnYear(sampleWorkbook());

  it('is marked as compared with a reconstructed 2023', () => {
    expect(report.year).toBe(2024);
    expect(report.previousYear).toBe(2023);
    expect(report.reconstructed).toBe(true);
    expect(report.provenance).toContain('反推');
  });

  it('一般公共预算 rose by 654,061.13 元 (8.1%), not enough to need a reason', () => {
    expect(byKey(report.bySource, general)).toMatchObject({
      label: '一般公共预算财政拨款',
      current: 875_956_113,
      previous: 810_550_000,
      change: 65_406_113,
      percent: '8.1',
      phrase: { direction: '增加', amount: 65_406_113 },
      significance: null,
      flagged: false,
    });
  });

  it('财政拨款 and the total are the sums of the sources entered for 2023', () => {
    expect(byKey(report.summary, measureKey.fiscal)).toMatchObject({ previous: 810_550_000, change: 65_406_113, reason: '人员和公用经费增加' });
    expect(byKey(report.summary, measureKey.total)).toMatchObject({ label: '收支总计', previous: 810_550_000 });
  });

  it('every 三公 item and 机关运行经费 is unchanged', () => {
    expect(report.sanGong.map((r) => r.label)).toEqual(['“三公”经费', '因公出国（境）费', '公务接待费', '公务用车购置费', '公务用车运行维护费', '公务用车购置及运行费', '机关运行经费']);
    for (const r of report.sanGong) {
      expect(r.change).toBe(0);
      expect(r.phrase).toEqual({ direction: '持平' });
      expect(r.flagged).toBe(false);
    }
    expect(byKey(report.sanGong, measureKey.sanGongTotal)).toMatchObject({ current: 2_992_600, previous: 2_992_600 });
  });

  it('lists 功能分类 类/款/项 with catalog names, parents first; 2023 unknown by code', () => {
    expect(report.byFunction.slice(0, 3).map((r) => [r.code, r.level, r.label])).toEqual([
      ['208', '类', '社会保障和就业支出'],
      ['20805', '款', '行政事业单位养老支出'],
      ['2080505', '项', '机关事业单位基本养老保险缴费支出'],
    ]);
    expect(byKey(report.byFunction, measureKey.function('212'))).toMatchObject({ current: 668_371_992, previous: null, change: null, percent: null, phrase: null, flagged: false });
    expect(report.byEconomic.find((r) => r.code === '302')).toMatchObject({ level: '类', label: '商品和服务支出' });
  });
});

describe('where last year comes from', () => {
  it('from last year’s lines when the baseline has them, codes of either year listed', () => {
    const wb = workbook([line('2120199', '30201', 1_100_000)]);
    wb.baseline.lines = [line('2120199', '30201', 1_000_000), line('2010101', '30201', 500_000)];
    wb.baseline.figures = { [general]: 1 };
    const report = yearOnYear(wb);
    expect(byKey(report.bySource, general)).toMatchObject({ previous: 1_500_000, change: -400_000 });
    expect(byKey(report.byFunction, measureKey.function('2120199'))).toMatchObject({ previous: 1_000_000, change: 100_000, percent: '10.0' });
    expect(byKey(report.byFunction, measureKey.function('201'))).toMatchObject({ current: 0, previous: 500_000, significance: 'toZero' });
  });

  it('from the figure entered for the key, then from the sum of its parts, else unknown', () => {
    const wb = workbook([line('2120199', '30217', 200_000)], {
      [measureKey.sanGong('abroad')]: 0,
      [measureKey.sanGong('reception')]: 300_000,
      [measureKey.sanGong('vehiclePurchase')]: 0,
      [measureKey.function('212')]: 250_000,
    });
    const report = yearOnYear(wb);
    expect(byKey(report.byFunction, measureKey.function('212'))).toMatchObject({ previous: 250_000 });
    expect(byKey(report.byFunction, measureKey.function('21201')).previous).toBeNull();
    expect(byKey(report.sanGong, measureKey.sanGong('reception'))).toMatchObject({ previous: 300_000, phrase: { direction: '减少', amount: 100_000 } });
    expect(byKey(report.sanGong, measureKey.sanGongTotal).previous).toBeNull();
    expect(byKey(report.sanGong, measureKey.vehicles).previous).toBeNull();
    expect(byKey(report.summary, measureKey.fiscal).previous).toBeNull();
  });

  it('a code the catalog does not know is named by its lines', () => {
    const wb = workbook([line('2120199', '39998', 100, { economicName: '自拟科目' })]);
    expect(byKey(yearOnYear(wb).byEconomic, measureKey.economic('39998'))).toMatchObject({ code: '39998', level: '款', label: '自拟科目' });
  });

  it('a code known only last year is listed with this year 0', () => {
    const wb = workbook([line('2120199', '30201', 100)], { [measureKey.function('208')]: 700 });
    expect(byKey(yearOnYear(wb).byFunction, measureKey.function('208'))).toMatchObject({ label: '社会保障和就业支出', level: '类', current: 0, previous: 700 });
  });
});

describe('flags: a change of 10% or more, from zero or to zero, until a reason is written', () => {
  const reception = measureKey.sanGong('reception');
  const row = (current: number, previous: number, reason?: string) => {
    const wb = workbook(current ? [line('2120199', '30217', current)] : [], { [reception]: previous });
    if (reason !== undefined) giveReason(wb, reception, reason);
    return byKey(yearOnYear(wb).sanGong, reception);
  };

  it('flags exactly 10% either way, not 9.99%', () => {
    expect(row(1_100_000, 1_000_000)).toMatchObject({ significance: 'large', flagged: true, percent: '10.0' });
    expect(row(900_000, 1_000_000)).toMatchObject({ significance: 'large', flagged: true, percent: '-10.0' });
    expect(row(1_099_999, 1_000_000)).toMatchObject({ significance: null, flagged: false });
  });

  it('flags a change from zero and to zero; nothing when both are zero', () => {
    expect(row(10_000, 0)).toMatchObject({ significance: 'fromZero', flagged: true, percent: null });
    expect(row(0, 10_000)).toMatchObject({ significance: 'toZero', flagged: true, percent: '-100.0' });
    expect(row(0, 0)).toMatchObject({ significance: null, flagged: false });
  });

  it('a written reason clears the flag; a blank one or a bare full stop does not', () => {
    expect(row(2_000_000, 1_000_000, '接待任务增加')).toMatchObject({ significance: 'large', flagged: false, reason: '接待任务增加' });
    expect(row(2_000_000, 1_000_000, '  ')).toMatchObject({ flagged: true, reason: '' });
    expect(row(2_000_000, 1_000_000, '。')).toMatchObject({ flagged: true, reason: '' });
    expect(row(2_000_000, 1_000_000, ' 接待任务增加。\n')).toMatchObject({ flagged: false, reason: '接待任务增加' });
  });
});
