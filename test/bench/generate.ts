import { BUILTIN_CATALOGS, leafLength, type CatalogKind } from '../../shared/core/catalog/catalog';
import type { Fen } from '../../shared/core/money';
import { newWorkbook, type BudgetUnit, type ExpenditureKind, type FundSource, type LineItem, type UnitType, type Workbook } from '../../shared/core/model';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). The same seed gives the same workbook. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

/** Draws items with fixed weights: cumulative weights and a binary search. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
  }
  draw(random: Random): T {
    const x = random() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Zipf-like: the given favourites first, the rest in a seeded order; weight 1 / (rank + 1)^s. */
function zipf(codes: readonly string[], favourites: readonly string[], s: number, random: Random): Weighted<string> {
  if (codes.length === 0) throw new Error('no catalog codes to draw from');
  const known = favourites.filter((c) => codes.includes(c));
  const ranked = [...known, ...shuffled(codes.filter((c) => !known.includes(c)), random)];
  return new Weighted(ranked, ranked.map((_, r) => 1 / (r + 1) ** s));
}

const leaves = (kind: CatalogKind, prefix = '') =>
  [...BUILTIN_CATALOGS[kind].entries.keys()].filter((c) => c.length === leafLength(kind) && c.startsWith(prefix)).sort();

/** The codes every district budget is full of: 行政运行, 事业运行, 养老保险, 医疗保险, 住房公积金, 城乡社区. */
const COMMON_FUNCTION_CODES = ['2080505', '2101102', '2210201', '2120199', '2010301', '2080506', '2101101', '2120101', '2050201', '2050202'];
const COMMON_PERSONNEL = ['30101', '30102', '30107', '30108', '30110', '30113', '30109', '30112', '30103', '30199'];
const COMMON_GOODS = ['30201', '30299', '30211', '30213', '30206', '30209', '30227', '30228', '30216', '30205', '30207', '30226', '30215', '30231', '30217'];
const COMMON_PROJECT = ['30227', '30226', '30299', '30213', '30201', '31002', '30218', '30209', '31099', '30203'];
const PROJECT_STEMS = ['信息化系统运维', '专项业务经费', '设施设备维护', '课题研究', '宣传培训', '委托服务', '设备购置', '城管通服务费', '安全生产监管', '应急物资储备'];

const SOURCES_BASIC = new Weighted<FundSource>(['一般公共预算财政拨款', '事业收入', '其他收入', '政府性基金预算财政拨款'], [92, 5, 2, 1]);
const SOURCES_PROJECT = new Weighted<FundSource>(
  ['一般公共预算财政拨款', '政府性基金预算财政拨款', '事业收入', '其他收入', '事业单位经营收入', '国有资本经营预算财政拨款'],
  [75, 12, 6, 4, 2, 1],
);
const UNIT_TYPE_DRAW = new Weighted<UnitType>(['行政单位', '参照公务员法管理的事业单位', '事业单位'], [6, 9, 85]);

/** A standard normal deviate (Box–Muller). */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Log-normal amount around `medianYuan`, in whole 元 mostly and to the 分 one time in ten. */
function amountFen(random: Random, medianYuan: number, sigma: number): Fen {
  const yuan = Math.max(1, Math.round(medianYuan * Math.exp(sigma * normal(random))));
  return yuan * 100 + (random() < 0.1 ? Math.floor(random() * 100) : 0);
}

interface UnitProfile {
  unit: BudgetUnit;
  functionCodes: Weighted<string>;
  projects: string[];
}

/**
 * A realistic department (or consolidation of departments) of `lineCount` lines: about one unit per
 * 300 lines (at least three), a few 行政单位 / 参公 and mostly 事业单位, unit sizes and catalog
 * codes drawn with Zipf-like frequencies, ~70% 基本支出 / 30% 项目支出, sources mostly
 * 一般公共预算财政拨款, log-normal amounts in integer 分 (301 carries most money, 302 most lines).
 */
