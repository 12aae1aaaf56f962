import { buildNarrative, renderNarrativeText } from '../../../shared/core/narrative/index';
import { UserError } from '../../io/userError';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { WORKBOOK_OPTIONS, WORKBOOK_USAGE, loadWorkbook } from '../workbookInput';

const usage = `用法：budget narrative <明细.csv | --sample> [选项]
输出预算编制说明与其他相关情况说明（文本）。未知的上年数、未写的用途与原因在标准错误上以“提示”列出。
模板有自己的资金来源和用途时（如 --template jiangsu-province），收入、支出两段按该模板的表写，数字与表中所印相同。
${WORKBOOK_USAGE}
  --unit 名称          输出该预算单位的说明（单位预算，“本单位”）`;

export const narrative: Command = {
  summary: '由明细生成编制说明（文本）',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...WORKBOOK_OPTIONS, unit: { type: 'string' } }, usage);
    const wb = await loadWorkbook(positionals[0], values);
    if (values.unit !== undefined && !wb.lines.some((l) => l.unit === values.unit)) {
      const names = [...new Set(wb.lines.map((l) => l.unit))];
      throw new UserError(`没有名为“${values.unit}”的预算单位的明细。有明细的单位：${names.join('、') || '（无）'}`);
    }
    const n = buildNarrative(wb, undefined, { unit: values.unit });
    if (n.baselineNote) process.stderr.write(`说明：${n.baselineNote}\n`);
    for (const gap of n.gaps) process.stderr.write(`提示：${gap}\n`);
    process.stdout.write(renderNarrativeText(n));
    return 0;
  },
};
