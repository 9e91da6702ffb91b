import { APP_HOST, APP_SCHEME, APP_URL } from './app-protocol.js';

// No Electron import here: the check is tested under plain Node with stand-in events.

/** The parts of an Electron `WebFrameMain` the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The parts of an Electron `IpcMainInvokeEvent` the check reads. */
export interface IpcEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: unknown };
  readonly senderFrame: FrameLike | null;
}

/**
 * Whether an IPC call may reach the API: it must come from the main frame of our own window,
 * showing our own UI (app://comptoir/…). Anything else — an iframe, another window or web
 * contents, a frame that navigated away or is gone (`senderFrame` null) — is refused.
 */
export function isTrustedSender(event: IpcEventLike, windowContentsId: number | null): boolean {
  const frame = event.senderFrame;
  if (!frame || windowContentsId === null) return false;
  if (event.sender.id !== windowContentsId) return false;
  if (frame !== event.sender.mainFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** A URL of the app's own origin, checked with a real URL parser (a prefix test alone can be fooled). */
export function isAppUrl(url: string): boolean {
  if (!url.startsWith(APP_URL)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password && !parsed.port;
  } catch {
    return false;
  }
}
