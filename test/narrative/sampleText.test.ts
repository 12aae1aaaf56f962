import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureKey } from '../../shared/core/measures';
import { buildNarrative, renderNarrativeText } from '../../shared/core/narrative/index';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { FIXTURES, REFERENCE, runBudget } from '../helpers/cli';

/** Written from the publication's text, with its wording error corrected (与上年预算持平). */
const expected = readFileSync(join(FIXTURES, 'narrative', 'sample-2024.txt'), 'utf8');
const seedCsv = join(REFERENCE, 'seed-2024-line-items.csv');
const baselineJson = join(FIXTURES, 'narrative', 'baseline-2023.json');

describe('the sample’s explanatory text', () => {
  const narrative = buildNarrative(sampleWorkbook());
  const text = renderNarrativeText(narrative);

  it('is the reviewed expected text, word for word', () => {
    expect(text).toBe(expected);
  });

  it('is the publication’s own text of these chapters, word for word, its one wording error corrected', () => {
    const published = readFileSync(join(REFERENCE, '003_122eecf31f5b0360.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const chapter = (from: string, to: string) => published.slice(published.indexOf(from), published.indexOf(to, published.indexOf(from))).trim();
    const budget = chapter('2024 年部门预算编制说明', '1、2024 年部门财务收支预算总表');
    const other = chapter('其他相关情况说明\n\n一、', '城管通服务费项目经费情况说明');
    expect(other).toContain('公务接待费0.29万元，比上年预算持平');
    expect(text).toBe(`${budget}\n\n${other.replace('比上年预算持平', '与上年预算持平')}\n`);
  });

  it('states the figures the publication states', () => {
    expect(text).toContain('本部门收入预算 875.96 万元，其中：财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元');
    expect(text).toContain('1. 社会保障和就业支出 120.05 万元，主要用于单位社保及职业年金缴费支出。');
    expect(text).toContain('财政拨款收入支出增加的主要原因是人员和公用经费增加。');
    expect(text.match(/与上年预算持平/g)).toHaveLength(6);
    expect(text).not.toContain('比上年预算持平');
  });

  it('leaves nothing to complete, and says the 2023 figures are reconstructed', () => {
    expect(narrative.gaps).toEqual([]);
    expect(narrative.baselineNote).toContain('反推值');
    expect(narrative.previousYear).toBe(2023);
  });

  it('points each paragraph at the figures it cites and the texts a person edits beside it', () => {
    const [budget, other] = narrative.chapters;
    expect(budget.title).toBe('2024 年部门预算编制说明');
    expect(other.sections.map((s) => s.id)).toEqual(['sanGong', 'officeExpenses', 'procurement', 'performance', 'assets']);
    const paragraphs = budget.sections[0].paragraphs;
    expect(paragraphs[1].edits).toEqual([
      { kind: 'reason', key: measureKey.fiscal },
      { kind: 'reason', key: measureKey.source('一般公共预算财政拨款') },
    ]);
    const item = paragraphs.find((p) => p.text.startsWith('3. '))!;
    expect(item).toMatchObject({ measures: [measureKey.fiscalFunction('212')], edits: [{ kind: 'purpose', code: '212' }], listItem: true });
    expect(other.sections[0].paragraphs[2].measures).toEqual([measureKey.vehicles, measureKey.sanGong('vehiclePurchase'), measureKey.sanGong('vehicleOperation')]);
  });
});

describe('budget narrative', () => {
  it('--sample prints the expected text and notes the reconstructed baseline', () => {
    const run = runBudget(['narrative', '--sample']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected);
    expect(run.stderr).toBe(`说明：${sampleWorkbook().baseline.provenance}\n`);
  });

  it('the seed CSV with a baseline file gives the same figures; what only a person can write is listed', () => {
    const run = runBudget(['narrative', seedCsv, '--year', '2024', '--baseline', baselineJson]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元，事业收入 0 万元；');
    expect(run.stdout).toContain('一般公共预算拨款支出预算 875.96 万元，比 2023 年预算增加 65.41 万元；政府性基金拨款支出预算 0 万元，与 2023 年预算持平；');
    expect(run.stdout).toContain('1. 社会保障和就业支出 120.05 万元。\n2. 卫生健康支出 52.52 万元。');
    expect(run.stdout).toContain('2024年，本部门“三公”经费预算数为2.99万元，与上年预算持平。其中：');
    expect(run.stdout).toContain('（三）公务接待费0.29万元，与上年预算持平。');
    expect(run.stdout).not.toContain('主要原因');
    expect(run.stdout).toContain('四、绩效目标设置情况\n\n本部门2024年无编报绩效目标的项目。');
    expect(run.stdout).toContain('\n本部门所属各预算单位共有车辆0辆，');
    expect(run.stderr.split('\n')).toEqual([
      '提示：财政拨款收入支出比 2023 年预算增加，尚未写明主要原因',
      '提示：社会保障和就业支出（208）尚未写明主要用途',
      '提示：卫生健康支出（210）尚未写明主要用途',
      '提示：城乡社区支出（212）尚未写明主要用途',
      '提示：住房保障支出（221）尚未写明主要用途',
      '提示：国有资产占有使用情况缺少统计截止日期（应为 YYYY-MM-DD，如 2023-08-31）',
      '',
    ]);
  });

  it('without a baseline states this year’s figures only, and says so once', () => {
    const run = runBudget(['narrative', seedCsv, '--year', '2024']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('财政拨款收入 875.96 万元，事业收入 0 万元；');
    expect(run.stdout).toContain('（一）因公出国（境）费0万元。');
    expect(run.stdout).not.toMatch(/增加|减少|持平/);
    expect(run.stderr).toContain('提示：没有 2023 年预算数（上年基数），编制说明未写与上年的比较\n');
    expect(run.stderr.match(/预算数/g)).toHaveLength(1);
  });

  it('bad input ends with a Chinese message and status 2', () => {
    const noInput = runBudget(['narrative']);
    expect(noInput.status).toBe(2);
    expect(noInput.stderr).toContain('缺少输入');
    const badBaseline = runBudget(['narrative', seedCsv, '--baseline', join(FIXTURES, 'narrative', 'missing.json')]);
    expect(badBaseline.status).toBe(2);
    expect(badBaseline.stderr).toContain('无法读取上年基数文件 missing.json');
    expect(badBaseline.stdout).toBe('');
    const badOption = runBudget(['narrative', '--sample', '--nonsense']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toContain('参数有误');
  });

  it('--help prints the usage', () => {
    const run = runBudget(['narrative', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('用法：budget narrative');
  });
});
