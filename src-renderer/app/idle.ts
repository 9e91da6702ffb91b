import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from './api';

/** How long before the sign-out the volunteer is warned, with a countdown. */
const WARNING_SECONDS = 60;
/** Activity tells the core the volunteer is there at most this often (the core signs out on its own clock). */
const PING_EVERY_MS = 30_000;

/**
 * Signs the volunteer out after `minutes` without a key or a touch: a desk left alone must not
 * stay open to the next person in line. The core applies the same rule to its calls, so activity
 * that calls nothing (reading, filling a long form) tells it with `session.keepAlive`, at most
 * every 30 s; the deadline counts from that last word, so the screen never believes a session
 * the core has already ended.
 *
 * Returns the seconds left once the warning is due (null before), and `stay` for « Je suis là ».
 */
export function useIdleSignOut(minutes: number | null, signOut: () => void): { secondsLeft: number | null; stay: () => void } {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastPing = useRef(Date.now());
  const warning = useRef(false);

  const ping = useCallback(() => {
    lastPing.current = Date.now();
    warning.current = false;
    setSecondsLeft(null);
    void call('session.keepAlive', {});
  }, []);

  useEffect(() => {
    if (minutes === null) return;
    lastPing.current = Date.now();
    setSecondsLeft(null);
    const idleMs = minutes * 60_000;
    // The last minute, or the last half of a shorter idle time (never a warning from the start).
    const warnFrom = Math.min(WARNING_SECONDS, idleMs / 2000);
    // Once a second: cheap, and the countdown needs it anyway.
    const tick = window.setInterval(() => {
      const left = Math.ceil((lastPing.current + idleMs - Date.now()) / 1000);
      if (left <= 0) {
        window.clearInterval(tick);
        warning.current = false;
        setSecondsLeft(null);
        signOut();
        return;
      }
      warning.current = left <= warnFrom;
      setSecondsLeft(warning.current ? left : null);
    }, 1000);
    // Often enough that the core, counting on its own clock, never ends a session in use.
    const pingEvery = Math.min(PING_EVERY_MS, idleMs / 3);
    const active = () => {
      // While the warning counts down, any key or touch is an answer to it.
      if (warning.current || Date.now() - lastPing.current >= pingEvery) ping();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const event of events) window.addEventListener(event, active, { passive: true });
    return () => {
      window.clearInterval(tick);
      for (const event of events) window.removeEventListener(event, active);
    };
  }, [minutes, signOut, ping]);

  return { secondsLeft, stay: ping };
}
