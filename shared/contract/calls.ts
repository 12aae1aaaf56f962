import { z } from 'zod';
import { STANDARD_METHODS } from '../core/compute/model';
import { LINE_TEXT_LIMITS, MAX_AMOUNT_FEN, MAX_IMPORT_FILE_BYTES, MAX_LINES, MAX_TOTAL_FEN, NAME_LIMIT, limitText } from '../core/limits';
import { COST_TYPES, EXPENDITURE_KINDS, FUND_SOURCES, UNIT_TYPES } from '../core/model';
import { PROCUREMENT_KINDS, VEHICLE_KINDS } from '../core/schedules/model';
import { TEMPLATES, findTemplate } from '../core/templates/registry';
import type { Workbook } from '../core/model';
import type { UnitMergePreview } from '../core/units/merge';
import type { EditRequest, EditResult, Version, WorkbookSnapshot } from './api';
import { tooLargeToImport, type ImportKind, type ImportOutcome, type ImportProgress } from './imports';
import { chineseIssue, describeIssues } from './messages';

/**
 * Every call between the screen and the process that holds the file (Electron main, or the
 * local browser host), with the schema its arguments must satisfy. Main validates each call
 * against these schemas and refuses anything else.
 */
const amountUpTo = (max: number) =>
  z
    .number()
    .int()
    .refine((v) => Math.abs(v) <= max, `金额超过上限 ${limitText(max)}`);
/** One amount a person enters. */
const fen = amountUpTo(MAX_AMOUNT_FEN);
/** A figure that is a total (a baseline's). */
const totalFen = amountUpTo(MAX_TOTAL_FEN);
const text = (max: number) => z.string().max(max);
const T = LINE_TEXT_LIMITS;

const lineFields = z
  .object({
    unit: text(T.unit),
    functionCode: text(T.functionCode),
    economicCode: text(T.economicCode),
    kind: z.enum(EXPENDITURE_KINDS),
    source: z.enum(FUND_SOURCES),
    project: text(T.project),
    amount: fen,
    costType: z.enum(COST_TYPES).optional(),
    basis: text(T.basis).optional(),
    note: text(T.note).optional(),
    functionName: text(T.functionName).optional(),
    economicName: text(T.economicName).optional(),
  })
  .strict();
const lineItem = lineFields.extend({ id: z.number().int().positive() }).strict();

const units = z.array(z.object({ name: text(NAME_LIMIT).min(1), type: z.enum(UNIT_TYPES) }).strict()).max(10_000);
const texts = z
  .object({
    mainFunctions: text(100_000),
    organization: text(100_000),
    glossary: text(100_000),
    purposes: z.record(z.string().max(7), text(2000)),
    reasons: z.record(
      z.string().max(100),
      z.object({ text: text(2000), writtenFor: z.object({ current: fen, previous: fen }).strict().optional() }).strict(),
    ),
  })
  .strict();
const entered = z
  .object({
    procurement: z.object({ goods: fen, works: fen, services: fen, smeReserved: fen, smallMicro: fen.optional() }).strict(),
    assets: z
      .object({
        asOf: text(10),
        vehicles: z.object({ general: z.number().int(), lawEnforcement: z.number().int(), special: z.number().int(), other: z.number().int() }).strict(),
        equipmentOver50: z.number().int(),
        equipmentOver100: z.number().int(),
        plannedPurchase: text(2000),
      })
      .strict(),
    performance: z
      .object({ units: z.number().int(), projects: z.number().int(), amount: fen, entered: z.boolean(), remark: text(500).optional(), forProjectAmount: fen.optional() })
      .strict(),
  })
  .strict();
/** A prior-year baseline, as a file or a call carries it. */
export const baselineSchema = z
  .object({
    year: z.number().int(),
    figures: z.record(z.string().max(100), totalFen),
    lines: z.array(lineItem).optional(),
    provenance: text(2000).optional(),
    reconstructed: z.boolean().optional(),
  })
  .strict();

