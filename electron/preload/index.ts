/**
 * Sandboxed preload: exposes exactly one object, `window.checkpoint`, and refuses any channel or event
 * that is not in the contract. The renderer never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName, isEventName } from '../contract/channelNames';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on('checkpoint:event', (_e, message: { event: string; payload: unknown }) => {
  for (const l of listeners.get(message?.event) ?? []) l(message.payload);
});

contextBridge.exposeInMainWorld('checkpoint', {
  invoke(channel: unknown, request: unknown) {
    if (!isChannelName(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'Not part of the contract.' } });
    return ipcRenderer.invoke(channel, request);
  },
  on(event: unknown, listener: Listener) {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  },
});
