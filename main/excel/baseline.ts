import { BUILTIN_CATALOGS, type Catalogs } from '../../shared/core/catalog/catalog';
import { measureKey } from '../../shared/core/measures';
import { FUND_SOURCES, type Baseline, type FundSource, type MeasureKey } from '../../shared/core/model';
import { MAX_TOTAL_FEN } from '../../shared/core/limits';
import { parseAmount, type Fen } from '../../shared/core/money';
import { TEMPLATE_CLASSES } from '../../shared/core/tables/categories';
import type { PublishedTable } from '../../shared/core/tables/published';
import type { TableId } from '../../shared/core/tables/tableModel';
import type { ImportProblem } from '../../shared/contract/imports';
import { splitFix } from '../io/problemText';
import { RefusedFile, UserError } from '../io/userError';
import type { ReadPublication } from './readPublication';

/**
 * Last year's figures read off last year's published tables, keyed by measure (shared/core/measures):
 *
 * - `total` (表1 收入总计), `fiscal` (表4 收入总计), `source:*` for the six 资金来源 (表4 for the three
 *   财政拨款 sources, 表1 for 事业收入, 事业单位经营收入, 其他收入; a source the table leaves out is 0);
 * - `function:<code>` for every 类 / 款 / 项 of 表3 (合计 column: all sources, both kinds);
 * - `fiscalFunction:<类>` for every 类 of 表4 (财政拨款支出 合计);
 * - the 三公 items, their total, the vehicle subtotal and `officeExpenses`, from 表9. 表9 is printed in
 *   万元 with two decimals, so these are known only to the nearest 100 元: a figure of 0.29 万元
 *   becomes 2,900.00 元. Year-on-year phrases compare 万元, so the loss does not change a phrase.
 *
 * Not filled: `economic:*`. 表8 gives 经济分类 only for 一般公共预算 基本支出, while the measure
 * `economic:<code>` counts every line of the code (all sources, 项目支出 too); filling it from 表8
 * would state a false prior-year figure whenever 项目支出 or other sources use the code.
 */
export interface BaselineImport {
  baseline: Baseline;
  /** Problems that did not stop the import (a table missing, …), in Chinese. */
  warnings: string[];
}

const ORDINAL = /^(?:[一二三四五六七八九十]+|\d+)[、.．]\s*/;
const norm = (t: string) => t.normalize('NFKC').replace(/\s+/g, '').replace(ORDINAL, '');

