import { measureKey } from '../measures';
import type { FundSource, MeasureKey, Workbook } from '../model';
import type { Fen } from '../money';
import { procurementFigures } from '../narrative/otherSections';
import { readSentences, type ChangePhraseRead, type PrintedNumber, type SentenceRead, type StatedFigure } from '../narrative/sentenceReader';
import { readPrintedAmount } from './printedAmount';
import { codeKind, identifyTable, isTotalLabel, joinCode, norm, readColumns, stripNumbering, type PublishedTableInput } from './readTables';
import { finding, type CheckFinding } from './rules';
import { TEMPLATES } from '../templates/registry';
import { locateFigure, narrativeFigureKey, narrativeFigures } from '../templates/narrativeCells';
import type { Template } from '../templates/types';
import { recogniseTables, recogniseTemplate } from './templateRules';

/** The figures of a publication's tables that its text can state, in 分, by measure key. */
export interface TextFacts {
  year?: number;
  figures: Map<MeasureKey, Fen>;
  /** 功能分类 names (of 类, 款 and 项 funded by 财政拨款) → measure key; a name of two codes is left out. */
  names: Map<string, MeasureKey>;
  /** What each measure is called in a message. */
  labels: Map<MeasureKey, string>;
}

/** 政府采购 parts, keyed as the text states them; they are checked against their total, and against entered figures when known. */
export const procurementKey = {
  total: 'procurement:total',
  goods: 'procurement:goods',
  works: 'procurement:works',
  services: 'procurement:services',
  smeReserved: 'procurement:smeReserved',
  smallMicro: 'procurement:smallMicro',
} as const;

/** The figures of a text only a workbook knows (政府采购), for `checkText`. */
export function workbookOnlyFigures(wb: Workbook): Map<MeasureKey, Fen> {
  const p = procurementFigures(wb);
  return new Map<MeasureKey, Fen>([
    [procurementKey.total, p.goods + p.works + p.services],
    [procurementKey.goods, p.goods],
    [procurementKey.works, p.works],
    [procurementKey.services, p.services],
    [procurementKey.smeReserved, p.smeReserved],
    ...(p.smallMicro === undefined ? [] : [[procurementKey.smallMicro, p.smallMicro] as [MeasureKey, Fen]]),
  ]);
}

/** How the text names each figure, tried in order on the label with years, 本部门 / 本单位 and 其中 taken out. */
const VOCABULARY: [RegExp, MeasureKey][] = [
  [/^(?:面向)?中小企业预留(?:政府采购)?(?:项目)?预算$/u, procurementKey.smeReserved],
  [/(?:小型和微型|小微)企业/u, procurementKey.smallMicro],
  [/^政府采购货物(?:预算)?$/u, procurementKey.goods],
  [/^政府采购工程(?:预算)?$/u, procurementKey.works],
  [/^政府采购服务(?:预算)?$/u, procurementKey.services],
  [/^政府采购(?:预算)?$/u, procurementKey.total],
  [/^(?:财政拨款)?机关运行经费(?:预算数?)?$/u, measureKey.officeExpenses],
  [/^“?三公”?经费(?:预算数?)?$/u, measureKey.sanGongTotal],
  [/^因公出国[（(]境[）)]费$/u, measureKey.sanGong('abroad')],
  [/^公务用车购置及运行(?:维护)?费$/u, measureKey.vehicles],
  [/^公务用车购置费$/u, measureKey.sanGong('vehiclePurchase')],
  [/^公务用车运行(?:维护)?费$/u, measureKey.sanGong('vehicleOperation')],
  [/^公务接待费$/u, measureKey.sanGong('reception')],
  [/^(?:部门)?(?:收入|支出|收支)(?:预算)?(?:总计|总额)?$/u, measureKey.total],
  [/^财政拨款(?:收入|支出)?(?:预算)?$/u, measureKey.fiscal],
  [/^一般公共预算(?:财政)?拨款(?:收入|支出)?(?:预算)?$/u, measureKey.source('一般公共预算财政拨款')],
  [/^政府性基金(?:预算)?(?:财政)?拨款(?:收入|支出)?(?:预算)?$/u, measureKey.source('政府性基金预算财政拨款')],
  [/^国有资本经营预算(?:财政)?拨款(?:收入|支出)?(?:预算)?$/u, measureKey.source('国有资本经营预算财政拨款')],
  [/^事业收入$/u, measureKey.source('事业收入')],
  [/^事业单位经营收入$/u, measureKey.source('事业单位经营收入')],
  [/^其他收入$/u, measureKey.source('其他收入')],
];

