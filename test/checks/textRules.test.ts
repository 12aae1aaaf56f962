import { describe, expect, it } from 'vitest';
import { checkText, textFacts, workbookOnlyFigures } from '../../shared/core/checks/textRules';
import type { LineItem, Workbook } from '../../shared/core/model';
import { readSentences } from '../../shared/core/narrative/sentenceReader';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { toPublishedTable } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';

function check(text: string, wb: Workbook = sampleWorkbook()) {
  return checkText(text, textFacts(deriveWorkbookTables(wb).map(toPublishedTable)), workbookOnlyFigures(wb)).map((f) => [f.rule, f.message]);
}
const rules = (text: string, wb?: Workbook) => check(text, wb).map(([rule]) => rule);

/** The sample with two 项 of 一般公共服务 funded by 财政拨款: 专项普查活动 438,321.00 元 and 群众团体事务 422,940.00 元. */
function withItems(): Workbook {
  const wb = sampleWorkbook();
  const line = (id: number, functionCode: string, amount: number): LineItem => ({ ...wb.lines[0], id, functionCode, economicCode: '30299', kind: '项目支出', project: `项目${id}`, amount });
  wb.lines = [...wb.lines, line(901, '2010507', 43_832_100), line(902, '2012999', 42_294_000)];
  return wb;
}

describe('the sentence reader', () => {
  it('reads figures with their labels and the changes after them, in the styles publications print', () => {
    const [s] = readSentences('2024 年，本部门收入预算 875.96 万元，其中：财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元，较上年增长8.07%。');
    expect(s.figures.map((f) => [f.figure.label, f.figure.amount.text, f.changes.map((c) => [c.direction, c.year, c.amount?.text, c.percent?.text])])).toEqual([
      ['本部门收入预算', '875.96', []],
      ['财政拨款收入', '875.96', [['增加', 2023, '65.41', '8.07']]],
    ]);
  });

  it('leaves out the rows of tables and reads listed items without their unit', () => {
    const sentences = readSentences('合计\t875.96\t\n专项普查活动43.83；群众团体事务42.29；\n');
    expect(sentences.map((s) => s.figures.map((f) => [f.figure.label, f.figure.amount.text, f.figure.withUnit]))).toEqual([[['专项普查活动', '43.83', false]], [['群众团体事务', '42.29', false]]]);
  });
});

describe('X-FIGURE: a 万元 figure the text can place equals the table’s, rounded as printed', () => {
  it('two decimals or none; a total may differ from the sum of its rounded items', () => {
    expect(check('2024年，本部门收入预算875.96万元，其中：财政拨款收入876万元。')).toEqual([]);
    expect(check('1. 社会保障和就业支出 120.05 万元；2. 卫生健康支出 52.52 万元；3. 城乡社区支出 668.37 万元；4. 住房保障支出 35.01 万元。财政拨款支出预算 875.96 万元。')).toEqual([]);
    expect(check('（三）公务接待费0.3万元，与上年预算持平。')).toEqual([]);
  });

  it('a figure that is not the table’s, each source and item', () => {
    expect(check('本部门支出预算 875.69 万元。')).toEqual([['X-FIGURE', '“本部门支出预算 875.69 万元”：本部门支出预算写作 875.69 万元，表中为 875.96 万元；请按表改正']]);
    expect(rules('2024年，本部门收入预算876万元，其中：财政拨款收入875万元。')).toEqual(['X-FIGURE']);
    expect(rules('一般公共预算拨款支出预算 875.96 万元；政府性基金拨款支出预算 1.00 万元；国有资本经营预算拨款支出预算为 0 万元。')).toEqual(['X-FIGURE']);
    expect(rules('2. 卫生健康支出 55.52 万元，主要用于单位医疗保险缴费支出。')).toEqual(['X-FIGURE']);
    expect(rules('（二）公务用车购置及运行费2.07万元。其中：公务用车购置费0万元；公务用车运行费2.70万元。')).toEqual(['X-FIGURE']);
    expect(rules('本部门2024年财政拨款机关运行经费预算为3.00万元。')).toEqual(['X-FIGURE']);
  });

  it('items listed with their amounts only (“专项普查活动43.83；群众团体事务42.29；…”)', () => {
    expect(check('财政拨款支出主要内容如下：专项普查活动43.83；群众团体事务42.29；住房保障支出35.01。', withItems())).toEqual([]);
    expect(check('财政拨款支出主要内容如下：专项普查活动43.38；群众团体事务42.29。', withItems())).toEqual([
      ['X-FIGURE', '“财政拨款支出主要内容如下：专项普查活动43.38”：专项普查活动写作 43.38 万元，表中为 43.83 万元；请按表改正'],
    ]);
  });

  it('政府采购: its parts against the entered figures, and against their total (rounded parts may miss it by rounding)', () => {
    const wb = sampleWorkbook();
    wb.entered.procurement = { goods: 1_234_500, works: 0, services: 2_345_500, smeReserved: 3_580_000 };
    expect(check('本部门2024年政府采购预算3.58万元，其中：政府采购货物预算1.23万元、政府采购工程预算0万元、政府采购服务预算2.35万元。', wb)).toEqual([]);
    expect(rules('本部门2024年政府采购预算3.58万元，其中：政府采购货物预算1.32万元、政府采购工程预算0万元、政府采购服务预算2.35万元。', wb)).toEqual(['X-FIGURE', 'X-FIGURE']);
    // a publication checked on its own (no entered figures): the parts must still make the total
    const facts = textFacts(deriveWorkbookTables(sampleWorkbook()).map(toPublishedTable));
    expect(checkText('政府采购预算3.58万元，其中：政府采购货物预算1.23万元、政府采购工程预算0万元、政府采购服务预算2.35万元。', facts)).toEqual([]);
    expect(checkText('政府采购预算4.58万元，其中：政府采购货物预算1.23万元、政府采购工程预算0万元、政府采购服务预算2.35万元。', facts).map((f) => f.rule)).toEqual(['X-FIGURE']);
  });

  it('figures it cannot place are left alone', () => {
    expect(check('单位价值50万元以上通用设备0台（套）；涉及项目预算资金27.25万元；2024 年度财政资金预算安排金额为 152500 元。')).toEqual([]);
  });
});

