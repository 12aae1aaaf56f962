import { useEffect, useState } from 'react';
import type { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { followChange } from './liveChanges';
import type { WorkbookSession } from './useWorkbook';

/** The LiveWorkbook and the revision it is at: a new object after every change, for React to see. */
export interface LiveState {
  live: LiveWorkbook;
  revision: number;
}

/**
 * The open workbook's nine tables and findings kept up to date on the screen's thread, edit by edit:
 * an edit costs well under a millisecond however many lines there are, so the tables follow typing.
 */
export function useLiveWorkbook(subscribe: WorkbookSession['subscribe']): LiveState | null {
  const [state, setState] = useState<LiveState | null>(null);
  useEffect(() => {
    let live: LiveWorkbook | null = null;
    return subscribe((change) => {
      live = followChange(live, change);
      if (live) setState({ live, revision: change.revision });
    });
  }, [subscribe]);
  return state;
}
