import { BUILTIN_CATALOGS, CATALOG_LABELS, lookupCode, type CatalogKind, type Catalogs } from '../catalog/catalog';
import { formatYuan } from '../money';
import { IdsByHash } from '../live/idsByHash';
import { LineStore } from '../live/lineStore';
import type { LineItem } from '../model';
import { finding, type CheckFinding } from './rules';

const LEAF_NAMES: Record<CatalogKind, string> = { function: '项（7 位）', economic: '款（5 位）' };

function describeLine(line: LineItem): string {
  return `明细 #${line.id}（${line.unit}，${line.functionCode} / ${line.economicCode}，${line.kind}，${line.source}${line.project ? `，${line.project}` : ''}）`;
}

const NO_FINDINGS = { findings: [], badCode: false } as const satisfies { findings: CheckFinding[]; badCode: boolean };

/** The findings of one line on its own (codes, sign, project name), and whether its codes are unusable in a table. */
function ownFindings(line: LineItem, catalogs: Catalogs): { findings: CheckFinding[]; badCode: boolean } {
  const out: CheckFinding[] = [];
  let badCode = false;
  for (const kind of ['function', 'economic'] as const) {
    const code = kind === 'function' ? line.functionCode : line.economicCode;
    const status = lookupCode(catalogs[kind], code);
    if (status.status === 'ok') continue;
    const name = kind === 'function' ? line.functionName : line.economicName;
    const label = CATALOG_LABELS[kind];
    const place = { lineId: line.id, column: kind === 'function' ? '功能分类科目编码' : '经济分类科目编码' };
    if (status.status === 'malformed') {
      badCode = true;
      out.push(finding('L-CODE', `${describeLine(line)}：${label}编码“${code}”格式不对，应为${LEAF_NAMES[kind]}科目编码`, place));
    } else if (status.status === 'notLeaf') {
      badCode = true;
      out.push(finding('L-CODE', `${describeLine(line)}：${label}编码 ${code}${status.name ? `（${status.name}）` : ''}不是末级科目，请填到${LEAF_NAMES[kind]}`, place));
    } else {
      out.push(
        name
          ? finding('L-CODE-NAMED', `${describeLine(line)}：${label}编码 ${code} 不在科目表中，按明细所写名称“${name}”使用；请核对编码或导入当年科目表`, place)
          : finding('L-CODE', `${describeLine(line)}：${label}编码 ${code} 不在科目表中；请核对编码，或写明${label}科目名称`, place),
      );
    }
  }
  if (line.amount < 0) {
    out.push(finding('L-NEGATIVE', `${describeLine(line)}：金额为 ${formatYuan(line.amount)}，金额不能为负数；请改正金额，或删除该行`, { lineId: line.id, column: '金额（元）' }));
  }
  if (line.kind === '项目支出' && line.project.trim() === '') {
    out.push(finding('L-PROJECT', `${describeLine(line)}：项目支出没有项目名称；请填写项目名称，或改为基本支出`, { lineId: line.id, column: '项目名称' }));
  }
  return { findings: out, badCode };
}

function duplicateFinding(line: LineItem, first: number): CheckFinding {
  return finding('L-DUPLICATE', `${describeLine(line)} 与明细 #${first} 的单位、科目、支出类型、资金来源和项目都相同，可能重复录入；请核对后合并为一行`, {
    lineId: line.id,
  });
}

/** Whether two lines count as the same line entered twice. */
function sameFields(a: LineItem, b: LineItem): boolean {
  return a.unit === b.unit && a.functionCode === b.functionCode && a.economicCode === b.economicCode && a.kind === b.kind && a.source === b.source && a.project === b.project;
}

/**
 * The line rules (codes, signs, project names, duplicates) over the lines of a LineStore, kept up
 * to date line by line, each change made after the store's: they cost the same however many lines
 * there are. Of identical lines, the one with the lowest id (entered first) is the original and the
 * others are reported as its duplicates.
 */
export class LineChecks {
  /** By the store's interned code: 1 when it is a leaf of the catalog, 0 when not, unset when not yet asked. */
  private readonly functionOk: number[] = [];
  private readonly economicOk: number[] = [];
  /** By the store's interned project name: whether it is blank. */
  private readonly blankProjects: boolean[] = [];
  /** Line ids by the hash of their fields: identical lines share a hash (and, rarely, other lines do). */
  private readonly byFields: IdsByHash;
  private readonly own = new Map<number, CheckFinding[]>();
  private readonly duplicates = new Map<number, CheckFinding>();
  /** The findings as listed, until one changes. */
  private listed: CheckFinding[] | null = null;
  private readonly badCodes = new Set<number>();
  private readonly negatives = new Set<number>();

  constructor(
    private readonly catalogs: Catalogs,
    private readonly store: LineStore,
  ) {
    this.byFields = new IdsByHash(store.size);
    for (let row = 0; row < store.size; row++) this.addAt(row);
  }

  /**
   * Whether some line has a negative amount or a code that is malformed or not a leaf: the only ways
   * a table derived from the lines can break a table rule (see test/checks/derivedTables.property.test.ts).
   */
  get tablesAtRisk(): boolean {
    return this.badCodes.size > 0 || this.negatives.size > 0;
  }

