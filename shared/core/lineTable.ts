import { BUILTIN_CATALOGS, CATALOG_LABELS, lookupCode, type Catalogs, type CatalogKind } from './catalog/catalog';
import { LINE_TEXT_LIMITS, MAX_TOTAL_FEN, limitText } from './limits';
import { fenToPlainYuan, parseAmount } from './money';
import { COST_TYPES, EXPENDITURE_KINDS, FUND_SOURCES, type CostType, type ExpenditureKind, type FundSource, type LineItem } from './model';

/**
 * The line-item sheet as people exchange it (CSV or a worksheet): columns found by header name,
 * in any order. One place for the column names, used by import and by export.
 */
export const LINE_COLUMNS = {
  unit: { header: '单位名称', required: true, aliases: ['预算单位', '单位'] },
  functionCode: { header: '功能分类科目编码', required: true, aliases: ['功能分类编码', '功能科目编码'] },
  economicCode: { header: '经济分类科目编码', required: true, aliases: ['经济分类编码', '经济科目编码'] },
  kind: { header: '支出类型', required: true, aliases: ['支出类别'] },
  source: { header: '资金来源', required: true, aliases: [] },
  project: { header: '项目名称', required: true, aliases: [] },
  amount: { header: '金额（元）', required: true, aliases: ['金额(元)', '金额'] },
  functionName: { header: '功能分类科目名称', required: false, aliases: [] },
  economicName: { header: '经济分类科目名称', required: false, aliases: [] },
  costType: { header: '经费类型', required: false, aliases: [] },
  basis: { header: '测算依据', required: false, aliases: [] },
  note: { header: '备注', required: false, aliases: [] },
} as const;
export type LineColumn = keyof typeof LINE_COLUMNS;
export const LINE_COLUMN_ORDER = Object.keys(LINE_COLUMNS) as LineColumn[];

export interface Finding {
  severity: '错误' | '警告';
  /** 1-based row in the file (the header is row 1). */
  row: number;
  column?: string;
  message: string;
}

export interface LineTableResult {
  lines: LineItem[];
  errors: Finding[];
  warnings: Finding[];
}

function normalizeHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function findColumns(header: readonly string[]): { map: Partial<Record<LineColumn, number>>; missing: string[]; twice: string[] } {
  const names = header.map(normalizeHeader);
  const map: Partial<Record<LineColumn, number>> = {};
  const missing: string[] = [];
  const twice: string[] = [];
  for (const key of LINE_COLUMN_ORDER) {
    const spec = LINE_COLUMNS[key];
    const wanted = [spec.header, ...spec.aliases].map(normalizeHeader);
    const found = names.flatMap((n, i) => (wanted.includes(n) ? [i] : []));
    if (found.length > 1) {
      twice.push(`${found.map((i) => `第 ${i + 1} 列“${header[i].trim()}”`).join('和')}都是“${spec.header}”列`);
    }
    if (found.length > 0) map[key] = found[0];
    else if (spec.required) missing.push(spec.header);
  }
  return { map, missing, twice };
}

/** Free-text columns, whose length the contract bounds too. */
const TEXT_COLUMNS = ['unit', 'project', 'basis', 'note', 'functionName', 'economicName'] as const;

/** The level (款 or 项) of a code that is `00`: no catalog has such a code; it is a shorter code padded with zeros. */
function paddedLevel(code: string): string | undefined {
  if (code.slice(3, 5) === '00') return '款';
  if (code.length === 7 && code.slice(5, 7) === '00') return '项';
  return undefined;
}

function oneOf<T extends string>(value: string, options: readonly T[]): T | undefined {
  return options.find((o) => o === value);
}

/**
 * Reads line items from rows of text (header first). Every problem is reported with its row and
 * column; callers import nothing when `errors` is not empty. `existingTotal` is what the lines
 * already in the workbook add up to (amounts taken as positive): the row that would take all lines
 * past the exact range is named.
 */
