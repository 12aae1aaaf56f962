import { BUILTIN_CATALOGS, codePath, type Catalogs } from '../catalog/catalog';
import { measureKey } from '../measures';
import { FISCAL_SOURCES, FUND_SOURCES, isFiscal, type FundSource, type MeasureKey } from '../model';
import { addFen, formatWanOrZero, type Fen } from '../money';
import { clauseOf } from '../reasons';
import type { NarrativeContext } from './context';
import type { NarrativeChapter, NarrativeParagraph } from './model';
import { SPACED as S } from './text';
import { cellText, isAmount, type TableModel } from '../tables/tableModel';
import { tableSpec } from '../templates/layout';
import { locateFigure } from '../templates/narrativeCells';
import type { NarrativeFigure, NarrativeSentence, Template } from '../templates/types';

/** How the text names the spending of each 财政拨款 source, as the publication words it (国有资本经营 with “为”). */
const FISCAL_SPENDING: Record<string, string> = {
  一般公共预算财政拨款: '一般公共预算拨款支出预算',
  政府性基金预算财政拨款: '政府性基金拨款支出预算',
  国有资本经营预算财政拨款: '国有资本经营预算拨款支出预算为',
};
const OTHER_SOURCES: readonly FundSource[] = FUND_SOURCES.filter((s) => !isFiscal(s));

/** 财政拨款 by 功能分类 类, in code order, the 类 with an amount only. */
function fiscalByClass(ctx: NarrativeContext): [string, Fen][] {
  const sums = new Map<string, Fen>();
  for (const line of ctx.wb.lines) {
    if (!isFiscal(line.source)) continue;
    const code = codePath('function', line.functionCode)[0];
    sums.set(code, addFen(sums.get(code) ?? 0, line.amount));
  }
  return [...sums].filter(([, fen]) => fen !== 0).sort(([a], [b]) => a.localeCompare(b));
}

/** A template's tables, for a text that states its figures as they print (万元, their rounding, their sources). */
export interface PrintedTables {
  template: Template;
  tables: readonly TableModel[];
}

/** A figure as a table prints it: its 分 and its text in 万元 (the table's own when it prints 万元). */
function printedFigure(printed: PrintedTables, f: { table: number; row?: string; column: string }): { fen: Fen; text: string } | undefined {
  const spec = tableSpec(printed.template, f.table);
  const table = printed.tables.find((t) => t.id === f.table);
  if (!spec || !table) return undefined;
  const texts = table.rows.map((r) => r.cells.map((c) => cellText(table, c)));
  const at = locateFigure(spec, table.columns.map((c) => c.key), texts, f);
  const cell = at && table.rows[at.row].cells[at.column];
  if (!cell || !isAmount(cell)) return undefined;
  const text = texts[at.row][at.column];
  return { fen: cell.fen, text: table.unit === '万元' && text !== '' ? text : formatWanOrZero(cell.fen) };
}

/** The income and spending paragraphs a template declares, each figure as its table prints it. */
function templateParagraphs(ctx: NarrativeContext, printed: PrintedTables, against: string, stated: Set<MeasureKey>): NarrativeParagraph[] {
  const { wb, subject } = ctx;
  const narrative = printed.template.narrative!;
  const paragraph = (sentences: NarrativeSentence[], opener: string, spending: boolean): NarrativeParagraph => {
    const keys: MeasureKey[] = [];
    const figure = (f: NarrativeFigure): string | undefined => {
      const fig = printedFigure(printed, f);
      if (!fig) return undefined;
      let clause = '';
      if (f.change !== undefined) {
        const key = f.change;
        keys.push(key);
        // a figure stated against last year's only when it sums what last year's figure sums
        if (ctx.row(key).current !== fig.fen) ctx.gap(`${f.label}与 ${wb.baseline.year} 年预算数的口径不同，编制说明未写它与上年的比较`);
        else if (key !== measureKey.total || ctx.statesChange(key)) {
          clause = ctx.changeClause(S, key, against, f.label, spending && key !== measureKey.total && key !== measureKey.fiscal);
          if (clause) stated.add(key);
        }
      }
      return S`${f.label}${fig.text}万元` + clause;
    };
    const texts = sentences.flatMap((s) => {
      const parts = s.parts.flatMap((p) => figure(p) ?? []).join('；');
      if (s.within !== undefined) return parts ? [S`${s.within}中，` + parts + '。'] : [];
      const lead = figure(s.lead!);
      return lead === undefined ? [] : [lead + (parts ? '，其中：' + parts : '') + '。'];
    });
    const edits = spending ? ctx.reasonEdits(keys.filter((k) => k !== measureKey.total)) : stated.has(measureKey.total) ? ctx.reasonEdits([measureKey.total]) : [];
    return { text: opener + texts.join(''), measures: [...new Set(keys)], edits };
  };
  return [paragraph(narrative.income, S`${wb.year}年，${subject}`, false), paragraph(narrative.spending, subject, true)];
}

