import type { ChannelName, EventName } from './channelNames';
import type { EventPayload, RequestOf, ResponseOf } from './schemas';

/** What crosses the boundary: never a thrown Error (they lose their fields across contextBridge). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/**
 * `window.checkpoint`: the only thing the renderer can reach. In Electron the preload provides it; in the
 * browser harness a small bridge script provides the same object over a WebSocket.
 */
export interface CheckpointBridge {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
