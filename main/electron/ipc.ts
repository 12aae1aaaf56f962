import { dispatchCall, type CallTarget } from '../workbookCalls';
import { isAppUrl } from './appOrigin';
import type { CallReply } from './channels';

/** What the handler reads of ipcMain's event: who sent the call. */
export interface CallEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * The handler of CALL_CHANNEL. Refuses a call unless it comes from the top frame of one of the
 * app's own pages, in a window that has a workbook; then validates the call against the contract
 * (dispatchCall refuses unknown names and bad arguments) and runs it on that window's workbook.
 */
export function createCallHandler(targetOf: (contentsId: number) => CallTarget | undefined) {
  return async (event: CallEvent, name: unknown, args: unknown): Promise<CallReply> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return { ok: false, message: '拒绝来自应用以外页面的调用' };
    const target = targetOf(event.sender.id);
    if (!target) return { ok: false, message: '此窗口没有打开的工作簿' };
    try {
      return { ok: true, value: await dispatchCall(target, name, args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
