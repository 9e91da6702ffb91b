import type { ApiError, Input, Method, Output, Result } from '../../src-main/api/contract';

/** The first start's two set-ups (src-main/api/methods.ts SETUP_METHOD_NAMES), served in the core's place before the desk exists. */
export type SetupMethod = 'setup.standalone' | 'setup.join';

/** What the Electron preload exposes: one narrow function per contract method, and the two set-ups. */
type ContractBridge = { [M in Method]: (input: Input<M>) => Promise<Result<M>> };
type SetupBridge = { [S in SetupMethod]: (input: Record<string, string>) => Promise<{ ok: true } | { ok: false; error: ApiError }> };
type Bridge = ContractBridge & SetupBridge;

declare global {
  interface Window {
    comptoir?: Bridge;
  }
}

const OFFLINE: Record<'fr' | 'en', string> = {
  fr: 'Le poste ne répond pas. Vérifiez que Comptoir est toujours ouvert, puis réessayez.',
  en: 'The desk is not answering. Check that Comptoir is still open, then try again.',
};

let language: 'fr' | 'en' = 'fr';
export function setClientLanguage(next: 'fr' | 'en'): void {
  language = next;
}

/**
 * This tab's name for the browser mode's server: random, kept for the tab's life (a reload keeps
 * it, another tab has its own), so each tab signs its own volunteer in.
 */
function clientId(): string {
  const stored = sessionStorage.getItem('comptoir-client');
  if (stored) return stored;
  const id = crypto.randomUUID();
  sessionStorage.setItem('comptoir-client', id);
  return id;
}

let sessionEnded: (() => void) | null = null;
/** What to do when the core says the volunteer's session is over (idle on its side): sign in again. */
export function whenSessionEnds(handler: (() => void) | null): void {
  sessionEnded = handler;
}

/**
 * Calls the core through whichever shell runs the UI: Electron's preload bridge, or the browser
 * mode's loopback HTTP. Either way the answer is data: `{ ok: true, value }` or `{ ok: false, error }`.
 */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<M>> {
  const result = await send(method, input);
  if (!result.ok && result.error.code === 'NOT_SIGNED_IN') sessionEnded?.();
  return result;
}

async function send<M extends Method>(method: M, input: Input<M>): Promise<Result<M>> {
  try {
    const bridge: ContractBridge | undefined = window.comptoir;
    if (bridge) return await bridge[method](input);
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Comptoir-Client': clientId() },
      body: JSON.stringify(input),
    });
    if (!response.ok && response.status !== 400) throw new Error(String(response.status));
    return (await response.json()) as Result<M>;
  } catch {
    return { ok: false, error: { code: 'OFFLINE', message: OFFLINE[language] } };
  }
}

/** The value, or throws the error data (for code that shows errors through a boundary). */
export async function callOrThrow<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await call(method, input);
  if (!result.ok) throw result.error;
  return result.value;
}

export type { ApiError, Input, Output, Method };

/** Sets the desk up at its first start, through whichever shell runs the UI; the answer is data, like every call. */
export async function callSetup(method: SetupMethod, input: Record<string, string>): Promise<{ ok: true } | { ok: false; error: ApiError }> {
  try {
    const bridge: SetupBridge | undefined = window.comptoir;
    if (bridge) {
      const result = await bridge[method](input);
      return result.ok ? { ok: true } : { ok: false, error: result.error };
    }
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Comptoir-Client': clientId() },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; error?: ApiError };
    return result.ok ? { ok: true } : { ok: false, error: result.error! };
  } catch {
    return { ok: false, error: { code: 'OFFLINE', message: OFFLINE[language] } };
  }
}
