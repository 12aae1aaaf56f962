import { basename, extname } from 'node:path';
import { checkWorkbook, findingId, hasErrors, parsePublicationJson, type CheckFinding, type PublishedTableInput } from '../../../shared/core/checks/index';
import { checkText, publicationTextFacts, workbookOnlyFigures } from '../../../shared/core/checks/textRules';
import type { MeasureKey } from '../../../shared/core/model';
import type { Fen } from '../../../shared/core/money';
import { toPublishedTable } from '../../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../../shared/core/workbookTables';
import { readPublicationXlsx } from '../../excel/readPublication';
import { readTextFile } from '../../io/textFile';
import { UserError } from '../../io/userError';
import { parseCommandArgs } from '../args';
import type { Command } from '../commands';
import { WORKBOOK_OPTIONS, WORKBOOK_USAGE, chosenTemplate, loadWorkbook } from '../workbookInput';
import { checkPublicationByTemplate } from '../../../shared/core/checks/byTemplate';
import { templateFor } from '../../../shared/core/templates/registry';
import type { Template } from '../../../shared/core/templates/types';

const usage = `用法：budget check <工作簿.budget | 明细.csv | 公开表.json | 公开表.xlsx | --sample> [--json] [选项]
审核（核对）预算：
  工作簿.budget 或 明细.csv  检查明细（科目编码、负数、项目名称、重复），再检查由明细生成的九张表
  公开表.json                检查已公开的九张表（格式同 seed-2024-published-tables.json）
  公开表.xlsx                检查标准格式的公开表 Excel 文件（本程序导出的，或按该格式录入的）
按表题认出公开所用的模板（上海九张表、江苏十二张表……，或用 --template 指定），按该模板的表能做的核对审核；
模板中没有的表列为一条提示。
一处错误只报告一次：由它连带造成的不符（如上级科目、合计行）列在它之下。
  --text 文本.txt      同时核对编制说明等公开文本（UTF-8 或 GB18030，如从 PDF 复制的文字）与表中数字是否一致、
                       与上年的比较是否自洽、用语是否规范；公开表.json 中的 text 或 narrative 字段同样核对
有错误时退出状态为 1，没有错误（可有警告）时为 0。
  --json               以 JSON 输出审核结果：每条有 id（同一问题在各次运行中相同）、severity、table、row、
                       rowLabel（印出的编码和名称）、column、message，以及连带的 consequences
${WORKBOOK_USAGE}`;

/** What is checked: the findings on the tables (or lines), and the tables a publication's text is read against. */
interface Checked {
  findings: CheckFinding[];
  tables: PublishedTableInput[];
  /** A text that came with the input (the JSON's text or narrative). */
  text?: string;
  /** Figures only a workbook knows (政府采购 as entered). */
  extra?: Map<MeasureKey, Fen>;
  /** The publication's template when known (--template, or the workbook's); else the tables' titles tell it. */
  template?: Template;
}

function jsonText(raw: string): string | undefined {
  const data = JSON.parse(raw) as { text?: unknown; narrative?: unknown } | unknown[];
  if (Array.isArray(data) || data === null || typeof data !== 'object') return undefined;
  return typeof data.text === 'string' ? data.text : typeof data.narrative === 'string' ? data.narrative : undefined;
}

async function findingsOf(input: string | undefined, values: Parameters<typeof loadWorkbook>[1]): Promise<Checked> {
  const ext = input ? extname(input).toLowerCase() : '';
  const asked = values.template === undefined ? undefined : chosenTemplate(values.template);
  if ((ext === '.json' || ext === '.xlsx') && values.sample) throw new UserError('--sample 与输入文件不能同时使用');
  if (input && ext === '.xlsx') {
    const tables = await readPublicationXlsx(input);
    return { findings: checkPublicationByTemplate(tables, asked), tables, ...(asked ? { template: asked } : {}) };
  }
  if (input && ext === '.json') {
    const raw = readTextFile(input);
    const parsed = parsePublicationJson(raw);
    if (!parsed.ok) throw new UserError(`公开表文件 ${basename(input)} ${parsed.reason}`);
    return { findings: checkPublicationByTemplate(parsed.tables, asked), tables: parsed.tables, text: jsonText(raw), ...(asked ? { template: asked } : {}) };
  }
  const wb = await loadWorkbook(input, values);
  return { findings: checkWorkbook(wb), tables: deriveWorkbookTables(wb).map(toPublishedTable), extra: workbookOnlyFigures(wb), template: templateFor(wb) };
}

/** A finding for other tools: flat fields, a stable id, the place as well (as before). */
function asJson(f: CheckFinding, seen: Map<string, number>) {
  const { table, row, column } = f.place;
  const base = findingId(f);
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return {
    id: n === 1 ? base : `${base}#${n}`,
    rule: f.rule,
    severity: f.severity,
    table,
    row,
    rowLabel: f.rowLabel,
    column,
    message: f.message,
    place: f.place,
    consequences: (f.consequences ?? []).map((c) => ({ rule: c.rule, table: c.place.table, row: c.place.row, column: c.place.column, message: c.message })),
  };
}

export const check: Command = {
  summary: '审核明细或已公开的九张表',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...WORKBOOK_OPTIONS, json: { type: 'boolean' }, text: { type: 'string' } }, usage);
    const input = positionals[0];
    const checked = await findingsOf(input, values);
    const text = values.text !== undefined ? readTextFile(values.text) : checked.text;
    const findings = text === undefined ? checked.findings : [...checked.findings, ...checkText(text, publicationTextFacts(checked.tables, checked.template), checked.extra)];
    const errors = findings.filter((f) => f.severity === '错误').length;
    const warnings = findings.length - errors;
    const name = values.sample ? '内置样例' : basename(input ?? '');
    if (values.json) {
      const seen = new Map<string, number>();
      process.stdout.write(JSON.stringify({ input: name, errors, warnings, findings: findings.map((f) => asJson(f, seen)) }, null, 2) + '\n');
    } else if (findings.length === 0) {
      process.stdout.write(`审核 ${name}：未发现问题。\n`);
    } else {
      const lines = findings.flatMap((f) => [`${f.severity} [${f.rule}] ${f.message}`, ...(f.consequences ?? []).map((c) => `  连带 [${c.rule}] ${c.message}`)]);
      process.stdout.write([`审核 ${name}：错误 ${errors} 处，警告 ${warnings} 处。`, ...lines].join('\n') + '\n');
    }
    return hasErrors(findings) ? 1 : 0;
  },
};
