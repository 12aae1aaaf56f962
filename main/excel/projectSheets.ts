import type ExcelJS from 'exceljs';
import type { Project } from '../../shared/core/model';
import { fenToPlainYuan, type Fen } from '../../shared/core/money';
import { annualRequest } from '../../shared/core/projects';
import { BODY_FONT, FONT_NAME, HEADER_FONT, PAGE_FOOTER, THIN_BORDER, YUAN_FORMAT, a4PageSetup, setText } from './style';
import { addTextSheet, type TextBlock } from './textSheet';

/** An amount in 元 as the publication's text writes it: `152500`, or `152500.50` when there are 分. */
function wholeYuan(fen: Fen): string {
  return fenToPlainYuan(fen).replace(/\.00$/, '');
}

/** 项目经费情况说明 of each project, one after another, as the publication words them. */
export function addProjectExplanationSheet(book: ExcelJS.Workbook, name: string, year: number, projects: readonly Project[]): ExcelJS.Worksheet {
  const blocks: TextBlock[] = [];
  projects.forEach((p, i) => {
    if (i > 0) blocks.push({ text: '' });
    blocks.push(
      { text: `${p.name}项目经费情况说明`, heading: true },
      { text: '一、项目概述', heading: true },
      { text: p.overview },
      { text: '二、立项依据', heading: true },
      { text: p.legalBasis },
      { text: '三、实施主体', heading: true },
      { text: p.executor },
      { text: '四、实施方案', heading: true },
      { text: p.plan },
      { text: '五、实施周期', heading: true },
      { text: p.period },
      { text: '六、年度预算安排', heading: true },
      { text: `${year} 年度财政资金预算安排金额为 ${wholeYuan(p.funds.currentYearFiscal)} 元` },
      { text: '七、绩效目标', heading: true },
      { text: '（详见财政项目支出绩效目标申报表）' },
    );
  });
  return addTextSheet(book, name, '项目经费情况说明', blocks);
}

const COLS = 6;

/**
 * 财政项目支出绩效目标申报表 of each project, stacked one under another, laid out as the
 * publication's form: merged label cells, amounts as numbers of 元.
 */
export function addPerformanceSheet(book: ExcelJS.Workbook, name: string, year: number, department: string, projects: readonly Project[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { pageSetup: a4PageSetup(false), headerFooter: { oddFooter: PAGE_FOOTER } });
  sheet.columns = [12, 16, 14, 16, 20, 16].map((width) => ({ width }));
  let r = 1;
  const put = (row: number, col: number, value: string | number, opts: { span?: number; down?: number; bold?: boolean } = {}) => {
    const cell = sheet.getCell(row, col);
    if (typeof value === 'number') {
      cell.value = value;
      cell.numFmt = YUAN_FORMAT;
    } else setText(cell, value);
    cell.font = opts.bold ? HEADER_FONT : BODY_FONT;
    cell.alignment = { horizontal: typeof value === 'number' ? 'right' : opts.bold ? 'center' : 'left', vertical: 'middle', wrapText: true, ...(typeof value === 'number' ? { indent: 1 } : {}) };
    const right = col + (opts.span ?? 1) - 1;
    const bottom = row + (opts.down ?? 1) - 1;
    for (let rr = row; rr <= bottom; rr++) for (let cc = col; cc <= right; cc++) sheet.getCell(rr, cc).border = THIN_BORDER;
    if (right > col || bottom > row) sheet.mergeCells(row, col, bottom, right);
  };
  for (const p of projects) {
    const title = sheet.getCell(r, 1);
    setText(title, '财政项目支出绩效目标申报表');
    title.font = { name: FONT_NAME, size: 14, bold: true, charset: 134 };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.mergeCells(r, 1, r, COLS);
    sheet.getRow(r).height = 26;
    const sub = sheet.getCell(r + 1, 1);
    setText(sub, `（${year} 年度）`);
    sub.font = BODY_FONT;
    sub.alignment = { horizontal: 'center' };
    sheet.mergeCells(r + 1, 1, r + 1, COLS);
    r += 2;
    const pair = (a: string, b: string, c: string, d: string) => {
      put(r, 1, a, { bold: true });
      put(r, 2, b, { span: 2 });
      put(r, 4, c, { bold: true });
      put(r, 5, d, { span: 2 });
      r++;
    };
    pair('项目名称', p.name, '项目类别', p.category);
    pair('主管部门', department, '实施单位', p.implementer);
    pair('计划开始日期', p.start, '计划完成日期', p.end);
    const f = p.funds;
    // 财政资金 = 当年财政拨款 + 上年结转资金: its label and amount span those two rows.
    put(r, 1, '项目资金（元）', { bold: true, down: 4 });
    put(r, 2, '项目资金总额', { span: 2 });
    put(r, 4, f.total / 100);
    put(r, 5, '年度资金申请总额');
    put(r, 6, annualRequest(p) / 100);
    r++;
    put(r, 2, '其中：财政资金', { span: 2, down: 2 });
    put(r, 4, f.fiscal / 100, { down: 2 });
    put(r, 5, '其中：当年财政拨款');
    put(r, 6, f.currentYearFiscal / 100);
    r++;
    put(r, 5, '上年结转资金');
    put(r, 6, f.carriedOver / 100);
    r++;
    put(r, 2, '其他资金', { span: 2 });
    put(r, 4, f.other / 100);
    put(r, 5, '其他资金');
    put(r, 6, f.otherAnnual / 100);
    r++;
    put(r, 1, '项目绩效目标', { bold: true, down: 2 });
    put(r, 2, `项目总目标（${p.start.slice(0, 4)} 年-${p.end.slice(0, 4)} 年）`, { span: 3, bold: true });
    put(r, 5, '年度总目标', { span: 2, bold: true });
    r++;
    put(r, 2, p.goals.overall, { span: 3 });
    put(r, 5, p.goals.annual, { span: 2 });
    r++;
    put(r, 1, '绩效指标', { bold: true, down: p.indicators.length + 1 });
    put(r, 2, '一级指标', { bold: true });
    put(r, 3, '二级指标', { bold: true });
    put(r, 4, '三级指标', { bold: true, span: 2 });
    put(r, 6, '年度指标值', { bold: true });
    r++;
    p.indicators.forEach((ind, i) => {
      const first = i === 0 || p.indicators[i - 1].level1 !== ind.level1;
      if (first) {
        let n = 1;
        while (p.indicators[i + n]?.level1 === ind.level1) n++;
        put(r, 2, ind.level1, { down: n });
      }
      put(r, 3, ind.level2);
      put(r, 4, ind.level3, { span: 2 });
      put(r, 6, ind.value);
      r++;
    });
    r += 2;
  }
  return sheet;
}
