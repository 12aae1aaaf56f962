import { BUILTIN_CATALOGS, codePath, type Catalogs } from '../catalog/catalog';
import { measureKey } from '../measures';
import { FISCAL_SOURCES, FUND_SOURCES, isFiscal, type FundSource } from '../model';
import { addFen, formatWanOrZero, type Fen } from '../money';
import { clauseOf } from '../yoy';
import type { NarrativeContext } from './context';
import type { NarrativeChapter, NarrativeParagraph } from './model';
import { SPACED as S } from './text';

/** How the text names the spending of each 财政拨款 source. */
const FISCAL_SPENDING: Record<string, string> = {
  一般公共预算财政拨款: '一般公共预算拨款支出预算',
  政府性基金预算财政拨款: '政府性基金拨款支出预算',
  国有资本经营预算财政拨款: '国有资本经营预算拨款支出预算',
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
  const { wb } = ctx;
  const wan = (key: string) => formatWanOrZero(ctx.row(key).current);
  const against = S`${wb.baseline.year}年预算`;
  const fiscal = measureKey.fiscal;
  const fiscalClause = ctx.changeClause(S, fiscal, against, '财政拨款', false);
  const paragraphs: NarrativeParagraph[] = [];

  paragraphs.push({
    text:
      S`${wb.year}年，本部门收入预算${wan(measureKey.total)}万元，其中：财政拨款收入${wan(fiscal)}万元${fiscalClause}，` +
      OTHER_SOURCES.map((s) => S`${s}${wan(measureKey.source(s))}万元`).join('；') +
      '。',
    measures: [measureKey.total, fiscal, ...OTHER_SOURCES.map(measureKey.source)],
    edits: [],
  });

  const sources = FISCAL_SOURCES.map(measureKey.source);
  paragraphs.push({
    text:
      S`本部门支出预算${wan(measureKey.total)}万元，其中：财政拨款支出预算${wan(fiscal)}万元${fiscalClause}。财政拨款支出预算中，` +
      FISCAL_SOURCES.map((s) => S`${FISCAL_SPENDING[s]}${wan(measureKey.source(s))}万元${ctx.changeClause(S, measureKey.source(s), against, s, false)}`).join('；') +
      '。',
    measures: [measureKey.total, fiscal, ...sources],
    edits: ctx.reasonEdits([fiscal, ...sources]),
  });

  const fiscalRow = ctx.row(fiscal);
  if (fiscalRow.phrase && fiscalRow.phrase.direction !== '持平') {
    if (fiscalRow.reason) {
      paragraphs.push({
        text: S`财政拨款收入支出${fiscalRow.phrase.direction}的主要原因是${fiscalRow.reason}。`,
        measures: [fiscal],
        edits: [{ kind: 'reason', key: fiscal }],
      });
    } else if (!fiscalRow.flagged) {
      ctx.gap(`财政拨款收入支出比 ${wb.baseline.year} 年预算${fiscalRow.phrase.direction}，尚未写明主要原因`);
    }
  }

  const classes = fiscalByClass(ctx);
  if (classes.length > 0) {
    paragraphs.push({ text: '财政拨款支出主要内容如下：', measures: [], edits: [] });
    classes.forEach(([code, fen], i) => {
      const name = catalogs.function.entries.get(code)?.name ?? `功能分类 ${code} 类`;
      const purpose = clauseOf(wb.texts.purposes[code] ?? '');
      if (!purpose) ctx.gap(`${name}（${code}）尚未写明主要用途`);
      paragraphs.push({
        text: S`${i + 1}. ${name}${formatWanOrZero(fen)}万元` + (purpose ? S`，主要用于${purpose}` : '') + '。',
        measures: [measureKey.fiscalFunction(code)],
        edits: [{ kind: 'purpose', code }],
        listItem: true,
      });
    });
  }

  return { title: S`${wb.year}年部门预算编制说明`, sections: [{ id: 'budget', paragraphs }] };
}
