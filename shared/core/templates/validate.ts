import { measureKey } from '../measures';
import { COST_TYPES, EXPENDITURE_KINDS, FUND_SOURCES, SANGONG_ITEMS } from '../model';
import type { Template } from './types';

/** A template that cannot be used: every problem found, each naming its field. */
export class TemplateError extends Error {
  constructor(
    readonly templateId: string,
    readonly problems: string[],
  ) {
    super(`模板“${templateId}”有误，未载入：\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'TemplateError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

const MEASURE_FIELDS = ['sources', 'kinds', 'costType', 'officeUnitsOnly', 'economicCodes', 'economicPrefix', 'none', 'plus'];
const ROW_KINDS = ['functionTree', 'economicTree', 'single', 'items', 'sides', 'schedule'];
const CODE_PARTS = ['class', 'kuan', 'item', 'full'];
/** The 政府采购 schedule's printable fields: texts, and its one amount. */
const SCHEDULE_TEXT_FIELDS = ['kind', 'item', 'method', 'project', 'economic', 'unit', 'quantity'];

/**
 * Checks a template (a parsed JSON file or a template module's object) and returns it typed, or
 * throws a TemplateError listing every problem in Chinese with the field it is in
 * (`tables[3].columns[5].measure`): unknown measures and sources, header spans that do not tile the
 * columns, columns the header does not name, rows that point outside the table.
 */
export function validateTemplate(raw: unknown): Template {
  const problems: string[] = [];
  const bad = (field: string, what: string) => problems.push(`${field}：${what}`);
  if (!isObj(raw)) throw new TemplateError('?', ['模板应是一个对象（JSON 的 { … }）']);
  const id = isText(raw.id) ? raw.id : '?';
  for (const f of ['id', 'name', 'source']) if (!isText(raw[f])) bad(f, f === 'source' ? '缺少模板所依据的公开文件（source）' : '缺少或为空');
  if (!isObj(raw.scopeWords) || !isText(raw.scopeWords.department) || !isText(raw.scopeWords.unit)) bad('scopeWords', '应写明部门与单位在表题中的称呼，如 { "department": "部门", "unit": "单位" }');

  const measures = isObj(raw.measures) ? raw.measures : {};
  if (!isObj(raw.measures)) bad('measures', '缺少度量表');
  for (const [name, m] of Object.entries(measures)) {
    checkMeasure(`measures.${name}`, m, bad);
    for (const p of isObj(m) && Array.isArray(m.plus) ? m.plus : []) {
      const other = measures[p as string];
      if (!isObj(other) || other.none !== true) bad(`measures.${name}.plus`, `“${String(p)}”应是一个 none 的度量（本模型没有的来源或用途）`);
    }
  }
  const classLists = isObj(raw.classLists) ? raw.classLists : {};
  const preparer = raw.preparerLabels;
  if (preparer !== undefined && !(isObj(preparer) && isText(preparer.department) && isText(preparer.unit))) bad('preparerLabels', '编制部门的称呼应写成 { department: 文字, unit: 文字 }');

  const tables = Array.isArray(raw.tables) ? raw.tables : [];
  if (!Array.isArray(raw.tables) || tables.length === 0) bad('tables', '模板没有表');
  const numbers = new Set<unknown>();
  const titles = new Set<unknown>();
  tables.forEach((t, i) => {
    const at = `tables[${i}]`;
    if (!isObj(t)) return bad(at, '应是一个对象');
    if (!Number.isInteger(t.number) || (t.number as number) < 1) bad(`${at}.number`, '表号应是正整数');
    else if (numbers.has(t.number)) bad(`${at}.number`, `表号 ${t.number} 重复`);
    numbers.add(t.number);
    // a title may carry the year (`{year}年…`) or not (Jiangsu's 收支预算总表); publications are recognised by their titles
    if (!isText(t.title)) bad(`${at}.title`, '缺少表题');
    else if (titles.has(t.title)) bad(`${at}.title`, `表题“${t.title}”重复（审核按表题认表）`);
    titles.add(t.title);
    if (t.unit !== '元' && t.unit !== '万元') bad(`${at}.unit`, `金额单位“${String(t.unit)}”不可用，应为 元 或 万元`);
    if (!['blank', '0', '0.00'].includes(t.zero as string)) bad(`${at}.zero`, `零的印法“${String(t.zero)}”不可用，应为 blank、0 或 0.00`);
    const columns = Array.isArray(t.columns) ? t.columns : [];
    if (columns.length === 0) bad(`${at}.columns`, '没有列');
    const rows = isObj(t.rows) ? t.rows : undefined;
    const economicRows = rows?.kind === 'economicTree' || rows?.kind === 'single' || rows?.kind === 'items';
    const keys = new Set<unknown>();
    columns.forEach((c, j) => {
      const cat = `${at}.columns[${j}]`;
      if (!isObj(c)) return bad(cat, '应是一个对象');
      if (!isText(c.key)) bad(`${cat}.key`, '缺少列名');
      else if (keys.has(c.key)) bad(`${cat}.key`, `列名“${c.key}”重复`);
      keys.add(c.key);
      if (c.type === 'amount') {
        if (rows?.kind === 'schedule') {
          if (c.field !== 'amount') bad(`${cat}.field`, `附表的金额列应为 amount，没有金额字段“${String(c.field)}”`);
        } else if (!isText(c.measure)) bad(`${cat}.measure`, '金额列缺少度量（measure）');
        else if (!(c.measure in measures)) bad(`${cat}.measure`, `未知的度量“${c.measure}”（measures 中没有）`);
        else if (!economicRows && hasEconomicCondition(measures[c.measure])) {
          bad(`${cat}.measure`, `度量“${c.measure}”按经济分类筛选，不能用于按功能分类排列的行`);
        }
      } else if (c.type === 'code') {
        if (!CODE_PARTS.includes(c.part as string)) bad(`${cat}.part`, `编码列的“${String(c.part)}”不可用，应为 class、kuan、item 或 full`);
      } else if (c.type === 'text' && rows?.kind === 'schedule') {
        // a label column without a field prints only the 类别 rows and the 合计
        if (!(c.role === 'label' && c.field === undefined) && !SCHEDULE_TEXT_FIELDS.includes(c.field as string)) bad(`${cat}.field`, `附表没有字段“${String(c.field)}”（可用：${SCHEDULE_TEXT_FIELDS.join('、')}）`);
      } else if (c.type !== 'text') bad(`${cat}.type`, `列类型“${String(c.type)}”不可用，应为 text、code 或 amount`);
    });
    checkHeader(`${at}.header`, t.header, columns.length, bad);
    if (!rows || !ROW_KINDS.includes(rows.kind as string)) bad(`${at}.rows.kind`, `行的种类“${String(rows?.kind)}”不可用，应为 ${ROW_KINDS.join('、')}`);
    else checkRows(`${at}.rows`, rows, columns as Obj[], measures, classLists, bad);
    if (t.total !== undefined) {
      if (!isObj(t.total) || (t.total.place !== 'first' && t.total.place !== 'last')) bad(`${at}.total.place`, '合计行的位置应为 first 或 last');
      else if (t.total.column !== undefined && !(Number.isInteger(t.total.column) && (t.total.column as number) < columns.length)) bad(`${at}.total.column`, '合计字样所在的列超出了表的列数');
    }
    const labels = new Set(collectLabels(rows));
    for (const [k, sum] of (Array.isArray(t.sums) ? t.sums : []).entries()) {
      const named = isObj(sum) && typeof sum.total === 'string' && Array.isArray(sum.parts) ? [sum.total, ...sum.parts] : undefined;
      if (!named) bad(`${at}.sums[${k}]`, '应写成 { total: 行名, parts: [行名, …] }');
      else for (const l of named) if (l !== '{classes}' && !labels.has(l)) bad(`${at}.sums[${k}]`, `表中没有名为“${String(l)}”的行`);
    }
    if (t.balance !== undefined && !(isObj(t.balance) && labels.has(t.balance.income as string) && labels.has(t.balance.spending as string))) bad(`${at}.balance`, '收支平衡应写明表中两行的行名 { income, spending }');
    for (const [k, n] of (Array.isArray(t.notes) ? t.notes : []).entries()) {
      if (!isObj(n) || (n.when !== 'empty' && n.when !== 'noOfficeUnits') || !isText(n.text)) bad(`${at}.notes[${k}]`, '表注应有 when（empty 或 noOfficeUnits）与 text');
      else if (n.when === 'noOfficeUnits' && !keys.has(n.column)) bad(`${at}.notes[${k}].column`, `没有列“${String(n.column)}”`);
    }
  });
  if (raw.narrative !== undefined) checkNarrative(raw.narrative, tables, bad);
  if (problems.length > 0) throw new TemplateError(id, problems);
  return raw as unknown as Template;
}

function hasEconomicCondition(m: unknown): boolean {
  return isObj(m) && (m.economicCodes !== undefined || m.economicPrefix !== undefined);
}

function checkMeasure(at: string, m: unknown, bad: (field: string, what: string) => void): void {
  if (!isObj(m)) return bad(at, '度量应是一个对象');
  for (const key of Object.keys(m)) if (!MEASURE_FIELDS.includes(key)) bad(`${at}.${key}`, `度量没有“${key}”这一条件（可用：${MEASURE_FIELDS.join('、')}）`);
  const list = (field: string, allowed: readonly string[] | RegExp) => {
    const v = m[field];
    if (v === undefined) return;
    if (!Array.isArray(v) || v.length === 0) return bad(`${at}.${field}`, '应是非空的列表');
    for (const x of v) {
      const ok = Array.isArray(allowed) ? allowed.includes(x) : typeof x === 'string' && (allowed as RegExp).test(x);
      if (!ok) bad(`${at}.${field}`, `“${String(x)}”不可用${Array.isArray(allowed) ? `（可用：${allowed.join('、')}）` : ''}`);
    }
  };
  list('sources', FUND_SOURCES);
  list('kinds', EXPENDITURE_KINDS);
  list('economicCodes', /^\d{3,5}$/);
  if (m.costType !== undefined && !COST_TYPES.includes(m.costType as never)) bad(`${at}.costType`, `经费类型“${String(m.costType)}”不可用（可用：${COST_TYPES.join('、')}）`);
  if (m.economicPrefix !== undefined && !(typeof m.economicPrefix === 'string' && /^\d{3,5}$/.test(m.economicPrefix))) bad(`${at}.economicPrefix`, '应是 3 或 5 位经济分类编码');
}

/** The header's cells must cover the grid of its rows × the table's columns exactly once. */
function checkHeader(at: string, header: unknown, width: number, bad: (field: string, what: string) => void): void {
  if (!Array.isArray(header) || header.length === 0) return bad(at, '缺少表头');
  const taken = new Set<string>();
  const height = header.length;
  header.forEach((row, r) => {
    if (!Array.isArray(row)) return bad(`${at}[${r}]`, '表头的一行应是列表');
    let col = 0;
    row.forEach((cell, k) => {
      if (!Array.isArray(cell) || typeof cell[0] !== 'string') return bad(`${at}[${r}][${k}]`, '表头单元格应写成 [文字, 跨行, 跨列]');
      const [text, rowSpan = 1, colSpan = 1] = cell as [string, number?, number?];
      if (![rowSpan, colSpan].every((n) => Number.isInteger(n) && n >= 1)) return bad(`${at}[${r}][${k}]`, `“${text}”的跨行、跨列应是正整数（写成 [文字, 跨行, 跨列]）`);
      while (taken.has(`${r},${col}`)) col++;
      if (r + rowSpan > height) bad(`${at}[${r}][${k}]`, `“${text}”跨 ${rowSpan} 行，超出表头的 ${height} 行`);
      if (col + colSpan > width) bad(`${at}[${r}][${k}]`, `“${text}”跨到第 ${col + colSpan} 列，表只有 ${width} 列`);
      for (let y = r; y < r + rowSpan; y++) for (let x = col; x < col + colSpan; x++) taken.add(`${y},${x}`);
      col += colSpan;
    });
  });
  for (let r = 0; r < height; r++) {
    const missing = Array.from({ length: width }, (_, c) => c).filter((c) => !taken.has(`${r},${c}`));
    if (missing.length > 0) bad(at, `表头第 ${r + 1} 行没有盖住第 ${missing.map((c) => c + 1).join('、')} 列（跨行跨列没有铺满，或列多于表头）`);
  }
}

function checkRows(at: string, rows: Obj, columns: Obj[], measures: Obj, classLists: Obj, bad: (field: string, what: string) => void): void {
  const knownMeasure = (field: string, name: unknown) => {
    if (name !== undefined && !(typeof name === 'string' && name in measures)) bad(field, `未知的度量“${String(name)}”（measures 中没有）`);
  };
  const items = (field: string, list: unknown) => {
    if (!Array.isArray(list)) return bad(field, '应是行的列表');
    list.forEach((item, k) => {
      if (!isObj(item) || typeof item.label !== 'string') return bad(`${field}[${k}]`, '行应有 label');
      knownMeasure(`${field}[${k}].measure`, item.measure);
    });
  };
  if (rows.kind === 'functionTree' || rows.kind === 'economicTree') {
    const max = rows.kind === 'functionTree' ? 3 : 2;
    if (!Number.isInteger(rows.depth) || (rows.depth as number) < 1 || (rows.depth as number) > max) bad(`${at}.depth`, `层级应为 1–${max}`);
    if (!columns.some((c) => c.type === 'code')) bad(`${at}`, '科目表缺少编码列');
  }
  if (rows.kind === 'items') items(`${at}.items`, rows.items);
  if (rows.kind === 'schedule' && rows.schedule !== 'procurement') bad(`${at}.schedule`, `没有附表“${String(rows.schedule)}”（可用：procurement）`);
  if (rows.kind === 'schedule') {
    const fields = new Set(columns.map((c) => c.field));
    for (const f of Array.isArray(rows.subtotalBy) ? rows.subtotalBy : rows.subtotalBy === undefined ? [] : [rows.subtotalBy]) {
      if (!fields.has(f)) bad(`${at}.subtotalBy`, `小计所按的字段“${String(f)}”不是表中某列的字段`);
    }
    if (rows.groupLabels !== undefined && !(isObj(rows.groupLabels) && Object.entries(rows.groupLabels).every(([k, v]) => ['货物', '工程', '服务'].includes(k) && isText(v)))) {
      bad(`${at}.groupLabels`, '采购类别的行名应写成 { 货物: 文字, 工程: 文字, 服务: 文字 }');
    }
  }
  if (rows.kind === 'sides') {
    if (!Array.isArray(rows.sides) || rows.sides.length === 0) return bad(`${at}.sides`, '缺少左右栏');
    rows.sides.forEach((side, s) => {
      const sat = `${at}.sides[${s}]`;
      if (!isObj(side)) return bad(sat, '应是一个对象');
      const col = side.column as number;
      const width = side.width as number;
      if (!Number.isInteger(col) || !Number.isInteger(width) || width < 2 || col + width > columns.length) return bad(sat, '栏的列（column、width）超出了表的列');
      if (columns[col]?.type !== 'text') bad(`${sat}.column`, '栏的第一列应是文字列（项目）');
      for (let c = col + 1; c < col + width; c++) if (columns[c]?.type !== 'amount') bad(`${sat}.width`, `第 ${c + 1} 列不是金额列`);
      if (!Array.isArray(side.blocks)) return bad(`${sat}.blocks`, '缺少行');
      side.blocks.forEach((b, k) => {
        if (isObj(b) && isObj(b.classes)) {
          knownMeasure(`${sat}.blocks[${k}].classes.measure`, b.classes.measure);
          if (b.classes.always !== undefined && !(typeof b.classes.always === 'string' && b.classes.always in classLists)) bad(`${sat}.blocks[${k}].classes.always`, `没有类的清单“${String(b.classes.always)}”（classLists 中没有）`);
        } else if (isObj(b)) items(`${sat}.blocks[${k}].items`, b.items);
        else bad(`${sat}.blocks[${k}]`, '应是 { items } 或 { classes }');
      });
      items(`${sat}.footer`, side.footer);
    });
  }
}

/** The labels of a table's fixed rows (items, side blocks and footers). */
function collectLabels(rows: Obj | undefined): string[] {
  const of = (list: unknown) => (Array.isArray(list) ? list.flatMap((i) => (isObj(i) && typeof i.label === 'string' ? [i.label] : [])) : []);
  if (rows?.kind === 'items') return of(rows.items);
  if (rows?.kind !== 'sides' || !Array.isArray(rows.sides)) return [];
  return rows.sides.flatMap((s) => (isObj(s) ? [...(Array.isArray(s.blocks) ? s.blocks.flatMap((b) => (isObj(b) ? of(b.items) : [])) : []), ...of(s.footer)] : []));
}

/** The figures 其他相关情况说明 states that a table can print: “三公” and its items, 机关运行经费. */
const SECTION_KEYS: string[] = [measureKey.sanGongTotal, ...SANGONG_ITEMS.map((s) => measureKey.sanGong(s.key)), measureKey.vehicles, measureKey.officeExpenses];

/** The year-on-year figures a narrative figure may be compared with (those a baseline carries). */
const CHANGE_KEYS: string[] = [measureKey.total, measureKey.fiscal, ...FUND_SOURCES.map(measureKey.source)];

/** A narrative's sentences: each figure names a table of the template, an amount column of it and a row it prints. */
function checkNarrative(raw: unknown, tables: unknown[], bad: (field: string, what: string) => void): void {
  const at = 'narrative';
  if (!isObj(raw)) return bad(at, '应是 { income, spending }：收入与支出两段的句子');
  const byNumber = new Map(tables.filter(isObj).map((t) => [t.number, t]));
  const labels = new Set<string>();
  const figure = (field: string, f: unknown) => {
    if (!isObj(f)) return bad(field, '应写成 { label, table, row, column }');
    if (!isText(f.label)) bad(`${field}.label`, '缺少句中的名称（label）');
    else if (labels.has(f.label)) bad(`${field}.label`, `名称“${f.label}”重复（审核按名称认出句中的数字）`);
    else labels.add(f.label);
    if (f.change !== undefined && !CHANGE_KEYS.includes(f.change as string)) bad(`${field}.change`, `未知的上年比较度量“${String(f.change)}”（可用：total、fiscal、source:资金来源）`);
    cell(field, f);
  };
  const cell = (field: string, f: Obj) => {
    const t = byNumber.get(f.table);
    if (!t) return bad(`${field}.table`, `模板中没有表 ${String(f.table)}`);
    const columns = Array.isArray(t.columns) ? t.columns.filter(isObj) : [];
    const column = columns.find((c) => c.key === f.column);
    if (!column || column.type !== 'amount') bad(`${field}.column`, `表 ${String(f.table)} 没有金额列“${String(f.column)}”`);
    const rows = isObj(t.rows) ? t.rows : undefined;
    if (rows?.kind === 'single') {
      if (f.row !== undefined) bad(`${field}.row`, `表 ${String(f.table)} 只有一行，不写行名`);
    } else {
      const total = isObj(t.total) && typeof t.total.label === 'string' ? [t.total.label] : [];
      // in side-by-side lists, the rows of the side the column belongs to
      const at = columns.indexOf(column as Obj);
      const side = rows?.kind === 'sides' && Array.isArray(rows.sides) ? rows.sides.find((sd) => isObj(sd) && at > (sd.column as number) && at < (sd.column as number) + (sd.width as number)) : undefined;
      const named = [...collectLabels(isObj(side) ? { kind: 'sides', sides: [side] } : rows), ...total];
      if (typeof f.row !== 'string' || !named.includes(f.row)) bad(`${field}.row`, `表 ${String(f.table)}${isObj(side) ? `“${String(f.column)}”一栏` : ''}没有名为“${String(f.row)}”的行（可用：${named.join('、') || '无固定的行'}）`);
    }
  };
  for (const part of ['income', 'spending'] as const) {
    const sentences = raw[part];
    if (!Array.isArray(sentences) || sentences.length === 0) {
      bad(`${at}.${part}`, '应是句子的列表');
      continue;
    }
    sentences.forEach((s, i) => {
      const sat = `${at}.${part}[${i}]`;
      if (!isObj(s)) return bad(sat, '句子应写成 { lead, parts } 或 { within, parts }');
      if ((s.lead === undefined) === (s.within === undefined)) bad(sat, '句子应有领起的数字（lead）或“…中”（within），二者只写一个');
      if (s.lead !== undefined) figure(`${sat}.lead`, s.lead);
      if (s.within !== undefined && !isText(s.within)) bad(`${sat}.within`, '应是文字');
      if (!Array.isArray(s.parts) || s.parts.length === 0) return bad(`${sat}.parts`, '应是数字的列表');
      s.parts.forEach((f, k) => figure(`${sat}.parts[${k}]`, f));
    });
  }
  if (raw.sectionFigures !== undefined) {
    if (!Array.isArray(raw.sectionFigures)) bad(`${at}.sectionFigures`, '应是 { key, table, row, column } 的列表');
    else
      raw.sectionFigures.forEach((f, i) => {
        const fat = `${at}.sectionFigures[${i}]`;
        if (!isObj(f)) return bad(fat, '应写成 { key, table, row, column }');
        if (!SECTION_KEYS.includes(f.key as string)) bad(`${fat}.key`, `其他相关情况说明中没有数字“${String(f.key)}”（可用：${SECTION_KEYS.join('、')}）`);
        cell(fat, f);
      });
  }
  if (raw.classes !== undefined) {
    const c = raw.classes;
    const t = isObj(c) ? byNumber.get(c.table) : undefined;
    if (!isObj(c) || !t) bad(`${at}.classes.table`, `模板中没有表 ${String(isObj(c) ? c.table : c)}`);
    else {
      if (!isObj(t.rows) || t.rows.kind !== 'functionTree') bad(`${at}.classes.table`, `表 ${String(c.table)} 不是按功能分类排列的表`);
      if (!(Array.isArray(t.columns) && t.columns.some((col) => isObj(col) && col.key === c.column && col.type === 'amount'))) bad(`${at}.classes.column`, `表 ${String(c.table)} 没有金额列“${String(c.column)}”`);
    }
  }
}
