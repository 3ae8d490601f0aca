import type { CoreServices } from './types';
import type { CallerContext } from './dispatch';
import { sessionView } from './sessionView';
import type { Session } from '../../contract/schemas';

/**
 * Per-window watcher: tells that window when its session locks itself (idle) or ends, so the screen
 * hides traveller data even if the person walked away mid-inspection. Returns the stop function.
 */
export function watchSession(services: CoreServices, caller: CallerContext, send: (s: Session | null) => void, everyMs = 5000): () => void {
  let last: string | null = null;
  const timer = setInterval(() => {
    const s = caller.sessionId ? services.auth.getSession(caller.sessionId, false) : null;
    const view = s ? sessionView(s, services.auth.policy) : null;
    const key = view ? `${view.username}:${view.locked}:${view.mustChangePassword}` : '';
    if (last !== null && key !== last) {
      if (!view || view.locked) services.counter.clear();
      send(view);
    }
    last = key;
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
