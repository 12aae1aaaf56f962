import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditRequest, EditResult } from '../../shared/contract/api';
import type { Bridge } from '../../shared/contract/calls';
import type { Edit } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';
import { EditLabels } from './editLabels';
import { OptimisticWorkbook, showableAhead } from './optimisticWorkbook';

export interface OpenWorkbook {
  fileName: string;
  workbook: Workbook;
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}

/** What an edit is called when undone ("粘贴 20 行"); for an edit made when its turn comes, from the request it became. */
export type EditLabel = string | ((request: EditRequest) => string);

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
  send(edit: EditRequest | ((workbook: Workbook) => EditRequest | null), label?: EditLabel, onApplied?: (applied: Edit) => void): Promise<boolean>;
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
 * `applyEdit`. Calls go one at a time, in order, so the screen applies them in the file's order. An
 * edit whose ids are all known is shown at once, before the file answers (`OptimisticWorkbook`);
 * one the file refuses is taken back on screen, and its message said.
 */
export function useWorkbook(bridge: Bridge, onError: (message: string) => void): WorkbookSession {
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const labels = useRef(new EditLabels());
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const listeners = useRef(new Set<(change: WorkbookChange) => void>());
  /** The workbook as the file has it and as the screen shows it (edits shown ahead of the file's answer). */
  const book = useRef<OptimisticWorkbook | null>(null);
  /** The file's revision. */
  const revision = useRef(0);
  const publish = useCallback((change: WorkbookChange) => {
    for (const l of listeners.current) l(change);
  }, []);
  const subscribe = useCallback((listener: (change: WorkbookChange) => void) => {
    listeners.current.add(listener);
    if (book.current) listener({ kind: 'load', workbook: book.current.shown, revision: revision.current });
    return () => void listeners.current.delete(listener);
  }, []);

  useEffect(() => {
    bridge
      .call('workbook.snapshot')
      .then((s) => {
        setOpen({ fileName: s.fileName, workbook: s.workbook, revision: s.revision, canUndo: s.canUndo, canRedo: s.canRedo });
        book.current = new OptimisticWorkbook(s.workbook);
        revision.current = s.revision;
        publish({ kind: 'load', workbook: s.workbook, revision: s.revision });
      })
      .catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [bridge, publish]);

  /** Shows the workbook as `book` has it now: after an edit applied on top, or drawn anew. */
  const show = useCallback(
    (change: { edit: Edit } | 'redraw', result?: EditResult) => {
      const b = book.current!;
      if (result) revision.current = result.revision;
      publish(change === 'redraw' ? { kind: 'load', workbook: b.shown, revision: revision.current } : { kind: 'edit', edit: change.edit, revision: revision.current, workbook: b.shown });
      setOpen((current) => current && { ...current, workbook: b.shown, revision: revision.current, ...(result ? { canUndo: result.canUndo, canRedo: result.canRedo } : {}) });
    },
    [publish],
  );

  /** An edit the file applied that the screen had not shown ahead (undo, redo, new lines, a merge). */
  const applyResult = useCallback(
    (result: EditResult | null) => {
      if (!result || !book.current) return;
      const how = book.current.applied(result.applied);
      show(how === 'edit' ? { edit: result.applied } : 'redraw', result);
    },
    [show],
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
    async (edit: EditRequest | ((workbook: Workbook) => EditRequest | null), label?: EditLabel, onApplied?: (applied: Edit) => void) => {
      const b = book.current;
      // Shown at once; the file commits behind it, and a refusal takes it back with its message.
      if (b && typeof edit !== 'function' && showableAhead(edit) && b.show(edit)) {
        show({ edit });
        const done = await enqueue(async () => {
          let result: EditResult;
          try {
            result = await bridge.call('workbook.edit', edit);
          } catch (e) {
            b.refuse();
            show('redraw');
            throw e;
          }
          if (b.confirm(result.applied)) show('redraw', result);
          else {
            revision.current = result.revision;
            setOpen((current) => current && { ...current, revision: result.revision, canUndo: result.canUndo, canRedo: result.canRedo });
          }
          onApplied?.(result.applied);
          labels.current.sent(typeof label === 'function' ? label(edit) : label);
          return true;
        });
        return done === true;
      }
      const done = await enqueue(async () => {
        // Made from the file's workbook once every edit sent before it is answered.
        const request = typeof edit === 'function' ? edit(book.current!.confirmed) : edit;
        if (request === null) return false;
        const result = await bridge.call('workbook.edit', request);
        applyResult(result);
        // Before the next call's turn: an edit made when its turn comes may depend on it (a new line's id).
        onApplied?.(result.applied);
        labels.current.sent(typeof label === 'function' ? label(request) : label);
        return true;
      });
      return done === true;
    },
    [bridge, enqueue, applyResult, show],
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
