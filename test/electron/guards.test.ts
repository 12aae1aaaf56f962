import { describe, expect, it } from 'vitest';
import { guardContents, guardRequests, guardSession, type GuardedContents, type GuardedRequests, type GuardedSession } from '../../main/electron/guards';

type Listener = (...args: unknown[]) => void;

/** A stand-in for WebContents that records what the guards attach. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  guardContents(contents as unknown as GuardedContents);
  /** Fires an event the way Electron does; true when the guard prevented it. */
  const fire = (event: string, ...args: unknown[]) => {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url: args[0] };
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    listener(e, ...args);
    return prevented;
  };
  return { fire, open: (url: string) => openHandler!({ url }) };
}

describe('navigation guards', () => {
  const c = fakeContents();

  it('prevent navigation away from the app', () => {
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'http://127.0.0.1:8080/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-navigate', 'app://other/index.html')).toBe(true);
    expect(c.fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(c.fire('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-redirect', 'https://example.com/')).toBe(true);
  });

  it('let the app reload its own page', () => {
    expect(c.fire('will-navigate', 'app://budget/index.html')).toBe(false);
    expect(c.fire('will-frame-navigate', 'app://budget/index.html')).toBe(false);
  });

  it('deny every new window, the app’s own pages included', () => {
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.open('app://budget/index.html')).toEqual({ action: 'deny' });
  });

  it('prevent attaching a <webview>', () => {
    expect(c.fire('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('permission guards', () => {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (handlers.request = h),
    setPermissionCheckHandler: (h: never) => (handlers.check = h),
    setDevicePermissionHandler: (h: never) => (handlers.device = h),
  };
  guardSession(session as unknown as GuardedSession);
  const request = (permission: string, requestingUrl: string) => {
    let granted: boolean | undefined;
    (handlers.request as (...a: unknown[]) => void)(null, permission, (g: boolean) => (granted = g), { requestingUrl });
    return granted;
  };
  const check = (permission: string, origin: string) => (handlers.check as (...a: unknown[]) => boolean)(null, permission, origin, {});

  it('deny every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'fileSystem', 'hid', 'serial', 'usb']) {
      expect(request(p, 'app://budget/index.html'), p).toBe(false);
      expect(check(p, 'app://budget'), p).toBe(false);
    }
    expect((handlers.device as () => boolean)()).toBe(false);
  });

  it('grant writing text to the clipboard to the app’s own pages only', () => {
    expect(request('clipboard-sanitized-write', 'app://budget/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://budget')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://example.com')).toBe(false);
  });
});

describe('request guards', () => {
  let before: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void = () => {};
  let headers: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void = () => {};
  guardRequests({ onBeforeRequest: (h: never) => (before = h), onHeadersReceived: (h: never) => (headers = h) } as unknown as GuardedRequests);
  const cancelled = (url: string) => {
    let result: boolean | undefined;
    before({ url }, (r) => (result = r.cancel));
    return result;
  };

  it('cancel every request for remote content', () => {
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('ws://example.com/')).toBe(true);
  });

  it('let the app load its own files and the data it makes', () => {
    expect(cancelled('app://budget/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('blob:app://budget/6f1c')).toBe(false);
  });

  it('put the CSP on every response', () => {
    let out: Record<string, string[]> | undefined;
    headers({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    expect(out!['Content-Type']).toEqual(['text/html']);
    expect(out!['Content-Security-Policy'][0]).toContain("default-src 'self'");
  });
});