const INCOME_LABELS: Record<string, FundSource> = {
  公共财政预算资金: '一般公共预算财政拨款',
  一般公共预算资金: '一般公共预算财政拨款',
  一般公共预算财政拨款: '一般公共预算财政拨款',
  政府性基金: '政府性基金预算财政拨款',
  政府性基金预算财政拨款: '政府性基金预算财政拨款',
  国有资本经营预算资金: '国有资本经营预算财政拨款',
  国有资本经营预算: '国有资本经营预算财政拨款',
  国有资本经营预算财政拨款: '国有资本经营预算财政拨款',
  事业收入: '事业收入',
  事业单位经营收入: '事业单位经营收入',
  其他收入: '其他收入',
};

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Builds the prior-year baseline from a publication read with `readPublicationFile`. All or nothing. */
export function baselineFromPublication(pub: ReadPublication, file: string, catalogs: Catalogs = BUILTIN_CATALOGS): BaselineImport {
  /** Each problem as the command line prints it, and for the screen's list. */
  const errors: { text: string; problem: ImportProblem }[] = [];
  const warnings = [...pub.warnings];
  const figures: Record<MeasureKey, Fen> = {};
  const table = (id: TableId) => pub.tables.find((t) => t.id === id);
  /** A problem in a cell: `message` says what is wrong (and how to fix it). */
  const cellError = (t: PublishedTable, r: number, c: number, message: string) => {
    const sheet = pub.sheets[t.id];
    const row = pub.rowNumbers[t.id]?.[r] ?? r + 1;
    const column = `${t.columns[c]}（${columnLetter(c)} 列）`;
    errors.push({ text: `${file} 工作表“${sheet}”第 ${row} 行“${t.columns[c]}”列（${columnLetter(c)} 列）：${message}`, problem: { sheet, row, column, ...splitFix(message) } });
  };
  const col = (t: PublishedTable, key: string): number => {
    const i = t.columns.indexOf(key);
    if (i < 0) {
      const message = `（表 ${t.id}）缺少“${key.replace('.', ' / ')}”列`;
      errors.push({
        text: `${file} 工作表“${pub.sheets[t.id]}”${message}：请按标准表样填写表头`,
        problem: { sheet: pub.sheets[t.id], column: key.replace('.', ' / '), message: `表 ${t.id} 缺少这一列`, fix: '请按标准表样填写表头' },
      });
    }
    return i;
  };
  const amount = (t: PublishedTable, r: number, c: number): Fen | undefined => {
    const text = (t.rows[r][c] ?? '').trim();
    if (text === '') return 0;
    const parsed = parseAmount(t.unit === '万元' ? `${text}万` : text, MAX_TOTAL_FEN);
    if (!parsed.ok) {
      // Quote the cell as typed (the 万 is the table's unit, not part of the text).
      const reason = t.unit === '万元' ? (parseAmount(text, MAX_TOTAL_FEN) as { reason?: string }).reason ?? parsed.reason : parsed.reason;
      const example = t.unit === '万元' ? '如 2.99' : '如 1,200,486.48';
      cellError(t, r, c, `${reason}。请改为正确的金额（${example}）后重新导入`);
      return undefined;
    }
    return parsed.fen;
  };
  const set = (key: MeasureKey, fen: Fen | undefined) => {
    if (fen !== undefined) figures[key] = fen;
  };

  const classCode = new Map<string, string>();
  for (const c of TEMPLATE_CLASSES) classCode.set(norm(c.name), c.code);
  for (const [code, entry] of catalogs.function.entries) if (code.length === 3 && !classCode.has(norm(entry.name))) classCode.set(norm(entry.name), code);

  const t1 = table(1);
  if (t1) {
    const label = col(t1, '本年收入.项目');
    const value = col(t1, '本年收入.预算数');
    if (label >= 0 && value >= 0) {
      for (const s of FUND_SOURCES) figures[measureKey.source(s)] = 0;
      t1.rows.forEach((row, r) => {
        const name = norm(row[label] ?? '');
        if (name === '收入总计') set(measureKey.total, amount(t1, r, value));
        else if (INCOME_LABELS[name]) set(measureKey.source(INCOME_LABELS[name]), amount(t1, r, value));
      });
    }
  } else warnings.push(`${file} 中没有表 1（财务收支预算总表）：未导入收入总计和各项收入`);

  const t4 = table(4);
  if (t4) {
    const label = col(t4, '财政拨款收入.项目');
    const value = col(t4, '财政拨款收入.预算数');
    const outLabel = col(t4, '财政拨款支出.项目');
    const outValue = col(t4, '财政拨款支出.合计');
    if (label >= 0 && value >= 0 && outLabel >= 0 && outValue >= 0) {
      t4.rows.forEach((row, r) => {
        const name = norm(row[label] ?? '');
        if (name === '收入总计') set(measureKey.fiscal, amount(t4, r, value));
        else if (INCOME_LABELS[name]) set(measureKey.source(INCOME_LABELS[name]), amount(t4, r, value));
        const out = norm(row[outLabel] ?? '');
        if (out === '' || out === '支出总计') return;
        const code = classCode.get(out);
        if (!code) cellError(t4, r, outLabel, `“${row[outLabel]}”不是功能分类的类名称，请写功能分类科目表中类的名称（如“一般公共服务支出”）`);
        else set(measureKey.fiscalFunction(code), amount(t4, r, outValue));
      });
    }
  } else warnings.push(`${file} 中没有表 4（财政拨款收支预算总表）：未导入财政拨款合计和按类的财政拨款支出`);

  const t3 = table(3);
  if (t3) {
    const [lei, kuan, xiang, total] = ['类', '款', '项', '合计'].map((k) => col(t3, k));
    if (lei >= 0 && kuan >= 0 && xiang >= 0 && total >= 0) {
      t3.rows.forEach((row, r) => {
        const first = (row[lei] ?? '').trim();
        if (norm(first) === '合计' || first === '') return;
        const code = [lei, kuan, xiang].map((c) => (row[c] ?? '').replace(/\s+/g, '')).join('');
        if (!/^\d{3}(\d{2}){0,2}$/.test(code)) {
          cellError(t3, r, lei, `科目编码“${[row[lei], row[kuan], row[xiang]].join(' ')}”格式不对（应为类 3 位、款 2 位、项 2 位数字）`);
          return;
        }
        set(measureKey.function(code), amount(t3, r, total));
      });
    }
  } else warnings.push(`${file} 中没有表 3（支出预算总表）：未导入按功能分类的支出`);

  const t9 = table(9);
  if (t9 && t9.rows.length > 0) {
    const keys: [string, MeasureKey][] = [
      ['合计', measureKey.sanGongTotal],
      ['因公出国（境）费', measureKey.sanGong('abroad')],
      ['公务接待费', measureKey.sanGong('reception')],
      ['公务用车购置及运行费.小计', measureKey.vehicles],
      ['公务用车购置及运行费.购置费', measureKey.sanGong('vehiclePurchase')],
      ['公务用车购置及运行费.运行费', measureKey.sanGong('vehicleOperation')],
      ['机关运行经费预算数', measureKey.officeExpenses],
    ];
    for (const [column, key] of keys) {
      const c = col(t9, column);
      if (c >= 0) set(key, amount(t9, 0, c));
    }
  } else warnings.push(`${file} 中没有表 9（“三公”经费和机关运行经费预算表）：未导入“三公”经费和机关运行经费`);

  if (errors.length > 0) {
    throw new RefusedFile(
      `上年公开表 ${file} 有 ${errors.length} 处问题，未导入任何数据：\n${errors.map((e) => e.text).join('\n')}`,
      file,
      errors.map((e) => e.problem),
    );
  }
  if (Object.keys(figures).length === 0) {
    throw new UserError(`${file} 中没有可作为上年基数的表（需要表 1、3、4 或 9），未导入任何数据`);
  }
  return {
    baseline: {
      year: pub.year,
      figures,
      provenance: `由 ${file}（${pub.department ? `${pub.department} ` : ''}${pub.year} 年公开表）导入；“三公”经费与机关运行经费按公开表的万元数，精确到百元。`,
    },
    warnings,
  };
}