  /** A line the store has just taken. */
  add(line: LineItem): void {
    this.addAt(this.store.rowOf(line.id));
  }

  /** The line at a row of the store; its object is read only when it has a finding (a pass over many lines stays in the columns). */
  private addAt(row: number): void {
    const store = this.store;
    const id = store.idAt(row);
    if (!this.cleanAt(row)) {
      const line = store.lineAt(row);
      const { findings, badCode } = ownFindings(line, this.catalogs);
      if (findings.length > 0) {
        this.own.set(id, findings);
        this.listed = null;
      }
      if (badCode) this.badCodes.add(id);
      if (line.amount < 0) this.negatives.add(id);
    }
    const hash = store.hashAt(row);
    this.byFields.add(hash, id);
    if (this.byFields.hasOther(hash, id)) this.reportGroup(this.identical(this.byFields.idsOf(hash), store.lineAt(row)));
  }

  /** A line changed (the same id): its own findings, and its duplicates when the fields that make one changed. */
  update(before: LineItem, after: LineItem): void {
    if (!sameFields(before, after)) {
      this.remove(before);
      this.add(after);
      return;
    }
    const { findings, badCode } = this.cleanAt(this.store.rowOf(after.id)) ? NO_FINDINGS : ownFindings(after, this.catalogs);
    if (findings.length > 0 || this.own.has(after.id)) this.listed = null;
    if (findings.length > 0) this.own.set(after.id, findings);
    else this.own.delete(after.id);
    if (badCode) this.badCodes.add(after.id);
    else this.badCodes.delete(after.id);
    if (after.amount < 0) this.negatives.add(after.id);
    else this.negatives.delete(after.id);
    // a duplicate's finding names only fields that did not change
  }

  remove(line: LineItem): void {
    if (this.own.delete(line.id)) this.listed = null;
    if (this.duplicates.delete(line.id)) this.listed = null;
    this.badCodes.delete(line.id);
    this.negatives.delete(line.id);
    const hash = this.store.fieldHash(line);
    this.byFields.remove(hash, line.id);
    if (this.byFields.hasOther(hash, line.id)) this.reportGroup(this.identical(this.byFields.idsOf(hash), line));
  }

  /** The findings, by line id. */
  findings(): readonly CheckFinding[] {
    if (!this.listed) {
      this.listed = [];
      for (const id of [...new Set([...this.own.keys(), ...this.duplicates.keys()])].sort((a, b) => a - b)) {
        this.listed.push(...(this.own.get(id) ?? []));
        const duplicate = this.duplicates.get(id);
        if (duplicate) this.listed.push(duplicate);
      }
    }
    return this.listed;
  }

  /** The lines of a bucket identical to `line` (the line itself is taken as it is now, even if the store has moved on). */
  private identical(ids: readonly number[], line: LineItem): number[] {
    return ids.filter((id) => id === line.id || sameFields(this.store.line(id)!, line));
  }

  /** Whether the line at a row has no finding of its own, read from the store's columns. */
  private cleanAt(row: number): boolean {
    return this.codesOk(row) && this.store.amountAt(row) >= 0 && !(this.store.isProjectAt(row) && this.blankProject(this.store.projectAt(row)));
  }

  /** Whether both codes of the line at a row are leaves of the catalogs (asked once per distinct code). */
  private codesOk(row: number): boolean {
    const f = this.store.functionAt(row);
    const e = this.store.economicAt(row);
    this.functionOk[f] ??= lookupCode(this.catalogs.function, this.store.functions.values[f]).status === 'ok' ? 1 : 0;
    this.economicOk[e] ??= lookupCode(this.catalogs.economic, this.store.economics.values[e]).status === 'ok' ? 1 : 0;
    return this.functionOk[f] === 1 && this.economicOk[e] === 1;
  }

  private blankProject(project: number): boolean {
    return (this.blankProjects[project] ??= this.store.projects.values[project].trim() === '');
  }

  /** Reports every line of a group of identical lines but the first (by id) as its duplicate. */
  private reportGroup(ids: number[]): void {
    if (ids.length === 0) return;
    const first = Math.min(...ids);
    this.listed = null;
    this.duplicates.delete(first);
    for (const id of ids) {
      if (id === first) continue;
      this.duplicates.set(id, duplicateFinding(this.store.line(id)!, first));
    }
  }
}

/** The rules on line items: codes, signs, project names and duplicates; findings by line id. */
export function checkLines(lines: readonly LineItem[], catalogs: Catalogs = BUILTIN_CATALOGS): CheckFinding[] {
  return [...new LineChecks(catalogs, new LineStore(lines)).findings()];
}

/** A unit lines name that the workbook has not registered (often a typo): counted as 事业单位 until registered. */
export function unregisteredUnitFinding(unit: string, lines: number, firstLineId: number): CheckFinding {
  return finding(
    'L-UNIT',
    `单位“${unit}”未在基本信息中登记（${lines} 行明细），按事业单位计算，其公用经费不计入机关运行经费；请核对单位名称，或登记该单位`,
    { lineId: firstLineId, column: '单位名称' },
  );
}