/** A label as the vocabulary reads it. */
function bareLabel(label: string): string {
  return norm(label)
    .replace(/\d{4}年度?/gu, '')
    .replace(/^(?:其中|此外|另外)/u, '')
    .replace(/本部门|本单位|下属.*?单位/gu, '')
    .replace(/(?:预算数|预算)?(?:为|是)$/u, (m) => (m.startsWith('预算') ? '预算' : ''));
}

function placeFigure(facts: TextFacts, figure: StatedFigure): MeasureKey | undefined {
  const label = bareLabel(figure.label);
  const named = facts.names.get(stripNumbering(label));
  if (named) return named;
  if (!figure.withUnit) return undefined;
  return VOCABULARY.find(([test]) => test.test(label))?.[1];
}

// ——— the facts, read from the tables by their headings ———

function amountOf(cell: string | undefined, wan: boolean): Fen | undefined {
  const a = readPrintedAmount(cell ?? '');
  if (a.status !== 'ok') return undefined;
  return wan ? a.value * 10_000 : a.value;
}

const TABLE1_SOURCES: [RegExp, MeasureKey][] = [
  [/^财政拨款(?:收入)?$/u, measureKey.fiscal],
  [/^(?:公共财政预算资金|一般公共预算(?:资金|财政拨款|拨款)?)$/u, measureKey.source('一般公共预算财政拨款')],
  [/^政府性基金(?:预算)?(?:资金|财政拨款|拨款)?$/u, measureKey.source('政府性基金预算财政拨款')],
  [/^国有资本经营预算(?:资金|财政拨款|拨款)?$/u, measureKey.source('国有资本经营预算财政拨款')],
  ...(['事业收入', '事业单位经营收入', '其他收入'] as FundSource[]).map((s): [RegExp, MeasureKey] => [new RegExp(`^${s}$`, 'u'), measureKey.source(s)]),
];

/** The figures a text can state, from the nine tables (as published, or as derived). */
export function textFacts(tables: readonly PublishedTableInput[]): TextFacts {
  const facts: TextFacts = { figures: new Map(), names: new Map(), labels: new Map() };
  const set = (key: MeasureKey, fen: Fen | undefined) => {
    if (fen !== undefined && !facts.figures.has(key)) facts.figures.set(key, fen);
  };
  const byCode = new Map<string, { name: string; fen: Fen }>();
  const ambiguous = new Set<string>();
  for (const table of tables) {
    const no = table.id ?? identifyTable(table.title);
    const year = /(\d{4})\s*年/u.exec(table.title);
    if (year && facts.year === undefined) facts.year = Number(year[1]);
    const wan = norm(table.unit ?? '').includes('万元');
    const columns = readColumns(table.columns);
    if (no === 1 || no === 4) {
      // the income side: a label column and its amount to the right
      const label = columns.find((c) => c.role === 'text');
      const amount = columns.find((c) => c.role === 'amount' && label && c.index > label.index);
      if (!label || !amount) continue;
      for (const row of table.rows) {
        const text = stripNumbering(row[label.index] ?? '');
        const fen = amountOf(row[amount.index], wan);
        if (isTotalLabel(text)) set(no === 1 ? measureKey.total : measureKey.fiscal, fen);
        const source = TABLE1_SOURCES.find(([test]) => test.test(text));
        if (source) set(source[1], fen);
      }
    }
    if (no === 5 || no === 6 || no === 7) {
      const codes = columns.filter((c) => c.role === 'code');
      const name = columns.find((c) => c.role === 'text');
      const total = columns.find((c) => c.role === 'amount');
      if (!name || !total) continue;
      for (const row of table.rows) {
        const code = joinCode(codes.map((c) => row[c.index] ?? ''), codeKind(no));
        const fen = amountOf(row[total.index], wan);
        if (!code || fen === undefined) continue;
        const was = byCode.get(code);
        byCode.set(code, { name: norm(row[name.index] ?? ''), fen: (was?.fen ?? 0) + fen });
      }
    }
    if (no === 9) {
      const row = table.rows[0] ?? [];
      for (const c of columns) {
        const fen = amountOf(row[c.index], wan);
        const seg = c.segments.join('');
        if (seg.includes('机关运行')) set(measureKey.officeExpenses, fen);
        else if (c.last === '合计') set(measureKey.sanGongTotal, fen);
        else if (seg.includes('出国')) set(measureKey.sanGong('abroad'), fen);
        else if (seg.includes('接待')) set(measureKey.sanGong('reception'), fen);
        else if (c.last === '小计') set(measureKey.vehicles, fen);
        else if (c.last.includes('购置')) set(measureKey.sanGong('vehiclePurchase'), fen);
        else if (c.last.includes('运行')) set(measureKey.sanGong('vehicleOperation'), fen);
      }
    }
  }
  for (const [code, { name, fen }] of byCode) {
    const key = measureKey.fiscalFunction(code);
    facts.figures.set(key, fen);
    facts.labels.set(key, name);
    if (facts.names.has(name)) ambiguous.add(name);
    facts.names.set(name, key);
  }
  for (const name of ambiguous) facts.names.delete(name);
  return facts;
}

