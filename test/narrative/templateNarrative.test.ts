import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, publicationTextFacts } from '../../shared/core/checks/textRules';
import { newWorkbook, type LineItem, type Workbook } from '../../shared/core/model';
import { buildNarrative, renderNarrativeText } from '../../shared/core/narrative/index';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import type { PublishedTable } from '../../shared/core/tables/published';
import { jiangsuProvince } from '../../shared/core/templates/data/jiangsuProvince';
import { validateTemplate } from '../../shared/core/templates/validate';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { readPublicationFile } from '../../main/excel/readPublication';
import { tempDir } from '../excel/helpers';

function jiangsuSample(): Workbook {
  const wb = sampleWorkbook();
  wb.template = 'jiangsu-province';
  return wb;
}

let nextId = 1;
function line(functionCode: string, economicCode: string, kind: LineItem['kind'], source: LineItem['source'], fen: number): LineItem {
  return { id: nextId++, unit: '甲局', functionCode, economicCode, kind, source, project: kind === '项目支出' ? '专项' : '', amount: fen };
}

/**
 * A department whose figures round differently printed one by one than added up, with 其他资金 and
 * 政府性基金, and no prior year (so no change is stated). By hand, 万元 rounded half up:
 *   total 36,166.64 元 → 3.62; 财政拨款 31,722.20 → 3.17; 一般公共预算 23,944.43 → 2.39;
 *   政府性基金 7,777.77 → 0.78; 其他资金 (事业收入) 4,444.44 → 0.44;
 *   基本支出 23,333.32 → 2.33; 项目支出 12,833.32 → 1.28 (2.33 + 1.28 = 3.61, not 3.62);
 *   财政拨款 by 类: 201 23,944.43 → 2.39, 212 7,777.77 → 0.78 (208 has 事业收入 only).
 */
function roundingDepartment(): Workbook {
  const wb = newWorkbook('某厅', 2019);
  wb.template = 'jiangsu-province';
  wb.units = [{ name: '甲局', type: '行政单位' }];
  wb.lines = [
    line('2010101', '30101', '基本支出', '一般公共预算财政拨款', 1_234_567),
    line('2010101', '30201', '基本支出', '一般公共预算财政拨款', 654_321),
    line('2080505', '30108', '基本支出', '事业收入', 444_444),
    line('2120199', '30216', '项目支出', '政府性基金预算财政拨款', 777_777),
    line('2010102', '30215', '项目支出', '一般公共预算财政拨款', 505_555),
  ];
  return wb;
}

const texts = (wb: Workbook) => buildNarrative(wb).chapters[0].sections[0].paragraphs.map((p) => p.text);

