import { useEffect } from 'react';

/**
 * Signs the volunteer out after `minutes` without a key or a touch: a desk left alone must not
 * stay open to the next person in line. The main process applies the same rule on its side.
 */
export function useIdleSignOut(minutes: number | null, signOut: () => void): void {
  useEffect(() => {
    if (minutes === null) return;
    let timer = window.setTimeout(signOut, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(signOut, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const event of events) window.addEventListener(event, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of events) window.removeEventListener(event, reset);
    };
  }, [minutes, signOut]);
}
