import { z } from 'zod';
import type { PublishedTableInput } from './readTables';

const TABLE = z.object({
  id: z.number().optional(),
  title: z.string(),
  unit: z.string().optional(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  note: z.string().optional(),
});
const PUBLICATION = z.union([z.object({ tables: z.array(TABLE) }), z.array(TABLE)]);

export type PublicationParse = { ok: true; tables: PublishedTableInput[] } | { ok: false; reason: string };

/**
 * Published tables as JSON: `{ "tables": [ { title, unit, columns, rows } … ] }` (the shape of
 * seed-2024-published-tables.json) or just the array of tables.
 */
export function parsePublicationJson(text: string): PublicationParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `不是有效的 JSON（${(e as Error).message}）` };
  }
  const parsed = PUBLICATION.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.code !== 'invalid_union') ?? parsed.error.issues[0];
    const path = issue.path.length > 0 ? issue.path.join('.') : '顶层';
    return {
      ok: false,
      reason: `不是公开表 JSON：${path} 不符合要求。应为 {"tables":[{"title":…,"unit":"元","columns":[…],"rows":[[…],…]},…]}，每个单元格为字符串`,
    };
  }
  const tables = Array.isArray(parsed.data) ? parsed.data : parsed.data.tables;
  if (tables.length === 0) return { ok: false, reason: '没有任何表（tables 为空）' };
  return { ok: true, tables };
}
