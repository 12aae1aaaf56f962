import type { MeasureKey, Workbook } from '../model';
import { hasBaseline, measureRow, type YoyRow } from '../yoy';
import { flagMessage } from './flags';
import type { NarrativeEdit } from './model';
import { renderChange, type TextStyle } from './text';

/**
 * One unit's part of a workbook: its lines, and last year's figures where they are known for it —
 * line by line, or the department's figures when the unit is the whole department. The reasons
 * written for the department's changes explain the unit's only then.
 */
function unitWorkbook(wb: Workbook, unit: string): Workbook {
  const lines = wb.lines.filter((l) => l.unit === unit);
  const whole = lines.length === wb.lines.length;
  const lastLines = wb.baseline.lines?.filter((l) => l.unit === unit);
  const baseline = whole ? wb.baseline : { ...wb.baseline, figures: {}, ...(lastLines ? { lines: lastLines } : {}) };
  return { ...wb, lines, baseline, units: wb.units.filter((u) => u.name === unit), texts: whole ? wb.texts : { ...wb.texts, reasons: {} } };
}

/** What every section is built from: the workbook, its year-on-year rows, and the gaps found so far. */
export class NarrativeContext {
  private readonly rows = new Map<MeasureKey, YoyRow>();
  private readonly gapSet = new Set<string>();

  readonly wb: Workbook;
  /** Who the text speaks of: 本部门, or 本单位 in one unit's publication. */
  readonly subject: string;

  /** The department's text, or with `unit` that unit's (单位预算): the same sentences from its lines. */
  constructor(
    private readonly department: Workbook,
    readonly unit?: string,
  ) {
    this.wb = unit === undefined ? department : unitWorkbook(department, unit);
    this.subject = unit === undefined ? '本部门' : '本单位';
    this.wholeDepartment = this.wb.lines.length === department.lines.length;
  }

  /** In a unit's text: whether the unit is the whole department (so the department's entered figures are its own). */
  readonly wholeDepartment: boolean;
  private readonly noteSet = new Set<string>();

  /** Something the reader of the screen should know about where a figure comes from. */
  note(message: string): void {
    this.noteSet.add(message);
  }

  get notes(): string[] {
    return [...this.noteSet];
  }

  row(key: MeasureKey, label?: string): YoyRow {
    let r = this.rows.get(key);
    if (!r) {
      r = measureRow(this.wb, key, label);
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
      const unitNone = this.unit !== undefined && none && hasBaseline(this.department.baseline);
      this.gap(
        unitNone
          ? `${baseline.year} 年预算数只有部门的（没有按明细的上年基数），单位的说明未写与上年的比较`
          : none
            ? `没有 ${baseline.year} 年预算数（上年基数），编制说明未写与上年的比较`
            : `${baseline.year} 年预算数未知：${label}，编制说明未写它与上年的比较`,
      );
      return '';
    }
    const clause = `，${renderChange(style, r.phrase, against)}`;
    if (r.flagged) this.gap(flagMessage({ ...r, label }));
    if (!withReason || r.phrase.direction === '持平' || r.reason === '') return clause;
    return style`${clause}，主要原因是${r.reason}`;
  }

  /** The reason edits for measures whose change is printed as 增加 or 减少. */
  reasonEdits(keys: readonly MeasureKey[]): NarrativeEdit[] {
    return keys.filter((k) => this.changes(k)).map((key) => ({ kind: 'reason', key }));
  }

  /**
   * Whether a sentence that states a change only when it matters states it: the change needs a
   * reason (10% or more, or from or to zero) or has one.
   */
  statesChange(key: MeasureKey): boolean {
    const r = this.row(key);
    return r.phrase !== null && (r.significance !== null || r.reason !== '');
  }

  /** Whether the text states a change (增加 / 减少) for the measure. */
  changes(key: MeasureKey): boolean {
    const phrase = this.row(key).phrase;
    return phrase !== null && phrase.direction !== '持平';
  }
}
