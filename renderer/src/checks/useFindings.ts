import { useEffect, useMemo, useState } from 'react';
import { checkWorkbook, type CheckFinding } from '../../../shared/core/checks/index';
import type { Workbook } from '../../../shared/core/model';
import type { WorkbookSession } from '../useWorkbook';
import type { ChecksReply } from './checks.worker';

/**
 * The findings of the open workbook, computed in a worker that follows the workbook's changes;
 * on the screen's thread from `workbook` when no worker can be started.
 */
export function useFindings(subscribe: WorkbookSession['subscribe'], workbook: Workbook | undefined): readonly CheckFinding[] {
  const [fromWorker, setFromWorker] = useState<readonly CheckFinding[] | null>(null);
  const [workerFailed, setWorkerFailed] = useState(false);

  useEffect(() => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      setWorkerFailed(true);
      return;
    }
    worker.onmessage = (e: MessageEvent<ChecksReply>) => setFromWorker(e.data.findings);
    worker.onerror = () => setWorkerFailed(true);
    const unsubscribe = subscribe((change) => worker.postMessage(change));
    return () => {
      unsubscribe();
      worker.terminate();
    };
  }, [subscribe]);

  const onThread = useMemo(() => (workerFailed && workbook ? checkWorkbook(workbook) : null), [workerFailed, workbook]);
  return onThread ?? fromWorker ?? [];
}
