import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditRequest, EditResult } from '../../shared/contract/api';
import type { Bridge } from '../../shared/contract/calls';
import { applyEdit } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';

export interface OpenWorkbook {
  fileName: string;
  workbook: Workbook;
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}

export interface WorkbookSession {
  open: OpenWorkbook | null;
  /** Why the workbook could not be loaded, in Chinese. */
  loadError: string | null;
  /** Sends an edit to the file; resolves to false (after `onError`) when the file refused it. */
  send(edit: EditRequest): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * The open workbook as the screen holds it: loaded once from the file's snapshot, then kept equal
 * to the file by applying each edit the file reports (`EditResult.applied`) with the same
 * `applyEdit`. Calls go one at a time, in order, so the screen applies them in the file's order.
 */
export function useWorkbook(bridge: Bridge, onError: (message: string) => void): WorkbookSession {
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const errorRef = useRef(onError);
  errorRef.current = onError;

  useEffect(() => {
    bridge
      .call('workbook.snapshot')
      .then((s) => setOpen({ fileName: s.fileName, workbook: s.workbook, revision: s.revision, canUndo: s.canUndo, canRedo: s.canRedo }))
      .catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [bridge]);

  const applyResult = useCallback((result: EditResult | null) => {
    if (!result) return;
    setOpen((current) =>
      current && {
        ...current,
        workbook: applyEdit(current.workbook, result.applied).workbook,
        revision: result.revision,
        canUndo: result.canUndo,
        canRedo: result.canRedo,
      },
    );
  }, []);

  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T | undefined> => {
    const run = queue.current.then(work).catch((e: unknown) => {
      errorRef.current(e instanceof Error ? e.message : String(e));
      return undefined;
    });
    queue.current = run;
    return run;
  }, []);

  const send = useCallback(
    async (edit: EditRequest) => {
      const done = await enqueue(async () => {
        applyResult(await bridge.call('workbook.edit', edit));
        return true;
      });
      return done === true;
    },
    [bridge, enqueue, applyResult],
  );
  const undo = useCallback(async () => void (await enqueue(async () => applyResult(await bridge.call('workbook.undo')))), [bridge, enqueue, applyResult]);
  const redo = useCallback(async () => void (await enqueue(async () => applyResult(await bridge.call('workbook.redo')))), [bridge, enqueue, applyResult]);

  return { open, loadError, send, undo, redo };
}
