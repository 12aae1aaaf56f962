import { z } from 'zod';
import type { PublishedTableInput } from './readTables';

const TABLES = z.array(
  z.object({
    id: z.number().optional(),
    title: z.string(),
    unit: z.string().optional(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    note: z.string().optional(),
  }),
);

const FIELD_NAMES: Record<string, string> = { title: '标题 title', unit: '单位 unit', columns: '列名 columns', rows: '行 rows', id: '表号 id', note: '备注 note' };

export type PublicationParse = { ok: true; tables: PublishedTableInput[] } | { ok: false; reason: string };

const SHAPE = '应为 {"tables":[{"title":"2024 年部门财务收支预算总表","unit":"元","columns":[…],"rows":[[…],…]},…]}，单元格均为字符串';

/**
 * Published tables as JSON: `{ "tables": [ { title, unit, columns, rows } … ] }` (the shape of
 * seed-2024-published-tables.json) or just the array of tables.
 */
export function parsePublicationJson(text: string): PublicationParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: `不是有效的 JSON（可能被截断，或用文字处理软件保存过）；${SHAPE}` };
  }
  const list = Array.isArray(data) ? data : (data as { tables?: unknown } | null)?.tables;
  if (!Array.isArray(list)) return { ok: false, reason: `不是公开表 JSON：缺少 tables 数组；${SHAPE}` };
  const parsed = TABLES.safeParse(list);
  if (!parsed.success) {
    const [index, field, ...rest] = parsed.error.issues[0].path;
    const units = field === 'rows' ? ['行', '格'] : ['项'];
    const within = rest.map((p, i) => `第 ${Number(p) + 1} ${units[i] ?? '项'}`).join('');
    const where = `第 ${Number(index) + 1} 张表${field === undefined ? '' : `的${FIELD_NAMES[String(field)] ?? String(field)}${within ? `（${within}）` : ''}`}`;
    return { ok: false, reason: `不是公开表 JSON：${where}不符合要求；${SHAPE}` };
  }
  if (parsed.data.length === 0) return { ok: false, reason: '没有任何表（tables 为空）' };
  return { ok: true, tables: parsed.data };
}
