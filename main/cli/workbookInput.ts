import { existsSync, rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { NAME_LIMIT } from '../../shared/core/limits';
import type { Baseline, Workbook } from '../../shared/core/model';
import { newWorkbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { withLineUnits } from '../../shared/core/tables/derive';
import { TEMPLATES, findTemplate } from '../../shared/core/templates/registry';
import type { Template } from '../../shared/core/templates/types';
import { baselineSchema } from '../../shared/contract/calls';
import { chineseIssue, describeIssues } from '../../shared/contract/messages';
import { readLinesFile } from '../excel/readLines';
import { readTextFile } from '../io/textFile';
import { readUnitsCsv } from '../io/unitsCsv';
import { UserError } from '../io/userError';
import { WorkbookFile } from '../workbook/file';
import { FILE_EXTENSION } from '../workbook/schema';

/** The options every command that reads a workbook accepts. */
export const WORKBOOK_OPTIONS = {
  sample: { type: 'boolean' },
  department: { type: 'string' },
  year: { type: 'string' },
  units: { type: 'string' },
  baseline: { type: 'string' },
  template: { type: 'string' },
} as const;

export const WORKBOOK_USAGE = `输入：<工作簿.budget>、<明细.csv>、<明细.xlsx> 或 --sample（内置样例：宝山区城市运行管理中心 2024 年）
  --department 名称   主管部门名称（缺省：明细中只有一个单位时取该单位名称）
  --year YYYY         预算年度（缺省：明年）
  --units 单位.csv    各单位类型（列：单位名称,单位类型）；缺省时均为事业单位
  --baseline 文件.json 上年基数（{"year":2023,"figures":{...}}，可由 budget import-baseline 从上年公开表生成）
  （以上四项只用于明细文件；工作簿 .budget 自带这些信息）
  --template 模板      公开模板：${TEMPLATES.map((t) => `${t.id}（${t.name}）`).join('、')}；
                      缺省用工作簿选定的模板（部门：shanghai-district，单位：shanghai-unit）。见 docs/templates.md`;

export interface WorkbookArgs {
  sample?: boolean;
  department?: string;
  year?: string;
  units?: string;
  baseline?: string;
  template?: string;
}

/** Refuses a name longer than the workbook keeps (the contract's limit). */
export function checkName(name: string, option: string): void {
  if ([...name].length > NAME_LIMIT) throw new UserError(`${option} 给出的名称过长（${[...name].length} 个字），最多 ${NAME_LIMIT} 个字`);
}

export function parseYear(text: string, option = '--year'): number {
  if (!/^\d{4}$/.test(text)) throw new UserError(`${option} 应为四位年份，如 2024，而不是“${text}”`);
  return Number(text);
}

function readBaseline(path: string): Baseline {
  if (!existsSync(path)) throw new UserError(`无法读取上年基数文件 ${basename(path)}：文件不存在，请检查文件名和所在文件夹`);
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(path));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`上年基数文件 ${basename(path)} 不是有效的 JSON（可能被截断，或用文字处理软件保存过）。请用 budget import-baseline 从上年公开表重新生成`);
  }
  const parsed = baselineSchema.safeParse(data, { error: chineseIssue });
  if (!parsed.success) {
    throw new UserError(`上年基数文件 ${basename(path)} 格式不对（${describeIssues(parsed.error)}）。应为 {"year":2023,"figures":{"source:一般公共预算财政拨款":810550000,…}}，金额以分计的整数`);
  }
  return parsed.data;
}

/** Builds the workbook a command works on from its positional input and options. */
export async function loadWorkbook(input: string | undefined, opts: WorkbookArgs): Promise<Workbook> {
  const wb = await loadWorkbookData(input, opts);
  if (opts.template !== undefined) wb.template = chosenTemplate(opts.template).id;
  return wb;
}

/** The template `--template` names; an unknown one is refused with the ones there are. */
export function chosenTemplate(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new UserError(`没有名为“${id}”的公开模板。可用的模板：${TEMPLATES.map((x) => `${x.id}（${x.name}）`).join('、')}`);
  return t;
}

async function loadWorkbookData(input: string | undefined, opts: WorkbookArgs): Promise<Workbook> {
  const year = opts.year ? parseYear(opts.year) : new Date().getFullYear() + 1;
  if (opts.sample) {
    if (input) throw new UserError('--sample 与输入文件不能同时使用');
    if (opts.year || opts.department || opts.units || opts.baseline) throw new UserError('--sample 是完整的内置样例，不能再指定 --year、--department、--units 或 --baseline');
    return sampleWorkbook();
  }
  if (!input) throw new UserError('缺少输入：请给出工作簿 .budget 文件或明细 CSV 文件，或使用 --sample');
  if (!existsSync(input)) throw new UserError(`文件不存在：${input}`);
  if (extname(input).toLowerCase() === FILE_EXTENSION) {
    const given = (['department', 'year', 'units', 'baseline'] as const).filter((k) => opts[k] !== undefined);
    if (given.length > 0) throw new UserError(`工作簿 ${basename(input)} 自带部门、年度、单位和上年基数：请去掉 ${given.map((k) => `--${k}`).join('、')}`);
    return withWorkbookFile(input, (file) => file.workbook());
  }
  const { lines, warnings } = await readLinesFile(input);
  for (const w of warnings) process.stderr.write(`警告：${basename(input)} 第 ${w.row} 行“${w.column}”列：${w.message}\n`);
  const units = withLineUnits(opts.units ? readUnitsCsv(opts.units) : [], lines);
  let department = opts.department?.trim();
  if (!department) {
    if (units.length !== 1) throw new UserError('明细中有多个单位：请用 --department 指定主管部门名称');
    department = units[0].name;
  }
  checkName(department, '--department');
  const wb = newWorkbook(department, year);
  wb.units = units;
  wb.lines = lines;
  if (opts.baseline) wb.baseline = readBaseline(opts.baseline);
  return wb;
}

/** Opens a workbook file for the duration of `use`, and closes it whatever happens. */
export function withWorkbookFile<T>(path: string | undefined, use: (file: WorkbookFile) => T): T {
  if (!path) throw new UserError('缺少工作簿文件：请给出 .budget 文件的路径');
  const file = WorkbookFile.open(path);
  try {
    return use(file);
  } finally {
    file.close();
  }
}

/**
 * Makes way for a new workbook file: refuses a name without the .budget extension, and an existing
 * file unless `force`. Even with `force`, a file with a -wal beside it is in use (or was not closed)
 * and is kept, since removing it under its owner would lose that owner's edits.
 */
export function prepareNewWorkbookPath(path: string | undefined, force: boolean | undefined): string {
  if (!path) throw new UserError('缺少要新建的工作簿文件名，例如 2025年预算.budget');
  if (extname(path).toLowerCase() !== FILE_EXTENSION) throw new UserError(`新工作簿的文件名应以 ${FILE_EXTENSION} 结尾，而不是“${basename(path)}”`);
  if (!existsSync(path)) return path;
  if (!force) throw new UserError(`${basename(path)} 已存在，未覆盖。要覆盖它请加 --force，或换一个文件名。`);
  if (existsSync(`${path}-wal`)) throw new UserError(`${basename(path)} 正在使用中或上次未正常关闭，未覆盖。请先在预算编制工作台中打开并关闭它，再覆盖。`);
  rmSync(path);
  return path;
}