describe('编制说明 under jiangsu-province: the template’s sources and uses, with its tables’ figures', () => {
  it('the sample: figures worked out by hand from its 30 lines (all 一般公共预算; 2023: 810.55 万元)', () => {
    // total 875,956,113 分 → 875.96 万元; 基本支出 842,223,713 → 842.22; 项目支出 33,732,400 → 33.73;
    // 一般公共预算 +65,406,113 分 on 810,550,000 → 增加 65.41 万元 (8.07%: the total states no change)
    expect(texts(jiangsuSample()).slice(0, 3)).toEqual([
      '2024 年，本部门收入预算 875.96 万元，其中：财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元；财政专户管理资金收入 0 万元；其他资金收入 0 万元；上年结转资金 0 万元。' +
        '财政拨款收入中，一般公共预算收入 875.96 万元，比 2023 年预算增加 65.41 万元；政府性基金预算收入 0 万元，与 2023 年预算持平。',
      '本部门支出预算 875.96 万元，其中：基本支出 842.22 万元；项目支出 33.73 万元；单位预留机动经费 0 万元；结转下年资金 0 万元。' +
        '财政拨款支出预算 875.96 万元，比 2023 年预算增加 65.41 万元，其中：一般公共预算拨款支出预算 875.96 万元，比 2023 年预算增加 65.41 万元；政府性基金拨款支出预算 0 万元，与 2023 年预算持平。',
      '财政拨款收入支出增加的主要原因是人员和公用经费增加。',
    ]);
    // 类 by 208 120,048,648 / 210 52,521,284 / 212 668,371,992 / 221 35,014,189 分
    expect(texts(jiangsuSample()).slice(4).map((t) => t.replace(/，主要用于.*$/u, ''))).toEqual([
      '1. 社会保障和就业支出 120.05 万元',
      '2. 卫生健康支出 52.52 万元',
      '3. 城乡社区支出 668.37 万元',
      '4. 住房保障支出 35.01 万元',
    ]);
  });

  it('each figure as printed one by one (万元, zero blank → 0), 其他资金 named, and without a prior year the amounts alone', () => {
    const n = buildNarrative(roundingDepartment());
    expect(n.chapters[0].sections[0].paragraphs.map((p) => p.text)).toEqual([
      '2019 年，本部门收入预算 3.62 万元，其中：财政拨款收入 3.17 万元；财政专户管理资金收入 0 万元；其他资金收入 0.44 万元；上年结转资金 0 万元。' +
        '财政拨款收入中，一般公共预算收入 2.39 万元；政府性基金预算收入 0.78 万元。',
      '本部门支出预算 3.62 万元，其中：基本支出 2.33 万元；项目支出 1.28 万元；单位预留机动经费 0 万元；结转下年资金 0 万元。' +
        '财政拨款支出预算 3.17 万元，其中：一般公共预算拨款支出预算 2.39 万元；政府性基金拨款支出预算 0.78 万元。',
      '财政拨款支出主要内容如下：',
      '1. 一般公共服务支出 2.39 万元。',
      '2. 城乡社区支出 0.78 万元。',
    ]);
    expect(n.gaps).toContain('没有 2018 年预算数（上年基数），编制说明未写与上年的比较');
  });

  it('one unit’s text (单位预算) states that unit’s figures as its own Jiangsu tables print them', () => {
    const wb = roundingDepartment();
    wb.units.push({ name: '乙中心', type: '事业单位' });
    wb.lines.push({ ...line('2080505', '30108', '基本支出', '其他收入', 1_000_000), unit: '乙中心' });
    const [income, spending] = buildNarrative(wb, undefined, { unit: '甲局' }).chapters[0].sections[0].paragraphs.map((p) => p.text);
    expect(income).toBe(
      '2019 年，本单位收入预算 3.62 万元，其中：财政拨款收入 3.17 万元；财政专户管理资金收入 0 万元；其他资金收入 0.44 万元；上年结转资金 0 万元。' +
        '财政拨款收入中，一般公共预算收入 2.39 万元；政府性基金预算收入 0.78 万元。',
    );
    expect(spending).toContain('本单位支出预算 3.62 万元，其中：基本支出 2.33 万元；项目支出 1.28 万元；');
    // the department's: 乙中心's 1.00 万元 (10,000.00 元) of 其他收入 in 其他资金 and 基本支出
    expect(buildNarrative(wb).chapters[0].sections[0].paragraphs[0].text).toContain('本部门收入预算 4.62 万元，其中：财政拨款收入 3.17 万元；财政专户管理资金收入 0 万元；其他资金收入 1.44 万元；');
  });

  it('a figure compared with a year-on-year measure that sums other lines states no change (no false change)', () => {
    const t = JSON.parse(JSON.stringify(jiangsuProvince));
    t.narrative.spending[0].parts[0].change = 'total'; // 基本支出 is not what last year's total sums
    const n = buildNarrative(sampleWorkbook(), undefined, { template: validateTemplate(t) });
    expect(n.chapters[0].sections[0].paragraphs[1].text).toContain('其中：基本支出 842.22 万元；项目支出');
    expect(n.gaps).toContain('基本支出与 2023 年预算数的口径不同，编制说明未写它与上年的比较');
  });

  it('a figure whose row the table leaves out (printed only when not zero) is not stated, nor a “…中” sentence left with none', () => {
    const t = JSON.parse(JSON.stringify(jiangsuProvince));
    t.narrative.income[1].parts = t.narrative.income[1].parts.slice(2); // 国有资本经营预算 only: the sample has none
    const [income] = buildNarrative(sampleWorkbook(), undefined, { template: validateTemplate(t) }).chapters[0].sections[0].paragraphs;
    expect(income.text).toBe(
      '2024 年，本部门收入预算 875.96 万元，其中：财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元；财政专户管理资金收入 0 万元；其他资金收入 0 万元；上年结转资金 0 万元。',
    );
  });

  it('shanghai-district and shanghai-unit keep the Shanghai sentences', () => {
    const wb = sampleWorkbook();
    const shanghai = renderNarrativeText(buildNarrative(wb));
    expect(shanghai).toContain('其中：财政拨款收入 875.96 万元，比 2023 年预算增加 65.41 万元，事业收入 0 万元；事业单位经营收入 0 万元；其他收入 0 万元。');
    expect(renderNarrativeText(buildNarrative({ ...wb, template: 'shanghai-district' }))).toBe(shanghai);
    expect(renderNarrativeText(buildNarrative(wb, undefined, { unit: wb.lines[0].unit }))).toContain('本单位收入预算 875.96 万元，其中：财政拨款收入 875.96 万元');
  });
});

