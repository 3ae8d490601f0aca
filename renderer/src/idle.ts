import { useEffect, useRef } from 'react';
import { call } from './api';

const TOUCH_EVERY_MS = 30_000;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Idle lock, screen side: activity tells the core (session.touch, at most every 30 s) and, after the
 * policy's minutes without any, the screen asks the core to lock. The core enforces the same rule on
 * every request, so a frozen renderer cannot keep a session open.
 */
export function useIdleLock(active: boolean, idleMinutes: number, onLocked: () => void) {
  const last = useRef(Date.now());
  const lastTouch = useRef(0);
  const onLockedRef = useRef(onLocked);
  onLockedRef.current = onLocked;

  useEffect(() => {
    if (!active || !(idleMinutes > 0)) return;
    last.current = Date.now();
    const idleMs = idleMinutes * 60_000;
    // A short lock (training rooms) needs the core told and the clock checked more often than every 30 s / 5 s.
    const touchEvery = Math.min(TOUCH_EVERY_MS, idleMs / 4);
    const checkEvery = Math.min(CHECK_EVERY_MS, Math.max(250, idleMs / 4));
    const activity = () => {
      last.current = Date.now();
      if (last.current - lastTouch.current > touchEvery) {
        lastTouch.current = last.current;
        call('session.touch', {}).catch(() => undefined);
      }
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, activity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= idleMs) {
        window.clearInterval(timer);
        call('auth.lock', {}).then(
          () => onLockedRef.current(),
          () => onLockedRef.current(),
        );
      }
    }, checkEvery);
    return () => {
      for (const ev of ACTIVITY) window.removeEventListener(ev, activity, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, idleMinutes]);
}