const projects = z
  .array(
    z
      .object({
        name: text(200).min(1),
        category: text(200),
        implementer: text(200),
        start: text(10),
        end: text(10),
        overview: text(20_000),
        legalBasis: text(20_000),
        executor: text(2000),
        plan: text(20_000),
        period: text(200),
        calculation: text(2000),
        calculationNote: text(20_000),
        funds: z.object({ total: fen, fiscal: fen, other: fen, currentYearFiscal: fen, carriedOver: fen, otherAnnual: fen }).strict(),
        goals: z.object({ overall: text(20_000), annual: text(20_000) }).strict(),
        indicators: z.array(z.object({ level1: text(200), level2: text(200), level3: text(500), value: text(500) }).strict()).max(500),
      })
      .strict(),
  )
  .max(10_000);

const catalogEdition = z
  .object({
    edition: z.number().int().min(2007).max(9999),
    rows: z.array(z.object({ code: z.string().regex(/^\d{3,7}$/), name: text(200).min(1) }).strict()).max(20_000),
  })
  .strict();

const count = z.number().int().min(0).max(1_000_000_000);
const computeSetup = z
  .object({
    staff: z.array(z.object({ unit: text(200), category: text(100), grade: text(100), count, name: text(100).optional() }).strict()).max(100_000),
    standards: z
      .array(
        z
          .object({
            item: text(100),
            method: z.enum(STANDARD_METHODS),
            economicCode: text(5),
            unit: text(200),
            categories: text(500),
            grade: text(100),
            amount: fen,
            months: z.number().int().min(0).max(24),
            rate: text(20),
            base: text(200),
          })
          .strict(),
      )
      .max(10_000),
    mapping: z.array(z.object({ economicCode: text(5), unit: text(200), unitType: z.enum(['', ...UNIT_TYPES]), functionCode: text(7) }).strict()).max(10_000),
    computed: z.array(z.object({ unit: text(200), functionCode: text(7), economicCode: text(5), amount: fen, basis: text(5000), confirmed: fen.optional() }).strict()).max(1_000_000),
  })
  .strict();
const tie = { unit: text(200), project: text(200), economicCode: text(5) };
const quantity = z.number().finite().min(0).max(1e12);
const indicator = z.object({ level1: text(200), level2: text(200), level3: text(500), value: text(500) }).strict();
const schedules = z
  .object({
    procurement: z
      .array(z.object({ ...tie, kind: z.enum(PROCUREMENT_KINDS), item: text(200), method: text(100), quantity, unitPrice: fen, amount: fen, smeReserved: fen, smallMicro: fen }).strict())
      .max(100_000),
    services: z.array(z.object({ ...tie, category: text(200), content: text(2000), amount: fen, provider: text(100) }).strict()).max(100_000),
    assets: z
      .array(z.object({ ...tie, assetClass: text(100), name: text(200), vehicleKind: z.enum(['', ...VEHICLE_KINDS]), quantity, unitPrice: fen, amount: fen }).strict())
      .max(100_000),
    department: z.object({ overall: text(20_000), indicators: z.array(indicator).max(500) }).strict(),
    indicatorLibrary: z.array(z.object({ level1: text(200), level2: text(200) }).strict()).max(1000),
  })
  .strict();

const ids = z.array(z.number().int().positive()).max(MAX_LINES);

/** Names the first line id given twice in one updateLines (the screen never sends two changes to one line). */
function duplicateChangeMessage(changeIds: readonly number[]): string {
  const seen = new Set<number>();
  const twice = changeIds.find((id) => {
    if (seen.has(id)) return true;
    seen.add(id);
    return false;
  });
  return `同一次修改中明细 #${twice} 出现了不止一次：请把对同一行的改动合并为一处后再提交`;
}

