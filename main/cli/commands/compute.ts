import { basename } from 'node:path';
import { planSteps } from '../../../shared/core/compute/apply';
import { computePlan, type ComputePlan, type LineChange } from '../../../shared/core/compute/propose';
import { formatYuan } from '../../../shared/core/money';
import { UserError } from '../../io/userError';
import { WorkbookFile } from '../../workbook/file';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { loadWorkbook } from '../workbookInput';

const usage = `用法：budget compute <工作簿.budget | --sample> [--apply]
由工作簿中的“人员与标准”（人员、标准、功能分类对应）测算基本支出明细，列出每条测算的明细、
测算依据，以及与现有明细的差别（新增、金额变化、只写入测算依据、不变、手工改过而保留、删除）。
  --apply   把测算写入工作簿（一步修改，可整体撤销）；标准或人员有误时不写入任何内容
舍入：按比例计算的金额（如 工资基数 × 16%）按分四舍五入，每项各自舍入。`;

const KIND_LABEL: Record<LineChange['kind'], string> = {
  insert: '新增',
  update: '金额变化',
  basis: '只写入测算依据',
  same: '不变',
  kept: '手工改过，保留',
  delete: '删除',
};

/** One row per change: place, current and computed amounts, what happens, 测算依据. */
export function describePlan(plan: ComputePlan): string {
  const rows = [['单位', '功能分类', '经济分类', '现有金额', '测算金额', '差额', '处理', '测算依据'].join('\t')];
  for (const c of plan.changes) {
    const place = 'line' in c ? c.line : c.proposed;
    const current = 'line' in c ? c.line.amount : undefined;
    const computed = c.kind === 'delete' ? 0 : c.proposed?.amount;
    const gap = computed === undefined ? '' : formatYuan(computed - (current ?? 0));
    rows.push(
      [place.unit, place.functionCode, place.economicCode, current === undefined ? '' : formatYuan(current), computed === undefined ? '' : formatYuan(computed), gap, KIND_LABEL[c.kind], c.kind === 'delete' ? '' : (c.proposed?.basis ?? '')].join('\t'),
    );
  }
  const counts = Object.entries(KIND_LABEL)
    .map(([kind, label]) => [label, plan.changes.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 条`);
  const total = plan.proposal.lines.reduce((s, l) => s + l.amount, 0);
  rows.push(`测算明细 ${plan.proposal.lines.length} 条，合计 ${formatYuan(total)} 元${counts.length > 0 ? `：${counts.join('，')}` : ''}`);
  return rows.join('\n') + '\n';
}

export const computeCommand: Command = {
  summary: '由人员与标准测算基本支出明细，列出差别（--apply 写入）',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { sample: { type: 'boolean' }, apply: { type: 'boolean' } }, usage);
    if (positionals.length > 1) throw new UserError(`只能给一个工作簿，收到了 ${positionals.length} 个：${positionals.join('、')}`);
    if (values.apply && values.sample) throw new UserError('--apply 要写入工作簿文件：内置样例不能写入，请先用 budget new 文件.budget --sample 建立工作簿');
    if (!values.sample && !positionals[0]?.toLowerCase().endsWith('.budget')) throw new UserError(`测算需要工作簿 .budget 文件（其中有人员与标准）或 --sample\n\n${usage}`);
    const wb = await loadWorkbook(positionals[0], { sample: values.sample });
    if (!wb.compute) {
      process.stdout.write(`${wb.department} ${wb.year} 年工作簿还没有人员与标准：请在“人员与标准”页签中录入，或从示例标准开始。\n`);
      return 0;
    }
    const plan = computePlan(wb);
    for (const p of plan.proposal.problems) process.stderr.write(`问题：${p.message}\n`);
    process.stdout.write(describePlan(plan));
    if (!values.apply) return 0;
    if (plan.proposal.problems.length > 0) throw new UserError(`人员与标准有 ${plan.proposal.problems.length} 处问题（见上），未写入任何内容。请改正后再测算。`);
    const file = WorkbookFile.open(positionals[0]!);
    try {
      const { revision } = file.edit({ op: 'batch', edits: planSteps(computePlan(file.workbook())) });
      process.stdout.write(`已写入 ${basename(positionals[0]!)}（修订 ${revision}，可整体撤销）\n`);
    } finally {
      file.close();
    }
    return 0;
  },
};