/**
 * The figures a text can state under a template that declares its narrative: each declared figure
 * from the cell that prints it (found as the 编制说明 finds it), known by its label; the figures of
 * 其他相关情况说明 from their declared cells; the 类 of the declared function table by name.
 */
export function templateTextFacts(template: Template, tables: readonly PublishedTableInput[]): TextFacts {
  const facts: TextFacts = { figures: new Map(), names: new Map(), labels: new Map() };
  const narrative = template.narrative;
  const byNumber = new Map([...recogniseTables(template, tables)].map(([table, spec]) => [spec.number, { table, spec }]));
  for (const { table } of byNumber.values()) {
    const year = /(\d{4})\s*年/u.exec(table.title);
    if (year && facts.year === undefined) facts.year = Number(year[1]);
  }
  const wan = (table: PublishedTableInput) => norm(table.unit ?? '').includes('万元');
  for (const f of narrative ? narrativeFigures(narrative) : []) {
    const at = byNumber.get(f.table);
    const cell = at && locateFigure(at.spec, at.table.columns, at.table.rows, f);
    const fen = cell && amountOf(at.table.rows[cell.row][cell.column], wan(at.table));
    if (fen === undefined) continue;
    const key = narrativeFigureKey(f);
    facts.figures.set(key, fen);
    facts.labels.set(key, f.label);
    facts.names.set(stripNumbering(bareLabel(f.label)), key);
  }
  for (const f of narrative?.sectionFigures ?? []) {
    const at = byNumber.get(f.table);
    const cell = at && locateFigure(at.spec, at.table.columns, at.table.rows, f);
    const fen = cell && amountOf(at.table.rows[cell.row][cell.column], wan(at.table));
    if (fen !== undefined) facts.figures.set(f.key, fen);
  }
  const classes = narrative?.classes && byNumber.get(narrative.classes.table);
  if (classes) {
    const { table, spec } = classes;
    const code = table.columns.indexOf(spec.columns.find((c) => c.type === 'code')?.key ?? '');
    const name = table.columns.indexOf(spec.columns.find((c) => c.type === 'text')?.key ?? '');
    const amount = table.columns.indexOf(narrative.classes!.column);
    for (const row of table.rows) {
      const c = norm(row[code] ?? '');
      const fen = amountOf(row[amount], wan(table));
      if (!/^\d{3}$/u.test(c) || fen === undefined || name < 0) continue;
      const key = measureKey.fiscalFunction(c);
      facts.figures.set(key, fen);
      facts.labels.set(key, norm(row[name] ?? ''));
      facts.names.set(norm(row[name] ?? ''), key);
    }
  }
  return facts;
}