export const editRequestSchema: z.ZodType<EditRequest> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('insertLines'), lines: z.array(lineFields).max(MAX_LINES) }).strict(),
    z
      .object({
        op: z.literal('updateLines'),
        changes: z
          .array(z.object({ id: z.number().int().positive(), set: lineFields.partial() }).strict())
          .max(MAX_LINES)
          .refine((changes) => new Set(changes.map((c) => c.id)).size === changes.length, { error: (iss) => duplicateChangeMessage((iss.input as { id: number }[]).map((c) => c.id)) }),
      })
      .strict(),
    z.object({ op: z.literal('deleteLines'), ids }).strict(),
    z.object({ op: z.literal('setMeta'), department: text(NAME_LIMIT).min(1), year: z.number().int().min(2000).max(2100) }).strict(),
    z.object({ op: z.literal('setUnits'), units }).strict(),
    z.object({ op: z.literal('setTexts'), texts }).strict(),
    z.object({ op: z.literal('setEntered'), entered }).strict(),
    z.object({ op: z.literal('setBaseline'), baseline: baselineSchema }).strict(),
    z.object({ op: z.literal('setProjects'), projects }).strict(),
    z.object({ op: z.literal('setCatalogEdition'), kind: z.enum(['function', 'economic']), edition: catalogEdition.nullable() }).strict(),
    z.object({ op: z.literal('setCompute'), compute: computeSetup.nullable() }).strict(),
    z.object({ op: z.literal('setSchedules'), schedules: schedules.nullable() }).strict(),
    z
      .object({
        op: z.literal('setTemplate'),
        template: z
          .string()
          .max(100)
          .refine((id) => findTemplate(id) !== undefined, { error: (iss) => `没有名为“${String(iss.input)}”的公开模板。可用的模板：${TEMPLATES.map((t) => t.id).join('、')}` })
          .nullable(),
      })
      .strict(),
    z.object({ op: z.literal('batch'), edits: z.array(editRequestSchema).max(10_000) }).strict(),
  ]),
) as z.ZodType<EditRequest>;

export interface ExportRequest {
  /** One unit's tables (单位预算) instead of the department's. */
  unit?: string;
}

/** A unit's workbook file chosen on the screen, its bytes in base64 (a unit of 100,000 lines is ≈ 20 MB). */
const unitFileUpload = z.object({ name: text(260).min(1), data: z.string().max(200 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, '不是 base64') }).strict();
const unitFileUploads = z.array(unitFileUpload).min(1).max(500);
export type UnitFileUpload = z.infer<typeof unitFileUpload>;

/**
 * A file to import chosen on the screen (browser mode): its name and its bytes in base64, at most
 * MAX_IMPORT_FILE_BYTES. In Electron `null`: main asks for the file with its open dialog.
 */
const importFile = z
  .object({
    name: text(260)
      .min(1)
      .refine((name) => !/[\\/\0]/.test(name) && !/^\.+$/.test(name), '应为文件名，不能含有路径（/ 或 \\）'),
    data: z
      .string()
      .refine((data) => data.length <= Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, tooLargeToImport())
      .refine((data) => /^[A-Za-z0-9+/]*={0,2}$/.test(data), '不是 base64'),
  })
  .strict()
  .nullable();
export type ImportFileUpload = NonNullable<z.infer<typeof importFile>>;
const importRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lines'), file: importFile }).strict(),
  z.object({ kind: z.literal('baseline'), file: importFile }).strict(),
  z.object({ kind: z.literal('catalog'), file: importFile, catalog: z.enum(['function', 'economic']), edition: z.number().int().min(2007).max(9999) }).strict(),
]);
export type ImportRequest = z.infer<typeof importRequest>;

/** The argument schemas, as tuples, and the result type of each call. */
export const CALL_ARGS = {
  'workbook.snapshot': z.tuple([]),
  'workbook.edit': z.tuple([editRequestSchema]),
  'workbook.undo': z.tuple([]),
  'workbook.redo': z.tuple([]),
  'versions.list': z.tuple([]),
  'versions.mark': z.tuple([text(100).min(1)]),
  'versions.workbook': z.tuple([z.number().int().positive()]),
  'excel.export': z.tuple([z.object({ unit: text(200).optional() }).strict()]),
  'units.exportFile': z.tuple([z.object({ unit: text(200).min(1) }).strict()]),
  'units.previewMerge': z.tuple([z.object({ files: unitFileUploads }).strict()]),
  'units.applyMerge': z.tuple([z.object({ files: unitFileUploads, resolutions: z.record(z.string().max(1000), z.enum(['mine', 'theirs', 'both'])) }).strict()]),
  'units.origin': z.tuple([]),
  'imports.run': z.tuple([importRequest]),
  'imports.progress': z.tuple([]),
} as const;

