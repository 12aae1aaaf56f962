/**
 * The Content-Security-Policy of the screen, in one place. Scripts, styles and everything else
 * come only from the app's own origin; nothing remote, no eval, no plugins, no framing.
 * Inline styles are allowed because AG Grid injects its theme as <style> elements and ECharts
 * styles its tooltips inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
