/**
 * The one Content-Security-Policy of the UI, for both shells: only the app's own scripts and
 * styles (no inline code, no eval), no network but the app's own origin, no plugins, and no
 * frames but the app's own PDFs (a blob: the page made itself), which the browser mode prints.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  'frame-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
