import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, type FrameLike } from '../../src-main/electron/sender.js';

const WINDOW_ID = 7;

/** A stand-in for Electron's IpcMainInvokeEvent: a main frame, optionally with a child frame. */
function eventFrom(options: { url?: string; contentsId?: number; child?: boolean; destroyed?: boolean } = {}) {
  const mainFrame: FrameLike = { url: 'app://comptoir/index.html', parent: null };
  const child: FrameLike = { url: options.url ?? 'app://comptoir/index.html', parent: mainFrame };
  if (!options.child && options.url !== undefined) (mainFrame as { url: string }).url = options.url;
  return {
    sender: { id: options.contentsId ?? WINDOW_ID, mainFrame },
    senderFrame: options.destroyed ? null : options.child ? child : mainFrame,
  };
}

describe('which IPC sender may call the API', () => {
  it('accepts the main frame of our window showing app://comptoir/', () => {
    expect(isTrustedSender(eventFrom(), WINDOW_ID)).toBe(true);
    expect(isTrustedSender(eventFrom({ url: 'app://comptoir/' }), WINDOW_ID)).toBe(true);
    expect(isTrustedSender(eventFrom({ url: 'app://comptoir/index.html#main' }), WINDOW_ID)).toBe(true);
  });

  it('refuses another web contents, even one showing our page', () => {
    expect(isTrustedSender(eventFrom({ contentsId: 8 }), WINDOW_ID)).toBe(false);
  });

  it('refuses everything once our window is gone', () => {
    expect(isTrustedSender(eventFrom(), null)).toBe(false);
  });

  it('refuses a sub-frame, even of our own origin', () => {
    expect(isTrustedSender(eventFrom({ child: true }), WINDOW_ID)).toBe(false);
  });

  it('refuses a frame that navigated away or was destroyed (senderFrame is null)', () => {
    expect(isTrustedSender(eventFrom({ destroyed: true }), WINDOW_ID)).toBe(false);
  });

  it('refuses our window when it shows anything but the app origin', () => {
    for (const url of [
      'https://comptoir/index.html',
      'http://127.0.0.1:5173/',
      'file:///C:/Comptoir/index.html',
      'app://comptoir.evil.example/',
      'app://comptoir@evil.example/',
      'app://comptoir:80/',
      'app://evil/comptoir/',
      'about:blank',
      'data:text/html,<p>app://comptoir/</p>',
      'devtools://devtools/bundled/inspector.html',
      '',
    ]) {
      expect(isTrustedSender(eventFrom({ url }), WINDOW_ID), url).toBe(false);
    }
  });
});

describe('the app origin', () => {
  it('is only app://comptoir/, checked with a URL parser', () => {
    expect(isAppUrl('app://comptoir/assets/index.js')).toBe(true);
    expect(isAppUrl('app://comptoir')).toBe(false);
    expect(isAppUrl('app://comptoirx/')).toBe(false);
    expect(isAppUrl('APP://COMPTOIR/')).toBe(false);
  });
});
