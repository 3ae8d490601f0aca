import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/contract';
import { registerAllHandlers, registerHandler } from '../../../electron/main/ipc';

type Handler = (event: unknown, payload: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return { handlers, handle: (channel: string, h: Handler) => void handlers.set(channel, h) };
}

const appFrame = { url: 'app://checkpoint/index.html', parent: null };

describe('IPC registration', () => {
  it('registers every contract channel and nothing else', () => {
    const ipc = fakeIpcMain();
    registerAllHandlers(ipc as never, vi.fn());
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses to register a channel that is not in the contract', () => {
    const ipc = fakeIpcMain();
    expect(() => registerHandler(ipc as never, 'shell.exec', vi.fn())).toThrow(/not in the contract/);
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes a call from the app window to the core with the window id', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'pong' }));
    registerHandler(ipc as never, 'app.info', dispatch);
    const result = await ipc.handlers.get('app.info')!({ senderFrame: appFrame, sender: { id: 7 } }, {});
    expect(result).toEqual({ ok: true, value: 'pong' });
    expect(dispatch).toHaveBeenCalledWith(7, 'app.info', {});
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a sub-frame', { url: 'app://checkpoint/x.html', parent: appFrame }],
    ['no frame', null],
  ])('refuses a sender from %s without reaching the core', async (_n, frame) => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn();
    registerHandler(ipc as never, 'app.info', dispatch);
    const result = (await ipc.handlers.get('app.info')!({ senderFrame: frame, sender: { id: 1 } }, {})) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('foreign_sender');
    expect(dispatch).not.toHaveBeenCalled();
  });
});
