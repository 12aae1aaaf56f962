/** The two IPC channels between the preload and main; nothing else is listened to. */
export const CALL_CHANNEL = 'budget:call';
export const MENU_CHANNEL = 'budget:menu';

/** What main answers on CALL_CHANNEL: the call's result, or the (Chinese) reason it failed. */
export type CallReply = { ok: true; value: unknown } | { ok: false; message: string };
