import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditRequest, EditResult } from '../../shared/contract/api';
import type { Bridge } from '../../shared/contract/calls';
import { applyEdit, type Edit } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { EditLabels } from './editLabels';

export interface OpenWorkbook {
  fileName: string;
  workbook: Workbook;
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}

/** What happened to the workbook: loaded whole, or changed by an edit (in the file's order). */
export type WorkbookChange = { kind: 'load'; workbook: Workbook; revision: number } | { kind: 'edit'; edit: Edit; revision: number; workbook: Workbook };

export interface WorkbookSession {
  open: OpenWorkbook | null;
  /** Why the workbook could not be loaded, in Chinese. */
  loadError: string | null;
  /**
   * Sends an edit to the file; resolves to false (after `onError`) when the file refused it. An edit
   * given as a function is made from the workbook as it is when its turn comes (after the edits
   * sent before it), so quick successive changes to one record all count; it may then say there is
   * nothing left to do (null).
   */
  send(edit: EditRequest | ((workbook: Workbook) => EditRequest | null), label?: string): Promise<boolean>;
  /** Undoes the file's last edit; resolves to what was undone ("粘贴 20 行"), or null when there was nothing to undo. */
  undo(): Promise<string | null>;
  redo(): Promise<string | null>;
  /** Resolves once every call sent so far has been answered by the file. */
  idle(): Promise<void>;
  /**
   * Runs a call that edits the file (e.g. a merge) in turn with the edits; resolves to false when it
   * failed or changed nothing. A label given as a function is asked once the call has answered.
   */
  perform(call: () => Promise<EditResult | null>, label?: string | (() => string)): Promise<boolean>;
  /** Follows every change, for work kept off the screen's thread (the checks). Returns an unsubscribe function. */
  subscribe(listener: (change: WorkbookChange) => void): () => void;
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
  const labels = useRef(new EditLabels());
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const listeners = useRef(new Set<(change: WorkbookChange) => void>());
  /** The workbook as of the last change, for a listener that joins later. */
  const latest = useRef<{ workbook: Workbook; revision: number } | null>(null);
  const publish = useCallback((change: WorkbookChange) => {
    for (const l of listeners.current) l(change);
  }, []);
  const subscribe = useCallback((listener: (change: WorkbookChange) => void) => {
    listeners.current.add(listener);
    if (latest.current) listener({ kind: 'load', ...latest.current });
    return () => void listeners.current.delete(listener);
  }, []);

  useEffect(() => {
    bridge
      .call('workbook.snapshot')
      .then((s) => {
        setOpen({ fileName: s.fileName, workbook: s.workbook, revision: s.revision, canUndo: s.canUndo, canRedo: s.canRedo });
        latest.current = { workbook: s.workbook, revision: s.revision };
        publish({ kind: 'load', ...latest.current });
      })
      .catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [bridge, publish]);

  const applyResult = useCallback(
    (result: EditResult | null) => {
      if (!result || !latest.current) return;
      const workbook = applyEdit(latest.current.workbook, result.applied).workbook;
      latest.current = { workbook, revision: result.revision };
      publish({ kind: 'edit', edit: result.applied, revision: result.revision, workbook });
      setOpen((current) => current && { ...current, workbook, revision: result.revision, canUndo: result.canUndo, canRedo: result.canRedo });
    },
    [publish],
  );

  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T | undefined> => {
    const run = queue.current.then(work).catch((e: unknown) => {
      errorRef.current(e instanceof Error ? e.message : String(e));
      return undefined;
    });
    queue.current = run;
    return run;
  }, []);

  const send = useCallback(
    async (edit: EditRequest | ((workbook: Workbook) => EditRequest | null), label?: string) => {
      const done = await enqueue(async () => {
        const request = typeof edit === 'function' ? edit(latest.current!.workbook) : edit;
        if (request === null) return false;
        applyResult(await bridge.call('workbook.edit', request));
        labels.current.sent(label);
        return true;
      });
      return done === true;
    },
    [bridge, enqueue, applyResult],
  );
  const step = useCallback(
    async (call: 'workbook.undo' | 'workbook.redo') =>
      (await enqueue(async () => {
        const result = await bridge.call(call);
        applyResult(result);
        if (!result) return null;
        return call === 'workbook.undo' ? labels.current.undo(result.applied) : labels.current.redo(result.applied);
      })) ?? null,
    [bridge, enqueue, applyResult],
  );
  const undo = useCallback(() => step('workbook.undo'), [step]);
  const redo = useCallback(() => step('workbook.redo'), [step]);
  const perform = useCallback(
    async (call: () => Promise<EditResult | null>, label?: string | (() => string)) =>
      (await enqueue(async () => {
        const result = await call();
        applyResult(result);
        if (result) labels.current.sent(typeof label === 'function' ? label() : label);
        return result !== null;
      })) === true,
    [enqueue, applyResult],
  );

  const idle = useCallback(() => queue.current.then(() => undefined), []);

  return { open, loadError, send, undo, redo, idle, perform, subscribe };
}
