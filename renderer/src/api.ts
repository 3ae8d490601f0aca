import type { ChannelName, CheckpointBridge, EventName, EventPayload, RequestOf, ResponseOf } from '../../electron/contract';

declare global {
  interface Window {
    checkpoint?: CheckpointBridge;
  }
}

/** An error the core returned: `message` is written for the person at the screen. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Fired when the core says the session ended, locked or needs a new password: the shell re-reads it. */
export const SESSION_STALE_EVENT = 'checkpoint:session-stale';
const SESSION_CODES = new Set(['not_signed_in', 'locked', 'must_change_password']);

function bridge(): CheckpointBridge {
  if (!window.checkpoint) throw new ApiError('no_bridge', 'The workstation core is not connected. Restart the application.');
  return window.checkpoint;
}

/** Calls the core; resolves with the value or rejects with an ApiError to show as is. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const envelope = await bridge().invoke(channel, request);
  if (!envelope.ok) {
    if (SESSION_CODES.has(envelope.error.code) && channel !== 'auth.login' && channel !== 'auth.unlock' && channel !== 'auth.changePassword') {
      window.dispatchEvent(new Event(SESSION_STALE_EVENT));
    }
    throw new ApiError(envelope.error.code, envelope.error.message);
  }
  return envelope.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, listener);
}
