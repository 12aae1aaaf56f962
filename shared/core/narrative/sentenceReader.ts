/**
 * A small reader of a publication's explanatory text: it finds the sentences (split at 。 ； and line
 * ends), and in each the figures stated in 万元 with what they are of, and the year-on-year phrases.
 * It reads the styles real publications use: “收入预算 875.96 万元” or “收入预算876万元”,
 * “比2025年预算增加”, “较上年增长5.40%”, and items listed as “专项普查活动43.83；群众团体事务42.29”.
 * Lines of a table (tab-separated) are not text.
 */

/** A number as printed: its digits scaled to an integer, and how many decimals it has. */
export interface PrintedNumber {
  /** The number × 10^decimals, exactly. */
  scaled: bigint;
  decimals: number;
  text: string;
}

/** A figure the text states: “公务接待费0.29万元” is { label: '公务接待费', amount: 0.29 }. */
export interface StatedFigure {
  label: string;
  amount: PrintedNumber;
  /** Whether the figure was printed with 万元 (an item of a list may leave it out). */
  withUnit: boolean;
}

/** A year-on-year phrase: “比上年预算增加0.10万元”, “与2023年预算持平”, “较上年增长5.40%”. */
export interface ChangePhraseRead {
  text: string;
  /** 比 / 较 / 与. */
  word: string;
  /** The year it compares with, when printed as a year (比2023年); undefined for 上年. */
  year?: number;
  direction: '增加' | '减少' | '持平';
  /** Last year's figure, when the phrase states it (“比上年预算数3.50万元减少0.51万元”). */
  previous?: PrintedNumber;
  amount?: PrintedNumber;
  percent?: PrintedNumber;
}

export interface SentenceRead {
  /** The sentence as printed, without its list numbering and the stop that ends it. */
  text: string;
  /** Each figure, with the change phrases that follow it in the sentence. */
  figures: { figure: StatedFigure; changes: ChangePhraseRead[] }[];
  /** Wording the publications never use (比…持平, 增加增加), as printed. */
  oddWording: string[];
}

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const DIRECTION: Record<string, ChangePhraseRead['direction']> = { 增加: '增加', 增长: '增加', 上升: '增加', 减少: '减少', 下降: '减少', 降低: '减少', 持平: '持平' };
const CHANGE = new RegExp(
  String.raw`(比|较|与)(上年|上年度|(\d{4})年度?)(?:同期)?(?:预算数?|预算)?(?:${NUMBER}万元)?(?:相比)?(增加|增长|上升|减少|下降|降低|持平)(?:了)?(?:${NUMBER}(万元|%))?`,
  'u',
);
const PERCENT_ONLY = new RegExp(String.raw`^(增长|下降|增加|减少|上升|降低)(?:了)?${NUMBER}%$`, 'u');
const AMOUNT_ONLY = new RegExp(String.raw`^(增长|下降|增加|减少|上升|降低)(?:了)?${NUMBER}万元$`, 'u');
const FIGURE = new RegExp(String.raw`^(.*?)(?:为|是)?${NUMBER}(万元)?$`, 'u');
const NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])\s*/u;

function printed(int: string, frac: string | undefined): PrintedNumber {
  const digits = int.replace(/,/g, '') + (frac ?? '');
  const text = frac === undefined ? int : `${int}.${frac}`;
  // The publications print nothing as a bare “0” (and 2.70 for 2.7): it is read as 0.00, not as “less than 0.5”.
  if (frac === undefined && BigInt(digits) === 0n) return { scaled: 0n, decimals: 2, text };
  return { scaled: BigInt(digits), decimals: frac?.length ?? 0, text };
}

/** The text compared without spacing: “比 2023 年预算增加 65.41 万元” reads as “比2023年预算增加65.41万元”. */
function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, '');
}

function readChange(clause: string): ChangePhraseRead | undefined {
  const m = CHANGE.exec(clause);
  if (!m) return undefined;
  const [text, word, , year, prevInt, prevFrac, dir, int, frac, unit] = m;
  const amount = int === undefined ? undefined : printed(int, frac);
  return {
    text,
    word,
    ...(year ? { year: Number(year) } : {}),
    direction: DIRECTION[dir],
    ...(prevInt === undefined ? {} : { previous: printed(prevInt, prevFrac) }),
    ...(amount && unit === '万元' ? { amount } : {}),
    ...(amount && unit === '%' ? { percent: amount } : {}),
  };
}

/** Reads one sentence: its clauses (split at ， and 、) in order, figures and the changes after them. */
function readSentence(raw: string): SentenceRead | undefined {
  const text = raw.trim().replace(NUMBERING, '').trim();
  if (text === '') return undefined;
  const sentence: SentenceRead = { text, figures: [], oddWording: [] };
  const flat = compact(text);
  for (const m of flat.matchAll(/比(?:上年|\d{4}年)(?:预算数?)?(?:[\d,.]+万元)?持平|(增加|减少)\1/gu)) sentence.oddWording.push(m[0]);
  for (const clause of flat.split(/[，、：:]|,(?!\d{3})/u)) {
    if (clause === '') continue;
    const last = sentence.figures.at(-1);
    const prior = last?.changes.at(-1);
    const change = readChange(clause);
    // “比上年增加5.00万元，增长5.40%” and “较上年增长5.40%，增加5.00万元” are one change
    if (change && prior && change.amount === undefined && change.percent !== undefined && prior.percent === undefined && prior.direction === change.direction) {
      prior.percent = change.percent;
      continue;
    }
    if (change) {
      last?.changes.push(change);
      continue;
    }
    const pct = PERCENT_ONLY.exec(clause);
    if (pct) {
      if (prior && prior.percent === undefined) prior.percent = printed(pct[2], pct[3]);
      continue;
    }
    const amount = AMOUNT_ONLY.exec(clause);
    if (amount) {
      if (prior && prior.amount === undefined) prior.amount = printed(amount[2], amount[3]);
      continue;
    }
    const fig = FIGURE.exec(clause);
    if (fig && fig[1] !== '' && !/\d$/u.test(fig[1])) {
      sentence.figures.push({ figure: { label: fig[1].replace(/(?:为|是)$/u, ''), amount: printed(fig[2], fig[3]), withUnit: fig[4] !== undefined }, changes: [] });
    }
  }
  return sentence;
}

/** The sentences of a text, in order; the rows of tables (lines with tabs) are left out. */
export function readSentences(text: string): SentenceRead[] {
  const out: SentenceRead[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.includes('\t')) continue;
    for (const part of line.split(/[。；;]/u)) {
      const s = readSentence(part);
      if (s) out.push(s);
    }
  }
  return out;
}
