import type { Catalogs } from '../catalog/catalog';
import { workbookCatalogs } from '../catalog/workbookCatalogs';
import { LineChecks, unregisteredUnitFinding } from '../checks/lineRules';
import { checkComputeAndSchedules } from '../checks/scheduleRules';
import { checkProject, noRecordFinding, recordGapFindings } from '../checks/projectRules';
import { changeFindings } from '../narrative/flags';
import { explainedChanges, hasBaseline, previousFigures } from '../yoy';
import { aggregateFigures } from './aggregateFigures';
import { checkDerivedTables } from '../checks/publicationRules';
import { checkTemplatePublication } from '../checks/templateRules';
import { toPublishedTable } from '../tables/published';
import type { CheckFinding } from '../checks/rules';
import { applyEdit, patchLine, type Edit, type LineFields } from '../edits';
import { addFen, type Fen } from '../money';
import { unitTypeLookup, type BudgetUnit, type LineItem, type Project, type UnitType, type Workbook } from '../model';
import { applyLine, type Aggregates } from '../tables/aggregate';
import { tablesFromAggregates, updateTables, type DeriveContext } from '../tables/derive';
import type { TableModel } from '../tables/tableModel';
import { LineStore } from './lineStore';
import { templateFor } from '../templates/registry';

/**
 * A workbook with what is derived from it — the department's nine tables and the findings of every
 * check — kept up to date edit by edit. A change of lines costs the same however many lines the
 * workbook has: each line leaves and re-enters the sums (`applyLine`), only the table rows of its
 * 项, 款 and 类 are rebuilt (`updateTables`), and the line rules look at that line and the lines
 * identical to it. The table rules run on the derived tables only when a line has a negative
 * amount or an unusable code: otherwise the tables add up by construction and no table rule can
 * fire (test/checks/derivedTables.property.test.ts holds this on random workbooks).
 */
export class LiveWorkbook {
  /** The workbook without its lines (`lines` stays empty): they live in the store. */
  private frame: Workbook;
  private catalogs: Catalogs;
  private readonly store: LineStore;
  private agg!: Aggregates;
  private ctx!: DeriveContext;
  private typeOf!: (unit: string) => UnitType;
  private current!: TableModel[];
  private lineChecks: LineChecks;
  /** 项目支出 by the project name lines give (a name is here while it has lines). */
  private projectAmounts: Map<string, Fen>;
  /** How many 项目支出 lines each project name has (a project of lines summing to zero still has lines). */
  private readonly projectLines = new Map<string, number>();
  /** Last year's figures, by measure: they change only with the baseline or the units. */
  private previous: { of: Workbook['baseline']; units: Workbook['units']; figure: (key: string) => Fen | null } | null = null;
  private readonly projectMemo = new WeakMap<Project, { lines: Fen; findings: CheckFinding[] }>();
  /**
   * P-NO-RECORD by project name in the order of `projectAmounts`, for the records of `of`: kept up to
   * date name by name as lines' money moves (a workbook without records has one per project name).
   */
  private noRecord: { of: readonly Project[]; recorded: Set<string>; list: CheckFinding[]; names: string[]; at: Map<string, number> } | null = null;
  private tableMemo: CheckFinding[] | null = null;
  /** Bumped when a unit gains its first line or loses its last. */
  private unitEpoch = 0;
  private unregistered: { units: Workbook['units']; epoch: number; names: readonly string[] } | null = null;
  private findingsMemo: readonly CheckFinding[] | null = null;

  constructor(workbook: Workbook) {
    this.frame = { ...workbook, lines: [] };
    this.catalogs = workbookCatalogs(workbook);
    this.store = new LineStore(workbook.lines);
    this.lineChecks = new LineChecks(this.catalogs, this.store);
    this.projectAmounts = this.store.projectAmounts();
    for (const line of workbook.lines) if (line.kind === '项目支出') this.projectLines.set(line.project, (this.projectLines.get(line.project) ?? 0) + 1);
    this.rederive();
  }

  /** The department's nine tables. */
  get tables(): readonly TableModel[] {
    return this.current;
  }

  /** The sums the department's tables are drawn from (read-only: the workbook keeps them up to date). */
  get aggregates(): Readonly<Aggregates> {
    return this.agg;
  }

  /** The tables of one unit (单位预算), from the kept lines in one pass. */
  unitTables(unit: string): TableModel[] {
    return tablesFromAggregates({ ...this.ctx, unit, template: templateFor(this.frame, unit) }, this.store.aggregate(this.typeOf, unit));
  }

  /** Line findings (by line id), project findings, computed-line and schedule findings, the changes that wait for a reason, then table findings (by table and row). */
  findings(): readonly CheckFinding[] {
    if (!this.findingsMemo) {
      const lines = this.lineChecks.findings();
      const others = [
        this.unitFindings(),
        this.frame.projects.flatMap((p) => this.projectFindings(p)),
        this.noRecordFindings(),
        recordGapFindings(this.frame.projects, this.projectAmounts),
        checkComputeAndSchedules(this.frame, () => this.storeLines()),
        this.changeFindings(),
        this.tableFindings(),
      ];
      // one copy of long lists (a workbook whose projects have no records has a finding per project name)
      this.findingsMemo = others.every((o) => o.length === 0) ? lines : lines.concat(...others);
    }
    return this.findingsMemo;
  }

