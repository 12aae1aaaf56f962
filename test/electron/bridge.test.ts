import type { IpcRenderer } from 'electron';
import { describe, expect, it } from 'vitest';
import { createBridge } from '../../main/electron/bridge';
import { CALL_CHANNEL, MENU_CHANNEL } from '../../main/electron/channels';

function fakeIpc(reply: unknown) {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const ipc = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return reply;
    },
    on(channel: string, l: (...a: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
      return ipc;
    },
    removeListener(channel: string, l: (...a: unknown[]) => void) {
      listeners.get(channel)?.delete(l);
      return ipc;
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({}, payload));
  return { bridge: createBridge(ipc as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>), invoked, emit, listeners };
}

describe('the preload bridge', () => {
  it('sends every call on the one channel, name and arguments apart', async () => {
    const { bridge, invoked } = fakeIpc({ ok: true, value: { savedTo: null } });
    expect(await bridge.call('excel.export', { unit: '机关' })).toEqual({ savedTo: null });
    expect(invoked).toEqual([[CALL_CHANNEL, 'excel.export', [{ unit: '机关' }]]]);
  });

  it('turns main’s refusal into an Error with its Chinese message only', async () => {
    const { bridge } = fakeIpc({ ok: false, message: '未知的调用：x' });
    await expect(bridge.call('workbook.undo')).rejects.toThrow(/^未知的调用：x$/);
  });

  it('passes menu commands to the screen until it unsubscribes', () => {
    const { bridge, emit, listeners } = fakeIpc(null);
    const seen: unknown[] = [];
    const off = bridge.onMenu((c) => seen.push(c));
    emit(MENU_CHANNEL, { command: 'undo' });
    off();
    emit(MENU_CHANNEL, { command: 'redo' });
    expect(seen).toEqual([{ command: 'undo' }]);
    expect(listeners.get(MENU_CHANNEL)?.size).toBe(0);
  });
});
