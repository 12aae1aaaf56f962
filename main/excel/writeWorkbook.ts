import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Catalogs } from '../../shared/core/catalog/catalog';
import type { Workbook } from '../../shared/core/model';
import { buildNarrative, type Narrative } from '../../shared/core/narrative/index';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { templateFor } from '../../shared/core/templates/registry';
import type { Template } from '../../shared/core/templates/types';
import { writeAtomic } from './atomicFile';
import { addLineSheet } from './lineSheet';
import { addPerformanceSheet, addProjectExplanationSheet } from './projectSheets';
import { scheduleSheetCount, addScheduleSheets } from './scheduleBook';
import { LINE_SHEET_NAME, TEXT_SHEET_NAMES, tableSheetName } from './sheetNames';
import { addTableSheet } from './tableSheet';
import { addTextSheet, type TextBlock } from './textSheet';
import { UserError } from '../io/userError';

export interface ExportOptions {
  /** Export one budget unit's tables and lines (单位预算) instead of the department's. */
  unit?: string;
  catalogs?: Catalogs;
  /** The publication template (default: the workbook's, or shanghai-unit for a unit's tables). */
  template?: Template;
  /**
   * The explanatory text (预算编制说明, 其他相关情况说明). By default the narrative engine builds it
   * (for a unit, that unit's text: its figures, “本单位”); `false` leaves the text sheets out.
   */
  narrative?: Narrative | false;
  /** Called after each sheet: sheets done, sheets in all, the sheet's name. */
  onProgress?: (done: number, total: number, sheet: string) => void;
}

function chapterSheetName(title: string, index: number): string {
  if (title.includes('其他相关情况说明')) return TEXT_SHEET_NAMES.other;
  if (title.includes('预算编制说明')) return TEXT_SHEET_NAMES.explanation;
  if (title.includes('项目经费情况说明')) return TEXT_SHEET_NAMES.projects;
  if (title.includes('绩效目标')) return TEXT_SHEET_NAMES.performance;
  return index === 0 ? TEXT_SHEET_NAMES.explanation : TEXT_SHEET_NAMES.other;
}

/** A narrative chapter as text rows: section titles as headings, then their paragraphs. */
export function chapterBlocks(chapter: Narrative['chapters'][number]): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const section of chapter.sections) {
    if (section.title) blocks.push({ text: section.title, heading: true });
    for (const p of section.paragraphs) blocks.push({ text: p.text });
  }
  return blocks;
}

interface Plan {
  tables: ReturnType<typeof deriveWorkbookTables>;
  chapters: Narrative['chapters'];
  projects: Workbook['projects'];
  lines: Workbook['lines'];
}

/** Refuses a unit the workbook does not have (a unit's tables are asked for by name). */
export function requireUnit(wb: Workbook, unit: string | undefined): void {
  if (unit !== undefined && !wb.lines.some((l) => l.unit === unit) && !wb.units.some((u) => u.name === unit)) {
    const names = [...new Set([...wb.units.map((u) => u.name), ...wb.lines.map((l) => l.unit)])];
    throw new UserError(`没有名为“${unit}”的预算单位。可用的单位：${names.join('、') || '（无）'}`);
  }
}

/** What the file will hold; validates the options before anything is written. */
function plan(wb: Workbook, opts: ExportOptions): Plan {
  requireUnit(wb, opts.unit);
  const template = opts.template ?? templateFor(wb, opts.unit);
  const tables = deriveWorkbookTables(wb, opts.unit, opts.catalogs, template);
  const narrative = opts.narrative === false ? undefined : (opts.narrative ?? buildNarrative(wb, opts.catalogs, { unit: opts.unit, template }));
  const unitProjects = new Set(wb.lines.filter((l) => l.kind === '项目支出' && (opts.unit === undefined || l.unit === opts.unit)).map((l) => l.project));
  return {
    tables,
    chapters: narrative?.chapters ?? [],
    projects: (wb.projects ?? []).filter((p) => opts.unit === undefined || unitProjects.has(p.name)),
    lines: opts.unit === undefined ? wb.lines : wb.lines.filter((l) => l.unit === opts.unit),
  };
}

/** Finishes a sheet: a streamed sheet is written out and its rows freed. */
function done(sheet: ExcelJS.Worksheet): void {
  (sheet as unknown as { commit?: () => void }).commit?.();
}

/**
 * Fills a workbook (in memory, or exceljs's streaming writer) with the publication: the nine tables
 * (the engine's models, as the screen shows them), the text chapters, the projects' sheets, and
 * the line items in the import layout.
 */
function fillBook(book: ExcelJS.Workbook, wb: Workbook, p: Plan, opts: ExportOptions): void {
  const total = p.tables.length + p.chapters.length + (p.projects.length > 0 ? 2 : 0) + scheduleSheetCount(wb) + 1;
  let count = 0;
  const step = (sheet: ExcelJS.Worksheet) => {
    done(sheet);
    opts.onProgress?.(++count, total, sheet.name);
  };
  book.creator = '预算编制工作台';
  book.title = `${wb.year} 年${opts.unit ?? wb.department}预算`;
  book.created = new Date(0);
  book.modified = new Date(0);
  for (const table of p.tables) step(addTableSheet(book, tableSheetName(table), table));
  p.chapters.forEach((chapter, i) => step(addTextSheet(book, chapterSheetName(chapter.title, i), chapter.title, chapterBlocks(chapter))));
  if (p.projects.length > 0) {
    step(addProjectExplanationSheet(book, TEXT_SHEET_NAMES.projects, wb.year, p.projects));
    step(addPerformanceSheet(book, TEXT_SHEET_NAMES.performance, wb.year, opts.unit ?? wb.department, p.projects));
  }
  addScheduleSheets(book, wb, opts.unit, p.projects, step);
  step(addLineSheet(book, LINE_SHEET_NAME, p.lines));
}

/**
 * Writes the publication to `outPath` (.xlsx). The file is streamed (rows are written and freed as
 * they go, so 100,000 lines stay light) into a temporary file beside the target, which replaces
 * the target only when complete: no partial file is ever left.
 */
export async function exportPublication(wb: Workbook, outPath: string, opts: ExportOptions = {}): Promise<void> {
  const p = plan(wb, opts);
  await writeAtomic(outPath, async (temp) => {
    const stream = createWriteStream(temp, { flags: 'wx' });
    // The file's own errors (disk full, no permission) end the export; the stream is closed before the rename.
    const closed = new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('close', resolve);
    });
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    try {
      fillBook(writer, wb, p, opts);
      await Promise.all([writer.commit(), closed]);
    } catch (e) {
      stream.destroy();
      await closed.catch(() => undefined);
      throw e;
    }
  });
}