  private *storeLines(): Iterable<LineItem> {
    for (let row = 0; row < this.store.size; row++) yield this.store.lineAt(row);
  }

  /** Brings everything up to date with an edit the workbook has taken (as `applyEdit` applies it). */
  apply(edit: Edit): void {
    this.findingsMemo = null;
    const touched = new Set<string>();
    this.applyTo(edit, touched);
    if (touched.size > 0) {
      this.tableMemo = null;
      this.current = updateTables(this.current, this.ctx, this.agg, touched);
    }
  }

  private applyTo(edit: Edit, touched: Set<string>): void {
    switch (edit.op) {
      case 'insertLines':
        for (const line of edit.lines) this.addLine(line, touched);
        return;
      case 'deleteLines':
        for (const id of edit.ids) this.removeLine(id, touched);
        return;
      case 'updateLines':
        for (const { id, set } of edit.changes) this.updateLine(id, set, touched);
        return;
      case 'batch':
        for (const e of edit.edits) this.applyTo(e, touched);
        return;
      default:
        // the rest of the workbook changes as applyEdit changes it; the lines are not in the frame
        const year = this.frame.year;
        this.frame = applyEdit(this.frame, edit).workbook;
        // the built-in catalogs are by edition year: a new year may mean another edition
        if (edit.op === 'setCatalogEdition' || this.frame.year !== year) {
          this.catalogs = workbookCatalogs(this.frame);
          this.lineChecks = new LineChecks(this.catalogs, this.store);
        }
        if (edit.op === 'setMeta' || edit.op === 'setUnits' || edit.op === 'setCatalogEdition' || edit.op === 'setSchedules' || edit.op === 'setTemplate') this.rederive(touched);
    }
  }

  /** Everything the tables are drawn from, from the kept lines (units, catalogs or titles changed). */
  private rederive(touched?: Set<string>): void {
    this.ctx = {
      department: this.frame.department,
      year: this.frame.year,
      units: this.unitsWithLineUnits(),
      catalogs: this.catalogs,
      template: templateFor(this.frame),
      schedules: this.frame.schedules,
    };
    this.typeOf = unitTypeLookup(this.ctx.units);
    this.agg = this.store.aggregate(this.typeOf);
    this.current = tablesFromAggregates(this.ctx, this.agg);
    this.tableMemo = null;
    touched?.clear();
  }

  /**
   * Units lines name that the workbook has not registered, when it registers any (a workbook without
   * a unit list names its units only on its lines). The pass over the lines runs only while such a unit exists.
   */
  private unitFindings(): readonly CheckFinding[] {
    if (this.frame.units.length === 0) return [];
    const unregistered = this.unregisteredUnits();
    if (unregistered.length === 0) return [];
    const first = new Map<string, number>();
    for (let row = 0; row < this.store.size; row++) {
      const line = this.store.lineAt(row);
      if (unregistered.includes(line.unit) && (first.get(line.unit) ?? Infinity) > line.id) first.set(line.unit, line.id);
    }
    return unregistered.map((u) => unregisteredUnitFinding(u, this.store.linesOfUnit(u), first.get(u)!));
  }

  /** Units lines name that the workbook has not registered: they change only with the units or when a unit gains its first line or loses its last. */
  private unregisteredUnits(): readonly string[] {
    const { units } = this.frame;
    if (this.unregistered?.units !== units || this.unregistered.epoch !== this.unitEpoch) {
      const declared = new Set(units.map((u) => u.name));
      this.unregistered = { units, epoch: this.unitEpoch, names: this.store.units.values.filter((name) => !declared.has(name) && this.store.linesOfUnit(name) > 0) };
    }
    return this.unregistered.names;
  }

  /** The declared units, then units only lines name (as 事业单位), as `withLineUnits` gives them. */
  private unitsWithLineUnits(): BudgetUnit[] {
    const declared = new Set(this.frame.units.map((u) => u.name));
    const named = this.store.units.values.filter((name) => !declared.has(name) && this.store.linesOfUnit(name) > 0);
    return [...this.frame.units, ...named.map((name): BudgetUnit => ({ name, type: '事业单位' }))];
  }

  private addLine(line: LineItem, touched: Set<string>): void {
    if (this.store.line(line.id)) throw new Error(`明细 ${line.id} 已存在`);
    const newUnit = this.store.linesOfUnit(line.unit) === 0;
    this.store.add(line);
    this.lineChecks.add(line);
    applyLine(this.agg, line, this.typeOf(line.unit), 1);
    this.countProject(line, 1);
    touched.add(line.functionCode);
    if (newUnit) this.unitsChanged();
  }

