import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../contract';

/** Core → screen events. Transports (Electron IPC, the harness WebSocket) subscribe and forward. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(50);
  }
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.emitter.emit(event, payload);
  }
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    this.emitter.on(event, listener as (p: unknown) => void);
    return () => this.emitter.off(event, listener as (p: unknown) => void);
  }
}
