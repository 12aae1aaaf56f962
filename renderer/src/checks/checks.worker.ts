import { checkWorkbook, type CheckFinding } from '../../../shared/core/checks/index';
import { applyEdit } from '../../../shared/core/edits';
import type { Workbook } from '../../../shared/core/model';
import type { WorkbookChange } from '../useWorkbook';

/**
 * The checks, off the screen's thread: a copy of the workbook kept with the same edits, checked
 * after each burst of them. On 100,000 lines a check takes a few hundred milliseconds, which the
 * grid would otherwise feel after every edit.
 */
export interface ChecksReply {
  revision: number;
  findings: CheckFinding[];
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkbookChange>) => void) | null; postMessage(reply: ChecksReply): void };
let workbook: Workbook | null = null;
let revision = 0;
let scheduled = false;

function run(): void {
  scheduled = false;
  if (workbook) scope.postMessage({ revision, findings: checkWorkbook(workbook) });
}

scope.onmessage = (e) => {
  const change = e.data;
  if (change.kind === 'load') workbook = change.workbook;
  else if (workbook) workbook = applyEdit(workbook, change.edit).workbook;
  revision = change.revision;
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};