  private removeLine(id: number, touched: Set<string>): LineItem {
    const line = this.store.line(id);
    if (!line) throw new Error('要删除的明细不存在');
    this.lineChecks.remove(line);
    this.store.remove(id);
    applyLine(this.agg, line, this.typeOf(line.unit), -1);
    this.countProject(line, -1);
    touched.add(line.functionCode);
    if (this.store.linesOfUnit(line.unit) === 0) this.unitsChanged();
    return line;
  }

  private updateLine(id: number, set: Partial<LineFields>, touched: Set<string>): void {
    const before = this.store.line(id);
    if (!before) throw new Error('要修改的明细不存在');
    const after = patchLine(before, set).line;
    this.store.replace(after);
    this.lineChecks.update(before, after);
    applyLine(this.agg, before, this.typeOf(before.unit), -1);
    applyLine(this.agg, after, this.typeOf(after.unit), 1);
    // the same project's money moving keeps the name (and its finding) where it is in the list
    if (before.kind === '项目支出' && after.kind === '项目支出' && before.project === after.project) this.moveProjectMoney(after.project, addFen(after.amount, -before.amount));
    else {
      this.countProject(before, -1);
      this.countProject(after, 1);
    }
    touched.add(before.functionCode).add(after.functionCode);
    if (before.unit !== after.unit && (this.store.linesOfUnit(before.unit) === 0 || this.store.linesOfUnit(after.unit) === 1)) this.unitsChanged();
  }

  /** A unit gained its first line or lost its last: the units only lines name changed. */
  private unitsChanged(): void {
    this.unitEpoch++;
    this.ctx = { ...this.ctx, units: this.unitsWithLineUnits() };
  }

  private countProject(line: LineItem, sign: 1 | -1): void {
    if (line.kind !== '项目支出') return;
    const lines = (this.projectLines.get(line.project) ?? 0) + sign;
    if (lines === 0) {
      this.projectLines.delete(line.project);
      this.projectAmounts.delete(line.project);
      this.unrecordedMoved(line.project, undefined);
      return;
    }
    this.projectLines.set(line.project, lines);
    this.moveProjectMoney(line.project, sign * line.amount);
  }

  private moveProjectMoney(name: string, by: Fen): void {
    const fen = addFen(this.projectAmounts.get(name) ?? 0, by);
    this.projectAmounts.set(name, fen);
    this.unrecordedMoved(name, fen);
  }

  /**
   * P-NO-RECORD after a project name's money changed (undefined: the name has no lines left), in the
   * order of `projectAmounts`: a name already there keeps its place, a new name comes last.
   */
  private unrecordedMoved(name: string, fen: Fen | undefined): void {
    const kept = this.noRecord;
    if (!kept) return;
    const at = kept.at.get(name);
    const f = fen === undefined ? undefined : noRecordFinding(name, fen, kept.recorded);
    if (f && at !== undefined) kept.list[at] = f;
    else if (f) {
      kept.at.set(name, kept.list.length);
      kept.list.push(f);
      kept.names.push(name);
    } else if (at !== undefined) {
      kept.list.splice(at, 1);
      kept.names.splice(at, 1);
      kept.at.delete(name);
      for (let i = at; i < kept.names.length; i++) kept.at.set(kept.names[i], i);
    }
  }

  private noRecordFindings(): readonly CheckFinding[] {
    if (this.noRecord?.of !== this.frame.projects) {
      const recorded = new Set(this.frame.projects.map((p) => p.name));
      this.noRecord = { of: this.frame.projects, recorded, list: [], names: [], at: new Map() };
      for (const [name, fen] of this.projectAmounts) this.unrecordedMoved(name, fen);
    }
    return this.noRecord.list;
  }

  /** The explained changes that wait for a reason (none can while nothing of last year is known). */
  private changeFindings(): CheckFinding[] {
    if (!hasBaseline(this.frame.baseline)) return [];
    return changeFindings(explainedChanges(this.frame, aggregateFigures(this.agg), this.catalogs, this.previousFigure()));
  }

  private previousFigure(): (key: string) => Fen | null {
    const { baseline, units } = this.frame;
    if (this.previous?.of !== baseline || this.previous.units !== units) this.previous = { of: baseline, units, figure: previousFigures(this.frame) };
    return this.previous.figure;
  }

  private projectFindings(project: Project): CheckFinding[] {
    const lines = this.projectAmounts.get(project.name) ?? 0;
    let memo = this.projectMemo.get(project);
    if (!memo || memo.lines !== lines) this.projectMemo.set(project, (memo = { lines, findings: checkProject(project, lines) }));
    return memo.findings;
  }

  private tableFindings(): CheckFinding[] {
    if (!this.lineChecks.tablesAtRisk) return [];
    // The lines' codes are checked line by line (with the names lines carry); the tables would only repeat them.
    const template = this.ctx.template;
    this.tableMemo ??= (
      template && template.id !== 'shanghai-district' ? checkTemplatePublication(template, this.current.map(toPublishedTable)) : checkDerivedTables(this.current, this.catalogs)
    ).filter((f) => f.rule !== 'T-CODE-UNKNOWN');
    return this.tableMemo;
  }
}
