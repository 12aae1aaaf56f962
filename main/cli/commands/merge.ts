import { basename } from 'node:path';
import { formatYuan } from '../../../shared/core/money';
import { annualRequest } from '../../../shared/core/projects';
import type { Conflict } from '../../../shared/core/units/merge';
import { previewMerge } from '../../../shared/core/units/merge';
import { UserError } from '../../io/userError';
import { applyMerge, planFileMerge, readUnitFile } from '../../units/unitFiles';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { withWorkbookFile } from '../workbookInput';
import { lineText, renderDiff } from './diff';

const usage = `用法：budget merge <部门.budget> <单位1.budget> [<单位2.budget> …] [--resolve mine|theirs] [--dry-run] [--json]
把各单位的工作簿合并回部门工作簿：每个单位的部分换成单位文件中的内容，作为一次可撤销的修改。
先逐个单位列出将要发生的变化（新增、删除、修改的明细及新旧值，九张表中每个变化的数字，编制说明中变化的段落）。
导出单位工作簿之后部门也改过、且与单位改得不同的明细或项目是冲突：列出两边，退出状态 1，什么也不改，
除非用 --resolve 指定怎样处理。
  --resolve mine     冲突处保留部门工作簿中的内容
  --resolve theirs   冲突处采用单位工作簿中的内容
  --dry-run          只列出变化，不合并
  --json             以 JSON 输出预览
拒绝合并（两个文件都不改动）：不是单位工作簿、属于另一个部门或年度、科目表版本不同、单位未登记、同一单位的两个文件。`;

function side(c: Conflict, which: 'mine' | 'theirs'): string {
  if (c.kind === 'project') {
    const p = c[which];
    return p === null ? '已删除' : `已修改（年度资金申请总额 ${formatYuan(annualRequest(p))} 元）`;
  }
  const l = c[which];
  return l === null ? '已删除' : lineText(l);
}

function conflictText(c: Conflict): string {
  const what = c.kind === 'line' ? `明细 ${lineText(c.base)}` : `项目“${c.name}”`;
  return [`  冲突：${what}`, `    部门（mine）：${side(c, 'mine')}`, `    单位（theirs）：${side(c, 'theirs')}`].join('\n');
}

export const merge: Command = {
  summary: '把单位工作簿合并回部门工作簿',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, { resolve: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    if (positionals.length < 2) throw new UserError(`需要部门工作簿和至少一个单位工作簿\n\n${usage}`);
    const resolve = values.resolve;
    if (resolve !== undefined && resolve !== 'mine' && resolve !== 'theirs') throw new UserError(`--resolve 只能是 mine（保留部门的）或 theirs（采用单位的），而不是“${resolve}”`);
    const [deptPath, ...unitPaths] = positionals;
    const units = unitPaths.map((p) => readUnitFile(p));
    return withWorkbookFile(deptPath, (dept) => {
      const merges = planFileMerge(dept, units);
      const previews = previewMerge(dept.workbook(), merges);
      const conflicts = merges.flatMap((m) => m.conflicts);
      if (values.json) process.stdout.write(`${JSON.stringify(previews, null, 2)}\n`);
      else {
        for (const p of previews) {
          process.stdout.write(`单位“${p.unit}”（${p.fileName}）\n${p.notes.map((n) => `  注意：${n}\n`).join('')}${renderDiff(p.diff)}`);
          for (const c of p.conflicts) process.stdout.write(`${conflictText(c)}\n`);
        }
      }
      if (conflicts.length > 0 && !resolve) {
        process.stderr.write(`有 ${conflicts.length} 处冲突（见上），未合并，${basename(deptPath)} 没有改动。请用 --resolve mine 或 --resolve theirs 指定怎样处理，或在预算编制工作台中逐条决定。\n`);
        return 1;
      }
      if (values['dry-run']) return 0;
      const result = applyMerge(dept, merges, { all: resolve as 'mine' | 'theirs' | undefined });
      process.stdout.write(result ? `已合并到 ${basename(deptPath)}（一次修改，可撤销）。\n` : `没有需要合并的变化：${basename(deptPath)} 已包含这些单位工作簿的内容。\n`);
      return 0;
    });
  },
};
