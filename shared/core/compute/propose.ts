import Decimal from 'decimal.js';
import type { LineFields } from '../edits';
import { addFen, formatYuan, type Fen } from '../money';
import { unitTypeLookup, type LineItem, type UnitType, type Workbook } from '../model';
import type { ComputeSetup, FunctionMapping, Standard } from './model';
import { countedLabel, personsCounted, staffUnits } from './staff';

/** Computed lines are 基本支出 funded by 一般公共预算财政拨款, without a project. */
export const COMPUTED_KIND = '基本支出';
export const COMPUTED_SOURCE = '一般公共预算财政拨款';

export interface ProposalPart {
  /** Index of the standard in the setup. */
  standard: number;
  item: string;
  amount: Fen;
  /** 测算依据 of this part, e.g. 基本工资：在职事业 41 人 × 2,023.71 元 × 12 月. */
  basis: string;
}

/** A 基本支出 line the 测算 proposes: the sum of its parts, at a unit's 功能分类 项 and 经济分类 款. */
export interface ProposedLine {
  unit: string;
  functionCode: string;
  economicCode: string;
  amount: Fen;
  basis: string;
  parts: ProposalPart[];
}

/** Something in the staff, standards or mapping that keeps a part from being computed, in Chinese with where and how to fix it. */
export interface ComputeProblem {
  message: string;
  standard?: number;
  staff?: number;
}

export interface Proposal {
  lines: ProposedLine[];
  problems: ComputeProblem[];
}

const ECONOMIC = /^\d{5}$/;
const RATE = /^\d{1,3}(\.\d{1,6})?$/;
const BASE = /^\d{5}(\+\d{5})*$/;

/** Why a standard cannot be used, or undefined when it can. */
export function standardProblem(s: Standard): string | undefined {
  if (s.item.trim() === '') return '没有写项目名称（如 基本工资）';
  if (!ECONOMIC.test(s.economicCode)) return `经济分类“${s.economicCode}”应为 5 位的款编码，如 30101`;
  switch (s.method) {
    case '月标准':
    case '年定额':
      if (s.method === '月标准' && (!Number.isInteger(s.months) || s.months < 1 || s.months > 24)) return `月数应为 1 至 24 的整数，而不是 ${s.months}`;
      if (!Number.isSafeInteger(s.amount) || s.amount < 0) return '标准金额应为不小于零的金额';
      if (s.categories.trim() === '') return '没有写适用的人员类别（如 在职行政、在职事业）';
      return undefined;
    case '比例':
      if (!RATE.test(s.rate.trim()) || new Decimal(s.rate.trim()).gt(100)) return `比例“${s.rate}”应为 0 至 100 的百分数，如 16 或 10.5（不带 % 号）`;
      if (!BASE.test(s.base.replace(/\s/g, ''))) return `基数“${s.base}”应为以 + 连接的经济分类款编码，如 30101+30107`;
      return undefined;
    default:
      return `计算方式“${String((s as Standard).method)}”应为 月标准、年定额 或 比例`;
  }
}

