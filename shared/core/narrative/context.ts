import type { MeasureKey, Workbook } from '../model';
import { formatWan } from '../money';
import { measureRow, type YoyRow } from '../yoy';
import type { NarrativeEdit } from './model';
import { renderChange, type TextStyle } from './text';

/** What every section is built from: the workbook, its year-on-year rows, and the gaps found so far. */
export class NarrativeContext {
  private readonly rows = new Map<MeasureKey, YoyRow>();
  private readonly gapSet = new Set<string>();

  constructor(readonly wb: Workbook) {}

  row(key: MeasureKey): YoyRow {
    let r = this.rows.get(key);
    if (!r) {
      r = measureRow(this.wb, key);
      this.rows.set(key, r);
    }
    return r;
  }

  gap(message: string): void {
    this.gapSet.add(message);
  }

  get gaps(): string[] {
    return [...this.gapSet];
  }

  /**
   * “，比 2023 年预算增加 65.41 万元” for a measure, or '' when last year's figure is unknown (the
   * sentence then states this year's amount only, and a gap says why). With `withReason`, a reason
   * written for a change that is not 持平 follows as “，主要原因是…”.
   */
  changeClause(style: TextStyle, key: MeasureKey, against: string, label: string, withReason: boolean): string {
    const r = this.row(key);
    if (!r.phrase) {
      const { baseline } = this.wb;
      const none = Object.keys(baseline.figures).length === 0 && !baseline.lines?.length;
      this.gap(none ? `没有 ${baseline.year} 年预算数（上年基数），编制说明未写与上年的比较` : `${baseline.year} 年预算数未知：${label}，编制说明未写它与上年的比较`);
      return '';
    }
    const clause = `，${renderChange(style, r.phrase, against)}`;
    if (r.flagged) this.gap(`${label}比上年${r.phrase.direction === '持平' ? '变动' : r.phrase.direction} ${formatWan(Math.abs(r.change ?? 0))} 万元${r.percent === null ? '' : `（${r.percent}%）`}，尚未写明原因`);
    if (!withReason || r.phrase.direction === '持平' || r.reason === '') return clause;
    return style`${clause}，主要原因是${r.reason}`;
  }

  /** The reason edits for measures whose change is printed as 增加 or 减少. */
  reasonEdits(keys: readonly MeasureKey[]): NarrativeEdit[] {
    return keys.filter((k) => this.changes(k)).map((key) => ({ kind: 'reason', key }));
  }

  /** Whether the text states a change (增加 / 减少) for the measure. */
  changes(key: MeasureKey): boolean {
    const phrase = this.row(key).phrase;
    return phrase !== null && phrase.direction !== '持平';
  }
}
