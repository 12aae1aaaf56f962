import type { Version } from '../../../shared/contract/api';
import { LINE_COLUMNS } from '../../../shared/core/lineTable';
import type { LineItem } from '../../../shared/core/model';
import { formatWan, formatYuan } from '../../../shared/core/money';
import { WORKBOOK_PARTS, diffWorkbooks, type FieldChange, type WorkbookDiff } from '../../../shared/core/versionDiff';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { UserError } from '../../io/userError';
import type { WorkbookFile } from '../../workbook/file';
import { withWorkbookFile } from '../workbookInput';

const usage = `用法：budget diff <工作簿.budget> <版本A> [<版本B>] [--json]
比较两个版本（或版本 A 与当前内容）：新增、删除、修改的明细及新旧值，九张表中每个变化的数字，
以及编制说明中变化的段落。版本可用编号或名称（见 budget versions）。
  --json   以 JSON 输出`;

function findVersion(file: WorkbookFile, ref: string): Version {
  const list = file.versions();
  const found = list.find((v) => v.label === ref) ?? (/^\d+$/.test(ref) ? list.find((v) => v.id === Number(ref)) : undefined);
  if (found) return found;
  const known = list.length === 0 ? '工作簿还没有标记过版本（用 budget versions <文件> --mark 名称 标记）' : `已有版本：${list.map((v) => `${v.id}「${v.label}」`).join('、')}`;
  throw new UserError(`找不到版本“${ref}”。${known}`);
}

const describe = (v: Version | null) => (v ? `版本 ${v.id}「${v.label}」（${v.createdAt}）` : '当前内容');

function value(field: FieldChange['field'], v: FieldChange['old']): string {
  if (v === undefined || v === '') return '（空）';
  return field === 'amount' ? formatYuan(v as number) : String(v);
}

export function lineText(l: LineItem): string {
  return `#${l.id} ${l.unit}｜${l.functionCode}｜${l.economicCode}｜${l.kind}｜${l.source}${l.project ? `｜${l.project}` : ''}｜${formatYuan(l.amount)} 元`;
}

function figureText(fen: number | null, unit: '元' | '万元'): string {
  if (fen === null) return '（无此行）';
  return unit === '万元' ? `${formatWan(fen)} 万元` : `${formatYuan(fen)} 元`;
}

export function renderDiff(d: WorkbookDiff): string {
  const out: string[] = [];
  if (d.department) out.push(`部门：${d.department.old} → ${d.department.new}`);
  if (d.year) out.push(`年度：${d.year.old} → ${d.year.new}`);
  if (d.parts.length > 0) out.push(`另有改动：${d.parts.map((p) => WORKBOOK_PARTS[p]).join('、')}`);
  out.push(`明细：新增 ${d.added.length} 条，删除 ${d.removed.length} 条，修改 ${d.changed.length} 条`);
  for (const l of d.added) out.push(`  新增 ${lineText(l)}`);
  for (const l of d.removed) out.push(`  删除 ${lineText(l)}`);
  for (const c of d.changed) {
    const fields = c.fields.map((f) => `${LINE_COLUMNS[f.field].header}：${value(f.field, f.old)} → ${value(f.field, f.new)}`);
    out.push(`  修改 #${c.id}（${c.after.unit}｜${c.after.functionCode}｜${c.after.economicCode}）${fields.join('；')}`);
  }
  out.push(`九张表：${d.figures.length} 个数字有变化`);
  for (const f of d.figures) {
    out.push(`  表${f.table} ${f.title}｜${f.row || '—'}｜${f.column}：${figureText(f.old, f.unit)} → ${figureText(f.new, f.unit)}`);
  }
  out.push(`编制说明：${d.narrative.length} 段有变化`);
  for (const n of d.narrative) {
    out.push(`  [${n.sectionTitle ?? '预算编制说明'}]`, `    原：${n.old ?? '（无）'}`, `    新：${n.new ?? '（无）'}`);
  }
  return out.join('\n') + '\n';
}

export const diff: Command = {
  summary: '比较两个版本（或版本与当前内容）',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    if (positionals.length < 2 || positionals.length > 3) throw new UserError(`需要工作簿文件和一到两个版本\n\n${usage}`);
    const [path, refA, refB] = positionals;
    return withWorkbookFile(path, (file) => {
      const a = findVersion(file, refA);
      const b = refB === undefined ? null : findVersion(file, refB);
      const d = diffWorkbooks(file.workbookAtVersion(a.id), b ? file.workbookAtVersion(b.id) : file.workbook());
      if (values.json) process.stdout.write(`${JSON.stringify({ from: a, to: b, diff: d }, null, 2)}\n`);
      else process.stdout.write(`比较：${describe(a)} → ${describe(b)}\n${renderDiff(d)}`);
      return 0;
    });
  },
};