export function readLineTable(rows: readonly (readonly string[])[], catalogs: Catalogs = BUILTIN_CATALOGS, firstId = 1, existingTotal = 0): LineTableResult {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const lines: LineItem[] = [];
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) {
    errors.push({ severity: '错误', row: 1, message: '文件是空的：没有表头，也没有明细行' });
    return { lines, errors, warnings };
  }
  const { map, missing, twice } = findColumns(rows[headerIndex]);
  if (twice.length > 0) {
    errors.push({ severity: '错误', row: headerIndex + 1, message: `表头中${twice.join('；')}，无法确定用哪一列。请删去多余的一列或改名后重试` });
    return { lines, errors, warnings };
  }
  let total = existingTotal;
  if (missing.length > 0) {
    errors.push({
      severity: '错误',
      row: headerIndex + 1,
      message: `表头缺少列：${missing.join('、')}。第一行应为：${LINE_COLUMN_ORDER.filter((k) => LINE_COLUMNS[k].required)
        .map((k) => LINE_COLUMNS[k].header)
        .join(',')}`,
    });
    return { lines, errors, warnings };
  }
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c.trim() === '')) continue;
    const rowNo = r + 1;
    const get = (key: LineColumn) => {
      const i = map[key];
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const err = (key: LineColumn, message: string) => errors.push({ severity: '错误', row: rowNo, column: LINE_COLUMNS[key].header, message });
    const before = errors.length;

    const unit = get('unit');
    if (!unit) err('unit', '单位名称为空');
    const kind = oneOf<ExpenditureKind>(get('kind'), EXPENDITURE_KINDS);
    if (!kind) err('kind', `支出类型“${get('kind')}”无效，应为“基本支出”或“项目支出”`);
    const source = oneOf<FundSource>(get('source'), FUND_SOURCES);
    if (!source) err('source', `资金来源“${get('source')}”无效，应为：${FUND_SOURCES.join('、')}`);
    const project = get('project');
    if (kind === '项目支出' && !project) err('project', '项目支出必须填写项目名称');
    const costText = get('costType');
    let costType: CostType | undefined;
    if (costText) {
      costType = oneOf<CostType>(costText, COST_TYPES);
      if (!costType) err('costType', `经费类型“${costText}”无效，应为“人员经费”或“公用经费”，或留空`);
    }
    const amount = parseAmount(get('amount'));
    if (!amount.ok) err('amount', amount.reason);
    else if (total <= MAX_TOTAL_FEN) {
      total += Math.abs(amount.fen);
      if (total > MAX_TOTAL_FEN) {
        err('amount', `加上这一行后，${existingTotal > 0 ? '工作簿中已有的与文件中的' : '全部'}明细金额合计超过 ${limitText(MAX_TOTAL_FEN)}（可精确计算的上限）。请核对金额是否多输了几位`);
      }
    }
    for (const key of TEXT_COLUMNS) {
      const length = [...get(key)].length;
      if (length > LINE_TEXT_LIMITS[key]) err(key, `内容过长（${length} 个字），最多 ${LINE_TEXT_LIMITS[key]} 个字`);
    }

    const codes: Record<CatalogKind, { code: string; name?: string }> = {
      function: { code: get('functionCode').replace(/\s+/g, ''), name: get('functionName') || undefined },
      economic: { code: get('economicCode').replace(/\s+/g, ''), name: get('economicName') || undefined },
    };
    for (const kindKey of ['function', 'economic'] as const) {
      const { code, name } = codes[kindKey];
      const column: LineColumn = kindKey === 'function' ? 'functionCode' : 'economicCode';
      const label = CATALOG_LABELS[kindKey];
      const status = lookupCode(catalogs[kindKey], code);
      const leafName = kindKey === 'function' ? '项（7 位）' : '款（5 位）';
      if (status.status === 'malformed') err(column, `${label}编码“${code}”格式不对，应为${leafName}科目编码`);
      else if (status.status === 'notLeaf') err(column, `${label}编码 ${code}${status.name ? `（${status.name}）` : ''}不是末级科目，请填到${leafName}`);
      else if (status.status === 'unknown') {
        const padded = paddedLevel(code);
        if (padded) {
          err(column, `${label}编码 ${code} 的${padded}为 00，是把上一级编码用 0 补足了位数，不是末级科目；请填到${leafName}的真实编码`);
        } else if (name) {
          warnings.push({ severity: '警告', row: rowNo, column: LINE_COLUMNS[column].header, message: `${label}编码 ${code} 不在科目表中，按文件中的科目名称“${name}”使用` });
        } else err(column, `${label}编码 ${code} 不在科目表中；请核对编码，或在“${LINE_COLUMNS[kindKey === 'function' ? 'functionName' : 'economicName'].header}”列写明科目名称`);
      }
    }
    if (errors.length > before || !kind || !source || !amount.ok) continue;
    const line: LineItem = {
      id: firstId + lines.length,
      unit,
      functionCode: codes.function.code,
      economicCode: codes.economic.code,
      kind,
      source,
      project,
      amount: amount.fen,
    };
    if (costType) line.costType = costType;
    const optional = { basis: get('basis'), note: get('note'), functionName: codes.function.name, economicName: codes.economic.name };
    for (const [k, v] of Object.entries(optional)) if (v) (line as unknown as Record<string, string>)[k] = v;
    lines.push(line);
  }
  if (errors.length === 0 && lines.length === 0) errors.push({ severity: '错误', row: headerIndex + 2, message: '文件只有表头，没有明细行' });
  return { lines, errors, warnings };
}

/** The line items as rows of text in the import layout (header first), so an export can be imported again. */
export function writeLineTable(lines: readonly LineItem[]): string[][] {
  const header = LINE_COLUMN_ORDER.map((k) => LINE_COLUMNS[k].header);
  const body = lines.map((l) =>
    LINE_COLUMN_ORDER.map((k) => {
      if (k === 'amount') return fenToPlainYuan(l.amount);
      const v = l[k];
      return v === undefined ? '' : String(v);
    }),
  );
  return [header, ...body];
}

export function describeFinding(f: Finding): string {
  return `第 ${f.row} 行${f.column ? `“${f.column}”列` : ''}：${f.message}`;
}