describe('X-CHANGE: each year-on-year phrase agrees with itself', () => {
  it('a percentage equals the change over last year’s figure (“较上年增长5.40%”)', () => {
    expect(check('财政拨款收入875.96万元，比2023年预算增加65.41万元，增长8.07%。')).toEqual([]);
    expect(check('财政拨款收入875.96万元，较上年增长8.07%，增加65.41万元。')).toEqual([]);
    expect(rules('财政拨款收入875.96万元，比2023年预算增加65.41万元，增长5.40%。')).toEqual(['X-CHANGE']);
    expect(rules('财政拨款收入875.96万元，比上年预算减少65.41万元，下降8.07%。')).toEqual(['X-CHANGE']);
  });

  it('with last year’s figure stated, the sign and the amount follow from the two figures', () => {
    expect(check('“三公”经费预算数为2.99万元，比上年预算数3.50万元减少0.51万元。')).toEqual([]);
    expect(check('“三公”经费预算数为2.99万元，比上年预算数2.99万元持平。').map(([r]) => r)).toEqual(['X-WORDING']);
    expect(check('“三公”经费预算数为2.99万元，与上年预算数2.99万元持平。')).toEqual([]);
    expect(rules('“三公”经费预算数为2.99万元，比上年预算数3.50万元增加0.51万元。')).toEqual(['X-CHANGE']);
    expect(rules('“三公”经费预算数为2.99万元，比上年预算数3.50万元减少0.61万元。')).toEqual(['X-CHANGE']);
    expect(rules('“三公”经费预算数为2.99万元，与上年预算数3.50万元持平。')).toEqual(['X-CHANGE']);
  });

  it('a growth percentage on a zero base is an error', () => {
    expect(rules('公务接待费0.29万元，比上年预算增加0.29万元，增长100%。')).toEqual(['X-CHANGE']);
    expect(check('公务接待费0.29万元，比上年预算增加0.29万元。')).toEqual([]);
  });

  it('持平 states no amount; a change of 0 is 持平', () => {
    expect(rules('公务接待费0.29万元，与上年预算持平0.10万元。')).toEqual(['X-CHANGE']);
    expect(rules('公务接待费0.29万元，比上年预算增加0.00万元。')).toEqual(['X-CHANGE']);
    expect(check('公务接待费0.29万元，与上年预算持平。')).toEqual([]);
  });
});

describe('X-WORDING, X-REPEAT, X-YEAR', () => {
  it('“比上年预算持平” and “增加增加” are not the standard wording', () => {
    expect(check('（三）公务接待费0.29万元，比上年预算持平。')).toEqual([['X-WORDING', '“公务接待费0.29万元，比上年预算持平”：“比上年预算持平”不是规范用语，应写“与上年预算持平”']]);
    expect(rules('财政拨款收入支出增加增加的主要原因是人员和公用经费增加。')).toEqual(['X-WORDING']);
    expect(check('财政拨款收入支出增加的主要原因是人员和公用经费增加。')).toEqual([]);
  });

  it('the same figure stated twice with different values', () => {
    expect(check('本部门收入预算 875.96 万元。本部门支出预算 876 万元。')).toEqual([]);
    expect(rules('（三）公务接待费0.29万元。其中，公务接待费0.39万元。')).toEqual(['X-FIGURE', 'X-REPEAT']);
  });

  it('a 2024 publication compares with 2023 (“比2025年预算增加” is wrong there)', () => {
    expect(check('财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元。')).toEqual([]);
    expect(check('财政拨款收入 875.96 万元，比2025年预算增加65.41万元。')).toEqual([['X-YEAR', '“财政拨款收入 875.96 万元，比2025年预算增加65.41万元”：2024 年的预算应与 2023 年比较，此处写的是 2025 年']]);
  });
});
