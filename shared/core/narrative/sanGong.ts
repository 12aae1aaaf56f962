import { measureKey, measureLabel, measureParts } from '../measures';
import type { MeasureKey } from '../model';
import { formatWanOrZero } from '../money';
import { chineseNumber } from '../tables/categories';
import type { NarrativeContext } from './context';
import type { NarrativeSection } from './model';
import { PLAIN as P } from './text';

/** The items in the text's order: 出国, then the vehicles with their two parts, then 接待. */
const ITEMS: readonly MeasureKey[] = [measureKey.sanGong('abroad'), measureKey.vehicles, measureKey.sanGong('reception')];

/** The publication's text says 公务用车运行费 where table 9 and the catalog say 运行维护费. */
function textLabel(key: MeasureKey): string {
  return key === measureKey.sanGong('vehicleOperation') ? '公务用车运行费' : (measureLabel(key) ?? key);
}

/** 一、“三公”经费预算情况说明: the total, then item by item, each with its change on the prior year. */
export function sanGongSection(ctx: NarrativeContext): NarrativeSection {
  const year = ctx.wb.year;
  const amount = (key: MeasureKey) => `${textLabel(key)}${formatWanOrZero(ctx.row(key).current)}万元${ctx.changeClause(P, key, '上年预算', textLabel(key), true)}`;
  const total = measureKey.sanGongTotal;
  const paragraphs = [
    {
      text: P`${year}年，${ctx.subject}“三公”经费预算数为${formatWanOrZero(ctx.row(total).current)}万元${ctx.changeClause(P, total, '上年预算', '“三公”经费', true)}。其中：`,
      measures: [total],
      edits: ctx.reasonEdits([total]),
    },
    ...ITEMS.map((key, i) => {
      const parts = measureParts(key) ?? [];
      return {
        text: `（${chineseNumber(i + 1)}）${amount(key)}。` + (parts.length > 0 ? `其中：${parts.map(amount).join('；')}。` : ''),
        measures: [key, ...parts],
        edits: ctx.reasonEdits([key, ...parts]),
      };
    }),
  ];
  return { id: 'sanGong', title: P`一、${year}年“三公”经费预算情况说明`, paragraphs };
}