/** Where the sample's Jiangsu text states each figure, by hand: label → table, row label, column. */
const CELLS: Record<string, [number, string | undefined, string]> = {
  收入预算: [1, '收入合计', '收入.金额'],
  财政拨款收入: [1, '一、财政拨款', '收入.金额'],
  财政专户管理资金收入: [1, '二、财政专户管理资金', '收入.金额'],
  其他资金收入: [1, '三、其他资金', '收入.金额'],
  上年结转资金: [1, '上年结转资金', '收入.金额'],
  一般公共预算收入: [1, '1.一般公共预算', '收入.金额'],
  政府性基金预算收入: [1, '2.政府性基金预算', '收入.金额'],
  支出预算: [1, '支出合计', '支出.功能分类.金额'],
  基本支出: [1, '一、基本支出', '支出.支出用途.金额'],
  项目支出: [1, '二、项目支出', '支出.支出用途.金额'],
  单位预留机动经费: [1, '三、单位预留机动经费', '支出.支出用途.金额'],
  结转下年资金: [1, '结转下年资金', '支出.功能分类.金额'],
  财政拨款支出预算: [4, '支出合计', '支出.支出用途.金额'],
  一般公共预算拨款支出预算: [7, '合计', '金额'],
  政府性基金拨款支出预算: [10, '合计', '金额'],
  社会保障和就业支出: [5, '社会保障和就业支出', '金额'],
  卫生健康支出: [5, '卫生健康支出', '金额'],
  城乡社区支出: [5, '城乡社区支出', '金额'],
  住房保障支出: [5, '住房保障支出', '金额'],
};

/** The figures a text states in 万元: label → amount as printed. */
function statedFigures(text: string): [string, string][] {
  return [...text.matchAll(/(?:^|[，；：。]|\d\. )(?:\d{4} 年，)?(?:本部门)?([^\s，；：。\d]+?)(?:为)? (\d+(?:\.\d{2})?) 万元/gmu)].map((m) => [m[1].replace(/^财政拨款收入中/u, ''), m[2]]);
}

describe('the Jiangsu 编制说明 and its exported tables', () => {
  it('each figure of the 预算编制说明 sheet of the exported xlsx equals its cell in the same file’s tables, read back', async () => {
    const wb = jiangsuSample();
    const path = join(tempDir(), '江苏.xlsx');
    await exportPublication(wb, path);
    const { tables } = await readPublicationFile(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const cells: string[] = [];
    book.getWorksheet('预算编制说明')!.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
    const budget = cells.join('\n');
    expect(budget).toContain('财政拨款收入中，一般公共预算收入 875.96 万元');
    const stated = statedFigures(budget);
    expect(stated.map(([label]) => label).sort()).toEqual(Object.keys(CELLS).sort());
    for (const [label, amount] of stated) {
      const [number, rowLabel, column] = CELLS[label];
      const table = tables.find((t) => t.id === number)!;
      const col = table.columns.indexOf(column);
      const row = table.rows.find((r) => r.slice(0, col).includes(rowLabel!))!;
      expect([label, row[col] || '0']).toEqual([label, amount]); // a zero prints blank, and the text says 0
    }
  });

  it('the text check: the Jiangsu narrative is clean against the read-back tables, and a wrong figure anywhere in it is found once', async () => {
    const wb = jiangsuSample();
    const path = join(tempDir(), '江苏.xlsx');
    await exportPublication(wb, path);
    const { tables } = await readPublicationFile(path);
    const facts = publicationTextFacts(tables as PublishedTable[]);
    const text = renderNarrativeText(buildNarrative(wb));
    expect(checkText(text, facts)).toEqual([]);
    const budget = buildNarrative(wb).chapters[0].sections[0].paragraphs.map((p) => p.text).join('\n');
    for (const [label, amount] of statedFigures(budget)) {
      const wrong = (Number(amount) + 0.01).toFixed(2);
      const planted = text.replace(`${label} ${amount} 万元`, `${label} ${wrong} 万元`);
      expect(planted).not.toBe(text);
      const found = checkText(planted, facts);
      expect(found.map((f) => f.rule)).toEqual(['X-FIGURE']);
      expect(found[0].message).toContain(`${label}写作 ${wrong} 万元，表中为 ${Number(amount).toFixed(2)} 万元`);
    }
  });

  it('其他相关情况说明’s “三公” and 机关运行经费 figures are checked against Jiangsu’s tables 9 and 11', async () => {
    const wb = roundingDepartment();
    wb.lines.push(line('2010101', '30217', '基本支出', '一般公共预算财政拨款', 123_456)); // 公务接待费 1,234.56 元 → 0.12 万元
    const path = join(tempDir(), '江苏.xlsx');
    await exportPublication(wb, path);
    const facts = publicationTextFacts((await readPublicationFile(path)).tables);
    const text = renderNarrativeText(buildNarrative(wb));
    // 机关运行经费: 公用经费 of 甲局 (行政单位) 6,543.21 + 1,234.56 = 7,777.77 元 → 0.78 万元
    expect(text).toContain('机关运行经费预算为0.78万元');
    expect(text).toContain('“三公”经费预算数为0.12万元');
    expect(checkText(text, facts)).toEqual([]);
    for (const [right, wrong, label] of [
      ['机关运行经费预算为0.78万元', '机关运行经费预算为0.87万元', '0.78'],
      ['“三公”经费预算数为0.12万元', '“三公”经费预算数为0.21万元', '0.12'],
      ['公务接待费0.12万元', '公务接待费0.02万元', '0.12'],
    ]) {
      const found = checkText(text.replace(right, wrong), facts);
      expect(found.map((f) => f.rule)).toEqual(['X-FIGURE']);
      expect(found[0].message).toContain(`表中为 ${label} 万元`);
    }
  });
});
