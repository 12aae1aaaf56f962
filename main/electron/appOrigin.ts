/**
 * The screen is served from a privileged custom scheme rather than file://, so that it has a
 * real origin ('self' in the CSP means exactly this app) and responses carry the CSP header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'budget';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges the scheme is registered with before the app is ready. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** True for a URL that belongs to the app's own pages (compared by scheme and host: a URL
 * parser outside Chromium gives custom schemes no origin). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}
