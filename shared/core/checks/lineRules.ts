import { BUILTIN_CATALOGS, CATALOG_LABELS, lookupCode, type CatalogKind, type Catalogs, type CodeStatus } from '../catalog/catalog';
import { formatYuan } from '../money';
import type { LineItem } from '../model';
import { finding, type CheckFinding } from './rules';

const LEAF_NAMES: Record<CatalogKind, string> = { function: '项（7 位）', economic: '款（5 位）' };

function describeLine(line: LineItem): string {
  return `明细 #${line.id}（${line.unit}，${line.functionCode} / ${line.economicCode}，${line.kind}，${line.source}${line.project ? `，${line.project}` : ''}）`;
}

type CodeLookup = (kind: CatalogKind, code: string) => CodeStatus;

/** lookupCode, remembered per code: a workbook has many lines but few distinct codes. */
function rememberedLookup(catalogs: Catalogs): CodeLookup {
  const seen = { function: new Map<string, CodeStatus>(), economic: new Map<string, CodeStatus>() };
  return (kind, code) => {
    let status = seen[kind].get(code);
    if (!status) seen[kind].set(code, (status = lookupCode(catalogs[kind], code)));
    return status;
  };
}

function codeFindings(line: LineItem, lookup: CodeLookup): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const kind of ['function', 'economic'] as const) {
    const code = kind === 'function' ? line.functionCode : line.economicCode;
    const name = kind === 'function' ? line.functionName : line.economicName;
    const label = CATALOG_LABELS[kind];
    const column = kind === 'function' ? '功能分类科目编码' : '经济分类科目编码';
    const place = { lineId: line.id, column };
    const status = lookup(kind, code);
    if (status.status === 'ok') continue;
    if (status.status === 'malformed') {
      out.push(finding('L-CODE', `${describeLine(line)}：${label}编码“${code}”格式不对，应为${LEAF_NAMES[kind]}科目编码`, place));
    } else if (status.status === 'notLeaf') {
      out.push(finding('L-CODE', `${describeLine(line)}：${label}编码 ${code}${status.name ? `（${status.name}）` : ''}不是末级科目，请填到${LEAF_NAMES[kind]}`, place));
    } else if (status.status === 'unknown') {
      out.push(
        name
          ? finding('L-CODE-NAMED', `${describeLine(line)}：${label}编码 ${code} 不在科目表中，按明细所写名称“${name}”使用；请核对编码或导入当年科目表`, place)
          : finding('L-CODE', `${describeLine(line)}：${label}编码 ${code} 不在科目表中；请核对编码，或写明${label}科目名称`, place),
      );
    }
  }
  return out;
}

function duplicateKey(line: LineItem): string {
  return [line.unit, line.functionCode, line.economicCode, line.kind, line.source, line.project].join('\u0000');
}

/** The rules on line items: codes, signs, project names and duplicates. */
export function checkLines(lines: readonly LineItem[], catalogs: Catalogs = BUILTIN_CATALOGS): CheckFinding[] {
  const out: CheckFinding[] = [];
  const firstOf = new Map<string, LineItem>();
  const lookup = rememberedLookup(catalogs);
  for (const line of lines) {
    const codes = codeFindings(line, lookup);
    if (codes.length > 0) out.push(...codes);
    if (line.amount < 0) {
      out.push(finding('L-NEGATIVE', `${describeLine(line)}：金额为 ${formatYuan(line.amount)}，金额不能为负数；请改正金额，或删除该行`, { lineId: line.id, column: '金额（元）' }));
    }
    if (line.kind === '项目支出' && line.project.trim() === '') {
      out.push(finding('L-PROJECT', `${describeLine(line)}：项目支出没有项目名称；请填写项目名称，或改为基本支出`, { lineId: line.id, column: '项目名称' }));
    }
    const key = duplicateKey(line);
    const first = firstOf.get(key);
    if (first) {
      out.push(
        finding('L-DUPLICATE', `${describeLine(line)} 与明细 #${first.id} 的单位、科目、支出类型、资金来源和项目都相同，可能重复录入；请核对后合并为一行`, {
          lineId: line.id,
        }),
      );
    } else firstOf.set(key, line);
  }
  return out;
}
