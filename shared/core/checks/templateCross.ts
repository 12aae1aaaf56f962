import { CODE_LEVELS, type CatalogKind } from '../catalog/catalog';
import { CLASSES } from '../tables/aggregate';
import { compileMeasure } from '../tables/measure';
import type { Measure, Template } from '../templates/types';
import type { Figure, Relation } from './templateRules';

/**
 * The relations between tables of a publication printed in a template, found from the lines each figure
 * sums (its measure and its row: the 科目 or economic code it is narrowed to, or none):
 * - the same lines printed in several places are printed alike (T-CROSS);
 * - a figure whose lines are exactly those of figures of other tables on the same row is their sum:
 *   财政拨款支出预算表 = 一般公共预算支出预算表 + 政府性基金支出预算表 科目 by 科目 and column by column,
 *   表 4's 财政拨款 lines = the one-source tables' totals … (T-CROSS), none of it listed by table.
 * Lines known to be zero drop out: those of a figure printed 0 in its 合计 (no row narrowing; amounts are
 * never negative) or of a row printed only when not zero and not printed (`absent`: 国有资本经营预算), and
 * those of a 科目 a tree table does not print (a 科目 funded only by 政府性基金 is
 * absent from the 一般公共预算 table). So 财政拨款 = 一般公共预算 when there is no 政府性基金.
 */

/** The lines a figure sums, as bits: line class × economic code (of the codes the template names, `*` the rest), and the uses no line carries. */
export class LineAtoms {
  private readonly bits = new Map<string, bigint>();
  private readonly known = new Map<string, bigint>();
  private readonly economic: string[];

  constructor(template: Template) {
    this.economic = [...new Set(Object.values(template.measures).flatMap((m) => m.economicCodes ?? [])), '*'];
  }

  private bit(name: string): bigint {
    let b = this.bits.get(name);
    if (b === undefined) this.bits.set(name, (b = 1n << BigInt(this.bits.size)));
    return b;
  }

  /** `names`: the measures with no lines a `none` figure stands for. */
  of(m: Measure, names: readonly string[]): bigint {
    const { sources, kinds, costType, officeUnitsOnly, economicCodes, none, plus } = m;
    const key = JSON.stringify([sources, kinds, costType, officeUnitsOnly, economicCodes, none, plus, none ? names : []]);
    let lines = this.known.get(key);
    if (lines === undefined) this.known.set(key, (lines = this.compute(m, names)));
    return lines;
  }

  private compute(m: Measure, names: readonly string[]): bigint {
    let out = 0n;
    if (!m.none) {
      const { mask } = compileMeasure(m);
      const codes = m.economicCodes ?? this.economic;
      for (let c = 0; c < CLASSES; c++) if (mask[c]) for (const e of codes) out |= this.bit(`${c}:${e}`);
    }
    for (const n of [...(m.plus ?? []), ...(m.none ? names : [])]) out |= this.bit(`+${n}`);
    return out;
  }
}

/** The row a figure is narrowed to: `功能分类 code/经济分类 code`, `/` for none. */
export function rowKeyOf(m: Measure): string {
  return `${(m as { functionPrefix?: string }).functionPrefix ?? ''}/${m.economicPrefix ?? ''}`;
}

const WHOLE = '/';

/** A tree table's printed codes: a code of its levels it does not print has none of its columns' lines. */
export interface PrintedTree {
  kind: CatalogKind;
  depth: number;
  codes: ReadonlySet<string>;
  atoms: bigint;
}

/** Figures summing the same lines (by measure, in one unit): one quantity, printed alike. */
interface Quantity {
  figures: Figure[];
  /** The figure carrying the value most places print. */
  rep: Figure;
}

/** Quantities whose lines are the same once the lines known to be zero are left out. */
interface Same {
  id: number;
  lines: bigint;
  quantities: Quantity[];
  rep: Figure;
}

const where = (f: Figure) => `表 ${f.table}“${f.label}”行“${f.column}”列`;

const equal = (a: Figure, b: Figure, why: string): Relation => ({
  rule: 'T-CROSS',
  total: a,
  parts: [b],
  what: `与${where(b)}是同一些明细之和${why}，应相等`,
  whatOfPart: `与${where(a)}是同一些明细之和${why}，应相等`,
});

function quantity(figures: Figure[]): Quantity {
  const counts = new Map<number, number>();
  for (const f of figures) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
  const [value] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return { figures, rep: figures.find((f) => f.value === value)! };
}

/** Partitions of `target` into the candidates' lines (two parts or more), each once. */
function partitions(target: bigint, candidates: readonly Same[], limit = 200): Same[][] {
  const out: Same[][] = [];
  const chosen: Same[] = [];
  const go = (left: bigint) => {
    if (out.length >= limit) return;
    if (left === 0n) {
      if (chosen.length >= 2) out.push([...chosen]);
      return;
    }
    const lowest = left & -left;
    for (const c of candidates) {
      if ((c.lines & lowest) === 0n || (c.lines & ~left) !== 0n) continue;
      chosen.push(c);
      go(left & ~c.lines);
      chosen.pop();
    }
  };
  go(target);
  return out;
}

