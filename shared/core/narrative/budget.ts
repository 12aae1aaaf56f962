import { BUILTIN_CATALOGS, codePath, type Catalogs } from '../catalog/catalog';
import { measureKey } from '../measures';
import { FISCAL_SOURCES, FUND_SOURCES, isFiscal, type FundSource } from '../model';
import { addFen, formatWanOrZero, type Fen } from '../money';
import { clauseOf } from '../reasons';
import type { NarrativeContext } from './context';
import type { NarrativeChapter, NarrativeParagraph } from './model';
import { SPACED as S } from './text';

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

/**
 * 预算编制说明: income and spending by source with the change on the prior year, the reason for the
 * change of 财政拨款, and 财政拨款支出主要内容 by 类 with its 用途 (a 类 whose 用途 is not written is
 * printed with its amount only).
 */
export function budgetChapter(ctx: NarrativeContext, catalogs: Catalogs = BUILTIN_CATALOGS): NarrativeChapter {
  const { wb, subject } = ctx;
  const wan = (key: string) => formatWanOrZero(ctx.row(key).current);
  const against = S`${wb.baseline.year}年预算`;
  const fiscal = measureKey.fiscal;
  const total = measureKey.total;
  const fiscalClause = ctx.changeClause(S, fiscal, against, '财政拨款', false);
  // 收支总计 states its change only when it needs a reason or has one (the sample's does neither).
  const totalClause = ctx.statesChange(total) ? ctx.changeClause(S, total, against, '收支总计', false) : '';
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

  // The reasons for the change of 收支总计 and of 财政拨款, each in its sentence; the field to write each is beside the sentence that states the change.
  const reasonSentences: [string, string][] = [
    [total, '收入支出预算'],
    [fiscal, '财政拨款收入支出'],
  ];
  for (const [key, what] of reasonSentences) {
    const r = ctx.row(key);
    if (!r.phrase || r.phrase.direction === '持平' || (key === total && !totalClause)) continue;
    if (r.reason) paragraphs.push({ text: S`${key === total ? subject : ''}${what}${r.phrase.direction}的主要原因是${r.reason}。`, measures: [key], edits: [] });
    else if (!r.flagged) ctx.gap(`${what}比 ${wb.baseline.year} 年预算${r.phrase.direction}，尚未写明主要原因`);
  }

  const classes = fiscalByClass(ctx);
  if (classes.length > 0) {
    paragraphs.push({ text: '财政拨款支出主要内容如下：', measures: [], edits: [] });
    classes.forEach(([code, fen], i) => {
      const name = catalogs.function.entries.get(code)?.name ?? `功能分类 ${code} 类`;
      const purpose = clauseOf(wb.texts.purposes[code] ?? '');
      if (!purpose) ctx.gap(`${name}（${code}）尚未写明主要用途`);
      const key = measureKey.fiscalFunction(code);
      ctx.row(key, name);
      // A 类 states its change in a sentence of its own when the change needs a reason or has one.
      const change = ctx.statesChange(key) ? ctx.changeClause(S, key, against, name, true).replace(/^，/, '') : '';
      paragraphs.push({
        text: S`${i + 1}. ${name}${formatWanOrZero(fen)}万元` + (purpose ? S`，主要用于${purpose}` : '') + '。' + (change ? S`${change}。` : ''),
        measures: [key],
        edits: [{ kind: 'purpose', code }, ...(change ? ctx.reasonEdits([key]) : [])],
        listItem: true,
      });
    });
  }

  return { title: S`${wb.year}年${ctx.unit === undefined ? '部门' : '单位'}预算编制说明`, sections: [{ id: 'budget', paragraphs }] };
}