/**
 * The figures a publication's text is checked against: by its template's declared narrative when
 * the template (asked for, or recognised from the titles) has one, else as the nine tables print them.
 */
export function publicationTextFacts(tables: readonly PublishedTableInput[], asked?: Template): TextFacts {
  const template = asked ?? recogniseTemplate(TEMPLATES, tables);
  return template?.narrative ? templateTextFacts(template, tables) : textFacts(tables);
}

// ——— the rules ———

/** The table's figure rounded half up to the decimals the text printed, scaled as the text's number. */
function rounded(fen: Fen, decimals: number): bigint {
  const unit = 10n ** BigInt(6 - Math.min(decimals, 6));
  const abs = BigInt(Math.abs(fen));
  const r = (abs + unit / 2n) / unit;
  return fen < 0 ? -r : r;
}

function show(value: bigint, decimals: number): string {
  const neg = value < 0n;
  const digits = (neg ? -value : value).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  return `${neg ? '-' : ''}${int}${decimals > 0 ? `.${digits.slice(-decimals)}` : ''}`;
}

/** A printed number in 分 as a range: what any figure that prints so may be (half a last digit either way). */
function range(n: PrintedNumber): [bigint, bigint] {
  const unit = 10n ** BigInt(6 - Math.min(n.decimals, 6));
  const centre = n.scaled * unit;
  return [centre - unit / 2n, centre + unit / 2n];
}

function quote(s: SentenceRead): string {
  return `“${s.text}”`;
}

/**
 * Checks a publication's explanatory text against its tables: each 万元 figure it can place equals
 * the tables' figure rounded as printed; each change phrase agrees with itself (sign, amount with a
 * prior-year figure the text states, percentage, no growth on a zero base); the standard wording; one
 * value for the same figure; and the year compared with. Each finding quotes the sentence.
 */
export function checkText(text: string, facts: TextFacts, extra: ReadonlyMap<MeasureKey, Fen> = new Map()): CheckFinding[] {
  const out: CheckFinding[] = [];
  const stated = new Map<MeasureKey, { n: PrintedNumber; s: SentenceRead }>();
  const known = new Map([...facts.figures, ...extra]);
  const procurement = new Map<MeasureKey, PrintedNumber>();
  for (const s of readSentences(text)) {
    for (const odd of s.oddWording) {
      const fix = odd.startsWith('比') ? `应写“${odd.replace(/^比/u, '与')}”` : `“${odd}”重复，应只写一次`;
      out.push(finding('X-WORDING', `${quote(s)}：“${odd}”不是规范用语，${fix}`, { sentence: s.text }));
    }
    for (const { figure, changes } of s.figures) {
      const key = placeFigure(facts, figure);
      if (key) {
        const fen = known.get(key);
        const label = facts.labels.get(key) ?? figure.label;
        if (fen !== undefined && rounded(fen, figure.amount.decimals) !== figure.amount.scaled) {
          out.push(
            finding('X-FIGURE', `${quote(s)}：${label}写作 ${figure.amount.text} 万元，表中为 ${show(rounded(fen, figure.amount.decimals), figure.amount.decimals)} 万元；请按表改正`, { sentence: s.text }),
          );
        }
        const before = stated.get(key);
        if (before && !sameFigure(before.n, figure.amount)) {
          out.push(finding('X-REPEAT', `${quote(s)}：${label}写作 ${figure.amount.text} 万元，而前文${quote(before.s)}写作 ${before.n.text} 万元；同一数字应前后一致`, { sentence: s.text }));
        } else if (!before) stated.set(key, { n: figure.amount, s });
        if (key.startsWith('procurement:')) procurement.set(key, figure.amount);
      }
      for (const change of changes) out.push(...checkChange(s, figure, change, facts.year));
    }
  }
  const total = procurement.get(procurementKey.total);
  const parts = [procurementKey.goods, procurementKey.works, procurementKey.services].map((k) => procurement.get(k));
  if (total && parts.every((p) => p !== undefined)) {
    const [lo, hi] = range(total);
    const sums = parts.reduce((acc, p) => {
      const [a, b] = range(p!);
      return [acc[0] + a, acc[1] + b];
    }, [0n, 0n]);
    if (sums[1] < lo || sums[0] > hi) {
      out.push(finding('X-FIGURE', `政府采购预算 ${total.text} 万元，而货物、工程、服务三项为 ${parts.map((p) => p!.text).join('、')} 万元，合计不等于总数；请核对`, {}));
    }
  }
  return out;
}

