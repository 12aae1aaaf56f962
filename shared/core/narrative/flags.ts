import { finding, type CheckFinding } from '../checks/rules';
import { formatWan } from '../money';
import type { Workbook } from '../model';
import { explainedChanges, hasBaseline, type YoyRow } from '../yoy';

/**
 * Why a change waits for its person, in Chinese: no reason yet, or a reason written for another
 * change. The same words are a gap of the text and a 警告 of 审核.
 */
export function flagMessage(row: YoyRow): string {
  const direction = row.phrase && row.phrase.direction !== '持平' ? row.phrase.direction : '变动';
  const change = `${row.label}比上年${direction} ${formatWan(Math.abs(row.change ?? 0))} 万元${row.percent === null ? '' : `（${row.percent}%）`}`;
  return row.reasonState === 'stale' ? `${change}，所写原因是为此前的数字写的，可能已过时：请核对后确认或改写` : `${change}，尚未写明原因`;
}

/** 警告 of 审核 for each explained change that waits for its reason (they block nothing). */
export function changeFindings(rows: readonly YoyRow[]): CheckFinding[] {
  return rows.filter((r) => r.flagged).map((r) => finding('N-REASON', `${flagMessage(r)}；请在“变动分析”中填写（写入编制说明）`, { change: r.key }));
}

/** The changes that wait for a reason, worked out afresh from the lines. */
export function checkChanges(wb: Workbook): CheckFinding[] {
  return hasBaseline(wb.baseline) ? changeFindings(explainedChanges(wb)) : [];
}