/** The income and spending paragraphs as the Shanghai publications word them (the template declares none). */
function shanghaiParagraphs(ctx: NarrativeContext, against: string, stated: Set<MeasureKey>): NarrativeParagraph[] {
  const { wb, subject } = ctx;
  const wan = (key: string) => formatWanOrZero(ctx.row(key).current);
  const fiscal = measureKey.fiscal;
  const total = measureKey.total;
  const fiscalClause = ctx.changeClause(S, fiscal, against, '财政拨款', false);
  // 收支总计 states its change only when it needs a reason or has one (the sample's does neither).
  const totalClause = ctx.statesChange(total) ? ctx.changeClause(S, total, against, '收支总计', false) : '';
  if (totalClause) stated.add(total);
  if (fiscalClause) stated.add(fiscal);
  const paragraphs: NarrativeParagraph[] = [];

  paragraphs.push({
    text:
      S`${wb.year}年，${subject}收入预算${wan(total)}万元${totalClause}，其中：财政拨款收入${wan(fiscal)}万元${fiscalClause}，` +
      OTHER_SOURCES.map((s) => S`${s}${wan(measureKey.source(s))}万元`).join('；') +
      '。',
    measures: [total, fiscal, ...OTHER_SOURCES.map(measureKey.source)],
    edits: totalClause ? ctx.reasonEdits([total]) : [],
  });

  const sources = FISCAL_SOURCES.map(measureKey.source);
  paragraphs.push({
    text:
      S`${subject}支出预算${wan(total)}万元${totalClause}，其中：财政拨款支出预算${wan(fiscal)}万元${fiscalClause}。财政拨款支出预算中，` +
      FISCAL_SOURCES.map((s) => S`${FISCAL_SPENDING[s]}${wan(measureKey.source(s))}万元${ctx.changeClause(S, measureKey.source(s), against, s, true)}`).join('；') +
      '。',
    measures: [total, fiscal, ...sources],
    edits: ctx.reasonEdits([fiscal, ...sources]),
  });
  return paragraphs;
}

/** 财政拨款 by 类 as the template's function table prints it: its 类 rows, name and figure. */
function printedClasses(printed: PrintedTables, at: { table: number; column: string }): [string, string, Fen, string][] {
  const spec = tableSpec(printed.template, at.table)!;
  const table = printed.tables.find((t) => t.id === at.table)!;
  const amount = spec.columns.findIndex((c) => c.key === at.column);
  const name = spec.columns.findIndex((c) => c.type === 'text');
  return table.rows.flatMap((r) => {
    const cell = r.cells[amount];
    if (r.level !== 'class' || !r.code || !isAmount(cell) || cell.fen === 0) return [];
    const text = cellText(table, cell);
    const nameCell = r.cells[name];
    return [[r.code, nameCell && !isAmount(nameCell) ? nameCell.text : '', cell.fen, table.unit === '万元' && text !== '' ? text : formatWanOrZero(cell.fen)]];
  });
}

/**
 * 预算编制说明: income and spending by source with the change on the prior year, the reason for the
 * change of 财政拨款, and 财政拨款支出主要内容 by 类 with its 用途 (a 类 whose 用途 is not written is
 * printed with its amount only). A template that declares its narrative (its own sources and uses)
 * has its income and spending sentences and its list of 类 stated as its tables print them.
 */
export function budgetChapter(ctx: NarrativeContext, catalogs: Catalogs = BUILTIN_CATALOGS, printed?: PrintedTables): NarrativeChapter {
  const { wb, subject } = ctx;
  const against = S`${wb.baseline.year}年预算`;
  const fiscal = measureKey.fiscal;
  const total = measureKey.total;
  const stated = new Set<MeasureKey>();
  const declared = printed?.template.narrative ? printed : undefined;
  const paragraphs: NarrativeParagraph[] = declared ? templateParagraphs(ctx, declared, against, stated) : shanghaiParagraphs(ctx, against, stated);

  // The reasons for the change of 收支总计 and of 财政拨款, each in its sentence; the field to write each is beside the sentence that states the change.
  const reasonSentences: [string, string][] = [
    [total, '收入支出预算'],
    [fiscal, '财政拨款收入支出'],
  ];
  for (const [key, what] of reasonSentences) {
    const r = ctx.row(key);
    if (!r.phrase || r.phrase.direction === '持平' || !stated.has(key)) continue;
    if (r.reason) paragraphs.push({ text: S`${key === total ? subject : ''}${what}${r.phrase.direction}的主要原因是${r.reason}。`, measures: [key], edits: [] });
    else if (!r.flagged) ctx.gap(`${what}比 ${wb.baseline.year} 年预算${r.phrase.direction}，尚未写明主要原因`);
  }

  const classesAt = declared?.template.narrative?.classes;
  const classes: [string, string, Fen, string][] =
    declared && classesAt
      ? printedClasses(declared, classesAt)
      : fiscalByClass(ctx).map(([code, fen]) => [code, catalogs.function.entries.get(code)?.name ?? `功能分类 ${code} 类`, fen, formatWanOrZero(fen)]);
  if (classes.length > 0) {
    paragraphs.push({ text: '财政拨款支出主要内容如下：', measures: [], edits: [] });
    classes.forEach(([code, name, , amount], i) => {
      const purpose = clauseOf(wb.texts.purposes[code] ?? '');
      if (!purpose) ctx.gap(`${name}（${code}）尚未写明主要用途`);
      const key = measureKey.fiscalFunction(code);
      ctx.row(key, name);
      // A 类 states its change in a sentence of its own when the change needs a reason or has one.
      const change = ctx.statesChange(key) ? ctx.changeClause(S, key, against, name, true).replace(/^，/, '') : '';
      paragraphs.push({
        text: S`${i + 1}. ${name}${amount}万元` + (purpose ? S`，主要用于${purpose}` : '') + '。' + (change ? S`${change}。` : ''),
        measures: [key],
        edits: [{ kind: 'purpose', code }, ...(change ? ctx.reasonEdits([key]) : [])],
        listItem: true,
      });
    });
  }

  return { title: S`${wb.year}年${ctx.unit === undefined ? '部门' : '单位'}预算编制说明`, sections: [{ id: 'budget', paragraphs }] };
}