export function generateWorkbook(lineCount: number, seed = 20250101): Workbook {
  const random = mulberry32(seed);
  const functionDraw = zipf(leaves('function'), COMMON_FUNCTION_CODES, 1.1, random);
  const personnel = zipf(leaves('economic', '301'), COMMON_PERSONNEL, 0.9, random);
  const goods = zipf(leaves('economic', '302'), COMMON_GOODS, 1.0, random);
  const otherBasic = zipf([...leaves('economic', '303'), ...leaves('economic', '310')], ['30302', '30305', '31002'], 1.0, random);
  const fundCodes = zipf(['21208', '21210', '21211', '21213', '2296'].flatMap((p) => leaves('function', p)), ['2120803', '2120899', '2120801'], 1.2, random);
  const stateCapitalCodes = zipf(leaves('function', '223'), [], 1.2, random);
  const projectCodes = zipf([...leaves('economic', '302'), ...leaves('economic', '310'), ...leaves('economic', '312')], COMMON_PROJECT, 1.0, random);

  const unitCount = Math.max(3, Math.round(lineCount / 300));
  const unitWeights = Array.from({ length: unitCount }, (_, r) => 1 / (r + 1) ** 0.5);
  const weightSum = unitWeights.reduce((a, b) => a + b, 0);
  const profiles: UnitProfile[] = unitWeights.map((weight, u) => {
    const type: UnitType = u === 0 ? '行政单位' : UNIT_TYPE_DRAW.draw(random);
    const name = u === 0 ? '本级' : `所属单位${String(u).padStart(4, '0')}`;
    // a unit works in a few 项, more when it is large
    const expectedLines = (lineCount * weight) / weightSum;
    const codeCount = Math.min(80, 3 + Math.floor(random() * 10) + Math.round(expectedLines / 40));
    const codes = [...new Set(Array.from({ length: codeCount }, () => functionDraw.draw(random)))];
    const projectCount = 1 + Math.round((expectedLines * 0.3) / (2 + random() * 6));
    const projects = Array.from({ length: projectCount }, (_, k) => `${PROJECT_STEMS[Math.floor(random() * PROJECT_STEMS.length)]}（${name}-${k + 1}）`);
    return { unit: { name, type }, functionCodes: new Weighted(codes, codes.map((_, r) => 1 / (r + 1))), projects };
  });
  const unitDraw = new Weighted(profiles, unitWeights);

  const wb = newWorkbook('基准测试部门', 2025);
  wb.units = profiles.map((p) => p.unit);
  const seen = new Set<string>();
  for (let id = 1; id <= lineCount; id++) {
    const profile = unitDraw.draw(random);
    const kind: ExpenditureKind = random() < 0.7 ? '基本支出' : '项目支出';
    let line: LineItem | undefined;
    // redraw a few times when the same unit / codes / kind / source / project already has a line
    for (let attempt = 0; attempt < 8 && !line; attempt++) {
      const candidate = drawLine(random, id, kind, profile, { functionDraw: profile.functionCodes, fundCodes, stateCapitalCodes, personnel, goods, otherBasic, projectCodes });
      const key = `${candidate.unit}|${candidate.functionCode}|${candidate.economicCode}|${candidate.kind}|${candidate.source}|${candidate.project}`;
      if (!seen.has(key) || attempt === 7) {
        seen.add(key);
        line = candidate;
      }
    }
    wb.lines.push(line!);
  }
  return wb;
}

interface CodeDraws {
  functionDraw: Weighted<string>;
  /** 政府性基金 and 国有资本经营预算 money is spent only under their own 项. */
  fundCodes: Weighted<string>;
  stateCapitalCodes: Weighted<string>;
  personnel: Weighted<string>;
  goods: Weighted<string>;
  otherBasic: Weighted<string>;
  projectCodes: Weighted<string>;
}

function drawLine(random: Random, id: number, kind: ExpenditureKind, profile: UnitProfile, draws: CodeDraws): LineItem {
  let source = (kind === '基本支出' ? SOURCES_BASIC : SOURCES_PROJECT).draw(random);
  if (source === '事业单位经营收入' && profile.unit.type !== '事业单位') source = '其他收入';
  const functionCode = (
    source === '政府性基金预算财政拨款' ? draws.fundCodes : source === '国有资本经营预算财政拨款' ? draws.stateCapitalCodes : draws.functionDraw
  ).draw(random);
  if (kind === '项目支出') {
    const project = profile.projects[Math.floor(random() * profile.projects.length)];
    return { id, unit: profile.unit.name, functionCode, economicCode: draws.projectCodes.draw(random), kind, source, project, amount: amountFen(random, 80_000, 1.4) };
  }
  const r = random();
  const [economicCode, amount] =
    r < 0.35
      ? [draws.personnel.draw(random), amountFen(random, 300_000, 1.2)]
      : r < 0.92
        ? [draws.goods.draw(random), amountFen(random, 15_000, 1.3)]
        : [draws.otherBasic.draw(random), amountFen(random, 20_000, 1.3)];
  return { id, unit: profile.unit.name, functionCode, economicCode, kind, source, project: '', amount };
}
