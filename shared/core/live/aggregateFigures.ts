import { measureKey } from '../measures';
import { FUND_SOURCES, SANGONG_ITEMS, isFiscal, type MeasureKey } from '../model';
import { addFen, type Fen } from '../money';
import type { Aggregates } from '../tables/aggregate';
import { OFFICE_EXPENSES, measureTotal, sanGongFigures } from '../tables/measure';
import type { CurrentFigures } from '../yoy';

const FISCAL_BY_INDEX = FUND_SOURCES.map(isFiscal);

/**
 * This year's figures of the explained changes from the kept sums (no pass over the lines): what
 * `figuresFromLines` gives, from the 项 sums by source and kind, the 三公 items and 机关运行经费.
 */
export function aggregateFigures(agg: Aggregates): CurrentFigures {
  const bySource: Fen[] = FUND_SOURCES.map(() => 0);
  const byClass = new Map<string, Fen>();
  for (const [code, classes] of agg.byFunction) {
    FUND_SOURCES.forEach((_, s) => {
      // a source's classes: its two slots × 人员经费 × office unit (see aggregate.ts)
      let fen: Fen = 0;
      for (let c = s * 8; c < (s + 1) * 8; c++) fen = addFen(fen, classes[c]);
      if (fen === 0) return;
      bySource[s] = addFen(bySource[s], fen);
      if (FISCAL_BY_INDEX[s] && code.length >= 3) byClass.set(code.slice(0, 3), addFen(byClass.get(code.slice(0, 3)) ?? 0, fen));
    });
  }
  const sum = (values: readonly Fen[]) => values.reduce(addFen, 0);
  const items = sanGongFigures(agg);
  const sanGong = (key: string) => items[SANGONG_ITEMS.findIndex((s) => s.key === key)];
  const figures = new Map<MeasureKey, Fen>([
    [measureKey.total, sum(bySource)],
    [measureKey.fiscal, sum(bySource.filter((_, s) => FISCAL_BY_INDEX[s]))],
    ...FUND_SOURCES.map((source, s): [MeasureKey, Fen] => [measureKey.source(source), bySource[s]]),
    ...[...byClass].map(([code, fen]): [MeasureKey, Fen] => [measureKey.fiscalFunction(code), fen]),
    ...SANGONG_ITEMS.map((s): [MeasureKey, Fen] => [measureKey.sanGong(s.key), sanGong(s.key)]),
    [measureKey.vehicles, addFen(sanGong('vehiclePurchase'), sanGong('vehicleOperation'))],
    [measureKey.sanGongTotal, sum(items)],
    [measureKey.officeExpenses, measureTotal(agg, OFFICE_EXPENSES)],
  ]);
  return {
    figure: (key) => figures.get(key) ?? 0,
    fiscalClasses: () => [...byClass.keys()],
  };
}
