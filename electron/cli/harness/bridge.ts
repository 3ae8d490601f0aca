/**
 * Browser-harness bridge: gives the page the same `window.checkpoint` object the Electron preload gives,
 * carried over a WebSocket to the real core in Node. Loaded before the app's own script.
 */
import type { CheckpointBridge, Envelope } from '../../contract/api';

type Pending = { resolve: (e: Envelope<unknown>) => void };

(() => {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('checkpoint.harness.token') ?? '';
  // Keep the token for reloads but take it out of the address bar.
  if (token) {
    sessionStorage.setItem('checkpoint.harness.token', token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let nextId = 1;
  let queue: string[] = [];
  let socket: WebSocket;
  let retryMs = 250;

  const lost: Envelope<never> = { ok: false, error: { code: 'disconnected', message: 'Lost the connection to the workstation core. Retrying…' } };

  function connect() {
    socket = new WebSocket(`ws://${location.host}/__harness/ipc?token=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      retryMs = 250;
      for (const m of queue) socket.send(m);
      queue = [];
    };
    socket.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as { id?: number; result?: Envelope<unknown>; event?: string; payload?: unknown };
      if (msg.id !== undefined && msg.result) {
        pending.get(msg.id)?.resolve(msg.result);
        pending.delete(msg.id);
      } else if (msg.event) {
        for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      }
    };
    socket.onclose = (ev) => {
      for (const p of pending.values()) p.resolve(lost);
      pending.clear();
      if (ev.code === 4401) return; // bad token: retrying cannot help
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  const bridge: CheckpointBridge = {
    invoke(channel, request) {
      const id = nextId++;
      const message = JSON.stringify({ id, channel, payload: request });
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        if (socket.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      }) as never;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set!.delete(listener as (p: unknown) => void);
    },
  };
  Object.defineProperty(window, 'checkpoint', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
