import type { Edit } from '../../../shared/core/edits';
import { isFiscal, type PerformanceIndicator, type Project, type Workbook } from '../../../shared/core/model';
import { parseAmount, type Fen } from '../../../shared/core/money';
import { projectLines } from '../../../shared/core/projects';

export type FundKey = keyof Project['funds'];
type SetProjects = Extract<Edit, { op: 'setProjects' }>;
/** A project edit: it assigns no ids, so the screen sends it as it is and the file applies it as it is. */
type ProjectEdit = SetProjects | { op: 'batch'; edits: [SetProjects, Extract<Edit, { op: 'updateLines' }>] };
type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The indicator rows of the 申报表 every project starts from: 一级 and 二级 指标, to be filled in. */
const STANDARD_INDICATORS: readonly [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['成本指标', ''],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '生态效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

/**
 * A new project record for the lines that name it: implemented by their unit, its money their
 * amounts (财政拨款 lines as 财政资金, the rest as 其他资金), planned for the budget year.
 */
export function newProject(wb: Workbook, name: string, unit: string): Project {
  let fiscal: Fen = 0;
  let other: Fen = 0;
  for (const l of projectLines(wb.lines, name)) {
    if (isFiscal(l.source)) fiscal += l.amount;
    else other += l.amount;
  }
  return {
    name,
    category: '',
    implementer: unit,
    start: `${wb.year}-01-01`,
    end: `${wb.year}-12-31`,
    overview: '',
    legalBasis: '',
    executor: '',
    plan: '',
    period: `${wb.year} 年 1 月 1 日--12 月 31 日`,
    calculation: '',
    calculationNote: '',
    funds: { total: fiscal + other, fiscal, other, currentYearFiscal: fiscal, carriedOver: 0, otherAnnual: other },
    goals: { overall: '', annual: '' },
    indicators: STANDARD_INDICATORS.map(([level1, level2]) => ({ level1, level2, level3: '', value: '' })),
  };
}

/** The one edit that stores a project: replacing the record of that name, or adding it. */
export function saveProject(wb: Workbook, name: string, project: Project): SetProjects {
  const at = wb.projects.findIndex((p) => p.name === name);
  const projects = at < 0 ? [...wb.projects, project] : wb.projects.map((p, i) => (i === at ? project : p));
  return { op: 'setProjects', projects };
}

/** Renaming a project renames it on its lines too, in one edit (one undo step). */
export function renameProject(wb: Workbook, project: Project, raw: string): Checked<ProjectEdit> {
  const name = raw.trim();
  if (name === '') return { ok: false, reason: '项目名称不能为空' };
  if (wb.projects.some((p) => p.name === name && p !== project)) return { ok: false, reason: `已有名为“${name}”的项目；请换一个名称` };
  const changes = projectLines(wb.lines, project.name).map((l) => ({ id: l.id, set: { project: name } }));
  const save = saveProject(wb, project.name, { ...project, name });
  return { ok: true, value: changes.length === 0 ? save : { op: 'batch', edits: [save, { op: 'updateLines', changes }] } };
}

/** A planned date as the 申报表 prints it: YYYY-MM-DD, a real day; or empty. */
export function checkDate(raw: string): Checked<string> {
  const text = raw.normalize('NFKC').trim().replace(/[/.年月]/g, '-').replace(/日$/, '');
  if (text === '') return { ok: true, value: '' };
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const date = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    return { ok: false, reason: `日期“${raw.trim()}”无法识别；请按“2024-01-01”的格式填写` };
  }
  return { ok: true, value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
}

/** An amount of the 项目资金 part, typed like the grid's amounts; never negative. */
export function checkFund(raw: string): Checked<Fen> {
  if (raw.trim() === '') return { ok: true, value: 0 };
  const r = parseAmount(raw);
  if (!r.ok) return { ok: false, reason: `金额${r.reason}` };
  if (r.fen < 0) return { ok: false, reason: '项目资金不能为负数' };
  return { ok: true, value: r.fen };
}

export function emptyIndicator(level1 = ''): PerformanceIndicator {
  return { level1, level2: '', level3: '', value: '' };
}
