import { z } from 'zod';
import { COST_TYPES, EXPENDITURE_KINDS, FUND_SOURCES, UNIT_TYPES } from '../core/model';
import type { Workbook } from '../core/model';
import type { UnitMergePreview } from '../core/units/merge';
import type { EditRequest, EditResult, Version, WorkbookSnapshot } from './api';

/**
 * Every call between the screen and the process that holds the file (Electron main, or the
 * local browser host), with the schema its arguments must satisfy. Main validates each call
 * against these schemas and refuses anything else.
 */
const fen = z.number().int().refine(Number.isSafeInteger, '金额超出范围');
const text = (max: number) => z.string().max(max);

const lineFields = z
  .object({
    unit: text(200),
    functionCode: text(7),
    economicCode: text(5),
    kind: z.enum(EXPENDITURE_KINDS),
    source: z.enum(FUND_SOURCES),
    project: text(200),
    amount: fen,
    costType: z.enum(COST_TYPES).optional(),
    basis: text(2000).optional(),
    note: text(2000).optional(),
    functionName: text(200).optional(),
    economicName: text(200).optional(),
  })
  .strict();
const lineItem = lineFields.extend({ id: z.number().int().positive() }).strict();

const units = z.array(z.object({ name: text(200).min(1), type: z.enum(UNIT_TYPES) }).strict()).max(10_000);
const texts = z
  .object({
    mainFunctions: text(100_000),
    organization: text(100_000),
    glossary: text(100_000),
    purposes: z.record(z.string().max(7), text(2000)),
    reasons: z.record(z.string().max(100), text(2000)),
  })
  .strict();
const entered = z
  .object({
    procurement: z.object({ goods: fen, works: fen, services: fen, smeReserved: fen }).strict(),
    assets: z
      .object({
        asOf: text(10),
        vehicles: z.object({ general: z.number().int(), lawEnforcement: z.number().int(), special: z.number().int(), other: z.number().int() }).strict(),
        equipmentOver50: z.number().int(),
        equipmentOver100: z.number().int(),
        plannedPurchase: text(2000),
      })
      .strict(),
    performance: z.object({ units: z.number().int(), projects: z.number().int(), amount: fen, entered: z.boolean(), remark: text(500).optional() }).strict(),
  })
  .strict();
/** A prior-year baseline, as a file or a call carries it. */
export const baselineSchema = z
  .object({
    year: z.number().int(),
    figures: z.record(z.string().max(100), fen),
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

const MAX_LINES = 2_000_000;
const ids = z.array(z.number().int().positive()).max(MAX_LINES);

export const editRequestSchema: z.ZodType<EditRequest> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('insertLines'), lines: z.array(lineFields).max(MAX_LINES) }).strict(),
    z.object({ op: z.literal('updateLines'), changes: z.array(z.object({ id: z.number().int().positive(), set: lineFields.partial() }).strict()).max(MAX_LINES) }).strict(),
    z.object({ op: z.literal('deleteLines'), ids }).strict(),
    z.object({ op: z.literal('setMeta'), department: text(200).min(1), year: z.number().int().min(2000).max(2100) }).strict(),
    z.object({ op: z.literal('setUnits'), units }).strict(),
    z.object({ op: z.literal('setTexts'), texts }).strict(),
    z.object({ op: z.literal('setEntered'), entered }).strict(),
    z.object({ op: z.literal('setBaseline'), baseline: baselineSchema }).strict(),
    z.object({ op: z.literal('setProjects'), projects }).strict(),
    z.object({ op: z.literal('setCatalogEdition'), kind: z.enum(['function', 'economic']), edition: catalogEdition.nullable() }).strict(),
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
}

export type CallName = keyof typeof CALL_ARGS;
export type CallArgs<K extends CallName> = z.infer<(typeof CALL_ARGS)[K]>;

/** What the preload script exposes as `window.budget` (and the browser client imitates). */
export interface Bridge {
  call<K extends CallName>(name: K, ...args: CallArgs<K>): Promise<CallResults[K]>;
  /** Commands from the native menu (撤销, 重做, 查找, 导出 Excel, …). Returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

export const MENU_COMMANDS = ['undo', 'redo', 'find', 'exportExcel', 'showTab', 'help', 'exportUnitFile', 'mergeUnitFiles'] as const;
/** The screens of a workbook window, in tab order (the 视图 menu lists them too). */
export const SCREEN_TABS = ['明细', '九张表', '审核', '变动分析', '编制说明', '导出', '基本信息'] as const;
export type ScreenTab = (typeof SCREEN_TABS)[number];
export type MenuCommand = { command: Exclude<(typeof MENU_COMMANDS)[number], 'showTab'> } | { command: 'showTab'; tab: ScreenTab };

/** Validates a call's name and arguments; throws a Chinese message on anything else. */
export function parseCall(name: unknown, args: unknown): { name: CallName; args: unknown[] } {
  if (typeof name !== 'string' || !Object.hasOwn(CALL_ARGS, name)) throw new Error(`未知的调用：${String(name)}`);
  const schema = CALL_ARGS[name as CallName];
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new Error(`调用 ${name} 的参数无效：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return { name: name as CallName, args: parsed.data as unknown[] };
}