/** Whether no two or more parts (but not all) together make another quantity: the coarsest way of splitting. */
function coarsest(parts: readonly Same[], known: ReadonlySet<bigint>): boolean {
  const k = parts.length;
  if (k > 12) return false;
  for (let s = 1; s < (1 << k) - 1; s++) {
    if ((s & (s - 1)) === 0) continue;
    let union = 0n;
    for (let i = 0; i < k; i++) if (s & (1 << i)) union |= parts[i].lines;
    if (known.has(union)) return false;
  }
  return true;
}

/**
 * The cross-table relations among the figures: `exact` ones (the same lines printed twice: equal to the last
 * printed digit) and `rounded` ones (equal but for lines known to be zero, and sums), held within the
 * rounding of the table's unit. A relation the tables already state (`stated`: a column sum, a tree, a
 * declared sum) is not derived again.
 */
export function crossRelations(
  figures: readonly Figure[],
  units: ReadonlyMap<number, string>,
  zero: { trees: readonly PrintedTree[]; absent: bigint },
  stated: readonly Relation[],
): { exact: Relation[]; rounded: Relation[] } {
  const exact: Relation[] = [];
  const rounded: Relation[] = [];
  const unitOf = (f: Figure) => units.get(f.table) ?? '元';

  // the same lines, as printed
  const byLines = new Map<string, Figure[]>();
  for (const f of figures) {
    if (!f.lines) continue;
    const key = `${unitOf(f)}|${f.lines.row}|${f.lines.atoms.toString(16)}`;
    byLines.set(key, [...(byLines.get(key) ?? []), f]);
  }
  const quantities = [...byLines.values()].map(quantity);
  for (const q of quantities) {
    for (const f of q.figures) if (f.value !== q.rep.value) exact.push(equal(f, q.rep, ''));
  }

  // lines known to be zero
  let zeroEverywhere = zero.absent;
  for (const q of quantities) if (q.rep.lines!.row === WHOLE && q.rep.value === 0) zeroEverywhere |= q.rep.lines!.atoms;
  const zeroAt = (row: string): bigint => {
    let z = zeroEverywhere;
    const [f, e] = row.split('/');
    const [kind, code] = f ? (['function', f] as const) : (['economic', e] as const);
    if (!code) return z;
    for (const t of zero.trees) if (t.kind === kind && CODE_LEVELS[kind].slice(0, t.depth).includes(code.length) && !t.codes.has(code)) z |= t.atoms;
    return z;
  };

  // quantities with the same lines but for zeros are one
  const sames = new Map<string, Same>();
  const sameOf = new Map<Figure, Same | 'zero'>();
  const zeros = new Map<string, bigint>();
  for (const q of quantities) {
    const { row, atoms } = q.rep.lines!;
    if (!zeros.has(row)) zeros.set(row, zeroAt(row));
    const lines = atoms & ~zeros.get(row)!;
    if (lines === 0n) {
      for (const f of q.figures) sameOf.set(f, 'zero');
      continue;
    }
    const key = `${unitOf(q.rep)}|${row}|${lines.toString(16)}`;
    let s = sames.get(key);
    if (!s) sames.set(key, (s = { id: sames.size, lines, quantities: [], rep: q.rep }));
    s.quantities.push(q);
    for (const f of q.figures) sameOf.set(f, s);
  }

  // what the tables already state (a column sum, a tree, a declared sum) is not derived again: two figures stated
  // equal (the rest of their relation zero), a sum of the same quantities
  const signature = (total: { id: number }, parts: readonly { id: number }[]) => `${total.id}=${parts.map((p) => p.id).sort((a, b) => a - b).join('+')}`;
  const known = new Set<string>();
  const knownPairs = new Set<string>();
  const pair = (a: Figure, b: Figure) => [a, b].map((f) => `${f.table}|${f.row}|${f.column}`).sort().join('=');
  for (const r of stated) {
    const total = sameOf.get(r.total);
    const parts = r.parts.map((p) => sameOf.get(p));
    if (!total || total === 'zero' || parts.some((p) => p === undefined)) continue;
    known.add(signature(total, parts.filter((p): p is Same => p !== 'zero')));
    const nonZero = r.parts.filter((p) => sameOf.get(p) !== 'zero');
    if (nonZero.length === 1) knownPairs.add(pair(r.total, nonZero[0]));
  }

  const buckets = new Map<string, Same[]>();
  for (const s of sames.values()) {
    const main = [...s.quantities].sort((a, b) => b.figures.length - a.figures.length)[0];
    s.rep = main.rep;
    for (const q of s.quantities) {
      if (q !== main && !knownPairs.has(pair(q.rep, main.rep))) rounded.push(equal(q.rep, s.rep, '（其余来源或科目为零）'));
    }
    const bucket = `${unitOf(s.rep)}|${s.rep.lines!.row}`;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), s]);
  }

  // a quantity split into quantities printed elsewhere on its row
  for (const bucket of buckets.values()) {
    const all = new Set(bucket.map((s) => s.lines));
    for (const total of bucket) {
      const inside = bucket.filter((s) => s !== total && (s.lines & ~total.lines) === 0n);
      for (const parts of partitions(total.lines, inside)) {
        if (!coarsest(parts, all) || known.has(signature(total, parts))) continue;
        known.add(signature(total, parts));
        rounded.push({ rule: 'T-CROSS', total: total.rep, parts: parts.map((p) => p.rep), what: `等于${parts.map((p) => where(p.rep)).join('、')}之和` });
      }
    }
  }
  return { exact, rounded };
}
