import type { Session, WebContents, WebRequest } from 'electron';
import { isAppUrl } from './appOrigin';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';

/** The parts of WebContents the guards use (so tests can hand in a small fake). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
/** The parts of Session the guards use. */
export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * No navigation away from the app's pages, no new windows, no <webview>. Links to the outside
 * world are not opened at all: the app works offline and shows no remote content.
 */
export function guardContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The one permission granted, and only to the app's own pages: writing text to the clipboard. */
function allowed(permission: string, url: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && url !== undefined && isAppUrl(url);
}

/** Every other permission (camera, microphone, notifications, clipboard read, devices, …) is refused. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/** The parts of WebRequest the guards use. */
export type GuardedRequests = Pick<WebRequest, 'onBeforeRequest' | 'onHeadersReceived'>;

/** What the screen may load: its own files, and data or blob URLs it makes itself. */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || /^(data|blob|devtools):/i.test(url);
}

/**
 * No remote content: every request to anything but the app's own origin is cancelled, and every
 * response carries the CSP (the app:// handler sets it too; this covers anything else).
 */
export function guardRequests(webRequest: GuardedRequests): void {
  webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
}
