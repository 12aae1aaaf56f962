import type { CheckFinding } from '../../../shared/core/checks/index';
import { LiveWorkbook } from '../../../shared/core/live/liveWorkbook';
import type { WorkbookChange } from '../useWorkbook';

/**
 * The checks, off the screen's thread: a LiveWorkbook that follows the workbook's changes, its
 * findings posted after each burst of them. An edit costs the worker well under a millisecond;
 * opening a large workbook costs a cold derivation, which the grid would otherwise feel.
 */
export interface ChecksReply {
  revision: number;
  findings: readonly CheckFinding[];
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkbookChange>) => void) | null; postMessage(reply: ChecksReply): void };
let live: LiveWorkbook | null = null;
let revision = 0;
let scheduled = false;

function run(): void {
  scheduled = false;
  if (live) scope.postMessage({ revision, findings: live.findings() });
}

scope.onmessage = (e) => {
  const change = e.data;
  if (change.kind === 'load') live = new LiveWorkbook(change.workbook);
  else live?.apply(change.edit);
  revision = change.revision;
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};
