/**
 * CSV as Excel reads it: a field that starts with a quote is quoted (inside it `""` is one `"`, and
 * commas and line ends are text); a quote anywhere else is an ordinary character (`屏幕5"寸`). Text
 * after a closing quote is kept as it is. CR LF or LF line ends; a leading BOM is dropped.
 * Returns the rows as arrays of raw field text; blank lines are kept as [''] so row numbers stay true.
 */
export function parseCsv(text: string): string[][] {
  return scanCsv(text).rows;
}

/** What `parseCsv` reads, and the row (1-based) of a quoted field still open at the end, if any. */
function scanCsv(text: string): { rows: string[][]; openQuoteRow?: number } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  const openQuoteRow = inQuotes ? rows.length + 1 : undefined;
  if (field !== '' || row.length > 0 || inQuotes) {
    row.push(field);
    rows.push(row);
  }
  return { rows, openQuoteRow };
}

const isBlank = (row: readonly string[]) => row.length === 1 && row[0].trim() === '';

export type CsvTable = { ok: true; rows: string[][] } | { ok: false; row: number; message: string };

const HOW_TO_FIX = '内容中含逗号、引号或换行的格子须用英文双引号括起，其中的引号写两遍。请在 Excel 中打开核对后另存为 CSV';

/**
 * A CSV read as a table: every row has as many fields as the header (the first non-blank row), so
 * that no row is ever merged into another or split. Otherwise the first row that differs is named.
 */
export function readCsvTable(text: string): CsvTable {
  const { rows, openQuoteRow } = scanCsv(text);
  if (openQuoteRow !== undefined) {
    return { ok: false, row: openQuoteRow, message: `第 ${openQuoteRow} 行有一个以英文双引号开头的格子，直到文件末尾都没有闭合的引号，后面各行会被并入这一格。${HOW_TO_FIX}` };
  }
  const headerIndex = rows.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return { ok: true, rows };
  const width = rows[headerIndex].length;
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const n = rows[r].length;
    if (n === width || isBlank(rows[r])) continue;
    return { ok: false, row: r + 1, message: `第 ${r + 1} 行有 ${n} 个格子，而表头（第 ${headerIndex + 1} 行）有 ${width} 个，无法确定各格属于哪一列。${HOW_TO_FIX}` };
  }
  return { ok: true, rows };
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
