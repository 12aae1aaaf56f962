import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Bridge, MenuCommand } from '../../shared/contract/calls';
import { CALL_CHANNEL, MENU_CHANNEL, type CallReply } from './channels';

/**
 * The preload's `window.budget`: every call goes to main over one channel, which validates it;
 * a refusal comes back as an Error with main's Chinese message (no IPC wording around it).
 */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  return {
    async call(name, ...args) {
      const reply = (await ipc.invoke(CALL_CHANNEL, name, args)) as CallReply;
      if (!reply.ok) throw new Error(reply.message);
      return reply.value as never;
    },
    onMenu(listener) {
      const relay = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
      ipc.on(MENU_CHANNEL, relay);
      return () => {
        ipc.removeListener(MENU_CHANNEL, relay);
      };
    },
  };
}