/** The 功能分类 项 of an item in a unit: the most specific mapping row that fits (see FunctionMapping). */
export function mappedFunction(mapping: readonly FunctionMapping[], economicCode: string, unit: string, type: UnitType): string | undefined {
  let best: FunctionMapping | undefined;
  let bestScore = -1;
  for (const m of mapping) {
    if ((m.economicCode !== '' && m.economicCode !== economicCode) || (m.unit !== '' && m.unit !== unit) || (m.unitType !== '' && m.unitType !== type)) continue;
    const score = (m.economicCode ? 4 : 0) + (m.unit ? 2 : 0) + (m.unitType ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [m, score];
  }
  return best?.functionCode;
}

/** base × rate%, rounded half up to the 分 (decimal.js only here, at the edge). */
export function rateOf(base: Fen, percent: string): Fen {
  return new Decimal(base).mul(percent.trim()).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** `16`, `10.5`, `0.66` as a 测算依据 writes a rate. */
function percentText(rate: string): string {
  return `${new Decimal(rate.trim()).toString()}%`;
}

const isComputedPlace = (l: LineItem) => l.kind === COMPUTED_KIND && l.source === COMPUTED_SOURCE && l.project === '';

/**
 * What the staff and standards give, line by line. First the items counted on persons (月标准,
 * 年定额), then the rates (比例) on their base: a base item the persons give is taken as computed,
 * any other from the unit's 基本支出 lines of that 款 that a person entered (so a department without
 * staff data can still compute its contributions from its wage lines); a line an earlier 测算 gave
 * never counts, so recomputing gives what computing afresh gives. Rates are rounded half up to the 分, each on
 * its own.
 */
export function propose(wb: Workbook): Proposal {
  const setup = wb.compute;
  const problems: ComputeProblem[] = [];
  if (!setup) return { lines: [], problems };
  const typeOf = unitTypeLookup(wb.units);
  setup.staff.forEach((s, i) => {
    if (s.unit.trim() === '') problems.push({ staff: i, message: `人员第 ${i + 1} 行没有写单位` });
    else if (!Number.isSafeInteger(s.count) || s.count < 0) problems.push({ staff: i, message: `人员第 ${i + 1} 行的人数应为不小于零的整数，而不是 ${s.count}` });
  });
  const usable = setup.standards.map((s, i) => {
    const why = standardProblem(s);
    if (why) problems.push({ standard: i, message: `标准第 ${i + 1} 行（${s.item || '未命名'}）：${why}` });
    return !why;
  });
  const validStaff = setup.staff.filter((s) => s.unit.trim() !== '' && Number.isSafeInteger(s.count) && s.count >= 0);
  const units = [...new Set([...wb.units.map((u) => u.name), ...staffUnits(validStaff), ...wb.lines.filter((l) => l.kind === COMPUTED_KIND).map((l) => l.unit)])];
  const byPlace = new Map<string, ProposedLine>();
  const out: ProposedLine[] = [];
  const unmapped = new Set<string>();
  // A base is the staff's computed items and the lines a person entered: never a line an earlier 测算 gave.
  const recorded = new Set(setup.computed.map(placeKey));
  const computedLines = new Set([...linesByPlace(wb.lines)].filter(([key]) => recorded.has(key)).map(([, line]) => line));

  for (const unit of units) {
    const counted = new Map<string, Fen>();
    const add = (index: number, amount: Fen, basis: string) => {
      const s = setup.standards[index];
      counted.set(s.economicCode, addFen(counted.get(s.economicCode) ?? 0, amount));
      const functionCode = mappedFunction(setup.mapping, s.economicCode, unit, typeOf(unit));
      if (!functionCode) {
        const key = `${unit}\u0000${s.economicCode}`;
        if (!unmapped.has(key)) problems.push({ standard: index, message: `单位“${unit}”的 ${s.item}（${s.economicCode}）没有对应的功能分类：请在“功能分类对应”中为它加一行（如工资对应本单位的行政运行或事业运行项）` });
        unmapped.add(key);
        return;
      }
      const place = `${unit}\u0000${functionCode}\u0000${s.economicCode}`;
      let line = byPlace.get(place);
      if (!line) {
        line = { unit, functionCode, economicCode: s.economicCode, amount: 0, basis: '', parts: [] };
        byPlace.set(place, line);
        out.push(line);
      }
      line.parts.push({ standard: index, item: s.item, amount, basis });
      line.amount = addFen(line.amount, amount);
    };
    setup.standards.forEach((s, i) => {
      if (!usable[i] || s.method === '比例' || (s.unit !== '' && s.unit !== unit)) return;
      const persons = personsCounted(validStaff, unit, s);
      if (persons === 0) return;
      const amount = s.method === '月标准' ? persons * s.amount * s.months : persons * s.amount;
      if (!Number.isSafeInteger(amount)) {
        problems.push({ standard: i, message: `标准第 ${i + 1} 行（${s.item}）算得的金额超出可处理的范围：请检查人数和标准金额` });
        return;
      }
      const who = `${countedLabel(s)} ${persons} 人 × ${formatYuan(s.amount)} 元`;
      add(i, amount, `${s.item}：${s.method === '月标准' ? `${who} × ${s.months} 月` : who}`);
    });
    const lineAmounts = new Map<string, Fen>();
    for (const l of wb.lines) {
      if (l.unit === unit && l.kind === COMPUTED_KIND && !computedLines.has(l)) lineAmounts.set(l.economicCode, addFen(lineAmounts.get(l.economicCode) ?? 0, l.amount));
    }
    setup.standards.forEach((s, i) => {
      if (!usable[i] || s.method !== '比例' || (s.unit !== '' && s.unit !== unit)) return;
      const codes = s.base.replace(/\s/g, '').split('+');
      const base = codes.reduce((sum, c) => addFen(sum, counted.get(c) ?? lineAmounts.get(c) ?? 0), 0);
      if (base === 0) return;
      add(i, rateOf(base, s.rate), `${s.item}：工资基数 ${formatYuan(base)}（${codes.join('+')}）× ${percentText(s.rate)}`);
    });
  }
  for (const line of out) line.basis = line.parts.map((p) => p.basis).join('；');
  return { lines: out, problems };
}

/** The place of a computed line as one string. */
export function placeKey(p: { unit: string; functionCode: string; economicCode: string }): string {
  return `${p.unit}\u0000${p.functionCode}\u0000${p.economicCode}`;
}

export type LineChange =
  /** No line at that place yet: a new line. */
  | { kind: 'insert'; proposed: ProposedLine }
  /** The line's amount changes (and its 测算依据 with it). */
  | { kind: 'update'; proposed: ProposedLine; line: LineItem }
  /** Same amount; only the 测算依据 is written. */
  | { kind: 'basis'; proposed: ProposedLine; line: LineItem }
  | { kind: 'same'; proposed: ProposedLine; line: LineItem }
  /** A computed line a person changed by hand: its amount is kept, and flagged while it differs from the 测算. */
  | { kind: 'kept'; proposed: ProposedLine | undefined; line: LineItem }
  /** A computed line the 测算 no longer gives. */
  | { kind: 'delete'; line: LineItem };

/** The first line at each computed place (基本支出, 一般公共预算财政拨款, no project), by place. */
function linesByPlace(lines: readonly LineItem[]): Map<string, LineItem> {
  const map = new Map<string, LineItem>();
  for (const l of lines) {
    if (!isComputedPlace(l)) continue;
    const key = placeKey(l);
    if (!map.has(key)) map.set(key, l);
  }
  return map;
}

/** A line whose amount a person changed after the 测算 gave it. */
function handEdited(line: LineItem, computedAmount: Fen | undefined): boolean {
  return computedAmount !== undefined && line.amount !== computedAmount;
}

export interface ComputePlan {
  proposal: Proposal;
  changes: LineChange[];
  inserts: LineFields[];
  updates: { id: number; set: Partial<LineFields> }[];
  deletes: number[];
  /** The setup with the computed lines as the plan leaves them. */
  compute: ComputeSetup;
}

/** How the current lines differ from what the 测算 gives, and the changes that bring them there. */
export function computePlan(wb: Workbook): ComputePlan {
  const proposal = propose(wb);
  const setup = wb.compute;
  const changes: LineChange[] = [];
  const plan: ComputePlan = { proposal, changes, inserts: [], updates: [], deletes: [], compute: setup ?? { staff: [], standards: [], mapping: [], computed: [] } };
  if (!setup) return plan;
  const lines = linesByPlace(wb.lines);
  const records = new Map(setup.computed.map((r) => [placeKey(r), r]));
  const computed: ComputeSetup['computed'] = [];
  const proposedPlaces = new Set<string>();
  for (const p of proposal.lines) {
    const key = placeKey(p);
    proposedPlaces.add(key);
    const line = lines.get(key);
    const record = records.get(key);
    if (!line) {
      changes.push({ kind: 'insert', proposed: p });
      plan.inserts.push({ unit: p.unit, functionCode: p.functionCode, economicCode: p.economicCode, kind: COMPUTED_KIND, source: COMPUTED_SOURCE, project: '', amount: p.amount, basis: p.basis });
      computed.push({ unit: p.unit, functionCode: p.functionCode, economicCode: p.economicCode, amount: p.amount, basis: p.basis });
      continue;
    }
    const edited = handEdited(line, record?.amount);
    const entry = { unit: p.unit, functionCode: p.functionCode, economicCode: p.economicCode, amount: p.amount, basis: p.basis };
    if (edited && line.amount !== p.amount) {
      changes.push({ kind: 'kept', proposed: p, line });
      // a confirmation holds while the 测算 it was given against stays the same
      computed.push(record!.confirmed !== undefined && record!.amount === p.amount ? { ...entry, confirmed: record!.confirmed } : entry);
      continue;
    }
    computed.push(entry);
    if (line.amount !== p.amount) {
      changes.push({ kind: 'update', proposed: p, line });
      plan.updates.push({ id: line.id, set: { amount: p.amount, basis: p.basis } });
    } else if ((line.basis ?? '') !== p.basis) {
      changes.push({ kind: 'basis', proposed: p, line });
      plan.updates.push({ id: line.id, set: { basis: p.basis } });
    } else changes.push({ kind: 'same', proposed: p, line });
  }
  for (const record of setup.computed) {
    const key = placeKey(record);
    const line = lines.get(key);
    if (proposedPlaces.has(key) || !line) continue;
    if (handEdited(line, record.amount)) {
      changes.push({ kind: 'kept', proposed: undefined, line });
      computed.push({ ...record, amount: 0, basis: '测算已不再给出此项', confirmed: undefined });
    } else {
      changes.push({ kind: 'delete', line });
      plan.deletes.push(line.id);
    }
  }
  plan.compute = { ...setup, computed: computed.map(dropUndefined) };
  return plan;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Whether applying the plan changes anything in the workbook. */
export function planChangesAnything(wb: Workbook, plan: ComputePlan): boolean {
  return plan.inserts.length + plan.updates.length + plan.deletes.length > 0 || JSON.stringify(wb.compute?.computed ?? []) !== JSON.stringify(plan.compute.computed);
}