export interface CallResults {
  'workbook.snapshot': WorkbookSnapshot;
  'workbook.edit': EditResult;
  'workbook.undo': EditResult | null;
  'workbook.redo': EditResult | null;
  'versions.list': Version[];
  'versions.mark': Version;
  'versions.workbook': Workbook;
  /** Electron: the path the user saved to (null when cancelled). Browser host: a one-time download URL. */
  'excel.export': { savedTo: string | null; downloadUrl?: string };
  /** A unit's workbook made from this (department's) file: where it was saved, or a download URL. */
  'units.exportFile': { savedTo: string | null; downloadUrl?: string };
  /** What merging the unit files would change, unit by unit, with the conflicts to decide. */
  'units.previewMerge': UnitMergePreview[];
  /** The merge applied as one edit (null: nothing to change). */
  'units.applyMerge': EditResult | null;
  /** In a unit's workbook: which unit, and which department file revision it was made from; null in a department's. */
  'units.origin': { unit: string; department: string; revision: number; madeAt: string } | null;
  /** 导入 明细 / 上年公开表 / 科目表: applied whole as one edit, or refused with every problem listed. */
  'imports.run': ImportOutcome;
  /** How far the running import has come; null when none runs. */
  'imports.progress': ImportProgress | null;
}

export type CallName = keyof typeof CALL_ARGS;
export type CallArgs<K extends CallName> = z.infer<(typeof CALL_ARGS)[K]>;

/** What the preload script exposes as `window.budget` (and the browser client imitates). */
export interface Bridge {
  call<K extends CallName>(name: K, ...args: CallArgs<K>): Promise<CallResults[K]>;
  /** Commands from the native menu (撤销, 重做, 查找, 导出 Excel, …). Returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

export const MENU_COMMANDS = ['undo', 'redo', 'find', 'exportExcel', 'showTab', 'help', 'exportUnitFile', 'mergeUnitFiles', 'import'] as const;
/** The screens of a workbook window, in tab order (the 视图 menu lists them too). */
export const SCREEN_TABS = ['明细', '公开表', '审核', '变动分析', '编制说明', '导出', '基本信息', '人员与标准', '附表'] as const;
export type ScreenTab = (typeof SCREEN_TABS)[number];
export type MenuCommand =
  | { command: Exclude<(typeof MENU_COMMANDS)[number], 'showTab' | 'import'> }
  | { command: 'showTab'; tab: ScreenTab }
  | { command: 'import'; kind: ImportKind };

/** How deep and how large the arguments of one call may be, checked before anything else reads them. */
export const CALL_BOUNDS = { depth: 32, values: 40_000_000, textChars: 256 * 1024 * 1024 } as const;

/**
 * Why a call's arguments are too deep or too large to look at, or undefined. It walks them without
 * recursion, so no nesting can exhaust the stack (the schemas below recurse into batches).
 */
export function callShapeProblem(args: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: args, depth: 0 }];
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > CALL_BOUNDS.values) return `内容过多（超过 ${CALL_BOUNDS.values} 项）`;
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > CALL_BOUNDS.textChars) return '文字总量过大';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= CALL_BOUNDS.depth) return `嵌套超过 ${CALL_BOUNDS.depth} 层`;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}

/** Validates a call's name and arguments; throws a Chinese message on anything else. */
export function parseCall(name: unknown, args: unknown): { name: CallName; args: unknown[] } {
  if (typeof name !== 'string' || !Object.hasOwn(CALL_ARGS, name)) throw new Error(typeof name === 'string' ? `未知的调用：${name.slice(0, 100)}` : '未知的调用：没有给出调用名');
  const shape = callShapeProblem(args);
  if (shape) throw new Error(`调用 ${name} 的参数${shape}，未执行。请分批提交`);
  const schema = CALL_ARGS[name as CallName];
  const parsed = schema.safeParse(args, { error: chineseIssue });
  if (!parsed.success) throw new Error(`调用 ${name} 的参数无效（${describeIssues(parsed.error)}），未执行`);
  return { name: name as CallName, args: parsed.data as unknown[] };
}
