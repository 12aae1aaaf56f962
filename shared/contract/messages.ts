import type { z } from 'zod';

/** zod's issues in Chinese (no library text reaches a person), each saying what was expected. */
const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  tuple: '列表',
  record: '对象',
  null: '空值',
  undefined: '空',
};

function sizeMessage(issue: { origin?: string; maximum?: unknown; minimum?: unknown }, big: boolean): string {
  const limit = String(big ? issue.maximum : issue.minimum);
  switch (issue.origin) {
    case 'string':
      return big ? `文字过长，最多 ${limit} 个字` : `文字过短，至少 ${limit} 个字`;
    case 'array':
    case 'set':
      return big ? `条目过多，最多 ${limit} 项` : `条目过少，至少 ${limit} 项`;
    default:
      return big ? `数值过大，最大为 ${limit}` : `数值过小，最小为 ${limit}`;
  }
}

export const chineseIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return sizeMessage(issue, true);
    case 'too_small':
      return sizeMessage(issue, false);
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `有不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return issue.note === 'No matching discriminator' ? '不是可识别的种类' : '不符合任何一种可接受的形式';
    case 'invalid_key':
      return '有无效的字段名';
    case 'invalid_element':
      return '有无效的条目';
    case 'invalid_format':
      return '格式不对';
    case 'not_multiple_of':
      return '数值不对';
    case 'custom':
      return issue.message ?? '无效';
    default:
      return '无效';
  }
};

/** Where an issue is, as `edits[2].lines[0].amount`. */
function where(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

/** The issues of a failed parse, in Chinese, at most a few. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const parts = error.issues.slice(0, limit).map((i) => `${i.path.length > 0 ? `${where(i.path)}：` : ''}${i.message}`);
  if (error.issues.length > limit) parts.push(`另有 ${error.issues.length - limit} 处`);
  return parts.join('；');
}