/** Two printings of one figure agree when each could be the other rounded. */
function sameFigure(a: PrintedNumber, b: PrintedNumber): boolean {
  const [alo, ahi] = range(a);
  const [blo, bhi] = range(b);
  return alo <= bhi && blo <= ahi;
}

function checkChange(s: SentenceRead, figure: StatedFigure, change: ChangePhraseRead, year: number | undefined): CheckFinding[] {
  const out: CheckFinding[] = [];
  if (change.year !== undefined && year !== undefined && change.year !== year - 1) {
    out.push(finding('X-YEAR', `${quote(s)}：${year} 年的预算应与 ${year - 1} 年比较，此处写的是 ${change.year} 年`, { sentence: s.text }));
  }
  const { amount, percent } = change;
  if (change.previous && figure.withUnit) {
    // last year's figure stated: the direction and the amount follow from the two figures
    const [clo, chi] = range(figure.amount);
    const [plo, phi] = range(change.previous);
    const could = { 增加: chi > plo, 减少: clo < phi, 持平: clo <= phi && plo <= chi }[change.direction];
    const diffOk = !amount || (() => {
      const [dlo, dhi] = range(amount);
      const lo = change.direction === '增加' ? clo - phi : plo - chi;
      const hi = change.direction === '增加' ? chi - plo : phi - clo;
      return dlo <= hi && lo <= dhi;
    })();
    if (!could || !diffOk) {
      out.push(finding('X-CHANGE', `${quote(s)}：本年 ${figure.amount.text} 万元、上年 ${change.previous.text} 万元，与“${change.direction}${amount ? ` ${amount.text} 万元` : ''}”不符`, { sentence: s.text }));
      return out;
    }
  }
  if (change.direction === '持平') {
    if ((amount && amount.scaled !== 0n) || (percent && percent.scaled !== 0n)) out.push(finding('X-CHANGE', `${quote(s)}：写“持平”却又写了增减额或增减幅度`, { sentence: s.text }));
    return out;
  }
  if (amount && amount.scaled === 0n) {
    out.push(finding('X-CHANGE', `${quote(s)}：增减额为 0，应写“与上年预算持平”`, { sentence: s.text }));
    return out;
  }
  if (!figure.withUnit) return out;
  // last year's figure the text itself implies: this year's less the change (plus it, for a fall)
  const sign = change.direction === '增加' ? 1n : -1n;
  if (percent && amount) {
    const [clo, chi] = range(figure.amount);
    const [dlo, dhi] = range(amount);
    const priorLo = sign > 0n ? clo - dhi : clo + dlo;
    const priorHi = sign > 0n ? chi - dlo : chi + dhi;
    if (priorHi <= 0n) {
      out.push(finding('X-CHANGE', `${quote(s)}：上年为零（本年 ${figure.amount.text} 万元即增加额），不能写增长百分比`, { sentence: s.text }));
      return out;
    }
    // the percentage any figures that print so could give: change / prior, over their ranges
    const scale = 10n ** BigInt(percent.decimals);
    const pct = (d: bigint, p: bigint) => (p <= 0n ? null : (d * 100n * scale * 2n + p) / (2n * p));
    const lowest = pct(dlo, priorHi > 0n ? priorHi : 1n);
    const highest = pct(dhi, priorLo > 0n ? priorLo : 1n);
    if (lowest !== null && highest !== null && (percent.scaled < lowest || (priorLo > 0n && percent.scaled > highest))) {
      out.push(
        finding('X-CHANGE', `${quote(s)}：${change.direction} ${amount.text} 万元对上年 ${show((priorLo + priorHi) / 2n / 10_000n, 2)} 万元是 ${show(lowest, percent.decimals)}%，不是 ${percent.text}%`, { sentence: s.text }),
      );
    }
  }
  return out;
}
